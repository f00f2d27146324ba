"""Lesson kernels forked from a warm parent: ready in a fraction of a second instead of seconds.

Every Voilà page load starts a kernel, and a fresh Python spends most of a lesson's kernel time
starting up and importing ipykernel, ipywidgets, matplotlib and the lesson kit, the same work for
every learner. Here, one *zygote* process per Voilà server imports all that once; each kernel is a
``fork()`` of it that then runs ipykernel as usual, with the connection file, environment and
folder Voilà gives it. Forked kernels also share the zygote's memory pages until they write them.

``ForkedKernelProvisioner`` is a jupyter_client kernel provisioner (entry point ``fadaa-fork``):
it reuses ``LocalProvisioner`` for everything (ports, connection file, signals, shutdown) except
how the process starts. ``ForkingKernelSpecManager`` gives Python kernels that provisioner; Fadaa's
Voilà uses it (``grading.serve``), nothing else does, so trainers' JupyterLab kernels start as usual.

The zygote is started with its server (or by the first kernel launch) and ends with it (it watches
its parent).
"""
from __future__ import annotations

import asyncio
import contextlib
import gc
import hashlib
import json
import os
import random
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import weakref
from pathlib import Path

from jupyter_client.kernelspec import KernelSpecManager
from jupyter_client.provisioning import LocalProvisioner

PROVISIONER = "fadaa-fork"
#: What every page's kernel needs: imported before the zygote takes its first request.
ESSENTIAL = ("ipykernel.kernelapp", "ipywidgets", "matplotlib.pyplot", "fadaa.widgets.lesson", "fadaa.widgets.charts")
#: What lessons and views import besides: imported while no kernel is asked for (a kernel forked
#: before then imports what it still lacks itself). "module:function" also calls the function, to
#: load what the module otherwise loads on first use.
PRELOAD = (
    # what ipykernel's start imports (its debugger: debugpy and pydevd, ~140 modules): imported
    # in each kernel, they were ~10 MB of its own memory; imported here, they are shared
    "ipykernel.debugger", "debugpy.server.api", "IPython.core.debugger", "IPython.core.completerlib",
    "IPython.extensions.storemagic", "psutil", "pydoc", "xmlrpc.server", "tornado.platform.asyncio",
    "fadaa.core.i18n:warm_up", "fadaa.widgets.charts:warm_up",
    "pandas",
    "fadaa.widgets.selling.payments_view", "fadaa.widgets.selling.photo_view", "fadaa.widgets.funding.funding_view",
    "fadaa.widgets.selling.pricing_view", "fadaa.widgets.selling.listing_view",
    "fadaa.widgets.selling.channels_view", "fadaa.widgets.bookkeeping.cash_book_view",
    "fadaa.widgets.bookkeeping.summary_view", "fadaa.widgets.bookkeeping.stock_view",
    "fadaa.widgets.bookkeeping.year_summary_view", "fadaa.widgets.agm.calendar_view",
    "fadaa.widgets.agm.documents_view", "fadaa.widgets.agm.day_view",
    "fadaa.widgets.governance.board_view", "fadaa.widgets.governance.register_view",
    "fadaa.widgets.governance.assembly_view",
    "fadaa.views.learner_home", "fadaa.views.coordinator_dashboard", "fadaa.views.trainer_desk",
)
READY_TIMEOUT = 120.0


# -- the zygote: its own process, ``python -m fadaa.server.forked_kernels <socket>``

def _reap(_signum, _frame) -> None:
    """Collect finished kernels (the zygote's children) so none is left a zombie."""
    try:
        while os.waitpid(-1, os.WNOHANG)[0]:
            pass
    except ChildProcessError:
        pass


def _become_kernel(request: dict) -> None:
    """In the forked child: Voilà's environment and folder, then ipykernel as ``python -m
    ipykernel_launcher -f <connection file>`` would run it."""
    signal.signal(signal.SIGCHLD, signal.SIG_DFL)
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    os.setsid()  # its own process group, so an interrupt reaches it and what it starts
    random.seed()  # a fork shares its parent's random state; each kernel gets its own
    os.environ.clear()
    os.environ.update(request["env"])
    os.chdir(request["cwd"])
    devnull = os.open(os.devnull, os.O_RDONLY)
    os.dup2(devnull, 0)
    from ipykernel.kernelapp import IPKernelApp
    app = IPKernelApp.instance()
    # ipykernel ends a kernel whose parent is gone: here the parent is the zygote, which ends with
    # its server, so no kernel outlives the Voilà that started it
    app.initialize([*request["argv"], f"--IPKernelApp.parent_handle={os.getppid()}"])
    if "ipywidgets" in sys.modules:
        # imported in the zygote, before there was a kernel: its comm targets (how the page asks
        # for the widgets' state) are registered now, as its import does inside a kernel
        sys.modules["ipywidgets"].register_comm_target()
    app.start()


def _preload(entry: str) -> None:
    import importlib
    module, _, function = entry.partition(":")
    try:
        loaded = importlib.import_module(module)
        if function:
            getattr(loaded, function)()
    except Exception as error:  # noqa: BLE001 - a kernel does it again and shows the error there
        print(f"fadaa zygote: {entry} not preloaded: {error!r}", file=sys.stderr)


@contextlib.contextmanager
def _removed_at_exit(socket_path: str):
    parent = os.getpid()
    try:
        yield
    finally:
        if os.getpid() == parent:  # not in a forked kernel leaving through here
            shutil.rmtree(os.path.dirname(socket_path), ignore_errors=True)


def serve(socket_path: str) -> None:
    """Import what kernels need, then fork a kernel for each request until the parent is gone."""
    parent = os.getppid()
    for module in ESSENTIAL:
        _preload(module)
    pending = list(PRELOAD)
    signal.signal(signal.SIGCHLD, _reap)
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))  # stopped: still remove the socket's folder
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as listener, _removed_at_exit(socket_path):
        listener.bind(socket_path + ".new")
        # a class of a hundred opening pages at once: a Unix socket refuses a connect outright
        # (EAGAIN) once its backlog is full, and that page would have no kernel
        listener.listen(1024)
        os.rename(socket_path + ".new", socket_path)  # the socket appears once it takes connections
        while os.getppid() == parent:
            listener.settimeout(0.01 if pending else 1.0)
            try:
                conn, _ = listener.accept()
            except (TimeoutError, InterruptedError):
                if pending:
                    _preload(pending.pop(0))
                continue
            with conn:
                conn.settimeout(10)
                try:
                    request = json.loads(conn.makefile("r", encoding="utf-8").readline())
                except (OSError, ValueError):
                    continue  # a launcher that went away mid-request: nothing to fork
                gc.freeze()  # the collector then leaves the parent's objects, and their shared pages, alone
                pid = os.fork()
                if pid == 0:
                    listener.close()
                    conn.close()
                    try:
                        _become_kernel(request)
                    finally:
                        os._exit(0)
                conn.sendall(json.dumps({"pid": pid}).encode() + b"\n")


# -- in the Voilà server

class ForkedProcess:
    """The part of ``subprocess.Popen`` that ``LocalProvisioner`` uses, for a kernel forked by the
    zygote (the zygote's child, not ours: it is alive while it is the zygote's, and not a zombie)."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int, zygote: int):
        self.pid, self.zygote, self.returncode = pid, zygote, None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                fields = Path(f"/proc/{self.pid}/stat").read_text().rsplit(")", 1)[1].split()
                alive = fields[0] != "Z" and int(fields[1]) == self.zygote
            except (OSError, IndexError, ValueError):
                alive = False
            if not alive:
                self.returncode = 0  # the zygote reaped it; its exit status is not ours to know
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(f"kernel {self.pid}", timeout)
            time.sleep(0.05)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        if self.poll() is None:
            os.kill(self.pid, signum)

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class Zygote:
    """The process's one zygote, started with its server (``ready``) or by the first kernel launch."""

    _process: subprocess.Popen | None = None
    _socket: str | None = None
    # one lock per event loop: nbgrader's executor runs each notebook in a loop of its own
    _starting: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()

    @classmethod
    async def ready(cls, env: dict | None = None) -> None:
        """Start the zygote unless it runs (a server calls this as it starts, to be warm for its first page)."""
        async with cls._starting.setdefault(asyncio.get_running_loop(), asyncio.Lock()):
            if cls._process is None or cls._process.poll() is not None:
                await cls._start(dict(os.environ) if env is None else env)

    @classmethod
    async def fork(cls, argv: list[str], env: dict, cwd: str) -> ForkedProcess:
        await cls.ready(env)
        reader, writer = await cls._connect()
        try:
            writer.write(json.dumps({"argv": argv, "env": env, "cwd": cwd}).encode() + b"\n")
            await writer.drain()
            answer = json.loads(await reader.readline())
        finally:
            writer.close()
        return ForkedProcess(answer["pid"], cls._process.pid)

    @classmethod
    async def _connect(cls, patience: float = 30.0):
        """A connection to the zygote, waiting a little while its backlog is full."""
        deadline = time.monotonic() + patience
        while True:
            try:
                return await asyncio.open_unix_connection(cls._socket)
            except BlockingIOError:
                if time.monotonic() > deadline:
                    raise
                await asyncio.sleep(0.05)

    @classmethod
    async def _start(cls, env: dict) -> None:
        folder = tempfile.mkdtemp(prefix="fadaa-zygote-")  # mode 0700: only this user reaches the socket
        cls._socket = os.path.join(folder, "kernels.sock")
        cls._process = subprocess.Popen([sys.executable, "-m", __name__, cls._socket], env=env,
                                        stdin=subprocess.DEVNULL)
        deadline = time.monotonic() + READY_TIMEOUT
        while not os.path.exists(cls._socket):
            if cls._process.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError("the kernel zygote did not start; see the server's log")
            await asyncio.sleep(0.05)


class ForkedKernelProvisioner(LocalProvisioner):
    """``LocalProvisioner`` with the kernel forked from the zygote instead of a new Python."""

    async def launch_kernel(self, cmd: list[str], **kwargs) -> dict:
        argv = cmd[cmd.index("-f"):] if "-f" in cmd else cmd[1:]
        env = dict(kwargs.get("env") or os.environ)
        cwd = str(kwargs.get("cwd") or os.getcwd())
        self.process = await Zygote.fork(argv, env, cwd)
        self.pid = self.process.pid
        self.pgid = self.pid  # the child made itself a session (and group) leader
        self.cwd = cwd
        return self.connection_info


def use_forked_python_kernels() -> None:
    """Make this process's Python kernels (nbgrader's executor included) forked ones.

    nbgrader's ``Execute`` fixes its kernel manager class, so the choice goes through what every
    kernel manager reads: a ``python3`` kernel spec naming the provisioner, first on JUPYTER_PATH.
    """
    spec = ForkingKernelSpecManager().get_kernel_spec("python3")
    # one folder per user and Python, rewritten in place: workers share it and nothing piles up in /tmp
    tag = f"{os.getuid()}-{hashlib.sha1(sys.executable.encode()).hexdigest()[:8]}"
    folder = Path(tempfile.gettempdir()) / f"fadaa-kernels-{tag}" / "kernels" / "python3"
    folder.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=folder, suffix=".tmp")
    with os.fdopen(fd, "w") as fh:
        json.dump(spec.to_dict(), fh)
    os.replace(tmp, folder / "kernel.json")
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        p for p in (str(folder.parent.parent), os.environ.get("JUPYTER_PATH", "")) if p)


class ForkingKernelSpecManager(KernelSpecManager):
    """Kernel specs as usual, with Python kernels started by ``ForkedKernelProvisioner``."""

    def get_kernel_spec(self, kernel_name: str):
        spec = super().get_kernel_spec(kernel_name)
        if spec.language == "python" and "ipykernel_launcher" in " ".join(spec.argv):
            spec.metadata = {**spec.metadata, "kernel_provisioner": {"provisioner_name": PROVISIONER}}
        return spec


if __name__ == "__main__":
    serve(sys.argv[1])
