"""One short step on screen at a time, with big buttons and progress dots."""
from __future__ import annotations

from typing import Callable, Sequence

import ipywidgets as widgets
import traitlets

BIG_BUTTON = widgets.Layout(min_height="48px", min_width="120px")
# Back and Next's arrows for text read left to right; swapped for right to left
BACK_NEXT_ICONS = ("arrow-left", "arrow-right")


class StepNavigator(widgets.VBox):
    """Shows ``steps[index]``; 'Back' and 'Next' move, the dots say where she is."""

    index = traitlets.Int(0)

    def __init__(self, steps: Sequence[widgets.Widget], gettext: Callable[[str], str],
                 right_to_left: bool = False, **kwargs):
        if not steps:
            raise ValueError("a lesson needs at least one step")
        self.steps = list(steps)
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
        self.page = widgets.Box([self.steps[0]], layout=widgets.Layout(display="block"))
        buttons = widgets.HBox([self.back, self.next],
                               layout=widgets.Layout(justify_content="space-between", width="100%"))
        super().__init__([self.dots, self.page, buttons], **kwargs)
        self.add_class("fadaa-steps")
        self._render()

    def go(self, index: int) -> None:
        self.index = max(0, min(index, len(self.steps) - 1))

    @traitlets.observe("index")
    def _on_index(self, _change) -> None:
        self._render()

    def _render(self) -> None:
        total = len(self.steps)
        self.page.children = [self.steps[self.index]]
        dots = "".join(
            f'<span class="fadaa-dot{" fadaa-dot-on" if i == self.index else ""}"></span>'
            for i in range(total)
        )
        label = self._("Step {n} of {total}").format(n=self.index + 1, total=total)
        self.dots.value = f'<div role="progressbar" aria-label="{label}">{dots} <span>{label}</span></div>'
        self.back.disabled = self.index == 0
        self.next.disabled = self.index == total - 1
