"""Answer saving: every answer goes into the learner's own copy of the notebook, as she gives it.

A checkpoint names an nbgrader answer cell by its ``grade_id``. A code answer cell holds one line,
``<grade_id> = <literal>``; a free-text answer cell is a markdown cell holding her text. Writing the
answer there (not in a side file) means a dropped connection loses nothing and every nbgrader tool
(submit, autograde, formgrader) sees it. Values are written with ``repr`` of plain numbers and
strings and read back with ``ast.literal_eval``: nothing a learner types is ever evaluated.

A free-text answer may also be spoken: her voice note is a file beside the notebook
(``<lesson>.voice-<grade_id>.webm``), so nbgrader's submit, collect and autograde carry it with the
assignment, and the answer cell names it in one line of its own, ``<audio controls src="...">``,
which formgrader shows as a player of the submission's own file. Her text and her note coexist in
the cell; either is an answer.

Nor is it ever rendered as markup: formgrader, JupyterLab and nbgrader's feedback pages all render
a markdown cell to HTML, so her text is stored with ``&``, ``<``, ``>`` and ``[`` as character
references. A tag, an autolink or a ``[link](javascript:...)`` she types then reads as the text she
typed in every renderer, and cannot run in her trainer's browser.

A saved value a step cannot be built from (a 27-digit figure, a text where a number was, a
hand-edited notebook) must not lock her out of that step: while a step is built the values it reads
are recorded (``recording_reads``), and the lesson sets aside (``set_aside``) the one that broke it.
A value set aside reads as never saved, until she saves that answer again.

The notebook is read and written as the JSON it is, the way nbformat writes it, without importing
nbformat: that import pulls in jsonschema's format checkers (1.6 s of grammar building), which
every lesson's kernel would pay before the learner sees a thing.
"""
from __future__ import annotations

import ast
import contextlib
import fcntl
import html
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Any, Iterator

AnswerValue = int | float | str | None
METADATA_KEY = "fadaa"
#: Under METADATA_KEY: which checkpoints' worked answers she opened, and when (her trainer reads it).
WORKED_KEY = "worked_answers_seen"
STEP_KEY = "step"  # the step she was on: a reload or a new kernel opens the lesson there
#: Under METADATA_KEY: her tries at each checked answer, ``{grade_id: [{"value": v, "right": bool}, ...]}``,
#: oldest first; the answer cell keeps only the last value, which is all nbgrader grades.
ATTEMPTS_KEY = "attempts"
#: Her latest tries kept per answer: enough to see her usual mistakes, never a notebook that grows
#: with every tap (a learner who tries more counts as trying this many times).
MAX_ATTEMPTS = 20


#: One saved value: (the notebook's path, "cell" or "data", its grade_id or metadata key).
SavedRead = tuple[str, str, str]
_reads: list[SavedRead] | None = None  # what the step being built has read, while one is
_set_aside: set[SavedRead] = set()     # values a step could not be built from, until saved again


@contextlib.contextmanager
def recording_reads() -> Iterator[list[SavedRead]]:
    """The saved values read inside the ``with`` block (and not set aside), in the order read."""
    global _reads
    outer, _reads = _reads, []
    try:
        yield _reads
    finally:
        inner, _reads = _reads, outer
        if outer is not None:
            outer.extend(inner)


def set_aside(read: SavedRead) -> None:
    """Read ``read`` as never saved (in this kernel, for every store of that notebook) until saved again."""
    _set_aside.add(read)


#: The line of a free-text answer cell that names her voice note; her own text can never make it,
#: since every ``<`` she types is stored as ``&lt;``.
VOICE_LINE = re.compile(r'^<audio controls src="([\w-][\w.-]*)"></audio>$', re.MULTILINE)
VOICE_SUFFIX = ".webm"  # what fadaa.widgets.voice_note keeps


def voice_line(filename: str) -> str:
    return f'<audio controls src="{filename}"></audio>'


def split_voice(source: str) -> tuple[str, str | None]:
    """A free-text answer cell's source as (her text as stored, the file name of her voice note or None)."""
    match = VOICE_LINE.search(source)
    if not match:
        return source, None
    return (source[:match.start()] + source[match.end():]).strip(), match.group(1)


def _free_text_source(text: str, voice: str | None) -> str:
    return "\n\n".join(part for part in (text.strip(), voice_line(voice) if voice else "") if part)


class AnswerCellMissing(KeyError):
    """The notebook has no nbgrader answer cell with that grade_id (a broken or tampered lesson)."""


def _check_value(value: Any) -> AnswerValue:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise TypeError(f"an answer is a number or a text, not {type(value).__name__}")
    if value != value or value in (float("inf"), float("-inf")):
        raise ValueError("an answer must be a finite number")
    return value


def _text(source: str | list[str]) -> str:
    """A cell's source as one string (on disk it is usually a list of lines)."""
    return "".join(source) if isinstance(source, list) else source


# What starts markup in markdown: HTML tags and autolinks (<), entities (&), links and images ([).
_MARKUP = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;", "[": "&#91;"})


def as_markdown(text: str) -> str:
    """Her free text as a markdown cell's source that renders as exactly that text, never as markup."""
    return text.translate(_MARKUP)


def _lines(text: str) -> list[str]:
    """A cell's source as nbformat stores it: its lines, each keeping its newline."""
    return text.splitlines(keepends=True)


def _add_attempt(nb: dict, grade_id: str, value: AnswerValue, right: bool) -> None:
    fadaa = nb.setdefault("metadata", {}).setdefault(METADATA_KEY, {})
    if not isinstance(fadaa.get(ATTEMPTS_KEY), dict):
        fadaa[ATTEMPTS_KEY] = {}  # none yet, or not what we write: her answer is saved all the same
    tries = fadaa[ATTEMPTS_KEY].get(grade_id)
    tries = [t for t in tries if isinstance(t, dict)] if isinstance(tries, list) else []
    if tries and tries[-1].get("value") == value:
        return
    fadaa[ATTEMPTS_KEY][grade_id] = [*tries, {"value": value, "right": right}][-MAX_ATTEMPTS:]


def _replace(target: Path, data: bytes, mode: int) -> None:
    """``target`` now holds ``data``, all at once: a crash leaves the old file or the new, never half."""
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        os.chmod(tmp, mode)
        os.replace(tmp, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)
        raise


class AnswerStore:
    """Reads and writes the answers kept in one notebook file."""

    def __init__(self, notebook: str | os.PathLike):
        self.path = Path(notebook)

    def usable(self, kind: str, key: str) -> bool:
        """False when that saved value was set aside; otherwise records that it is being read."""
        read = (str(self.path.resolve()), kind, key)
        if read in _set_aside:
            return False
        if _reads is not None:
            _reads.append(read)
        return True

    def saved_anew(self, kind: str, key: str) -> None:
        """She saved that value again: read it from now on, even if a step had set it aside."""
        _set_aside.discard((str(self.path.resolve()), kind, key))

    # -- locking and atomic writes: two tabs of the same lesson must not lose each other's answers
    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        lock_path = self.path.with_name(f".{self.path.name}.lock")
        with open(lock_path, "w") as lock:
            fcntl.flock(lock, fcntl.LOCK_EX)
            try:
                yield
            finally:
                fcntl.flock(lock, fcntl.LOCK_UN)

    def _read(self) -> dict:
        with open(self.path, encoding="utf-8") as fh:
            return json.load(fh)

    def _write(self, nb: dict) -> None:
        # nbformat's own layout (nbformat.v4.nbjson), so a saved answer changes one line of the file
        text = json.dumps(nb, sort_keys=True, indent=1, separators=(",", ": "), ensure_ascii=False) + "\n"
        _replace(self.path, text.encode("utf-8"), self.path.stat().st_mode & 0o777)

    @staticmethod
    def _answer_cell(nb: dict, grade_id: str) -> dict:
        for cell in nb.get("cells", []):
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("grade_id") == grade_id and meta.get("solution"):
                return cell
        raise AnswerCellMissing(grade_id)

    # -- answers
    def save(self, grade_id: str, value: AnswerValue, right: bool | None = None) -> None:
        """Write ``value`` into the answer cell ``grade_id`` and save the notebook now.

        ``right`` is the lesson's verdict on a checked answer (a number or a choice): the try is also
        added to her attempts, in the same write, unless it repeats her last one (a reload, or
        Enter then Check).
        """
        value = _check_value(value)
        with self._locked():
            nb = self._read()
            cell = self._answer_cell(nb, grade_id)
            if cell["cell_type"] == "markdown":
                voice = split_voice(_text(cell.get("source", "")))[1]
                text = "" if value is None else as_markdown(str(value))
                cell["source"] = _lines(_free_text_source(text, voice))
            else:
                if not grade_id.isidentifier():
                    raise ValueError(f"code answer cell ids must be Python names: {grade_id!r}")
                cell["source"] = _lines(f"{grade_id} = {value!r}")
                cell["outputs"] = []
                cell["execution_count"] = None
            if right is not None:
                _add_attempt(nb, grade_id, value, bool(right))
            self._write(nb)
        self.saved_anew("cell", grade_id)

    def load(self, grade_id: str, blank: str = "") -> AnswerValue:
        """The saved answer, or None when the cell still holds the released stub (or ``blank``)."""
        if not self.usable("cell", grade_id):
            return None
        cell = self._answer_cell(self._read(), grade_id)
        source = _text(cell.get("source", ""))
        if cell["cell_type"] == "markdown":
            text = split_voice(source)[0].strip()
            return None if not text or text == blank.strip() else html.unescape(text)
        try:
            tree = ast.parse(source)
        except SyntaxError:
            return None
        for node in tree.body:
            if (isinstance(node, ast.Assign) and len(node.targets) == 1
                    and isinstance(node.targets[0], ast.Name) and node.targets[0].id == grade_id):
                try:
                    return _check_value(ast.literal_eval(node.value))
                except (ValueError, TypeError, SyntaxError):
                    return None
        return None

    # -- her voice note, beside the notebook
    def voice_path(self, grade_id: str) -> Path:
        if not re.fullmatch(r"[\w-]+", grade_id):
            raise ValueError(f"a voice note is named after its cell, which this id cannot name: {grade_id!r}")
        return self.path.with_name(f"{self.path.stem}.voice-{grade_id}{VOICE_SUFFIX}")

    def save_voice(self, grade_id: str, data: bytes, blank: str = "") -> Path:
        """Keep ``data`` (a checked note) as the voice note of the free-text cell ``grade_id``, in
        place of any earlier one, and name it in the cell; her text there stays (not ``blank``,
        the released stub that says the cell is empty)."""
        path = self.voice_path(grade_id)
        with self._locked():
            nb = self._read()
            cell = self._answer_cell(nb, grade_id)
            if cell["cell_type"] != "markdown":
                raise ValueError(f"only a free-text answer takes a voice note, not {grade_id!r}")
            _replace(path, data, self.path.stat().st_mode & 0o666)
            text = split_voice(_text(cell.get("source", "")))[0]
            text = "" if text.strip() == blank.strip() else text
            cell["source"] = _lines(_free_text_source(text, path.name))
            self._write(nb)
        self.saved_anew("cell", grade_id)
        return path

    def voice_notes(self) -> dict[str, str]:
        """grade_id -> the file name of her voice note, for each free-text answer cell that names one
        (the file itself may be missing: a notebook copied without it)."""
        notes = {}
        for cell in self._read().get("cells", []):
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if cell.get("cell_type") == "markdown" and meta.get("solution") and meta.get("grade_id"):
                name = split_voice(_text(cell.get("source", "")))[1]
                if name:
                    notes[meta["grade_id"]] = name
        return notes

    def voice_file(self, grade_id: str) -> Path | None:
        """Her kept voice note for ``grade_id``: the file her answer cell names, if it is there."""
        if not self.usable("cell", grade_id):
            return None
        name = split_voice(_text(self._answer_cell(self._read(), grade_id).get("source", "")))[1]
        path = self.path.with_name(name) if name else None
        return path if path and path.is_file() else None

    def load_voice(self, grade_id: str) -> bytes | None:
        """The bytes of her kept voice note for ``grade_id``, if there is one."""
        path = self.voice_file(grade_id)
        return path.read_bytes() if path else None

    # -- work that is not graded but must survive a reload (her own figures)
    def save_data(self, key: str, data: Any) -> None:
        with self._locked():
            nb = self._read()
            metadata = nb.setdefault("metadata", {})
            if not isinstance(metadata.get(METADATA_KEY), dict):  # hand-edited: nothing in it could be read
                metadata[METADATA_KEY] = {}
            metadata[METADATA_KEY][key] = data
            self._write(nb)
        self.saved_anew("data", key)

    def load_data(self, key: str, default: Any = None) -> Any:
        saved = self._read().get("metadata", {}).get(METADATA_KEY, {})
        if not isinstance(saved, dict) or key not in saved or not self.usable("data", key):
            return default
        return saved[key]
