"""What a process tree really costs in memory: its proportional set size (PSS), summed.

PSS counts a page shared by n processes as 1/n in each, so forked kernels that share their
zygote's pages are not counted n times, and the sum is what the tree takes from the machine.
"""
from __future__ import annotations

import ctypes
import ctypes.util
from pathlib import Path

M_MMAP_THRESHOLD = -3  # glibc's mallopt parameter (malloc.h)


def _children(pid: int) -> list[int]:
    found = []
    for task in Path(f"/proc/{pid}/task").glob("*"):
        try:
            found += [int(child) for child in (task / "children").read_text().split()]
        except OSError:
            pass
    return found


def tree(pid: int) -> list[int]:
    """``pid`` and every process below it."""
    pids, todo = [], [pid]
    while todo:
        current = todo.pop()
        pids.append(current)
        todo += _children(current)
    return pids


def _rollup(pid: int) -> dict[str, int]:
    """The kB counts of ``/proc/<pid>/smaps_rollup`` by name (empty if it is gone or not ours to read)."""
    try:
        lines = Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines()[1:]
    except OSError:
        return {}
    return {name: int(value.split()[0]) for name, value in (line.split(":", 1) for line in lines)}


def pss(pid: int) -> int:
    """One process's PSS in bytes (0 if it is gone or not ours to read)."""
    return _rollup(pid).get("Pss", 0) * 1024


def private(pid: int) -> int:
    """The memory only this process holds, in bytes: its own pages, not those it shares with its
    zygote (0 if it is gone or not ours to read)."""
    fields = _rollup(pid)
    return (fields.get("Private_Clean", 0) + fields.get("Private_Dirty", 0)) * 1024


def tree_pss(pid: int) -> int:
    return sum(pss(p) for p in tree(pid))


def give_large_buffers_back() -> None:
    """Make glibc hand every allocation over 128 KB back to the system when freed (Linux).

    Each login hashes her PIN with scrypt in a worker thread: 16 MB a hash. glibc raises its mmap
    threshold after the first such buffer is freed, so the next ones came from the threads' heaps
    and stayed there: the hub grew from 140 to 240 MB over a class's logins. A fixed threshold
    (set through mallopt, which also stops it moving) returns them.
    """
    name = ctypes.util.find_library("c")
    if name:
        try:
            ctypes.CDLL(name).mallopt(M_MMAP_THRESHOLD, 128 * 1024)
        except (OSError, AttributeError):  # not glibc: nothing to tune
            pass
