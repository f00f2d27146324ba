"""A lesson's steps as its notebook writes them, read without running it.

A lesson notebook is thin: one ``lesson.step(fr=..., ar=...)`` call per step, in order, with its
text given as plain strings. Reading those calls (``ast``) gives the trainer's recording desk and
the machine drafts each step's number and text in a few milliseconds, where running the lesson
would take a kernel and seconds. ``tests/test_step_audio.py`` checks the count against the lesson
as it runs.
"""
from __future__ import annotations

import ast
import json
from dataclasses import dataclass
from pathlib import Path


@dataclass(frozen=True)
class StepText:
    number: int  # 1 for the first step
    fr: str
    ar: str

    def text(self, lang: str) -> str:
        """What a recording in ``lang`` says: its French or Arabic text, both for a language that
        has no written text of its own (a trainer speaking Darija or Tachelhit reads either)."""
        return {"fr": self.fr, "ar": self.ar}.get(lang, f"{self.fr}\n\n{self.ar}")


@dataclass(frozen=True)
class LessonFile:
    module: str
    stem: str
    notebook: Path


def _is_step_call(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "step"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "lesson")


def _text(call: ast.Call, lang: str) -> str:
    for keyword in call.keywords:
        if keyword.arg == lang and isinstance(keyword.value, ast.Constant) and isinstance(keyword.value.value, str):
            return keyword.value.value
    return ""


def lesson_steps(notebook: Path) -> list[StepText]:
    """Every ``lesson.step`` of ``notebook``'s code cells, numbered in the order they run."""
    cells = json.loads(notebook.read_text(encoding="utf-8")).get("cells", [])
    calls = []
    for cell in cells:
        if cell.get("cell_type") != "code":
            continue
        source = "".join(cell.get("source", ""))
        try:
            tree = ast.parse(source)
        except SyntaxError:
            continue
        calls += sorted((node for node in ast.walk(tree) if _is_step_call(node)),
                        key=lambda node: (node.lineno, node.col_offset))
    return [StepText(number, _text(call, "fr"), _text(call, "ar")) for number, call in enumerate(calls, 1)]


def course_lessons(source: Path) -> list[LessonFile]:
    """Every lesson of a course's ``source`` folder, by module."""
    return [LessonFile(nb.parent.name, nb.stem, nb) for nb in sorted(source.glob("*/*.ipynb"))]
