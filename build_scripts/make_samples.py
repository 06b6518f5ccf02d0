"""Write the sandbox's sample files (synthetic faces, liveness files, README, people.json).

    python build_scripts/make_samples.py [--out resources/samples]

Deterministic: the same bytes on every run. The content comes from app/sandbox/samples.py, the
same code the running sandbox serves its samples from.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "resources" / "samples")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(ROOT))  # runnable from a source tree without installing the project
    from app.sandbox.samples import build_samples

    args.out.mkdir(parents=True, exist_ok=True)
    samples = build_samples()
    for name, content in samples.items():
        (args.out / name).write_bytes(content)
    print(f"wrote {len(samples)} files, {sum(map(len, samples.values()))} bytes, to {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
