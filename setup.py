"""The one build step pyproject.toml cannot declare: the package carries its resources.

The repository keeps them at the top (``resources/``); a wheel ships them as ``app/resources``:
the icons, the sample files and the translations compiled from ``.ts`` to ``.qm`` (build products,
never committed). An editable install compiles the ``.qm`` files in place, so ``pip install -e .``
gives a Chinese window too. The app finds them with ``app.core.paths.resources_dir``.
"""

from __future__ import annotations

import runpy
import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
RESOURCES = ROOT / "resources"
SHIPPED = ("icons", "samples")  # and translations/*.qm; screenshots stay in the repository


class BuildWithResources(build_py):
    def run(self) -> None:
        super().run()
        # .ts -> .qm with PySide6's lrelease (PySide6 is a build requirement for this)
        runpy.run_path(str(ROOT / "build_scripts" / "i18n.py"))["release"]()
        if self.editable_mode:
            return  # the app reads the repository's resources/ folder itself
        target = Path(self.build_lib) / "app" / "resources"
        for part in SHIPPED:
            shutil.copytree(RESOURCES / part, target / part, dirs_exist_ok=True)
        (target / "translations").mkdir(parents=True, exist_ok=True)
        for qm in (RESOURCES / "translations").glob("*.qm"):
            shutil.copy2(qm, target / "translations" / qm.name)


setup(cmdclass={"build_py": BuildWithResources})
