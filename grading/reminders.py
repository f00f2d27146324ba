"""Reminders for late learners, for the coordinator to send: an SMS gateway's CSV or a page of
WhatsApp links. Fadaa sends nothing itself.

Who is late is progress's "late" (her own due date, extra time included), so a learner given more
time is off the list. One reminder per learner: her module that was due first, in her language
(the roster's), by its title; a second sentence form says when other modules are late too.
A learner whose roster number is missing or is not a Moroccan number is listed apart, never
silently left out.
"""
from __future__ import annotations

import datetime as dt
import functools
import html
import itertools
import operator
from dataclasses import dataclass
from urllib.parse import quote

import pandas as pd
from sqlalchemy import select

from fadaa.core.documents.formulas import inert_table
from fadaa.core.i18n import SUPPORTED, direction, format_day, gettext_for, mark as _

from . import sms
from .database import learner
from .names import ModuleTitles
from .phones import normalise_phone
from .progress import Progress


# Short: an Arabic reminder should fit one SMS of 70 characters (the CSV counts its parts anyway).
ONE_LATE = _("Fadaa: {module} was due on {date}. Finish the lesson and send it.")
SEVERAL_LATE = _("Fadaa: {module} and other lessons are late since {date}. Finish them and send them.")
COLUMNS = ["phone", "message", "name", "cooperative", "module", "due_date", "late_modules", "lang", "segments"]
NO_PHONE_COLUMNS = ["name", "cooperative", "phone", "module", "due_date"]


@dataclass(frozen=True)
class Reminders:
    to_send: pd.DataFrame   # one row per late learner with a valid number (``COLUMNS``)
    no_phone: pd.DataFrame  # late learners whose number is missing or not valid (``NO_PHONE_COLUMNS``)


def message(lang: str, module: str, due: dt.date, others: bool) -> str:
    """Her reminder in her language, plain enough for GSM-7 in French."""
    template = gettext_for(lang)(SEVERAL_LATE if others else ONE_LATE)
    return sms.plain(template.format(module=module, date=_day(due, lang)))


@functools.lru_cache(maxsize=4096)
def _day(due: dt.date, lang: str) -> str:
    """Babel takes ~0.1 ms a date; thousands of late learners share a few due dates."""
    return format_day(due, lang, year=False)


def late_reminders(progress: Progress, titles: ModuleTitles, now: dt.datetime | None = None,
                   **filters: str | None) -> Reminders:
    """The reminders for every learner late in a module (``filters``: cohort, region, cooperative, module)."""
    rows = progress.learner_modules(now=now, **filters)
    late = rows[rows.status == "late"].sort_values(["student_id", "duedate", "module"])
    late = late.assign(title=[titles(module, lang) for module, lang in zip(late.module, late.lang)])
    table = late.drop_duplicates("student_id").set_index("student_id")  # her module due first
    # rows are in student order: a plain walk joins her titles ~100× faster than a pandas string agg
    table["late_modules"] = {student_id: "; ".join(t for _sid, t in hers) for student_id, hers
                             in itertools.groupby(zip(late.student_id, late.title), key=operator.itemgetter(0))}
    others = late.groupby("student_id", sort=False).size() > 1
    table["message"] = [message(lang, module, due.date(), several)
                        for lang, module, due, several in zip(table.lang, table.title, table.duedate, others[table.index])]
    table["segments"] = table.message.map(sms.segments)
    table["due_date"] = table.duedate.dt.strftime("%Y-%m-%d")
    with progress.engine.connect() as conn:  # the whole roster's: a few ms, and no list of ids to bind
        phones = dict(conn.execute(select(learner.c.student_id, learner.c.phone)).all())
    table["roster_phone"] = [phones.get(student_id) or "" for student_id in table.index]
    table["phone"] = table.roster_phone.map(normalise_phone)
    table = table.assign(module=table.title).reset_index(drop=True)
    reachable = table.phone.notna()
    return Reminders(table[reachable][COLUMNS].reset_index(drop=True),
                     table[~reachable].assign(phone=lambda late: late.roster_phone)[NO_PHONE_COLUMNS].reset_index(drop=True))


def sms_csv(reminders: Reminders) -> bytes:
    """The CSV bulk-SMS gateways import: ``phone`` (+212…) and ``message`` first, UTF-8, commas.

    No BOM and no semicolons here (the dashboard's own exports have them for Excel): a gateway reads
    the header's first name as it is. The phone column is left as it is by the formula guard: E.164
    from ``phonenumbers``, '+' and digits, is no formula, and "'+212…" would be no number to a gateway.
    """
    table = reminders.to_send
    return inert_table(table).assign(phone=table.phone).to_csv(index=False, lineterminator="\r\n").encode("utf-8")


def whatsapp_link(phone: str, text: str) -> str:
    """WhatsApp's click-to-chat: the number without '+', the message written for her, not sent."""
    return f"https://wa.me/{phone.lstrip('+')}?text={quote(text, safe='')}"


def _both(msgid: str) -> str:
    """A heading in French and in Arabic: the page is for whoever of the coordinators opens it."""
    return "".join(f'<span class="both" lang="{lang}" dir="{direction(lang)}">{html.escape(gettext_for(lang)(msgid))}</span>'
                   for lang in SUPPORTED)


PAGE_CSS = """
body { font-family: "Noto Sans", "Noto Naskh Arabic", sans-serif; max-width: 40em; margin: 1em auto; padding: 0 0.8em; }
li { border: 1px solid #ddd; border-radius: 10px; padding: 0.6em 0.9em; margin: 0.6em 0; list-style: none; }
ul { padding: 0; }
a.whatsapp { display: inline-block; min-height: 48px; line-height: 48px; padding: 0 1.2em; background: #25d366;
             color: #fff; border-radius: 6px; text-decoration: none; font-weight: 600; }
.message { color: #444; }
.both { display: block; }
"""


def whatsapp_page(reminders: Reminders, lang: str = "fr") -> bytes:
    """A page of WhatsApp links, one per late learner, each in her language and direction; then
    the late learners who have no valid number."""
    items = []
    for row in reminders.to_send.itertuples(index=False):
        her_words = gettext_for(row.lang)
        items.append(
            f'<li lang="{row.lang}" dir="{direction(row.lang)}"><strong>{html.escape(row.name)}</strong> · '
            f"{html.escape(row.cooperative)}<br>{html.escape(row.late_modules)}"
            f'<p class="message">{html.escape(row.message)}</p>'
            f'<a class="whatsapp" href="{html.escape(whatsapp_link(row.phone, row.message))}" target="_blank" '
            f'rel="noopener">{html.escape(her_words("Open WhatsApp"))}</a></li>')
    missing = [f"<li><strong>{html.escape(row.name)}</strong> · {html.escape(row.cooperative)} · "
               f'{html.escape(row.module)} · <bdi dir="ltr">{html.escape(row.phone or "—")}</bdi></li>'
               for row in reminders.no_phone.itertuples(index=False)]
    page = (f'<!DOCTYPE html><html lang="{lang}" dir="{direction(lang)}"><head><meta charset="utf-8">'
            f'<meta name="viewport" content="width=device-width, initial-scale=1">'
            f"<title>{html.escape(gettext_for(lang)('Reminders for late learners'))}</title><style>{PAGE_CSS}</style>"
            f"</head><body><h1>{_both('Reminders for late learners')}</h1>"
            f"<p>{_both('Each link opens WhatsApp with her message written: check it, then send.')}</p>"
            f'<ul class="reminders">{"".join(items)}</ul>'
            f"<h2>{_both('Late learners without a valid phone number')}</h2>"
            f'<ul class="no-phone">{"".join(missing)}</ul></body></html>')
    return page.encode("utf-8")


FORMATS = {"sms": ".csv", "whatsapp": ".html"}  # the file each format is, by its suffix


def export(reminders: Reminders, format: str, lang: str = "fr") -> bytes:
    """The file of ``format`` (``FORMATS``); ``lang`` is the coordinator's, for the page's own words."""
    return sms_csv(reminders) if format == "sms" else whatsapp_page(reminders, lang)
