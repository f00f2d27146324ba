"""The AGM calendar: from the close of the financial year to the assembly and the filing after it.

Two dates come from the law (law 112-12 on cooperatives as amended by law 74-16; L'Économiste
no. 5470 and le360, March 2019):

- the ordinary general assembly meets within **six months** after the close of the financial year;
- the accounts are filed at the tribunal de première instance within **30 days** after it.

Everything else here is a *suggestion* for preparing in time, or comes from the cooperative's own
statutes (the notice period): the law text we have does not fix it, so the learner enters it and
nothing here invents a default. Plain Python, no widgets, so it is unit-tested without Jupyter.
"""
from __future__ import annotations

import calendar as _calendar
from dataclasses import dataclass
from datetime import date, timedelta

from dateutil.relativedelta import relativedelta

from fadaa.core.checking import RuleError

AGM_MONTHS_AFTER_YEAR_END = 6   # law 112-12 as amended by law 74-16
FILING_DAYS_AFTER_AGM = 30      # law 112-12: accounts filed at the tribunal de première instance
MAX_NOTICE_DAYS = 120           # no statutes ask for four months' notice: a typing slip

# Suggestions for preparing in time (not law): the books are closed and the accounts drawn up a
# month after the year end; the board approves the reports and the agenda two weeks before the
# convocations go out; the assembly is planned a month before the legal deadline, so a second
# call (when the quorum is not met) still fits before it.
BOOKS_CLOSED_MONTHS_AFTER = 1
BOARD_MEETING_BEFORE_CONVOCATION = timedelta(days=14)
SUGGESTED_MARGIN_BEFORE_DEADLINE = relativedelta(months=1)


class CalendarError(RuleError):
    """A date the calendar refuses; ``reason`` is a short code the view turns into words."""


def is_month_end(day: date) -> bool:
    return day.day == _calendar.monthrange(day.year, day.month)[1]


def month_end(year: int, month: int) -> date:
    return date(year, month, _calendar.monthrange(year, month)[1])


def add_months(day: date, months: int) -> date:
    """``day`` plus whole months, the way periods in months are counted.

    A period that starts on the last day of a month ends on the last day of the month it reaches:
    30 June + 6 months is 31 December (not 30 December), 31 August + 6 months is the end of
    February (28th, or 29th in a leap year). Any other day keeps its number, clipped to the length
    of the month reached (relativedelta does the clipping).
    """
    reached = day + relativedelta(months=months)
    return month_end(reached.year, reached.month) if is_month_end(day) else reached


def agm_deadline(year_end: date) -> date:
    """The last day for the ordinary general assembly: six months after the close of the year."""
    return add_months(year_end, AGM_MONTHS_AFTER_YEAR_END)


def filing_deadline(agm_day: date) -> date:
    """The last day to file the accounts at the tribunal de première instance: 30 days after the AGM."""
    return agm_day + timedelta(days=FILING_DAYS_AFTER_AGM)


def latest_filing_date(year_end: date) -> date:
    """The filing date at the very latest: an assembly held on its deadline, plus 30 days."""
    return filing_deadline(agm_deadline(year_end))


def suggested_agm_date(year_end: date) -> date:
    """A date to aim for: a month before the deadline, leaving room for a second call."""
    return agm_deadline(year_end) - SUGGESTED_MARGIN_BEFORE_DEADLINE


def check_agm_date(year_end: date, agm_day: date) -> None:
    """Refuse an assembly before the year has closed. A date after the legal deadline is accepted
    (``is_late`` says so): a cooperative that is already late must still be able to plan its
    assembly, as soon as it can, and tell ODCO."""
    if agm_day <= year_end:
        raise CalendarError("agm_before_year_end")


def is_late(year_end: date, agm_day: date) -> bool:
    """True when the assembly falls after the six months the law gives."""
    return agm_day > agm_deadline(year_end)


def check_notice_days(notice_days: int) -> int:
    """The notice period her statutes give, in days: a whole number of sensible size."""
    if isinstance(notice_days, bool) or not isinstance(notice_days, (int, float)) or notice_days != int(notice_days):
        raise CalendarError("notice_not_whole")
    if notice_days < 1:
        raise CalendarError("notice_not_positive")
    if notice_days > MAX_NOTICE_DAYS:
        raise CalendarError("notice_too_long")
    return int(notice_days)


@dataclass(frozen=True)
class Milestone:
    """One line of her calendar. ``basis`` says where the date comes from:
    'year' (her financial year), 'planned' (her choice), 'law' (law 112-12), 'statutes' (her
    statutes' notice period) or 'suggested' (advice, not an obligation)."""

    key: str
    day: date
    basis: str


def schedule(year_end: date, agm_day: date | None = None, notice_days: int | None = None) -> list[Milestone]:
    """Her calendar, in date order, from the year end to the filing.

    Without a planned date the suggested one is used. Without the statutes' notice period the
    convocation and board-meeting dates are left out: they cannot be computed honestly.
    """
    agm_day = agm_day or suggested_agm_date(year_end)
    check_agm_date(year_end, agm_day)
    milestones = [
        Milestone("year_end", year_end, "year"),
        Milestone("books_closed", add_months(year_end, BOOKS_CLOSED_MONTHS_AFTER), "suggested"),
        Milestone("agm", agm_day, "planned"),
        Milestone("agm_deadline", agm_deadline(year_end), "law"),
        Milestone("filing", filing_deadline(agm_day), "law"),
    ]
    if notice_days is not None:
        convocation = agm_day - timedelta(days=check_notice_days(notice_days))
        if convocation <= year_end:
            raise CalendarError("convocation_before_year_end")
        board = max(convocation - BOARD_MEETING_BEFORE_CONVOCATION, year_end + timedelta(days=1))
        milestones += [Milestone("board_meeting", board, "suggested"),
                       Milestone("convocation", convocation, "statutes")]
    order = {"year_end": 0, "books_closed": 1, "board_meeting": 2, "convocation": 3, "agm": 4,
             "agm_deadline": 5, "filing": 6}
    return sorted(milestones, key=lambda m: (m.day, order[m.key]))
