"""Kernels forked from the warm zygote behave as kernels: their own folder, environment, process
group and random state; interrupted, restarted and shut down like any other; and quick to start."""
from __future__ import annotations

import asyncio
import os
import shutil
import signal
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from jupyter_client.manager import AsyncKernelManager

from fadaa.server.forked_kernels import ForkingKernelSpecManager, Zygote


def in_own_loop(coroutine):
    """Run ``coroutine`` to its end in a thread of its own: the session's Playwright browser keeps an
    event loop running in the test thread, where ``asyncio.run`` refuses to start another."""
    with ThreadPoolExecutor(1) as pool:
        return pool.submit(asyncio.run, coroutine).result()


def run(code: str, client, timeout: float = 60) -> tuple[str, str]:
    """stdout and the error name (if any) of ``code`` run in the kernel."""
    async def go():
        msg_id = client.execute(code)
        out, error = [], ""
        while True:
            msg = await client.get_iopub_msg(timeout=timeout)
            if msg["parent_header"].get("msg_id") != msg_id:
                continue
            if msg["msg_type"] == "stream":
                out.append(msg["content"]["text"])
            elif msg["msg_type"] == "error":
                error = msg["content"]["ename"]
            elif msg["msg_type"] == "status" and msg["content"]["execution_state"] == "idle":
                return "".join(out), error
    return go()


def test_forked_kernels_are_separate_quick_kernels(tmp_path):
    async def scenario():
        kernels = []
        for n in range(2):
            folder = tmp_path / f"lesson{n}"
            folder.mkdir()
            manager = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=ForkingKernelSpecManager())
            started = time.monotonic()
            await manager.start_kernel(cwd=str(folder), env={**os.environ, "QUERY_STRING": f"lang={n}"})
            client = manager.client()
            client.start_channels()
            await client.wait_for_ready(timeout=120)
            kernels.append((manager, client, folder, time.monotonic() - started))

        (first, c1, folder1, _), (second, c2, folder2, second_start) = kernels
        assert first.provisioner.process.pid != second.provisioner.process.pid
        assert await run("import os; print(os.getcwd(), os.environ['QUERY_STRING'])", c1) == (f"{folder1} lang=0\n", "")
        assert await run("import os; print(os.getcwd(), os.environ['QUERY_STRING'])", c2) == (f"{folder2} lang=1\n", "")
        assert (await run("import random; print(random.random())", c1))[0] != \
            (await run("import random; print(random.random())", c2))[0]
        # the zygote was warm for the second kernel: ipykernel and the kit were already imported
        assert (await run("import sys; print('fadaa.widgets' in sys.modules)", c2))[0] == "True\n"
        # the page asks the kernel for its widgets through these comm targets
        targets = "import comm; print(sorted(t for t in comm.get_comm_manager().targets if 'widget' in t))"
        assert (await run(targets, c2))[0] == "['jupyter.widget', 'jupyter.widget.control']\n"
        assert second_start < 3.0, f"a forked kernel took {second_start:.1f} s to be ready"
        await run("x = 1", c1)

        # an endless loop is interrupted as in any kernel
        loop = c1.execute("while True: pass", stop_on_error=False)
        await asyncio.sleep(1)
        await first.interrupt_kernel()
        while True:
            msg = await c1.get_iopub_msg(timeout=30)
            if msg["parent_header"].get("msg_id") == loop and msg["msg_type"] == "error":
                assert msg["content"]["ename"] == "KeyboardInterrupt"
                break
        reply = await c1.execute("", reply=True, user_expressions={"answer": "6 * 7"}, timeout=30)
        assert reply["content"]["user_expressions"]["answer"]["data"]["text/plain"] == "42"  # still alive

        await first.restart_kernel(now=True)
        await c1.wait_for_ready(timeout=120)
        reply = await c1.execute("", reply=True, user_expressions={"fresh": "'x' in globals()"}, timeout=30)
        assert reply["content"]["user_expressions"]["fresh"]["data"]["text/plain"] == "False"

        for manager, client, *_ in kernels:
            pid = manager.provisioner.process.pid
            client.stop_channels()
            await manager.shutdown_kernel(now=True)
            deadline = time.monotonic() + 10
            while os.path.exists(f"/proc/{pid}") and time.monotonic() < deadline:
                await asyncio.sleep(0.1)
            assert not os.path.exists(f"/proc/{pid}"), "the forked kernel outlived its shutdown"

    try:
        in_own_loop(scenario())
    finally:
        if Zygote._process is not None:
            Zygote._process.send_signal(signal.SIGTERM)
            Zygote._process.wait(timeout=10)
            Zygote._process = None


def test_no_kernel_outlives_its_zygote(tmp_path):
    """A server that dies (here its zygote is killed) leaves no kernel running."""
    async def scenario():
        manager = AsyncKernelManager(kernel_name="python3", kernel_spec_manager=ForkingKernelSpecManager())
        await manager.start_kernel(cwd=str(tmp_path), env=dict(os.environ))
        client = manager.client()
        client.start_channels()
        await client.wait_for_ready(timeout=120)
        client.stop_channels()
        return manager.provisioner.process.pid

    try:
        pid = in_own_loop(scenario())
    finally:
        if Zygote._process is not None:
            Zygote._process.kill()  # as the machine's OOM killer would: nothing of it runs after this
            Zygote._process.wait(timeout=10)
            Zygote._process = None
            shutil.rmtree(os.path.dirname(Zygote._socket), ignore_errors=True)
    deadline = time.monotonic() + 15
    while os.path.exists(f"/proc/{pid}") and time.monotonic() < deadline:
        time.sleep(0.2)
    assert not os.path.exists(f"/proc/{pid}"), "a kernel outlived its zygote"


def test_the_zygote_loads_catalogs_before_kernels_need_them(capsys):
    """A "module:function" preload entry runs the function: kernels forked afterwards have every
    language's catalogs compiled; an entry that fails is reported, not fatal to the zygote."""
    from fadaa.server.forked_kernels import PRELOAD, _preload
    from fadaa.core import i18n

    assert "fadaa.core.i18n:warm_up" in PRELOAD
    i18n.translations.cache_clear()
    _preload("fadaa.core.i18n:warm_up")
    assert i18n.translations.cache_info().currsize == len(i18n.SUPPORTED)
    _preload("fadaa.core.i18n:no_such_function")
    assert "fadaa.core.i18n:no_such_function not preloaded" in capsys.readouterr().err


def _children(pid: int) -> list[str]:
    """The command lines of ``pid``'s child processes."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            if int(stat.read_text().rsplit(")", 1)[1].split()[1]) == pid:
                found.append((stat.parent / "cmdline").read_bytes().replace(b"\0", b" ").decode())
        except (OSError, ValueError, IndexError):
            continue
    return found


def test_the_zygote_starts_with_the_server_before_any_page(tmp_path):
    """So that the first learner does not wait for ipykernel, matplotlib and the kit to import."""
    from fadaa.server.running import free_port, running
    from fadaa.server.serve import voila_command, voila_environment

    (tmp_path / "home").mkdir()
    port = free_port()
    with running(voila_command(tmp_path / "home", port), port, voila_environment(), tmp_path / "voila.log"):
        server = next(int(p.parent.name) for p in Path("/proc").glob("[0-9]*/cmdline")
                      if f"--port={port}".encode() in p.read_bytes() and b"fadaa.server.serve" in p.read_bytes())
        deadline = time.monotonic() + 30
        while not any("fadaa.server.forked_kernels" in line for line in _children(server)):
            assert time.monotonic() < deadline, "no kernel zygote under the server before its first page"
            time.sleep(0.2)
