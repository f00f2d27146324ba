"""One short step on screen at a time, with big buttons and progress dots.

A step may be given as a function that builds it: it is called the first time she reaches the
step. A lesson then opens with only its first step's widgets, which is what a phone on a slow
link waits for (every widget's state goes to the browser before anything shows).
"""
from __future__ import annotations

from typing import Callable, Sequence, Union

import ipywidgets as widgets
import traitlets

BIG_BUTTON = widgets.Layout(min_height="48px", min_width="120px")
# Back and Next's arrows for text read left to right; swapped for right to left
BACK_NEXT_ICONS = ("arrow-left", "arrow-right")

Step = Union[widgets.Widget, Callable[[], widgets.Widget]]


class StepNavigator(widgets.VBox):
    """Shows ``steps[index]``; 'Back' and 'Next' move, the dots say where she is."""

    index = traitlets.Int(0)

    def __init__(self, steps: Sequence[Step], gettext: Callable[[str], str],
                 right_to_left: bool = False, start: int = 0, **kwargs):
        if not steps:
            raise ValueError("a lesson needs at least one step")
        self.steps = list(steps)
        self._built: dict[int, widgets.Widget] = {}
        self._ = gettext
        self.dots = widgets.HTML()
        self.dots.add_class("fadaa-dots")
        # arrows point the way the text reads
        back_icon, next_icon = BACK_NEXT_ICONS[::-1] if right_to_left else BACK_NEXT_ICONS
        self.back = widgets.Button(description=gettext("Back"), icon=back_icon, layout=BIG_BUTTON)
        self.next = widgets.Button(description=gettext("Next"), icon=next_icon,
                                   button_style="primary", layout=BIG_BUTTON)
        self.back.add_class("fadaa-back")
        self.next.add_class("fadaa-next")
        self.back.on_click(lambda _b: self.go(self.index - 1))
        self.next.on_click(lambda _b: self.go(self.index + 1))
        self.page = widgets.Box([], layout=widgets.Layout(display="block"))
        buttons = widgets.HBox([self.back, self.next],
                               layout=widgets.Layout(justify_content="space-between", width="100%"))
        super().__init__([self.dots, self.page, buttons], **kwargs)
        self.add_class("fadaa-steps")
        start = max(0, min(start, len(self.steps) - 1))
        if start:
            self.index = start  # the observer shows it
        else:
            self._render()

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.steps) - 1))

    @traitlets.observe("index")
    def _on_index(self, _change) -> None:
        self._render()

    def step(self, index: int) -> widgets.Widget:
        """Step ``index``'s widget, built the first time it is asked for."""
        if index not in self._built:
            step = self.steps[index]
            self._built[index] = step if isinstance(step, widgets.Widget) else step()
        return self._built[index]

    def _render(self) -> None:
        try:
            self.page.children = [self.step(self.index)]
        except Exception:
            # she is told, and the error still reaches the kernel's log (and a test's output)
            problem = widgets.HTML(self._("This step could not be shown. Tell your trainer."))
            problem.add_class("fadaa-feedback-error")
            self.page.children = [problem]
            raise
        finally:
            self._render_controls()

    def _render_controls(self) -> None:
        total = len(self.steps)
        dots = "".join(
            f'<span class="fadaa-dot{" fadaa-dot-on" if i == self.index else ""}"></span>'
            for i in range(total)
        )
        label = self._("Step {n} of {total}").format(n=self.index + 1, total=total)
        self.dots.value = f'<div role="progressbar" aria-label="{label}">{dots} <span>{label}</span></div>'
        self.back.disabled = self.index == 0
        self.next.disabled = self.index == total - 1
