"""A good listing on screen: the example listing, the checklist, and her own listing scored.

Thin over ``listing``: the scoring and the text checks are the rules'; this module lays them out.
"""
from __future__ import annotations

import html

import ipywidgets as widgets

from ..lesson import Lesson
from . import examples, listing
from ..feedback_line import feedback_line
from .words import item_names, level_names

ICONS = {"title_clear": "🏷️", "description": "📝", "dimensions": "📏", "materials": "🧶",
         "photo_light": "☀️", "photo_background": "⬜", "photo_angles": "🔄", "photo_detail": "🔍",
         "delivery_time": "🚚", "care": "🧼"}


def problem_names(_) -> dict[str, str]:
    return {
        "empty": _("Nothing written yet."),
        "too_short": _("Too short: say more."),
        "too_long": _("Too long to read on a phone: keep the main words."),
        "all_capitals": _("Written all in capitals: it looks like shouting."),
        "shouting": _("Several ! or ?: one is enough."),
        "no_dimensions": _("No size found: give the sizes with their unit (cm)."),
    }


def checklist_html(lesson: Lesson, keys: tuple[str, ...] = listing.KEYS) -> widgets.HTML:
    names = item_names(lesson._)
    items = "".join(f"<li>{ICONS[k]} {html.escape(names[k])}</li>" for k in keys)
    return widgets.HTML(f'<ul class="fadaa-checklist" style="list-style:none;padding:0">{items}</ul>')


def example_listing_card(lesson: Lesson) -> widgets.HTML:
    """The example listing as a buyer would see it (photos described in words)."""
    data = examples.EXAMPLE_LISTING[lesson.lang]
    photos = "".join(f"<li>{html.escape(p)}</li>" for p in data["photos"])
    return widgets.HTML(
        '<div class="fadaa-listing-card" style="border:1px solid #ccc;border-radius:8px;padding:0.6em 1em">'
        f'<h3 style="margin:0.2em 0">{html.escape(data["title"])}</h3>'
        f'<p>{html.escape(data["description"])}</p>'
        f'<ul style="list-style:none;padding:0">{photos}</ul>'
        f'<p>{html.escape(data["delivery"])}</p></div>')


def score_html(score: listing.Score, _) -> str:
    names, levels = item_names(_), level_names(_)
    level = levels[score.level]
    next_word = _("To do next:")
    colour = {"ready": "#2e7d32", "almost": "#ef6c00", "to_improve": "#c62828"}[score.level]
    bar = (f'<div style="background:#eee;border-radius:6px;height:14px;max-width:20em">'
           f'<div style="background:{colour};width:{100 * score.points // score.total}%;height:14px;border-radius:6px"></div></div>')
    todo = "".join(f"<li>{ICONS[k]} {html.escape(names[k])}</li>" for k in score.missing[:3])
    todo_html = f"<p>{html.escape(next_word)}</p><ul>{todo}</ul>" if todo else ""
    return (f'<div class="fadaa-listing-score"><p style="font-size:1.4em"><b class="num">{score.points} / {score.total}</b>'
            f' · {html.escape(level)}</p>{bar}{todo_html}</div>')


class ListingChecker(widgets.VBox):
    """Her listing: title and description checked as she types, the checklist scored as she ticks."""

    DATA_KEY = "listing"

    def __init__(self, lesson: Lesson):
        self.lesson, self._ = lesson, lesson._
        _ = self._
        saved = lesson.kept(self.DATA_KEY, {})
        names = item_names(_)
        self.title = widgets.Text(value=saved.get("title", ""), description=_("Title"),
                                  placeholder=_("e.g. a wool cushion embroidered by hand, 40 x 40 cm"),
                                  continuous_update=False, layout=widgets.Layout(width="100%"))
        self.description = widgets.Textarea(value=saved.get("description", ""), description=_("Description"),
                                            continuous_update=False,
                                            layout=widgets.Layout(width="100%", min_height="7em"))
        self.title.add_class("fadaa-text-input")
        self.description.add_class("fadaa-text-input")
        self.text_feedback = widgets.HTML()
        ticked = set(saved.get("ticked", [])) & set(listing.KEYS)
        self.boxes = {k: widgets.Checkbox(value=k in ticked, description=f"{ICONS[k]} {names[k]}", indent=False,
                                          layout=widgets.Layout(width="100%"))
                      for k in listing.KEYS}
        for box in self.boxes.values():
            box.add_class("fadaa-checklist-box")
        self.score = widgets.HTML()
        for field in (self.title, self.description):
            field.observe(lambda _c: self._refresh(save=True, from_text=True), names="value")
        for box in self.boxes.values():
            box.observe(lambda _c: self._refresh(save=True), names="value")
        ticks_prompt = _("Tick what your listing already has:")
        super().__init__([self.title, self.description, self.text_feedback,
                          widgets.HTML(f'<div class="fadaa-prompt">{html.escape(ticks_prompt)}</div>'),
                          *self.boxes.values(), self.score])
        self._refresh()

    def ticked(self) -> set[str]:
        return {k for k, box in self.boxes.items() if box.value}

    def _text_feedback(self) -> str:
        _ = self._
        problems = problem_names(_)
        parts = []
        for label, found in ((_("Title"), listing.title_problems(self.title.value)),
                             (_("Description"), listing.description_problems(self.description.value))):
            if found == ["empty"]:
                continue
            if found:
                parts.append(feedback_line("error", label + " — " + " ".join(problems[p] for p in found)))
            else:
                parts.append(feedback_line("right", label + " — " + _("Reads well.")))
        return "".join(parts)

    def _refresh(self, save: bool = False, from_text: bool = False) -> None:
        if from_text:  # what her text shows is ticked for her; she can untick it
            for key in listing.suggested_ticks(self.title.value, self.description.value):
                self.boxes[key].value = True
        self.text_feedback.value = self._text_feedback()
        self.score.value = score_html(listing.score(self.ticked()), self._)
        if save:
            self.lesson.keep(self.DATA_KEY, {"title": self.title.value,
                                             "description": self.description.value,
                                             "ticked": sorted(self.ticked())})
