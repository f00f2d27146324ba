"""Modules by the titles learners read (``Le cahier de caisse``, ``دفتر الصندوق``), not their ids.

Each lesson notebook carries its title in both languages in its metadata (``fadaa.title``, what
``Lesson.open(fr=..., ar=...)`` shows); a module's title is its first lesson's.
"""
from __future__ import annotations

from pathlib import Path

import nbformat

from .demo import lessons


def module_titles(course_root: Path) -> dict[str, dict[str, str]]:
    """{module: {lang: title}} for every module of the course's source folder that has a title."""
    titles: dict[str, dict[str, str]] = {}
    for module, notebook in lessons(course_root):
        if module in titles:
            continue
        try:
            found = nbformat.read(course_root / "source" / module / notebook, as_version=4).metadata
        except (OSError, ValueError):
            continue  # a notebook being written: its module is shown by its id this time
        if found.get("fadaa", {}).get("title"):
            titles[module] = dict(found["fadaa"]["title"])
    return titles


def title(titles: dict[str, dict[str, str]], module: str, lang: str) -> str:
    return titles.get(module, {}).get(lang, module)
