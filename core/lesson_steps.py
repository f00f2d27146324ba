"""A lesson's steps as its notebook writes them, read without running it.

A lesson notebook is thin: one ``lesson.step(fr=..., ar=...)`` call per step, in order, with its
text given as plain strings, and, where the step says more aloud than it shows, its spoken script
(``say=(fr, ar)``). Reading those calls (``ast``) gives the trainer's recording desk and the
machine drafts each step's number, text and script in a few milliseconds, where running the lesson
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
    fr: str  # what the step shows
    ar: str
    say_fr: str = ""  # what it says aloud, when that is more than it shows
    say_ar: str = ""

    def script(self, lang: str) -> str:
        """What a recording in ``lang`` says: its French or Arabic script (else its shown text),
        both for a language that has no written text of its own (a trainer speaking Darija or
        Tachelhit reads either)."""
        fr, ar = self.say_fr or self.fr, self.say_ar or self.ar
        return {"fr": fr, "ar": ar}.get(lang, f"{fr}\n\n{ar}")


@dataclass(frozen=True)
class LessonFile:
    module: str
    stem: str
    notebook: Path


def _is_step_call(node: ast.AST) -> bool:
    return (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "step"
            and isinstance(node.func.value, ast.Name) and node.func.value.id == "lesson")


def _string(node: ast.AST | None) -> str:
    return node.value if isinstance(node, ast.Constant) and isinstance(node.value, str) else ""


def _texts(call: ast.Call) -> tuple[str, str, str, str]:
    """Its French and Arabic text, then its French and Arabic script ("" where none is given)."""
    given = {keyword.arg: keyword.value for keyword in call.keywords}
    say = given.get("say")
    say_fr, say_ar = say.elts if isinstance(say, ast.Tuple) and len(say.elts) == 2 else (None, None)
    return _string(given.get("fr")), _string(given.get("ar")), _string(say_fr), _string(say_ar)


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
    return [StepText(number, *_texts(call)) for number, call in enumerate(calls, 1)]


def course_lessons(source: Path) -> list[LessonFile]:
    """Every lesson of a course's ``source`` folder, by module."""
    return [LessonFile(nb.parent.name, nb.stem, nb) for nb in sorted(source.glob("*/*.ipynb"))]
