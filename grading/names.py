"""Names people read: a module's title and a checkpoint's question, in the reader's language.

The lessons carry them already, so there is no second catalog to keep in step: each lesson
notebook's metadata holds its title in both languages (``metadata.fadaa.title``), and each
checkpoint's question is the ``fr=`` / ``ar=`` of its ``lesson.numeric / choice / free_text("<grade_id>",
...)`` call, read here from the cell's code without running it. Both are read from a folder laid out
as nbgrader lays out a course, ``<module>/<lesson>.ipynb``: the course's ``source/`` for the trainer
and the coordinator, her own home for her. Notebooks are read as JSON (no nbformat import) and
remembered until they change.
"""
from __future__ import annotations

import ast
import functools
import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Mapping

from fadaa.core.i18n import format_number

LANGUAGES = ("fr", "ar")
TEST_PREFIX = "test_"  # the course's convention: the hidden tests of answer ``x`` are cell ``test_x``
CHECKPOINT_CALLS = ("numeric", "choice", "free_text")
SHORT = 90  # characters of a question shown as a checkpoint's name in a list or a table
_MARKUP = re.compile(r"[*_`]+")


@functools.lru_cache(maxsize=256)
def _notebook(path: str, _mtime_ns: int) -> dict:
    try:
        with open(path, encoding="utf-8") as fh:
            found = json.load(fh)
    except (OSError, ValueError):
        return {}  # a copy being saved right now, or broken: names fall back to the module's this time
    return found if isinstance(found, dict) else {}


def read_notebook(path: Path) -> dict:
    """The notebook's JSON, read again only when the file changed."""
    try:
        return _notebook(str(path), path.stat().st_mtime_ns)
    except OSError:
        return {}


def lessons_in(folder: Path) -> dict[str, Path]:
    """Each module's lesson in ``folder``: the first notebook of its ``<module>/`` folder."""
    found: dict[str, Path] = {}
    for notebook in sorted(Path(folder).glob("*/*.ipynb")):
        found.setdefault(notebook.parent.name, notebook)
    return found


def _both(value) -> dict[str, str]:
    return {lang: str(value[lang]) for lang in LANGUAGES if isinstance(value, dict) and value.get(lang)}


@dataclass(frozen=True)
class ModuleTitles:
    """Module name -> its title in each language; a module without one reads as its name."""

    titles: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    @classmethod
    def read(cls, folder: Path | None) -> "ModuleTitles":
        if folder is None:
            return cls()
        return cls({module: _both(read_notebook(path).get("metadata", {}).get("fadaa", {}).get("title"))
                    for module, path in lessons_in(folder).items()})

    def __call__(self, module: str, lang: str) -> str:
        return self.titles.get(module, {}).get(lang) or module

    def both(self, module: str) -> dict[str, str]:
        return {lang: self(module, lang) for lang in LANGUAGES}


def checkpoint_of(cell: str) -> str:
    """The checkpoint (answer cell) a grade cell grades: ``test_total_sales`` -> ``total_sales``; a
    free-text answer is graded in its own cell."""
    return cell[len(TEST_PREFIX):] if cell.startswith(TEST_PREFIX) else cell


def _shorten(text: str) -> str:
    text = " ".join(_MARKUP.sub("", text).split())
    return text if len(text) <= SHORT else text[:SHORT].rsplit(" ", 1)[0] + " …"


@dataclass(frozen=True)
class Checkpoint:
    """A checkpoint as she met it: its question and, for a choice, its options, in both languages."""

    grade_id: str
    kind: str = ""                               # numeric, choice or free_text: the kit's call
    question: Mapping[str, str] = field(default_factory=dict)
    options: Mapping[str, Mapping[str, str]] = field(default_factory=dict)

    def title(self, lang: str) -> str:
        """Its question, shortened for a list; a checkpoint the lesson no longer asks: its id."""
        question = self.question.get(lang)
        return _shorten(question) if question else self.grade_id

    @property
    def checked(self) -> bool:
        """Checked as she answers (a number, a choice), so her tries are kept; free text is read by her trainer."""
        return self.kind != "free_text"

    def answer_text(self, value, lang: str) -> str:
        """An answer as she chose or typed it: a choice's option in words, a number as she writes it."""
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            return format_number(value, lang)
        option = self.options.get(value) if isinstance(value, str) else None
        return _shorten(option.get(lang, value)) if option else str(value)


def _literal(node: ast.AST | None):
    try:
        return ast.literal_eval(node) if node is not None else None
    except ValueError:
        return None


def _checkpoint_call(node: ast.AST) -> Checkpoint | None:
    if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
            and node.func.attr in CHECKPOINT_CALLS and node.args and isinstance(node.args[0], ast.Constant)
            and isinstance(node.args[0].value, str)):
        return None
    given = {k.arg: k.value for k in node.keywords}
    question = {lang: _literal(given.get(lang)) for lang in LANGUAGES}
    options = _literal(given.get("options")) or {}
    return Checkpoint(node.args[0].value, node.func.attr, {k: v for k, v in question.items() if isinstance(v, str)},
                      {key: dict(zip(LANGUAGES, pair)) for key, pair in options.items()
                       if isinstance(pair, (tuple, list)) and len(pair) == len(LANGUAGES)})


def checkpoints(notebook: Path | None) -> dict[str, Checkpoint]:
    """grade_id -> its checkpoint, in the lesson's order, for every checkpoint of the lesson."""
    found: dict[str, Checkpoint] = {}
    for cell in (read_notebook(notebook) if notebook else {}).get("cells", []):
        if cell.get("cell_type") != "code":
            continue
        source = cell.get("source", "")
        try:
            tree = ast.parse("".join(source) if isinstance(source, list) else source)
        except SyntaxError:
            continue
        for node in ast.walk(tree):
            point = _checkpoint_call(node)
            if point is not None:
                found.setdefault(point.grade_id, point)
    return found
