"""A Voilà server started and stopped around a block, for the tests and the benchmarks (not the hub).

The tests and the benchmarks start ``fadaa.server.serve`` or plain Voilà on a free port of
127.0.0.1, the same way, so both measure the server a learner gets.
"""
from __future__ import annotations

import contextlib
import subprocess
import time
import urllib.request
from pathlib import Path
from typing import Iterator

from .serve import free_ports


def free_port() -> int:
    """A TCP port of 127.0.0.1 that nothing listens on now."""
    return free_ports(1)[0]



@contextlib.contextmanager
def running(command: list[str], port: int, env: dict, log_path: Path, timeout: float = 90) -> Iterator[str]:
    """A Voilà server (``voila_command`` or plain Voilà's) listening on ``port`` of 127.0.0.1, for the
    tests and benchmarks: yields its base URL once it answers, and stops it when the block ends.
    Its output goes to ``log_path``."""
    base = f"http://127.0.0.1:{port}"
    with open(log_path, "w") as log:
        server = subprocess.Popen(command, env=env, stdout=log, stderr=subprocess.STDOUT)
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    urllib.request.urlopen(base + "/voila/tree", timeout=2)
                    break
                except OSError:
                    if time.monotonic() > deadline or server.poll() is not None:
                        raise RuntimeError(f"Voilà did not start:\n{Path(log_path).read_text()}") from None
                    time.sleep(0.5)
            yield base
        finally:
            server.terminate()
            try:
                server.wait(timeout=30)
            except subprocess.TimeoutExpired:
                server.kill()
