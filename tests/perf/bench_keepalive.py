"""Kept-alive connection benchmark: ten sequential calls through a 25 ms-each-way latency proxy.

Prints
- the server time of one call: the median of warm calls straight to the sandbox (no proxy), which
  includes the client's own work;
- per-call times of ten sequential detect_hack calls through the proxy, first on the profile's
  kept-alive session (KeptSessions, what Runtime.client_for hands out), then on a fresh session per
  call (what the client did before), each as a ratio to (server time + one round trip). Target: the
  warm kept-alive calls (2nd to 10th) within 1.2x;
- how many TCP connections each way opened at the proxy (kept-alive: 1; fresh: 10).
The sandbox serves HTTPS (a throwaway trustme CA, given to the client as the profile's CA bundle)
from a process of its own; the proxy runs in another. It forwards bytes each way 25 ms late, and holds
a connection's first bytes one more round trip, as the TCP handshake a real link would cost (the
kernel completes the loopback handshake at once). Without trustme it falls back to plain HTTP on
loopback and says so. Timings are printed, never asserted.
Run: .venv/bin/python tests/perf/bench_keepalive.py
"""

from __future__ import annotations

import os
import queue
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ONE_WAY_S = 0.025
RTT_S = 2 * ONE_WAY_S
CALLS = 10
DIRECT_RUNS = 15
TARGET = 1.2

SANDBOX = r"""
import ssl, sys
from app.sandbox.server import serve_forever
port, chain = int(sys.argv[1]), sys.argv[2]
context = None
if chain:
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(chain)
serve_forever('127.0.0.1', port, ssl_context=context, delay_scale=0)
"""


# --- the latency proxy (run as its own process: `bench_keepalive.py --proxy LISTEN UPSTREAM`) ----------


def _pump(src: socket.socket, dst: socket.socket, first_extra_s: float, done: threading.Semaphore) -> None:
    """Forward src -> dst, each chunk ONE_WAY_S late (the first ones one round trip later still), in order."""
    due: queue.Queue[tuple[float, bytes]] = queue.Queue()

    def send() -> None:
        try:
            while True:
                at, data = due.get()
                if (wait := at - time.monotonic()) > 0:
                    time.sleep(wait)
                if not data:
                    dst.shutdown(socket.SHUT_WR)
                    return
                dst.sendall(data)
        except OSError:
            pass
        finally:
            done.release()

    threading.Thread(target=send, daemon=True).start()
    extra = first_extra_s
    while True:
        try:
            data = src.recv(256 * 1024)
        except OSError:
            data = b""
        due.put((time.monotonic() + ONE_WAY_S + extra, data))
        extra = 0.0
        if not data:
            return


def _serve_connection(client: socket.socket, upstream_port: int) -> None:
    upstream = socket.create_connection(("127.0.0.1", upstream_port))
    for sock in (client, upstream):
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
    done = threading.Semaphore(0)
    threading.Thread(target=_pump, args=(upstream, client, 0.0, done), daemon=True).start()
    _pump(client, upstream, RTT_S, done)
    done.acquire()
    done.acquire()
    client.close()
    upstream.close()


def run_proxy(listen_port: int, upstream_port: int) -> None:
    listener = socket.create_server(("127.0.0.1", listen_port), backlog=64)
    print("ready", flush=True)
    while True:
        client, _ = listener.accept()
        print("accepted", flush=True)  # one line per TCP connection: the bench counts them
        threading.Thread(target=_serve_connection, args=(client, upstream_port), daemon=True).start()


# --- the bench ---------------------------------------------------------------------------------------


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def wait_for_port(port: int) -> None:
    deadline = time.monotonic() + 10
    while True:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=0.2).close()
            return
        except OSError:
            if time.monotonic() > deadline:
                raise SystemExit(f"nothing listens on port {port}") from None
            time.sleep(0.05)


@contextmanager
def sandbox(chain: Path | None) -> Iterator[int]:
    port = free_port()
    server = subprocess.Popen([sys.executable, "-c", SANDBOX, str(port), str(chain or "")],
                              env={**os.environ, "PYTHONPATH": str(ROOT)},
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        wait_for_port(port)
        yield port
    finally:
        server.terminate()
        server.wait()


class Proxy:
    def __init__(self, upstream_port: int) -> None:
        self.port = free_port()
        self._process = subprocess.Popen([sys.executable, __file__, "--proxy", str(self.port), str(upstream_port)],
                                         stdout=subprocess.PIPE, text=True)
        assert self._process.stdout is not None
        if self._process.stdout.readline().strip() != "ready":
            raise SystemExit("the latency proxy did not start")
        self._lines: list[str] = []
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self._process.stdout is not None
        for line in self._process.stdout:
            self._lines.append(line.strip())

    def connections(self) -> int:
        time.sleep(0.05)  # the accept line of a connection just made
        return self._lines.count("accepted")

    def stop(self) -> None:
        self._process.terminate()
        self._process.wait()


def make_tls(tmp: Path) -> tuple[Path, Path] | None:
    """(server certificate chain with key, CA file), or None without trustme."""
    try:
        import trustme
    except ImportError:
        return None
    ca = trustme.CA()
    chain, ca_file = tmp / "server.pem", tmp / "ca.pem"
    ca.issue_cert("127.0.0.1").private_key_and_cert_chain_pem.write_to_path(str(chain))
    ca.cert_pem.write_to_path(str(ca_file))
    return chain, ca_file


def timed_calls(connection_at: str, ca_file: Path | None, kept: bool, count: int) -> list[float]:
    from app.core.client import KeptSessions, LinkFaceClient
    from app.core.connection import Connection, ProxyMode
    from app.core.contract import FileSource
    from app.sandbox.server import SANDBOX_API_ID, SANDBOX_API_SECRET

    connection = Connection(connection_at, SANDBOX_API_ID, SANDBOX_API_SECRET, proxy_mode=ProxyMode.NONE,
                            ca_bundle=ca_file)
    capture = FileSource(ROOT / "resources" / "samples" / "zhang-san.lfs")
    keeper = KeptSessions()
    times = []
    try:
        for _ in range(count):
            start = time.perf_counter()
            with (keeper.client("bench", connection) if kept else LinkFaceClient(connection)) as client:
                client.detect_hack(capture)
            times.append(time.perf_counter() - start)
    finally:
        keeper.close()
    return times


def main() -> None:
    sys.path.insert(0, str(ROOT))
    import app.core.client  # noqa: F401 -- loaded before timing, as the window's warm-up does

    with tempfile.TemporaryDirectory() as tmp:
        tls = make_tls(Path(tmp))
        scheme = "https" if tls else "http"
        chain, ca_file = tls if tls else (None, None)
        with sandbox(chain) as port:
            direct = timed_calls(f"{scheme}://127.0.0.1:{port}", ca_file, kept=True, count=DIRECT_RUNS)
            server_s = statistics.median(direct[1:])
            ideal = server_s + RTT_S
            proxy = Proxy(port)
            try:
                via = f"{scheme}://127.0.0.1:{proxy.port}"
                kept = timed_calls(via, ca_file, kept=True, count=CALLS)
                kept_connections = proxy.connections()
                fresh = timed_calls(via, ca_file, kept=False, count=CALLS)
                fresh_connections = proxy.connections() - kept_connections
            finally:
                proxy.stop()

    if tls:
        print(f"{CALLS} sequential detect_hack calls over HTTPS (sandbox with a throwaway CA) through a loopback "
              f"proxy adding {ONE_WAY_S * 1000:.0f} ms each way")
    else:
        print("trustme is not installed: PLAIN HTTP on loopback, not HTTPS (no TLS handshake in the fresh case)")
        print(f"{CALLS} sequential detect_hack calls through a loopback proxy adding {ONE_WAY_S * 1000:.0f} ms "
              "each way")
    print(f"  server time (warm calls straight to the sandbox, median of {DIRECT_RUNS - 1}): {server_s * 1000:.1f} ms;"
          f" server + one RTT = {ideal * 1000:.1f} ms")
    for name, times, connections in (("kept-alive session", kept, kept_connections),
                                     ("fresh session per call", fresh, fresh_connections)):
        print(f"  {name} ({connections} TCP connection{'s' if connections != 1 else ''}):")
        print("    " + "  ".join(f"{t * 1000:.0f}" for t in times) + "  ms")
        print("    ratio to server + RTT: " + "  ".join(f"{t / ideal:.2f}" for t in times))
    warm = statistics.median(kept[1:])
    print(f"  kept-alive warm calls (2..{CALLS}): median {warm * 1000:.1f} ms, ratio {warm / ideal:.2f}, worst ratio "
          f"{max(kept[1:]) / ideal:.2f}   (target <= {TARGET})")
    print(f"  fresh session per call: median {statistics.median(fresh) * 1000:.1f} ms, ratio "
          f"{statistics.median(fresh) / ideal:.2f}; first kept-alive call {kept[0] * 1000:.1f} ms")


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--proxy":
        run_proxy(int(sys.argv[2]), int(sys.argv[3]))
    else:
        main()
