"""One feedback line under a question or a form, in the same style in every subject's views."""
from __future__ import annotations

import html

# kind -> (icon, the fadaa-feedback-* class that colours it; LESSON_CSS in lesson.py)
STYLES = {
    "right": ("✅", "right"),   # her answer or her figures are right
    "wrong": ("🔁", "wrong"),   # not yet: try again
    "error": ("⚠️", "error"),   # what she typed cannot be read, or something failed
    "saved": ("💾", "saved"),   # kept in her notebook
    "info": ("💡", "saved"),    # a note: what to do next, what is still missing
}


def feedback_line(kind: str, text: str) -> str:
    """``text`` (escaped) as a feedback line of ``kind``: one of STYLES."""
    icon, css = STYLES[kind]
    return f'<div class="fadaa-feedback fadaa-feedback-{css}" role="status">{icon} {html.escape(text)}</div>'
