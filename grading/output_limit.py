"""Autograde keeps a short output of each cell, cut as it arrives: a submission that prints 50 MB
is graded into a notebook of a few kilobytes, and the grading process never holds the 50 MB.

nbgrader's ``LimitOutput`` cuts a cell's stream output to ``max_lines`` lines, but only once the
whole notebook has run: 50 MB printed on one line (or shown as a cell's value, which is not a
stream) passes it whole, and every output was first kept in memory by the executor. ``Execute``
here is nbgrader's, with each cell's output held to ``max_output_chars`` as its messages come in;
what is cut ends with nbgrader's own mark (``TRUNCATED_MARK``), which the batch flags
(``output_truncated``). An error is never dropped, only shortened: nbgrader grades a test cell by
whether it shows an error, so flooding the output must not hide a failed test.
"""
from __future__ import annotations

from typing import Any

from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Integer

TRUNCATED_MARK = "... Output truncated ..."  # what nbgrader's LimitOutput writes where it cuts


def output_text(output: dict) -> str:
    """The text an output shows: a stream's, a result's plain text, an error's traceback."""
    if output.get("output_type") == "stream":
        return output.get("text", "")
    if output.get("output_type") == "error":
        return "\n".join(output.get("traceback", []))
    return str(output.get("data", {}).get("text/plain", ""))


class BoundedExecute(Execute):
    """nbgrader's ``Execute``, keeping at most ``max_output_chars`` of each cell's output."""

    max_output_chars = Integer(20_000, help="characters of output kept per cell; the rest is cut "
                                            "as it arrives, and the cell marked").tag(config=True)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._room = self.max_output_chars  # what the running cell may still show

    def preprocess_cell(self, cell: NotebookNode, resources: dict, index: int):
        self._room = self.max_output_chars  # each cell starts with its whole allowance
        return super().preprocess_cell(cell, resources, index)

    def output(self, outs: list, msg: dict[str, Any], display_id: str | None, cell_index: int):
        if self._room < 0 and msg["msg_type"] != "error" and not display_id:
            return None  # already cut and marked: the rest is not even held, let alone written
        out = super().output(outs, msg, display_id, cell_index)
        if out is not None:
            self._cut(out)
        return out

    def _cut(self, out: NotebookNode) -> None:
        room = max(self._room, 0)
        kind = out.get("output_type")
        if kind == "error":
            # kept whatever the room left: it is what fails a test; its lines shortened, not dropped
            lines = [str(line) for line in out.get("traceback", [])]
            if len(out.get("evalue", "")) > self.max_output_chars or any(len(l) > self.max_output_chars for l in lines):
                out["evalue"] = out.get("evalue", "")[:self.max_output_chars]
                out["traceback"] = [line[:self.max_output_chars] for line in lines] + [TRUNCATED_MARK]
            return
        size = len(out.get("text", "")) if kind == "stream" else sum(len(str(v)) for v in out.get("data", {}).values())
        self._room -= size
        if self._room >= 0:
            return
        if kind == "stream":
            out["text"] = out["text"][:room] + "\n" + TRUNCATED_MARK + "\n"
        else:  # a result or a display: its plain text only, cut
            out["data"] = {"text/plain": output_text(out)[:room] + "\n" + TRUNCATED_MARK}
            out["metadata"] = {}
