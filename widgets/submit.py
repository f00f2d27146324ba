"""The 'Send to my trainer' button at the end of a lesson."""
from __future__ import annotations

import html
import logging
from typing import Callable

import ipywidgets as widgets

log = logging.getLogger(__name__)


class SubmitButton(widgets.VBox):
    """Calls ``submit()`` (nbgrader's exchange, through fadaa.grading) and says how it went."""

    def __init__(self, submit: Callable[[], None] | None, gettext):
        self._ = gettext
        self._submit = submit
        self.button = widgets.Button(description=gettext("Send to my trainer"), icon="paper-plane",
                                     button_style="success", disabled=submit is None,
                                     layout=widgets.Layout(min_height="52px", min_width="14em"))
        self.button.add_class("fadaa-submit")
        self.feedback = widgets.HTML()
        self.button.on_click(lambda _b: self.submit())
        super().__init__([self.button, self.feedback])

    def submit(self) -> bool:
        self.button.disabled = True
        try:
            self._submit()
        except Exception:  # noqa: BLE001 - she must see that it failed, the trainer finds why in the log
            log.exception("submission failed")
            text, kind, ok = self._("Sending failed. Your answers are kept; try again or tell your trainer."), "error", False
        else:
            text, kind, ok = self._("Sent! Your trainer will see your work."), "right", True
        finally:
            self.button.disabled = False
        icon = "📨" if ok else "⚠️"
        self.feedback.value = f'<div class="fadaa-feedback fadaa-feedback-{kind}" role="status">{icon} {html.escape(text)}</div>'
        return ok
