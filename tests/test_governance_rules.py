"""Governance rules without Jupyter: mandates and renewals, the members register, shares against
cotisations, the votes an extraordinary decision needs, the moral report draft from her answers."""
from datetime import date

import pytest

from fadaa.grading.progress import ProgressRules
from fadaa.widgets.agm.quorum import CAST, VOTERS, AgmError, MajorityRule, Threshold
from fadaa.widgets.bookkeeping.year_summary import YearSummary
from fadaa.widgets.bookkeeping.summary import Totals
from fadaa.widgets.governance import assemblies, examples
from fadaa.widgets.governance import board as b
from fadaa.widgets.governance import registers as r
from fadaa.widgets.governance.moral_draft import draft_from


# -- the board

def test_a_mandate_ends_its_term_later_and_29_february_falls_on_28():
    assert b.make_mandate("Zahra", "treasurer", date(2024, 5, 18), 3).ends_on == date(2027, 5, 18)
    assert b.make_mandate("Zahra", "treasurer", date(2024, 2, 29), 3).ends_on == date(2027, 2, 28)


def test_the_assembly_renews_mandates_that_end_by_its_day():
    board = examples.board("fr")
    renewing = b.to_renew(board, date(2027, 5, 22))
    assert [m.role for m in renewing] == ["secretary", "treasurer"]   # by date, then name
    assert b.to_renew(board, date(2027, 5, 17)) == []                  # the day before: none yet
    assert len(b.to_renew(board, date(2028, 5, 24))) == 4              # the president's term too


@pytest.mark.parametrize("args,reason", [
    (("", "president", date(2024, 1, 1), 3), "no_name"),
    (("Zahra", "queen", date(2024, 1, 1), 3), "role"),
    (("Zahra", "member", None, 3), "no_date"),
    (("Zahra", "member", date(2024, 1, 1), 2.5), "term_not_whole"),
    (("Zahra", "member", date(2024, 1, 1), 0), "term_out_of_range"),
    (("Zahra", "member", date(2024, 1, 1), 40), "term_out_of_range"),
])
def test_mandates_that_cannot_be_true_are_refused(args, reason):
    with pytest.raises(b.BoardError) as error:
        b.make_mandate(*args)
    assert error.value.reason == reason


def test_an_election_in_the_future_is_refused():
    with pytest.raises(b.BoardError, match="elected_in_future"):
        b.make_mandate("Zahra", "member", date(2027, 1, 1), 3, today=date(2026, 11, 30))


def test_board_problems_name_what_is_missing_or_doubled():
    day = date(2025, 5, 24)
    only_two = [b.make_mandate("A", "president", day, 3), b.make_mandate("B", "president", day, 3)]
    assert b.board_problems(only_two) == ["no_treasurer", "no_secretary", "two_presidents"]
    assert b.board_problems(examples.board("ar")) == []
    twice = examples.board("fr") + [b.make_mandate("zahra amrani", "member", day, 3)]
    assert "name_twice" in b.board_problems(twice)


def test_a_hand_edited_board_line_is_skipped():
    rows = [m.to_json() for m in examples.board("fr")] + [{"name": "X", "role": "member", "elected_on": "bad"}]
    assert b.mandates_from_json(rows) == examples.board("fr")
    typed = [{"name": "Zahra", "role": "treasurer", "elected_on": "2024-05-18"}]      # as the lesson saves them
    assert b.mandates_from_json(typed, " 3")[0].ends_on == date(2027, 5, 18)
    assert b.mandates_from_json(typed, "trois") == []


# -- the register: shares are capital, cotisations income

def test_shares_and_cotisations_are_kept_apart():
    payments = examples.payments("fr")
    assert r.capital_received(payments) == 1000
    assert r.contributions_received(payments) == 1300
    assert r.placement(r.SHARE).counts_in_income is False
    assert r.placement(r.CONTRIBUTION).cash_book_category == "contribution"


def test_the_register_counts_capital_of_members_still_there():
    reg = r.MembersRegister(100).with_member("Samira", date(2026, 3, 2), 3, 300).with_member("Nadia", date(2026, 4, 20), 2, 150)
    assert (reg.capital_subscribed, reg.capital_paid) == (500, 450)
    assert reg.still_due(reg.members[1]) == 50
    left = r.MembersRegister(100, [reg.members[0], r.make_member(2, "Nadia", date(2026, 4, 20), 2, 150, date(2026, 10, 1))])
    assert len(left.current()) == 1 and left.capital_subscribed == 300
    assert [m.name for m in left.left_in(2026)] == ["Nadia"] and len(left.joined_in(2026)) == 2
    assert reg.with_member("Hanane", None, 5).members[-1].number == 3      # numbers are never reused
    assert reg.overpaid() == [] and r.MembersRegister(0, reg.members).overpaid() == []
    assert [m.name for m in reg.with_member("Mina", None, 1, 1000).overpaid()] == ["Mina"]


@pytest.mark.parametrize("args,reason", [
    ((1, "", None, 1), "no_name"), ((1, "A", None, 0), "shares"), ((1, "A", None, 1.5), "shares"),
    ((1, "A", None, 1, -5), "paid"), ((1, "A", date(2026, 5, 1), 1, 0, date(2026, 4, 1)), "left_before_joining"),
])
def test_register_lines_that_cannot_be_true_are_refused(args, reason):
    with pytest.raises(r.RegisterError) as error:
        r.make_member(*args)
    assert error.value.reason == reason


def test_a_name_written_twice_is_refused_and_a_bad_saved_line_skipped():
    with pytest.raises(r.RegisterError, match="name_twice"):
        r.MembersRegister(100).with_member("Samira", None, 1).with_member("samira", None, 1)
    data = r.MembersRegister(100).with_member("Samira", None, 1).to_json()
    data["members"].append({"number": 2, "name": "X", "shares": "many"})
    assert [m.name for m in r.MembersRegister.from_json(data).members] == ["Samira"]


# -- assemblies

def test_the_votes_an_extraordinary_decision_needs_come_from_her_rule():
    assert assemblies.votes_for_needed(examples.EXTRAORDINARY_MAJORITY, 21) == 14
    more_than_half_cast = MajorityRule(Threshold(1, 2, strict=True), CAST)
    assert assemblies.votes_for_needed(more_than_half_cast, 21, cast=18) == 10
    with pytest.raises(AgmError):
        assemblies.votes_for_needed(MajorityRule(Threshold(2, 3), VOTERS), -1)


def test_changing_the_statutes_is_usually_extraordinary_and_the_accounts_ordinary():
    assert assemblies.usual_assembly("statutes") == assemblies.EXTRAORDINARY
    assert assemblies.usual_assembly("quitus") == assemblies.ORDINARY


def test_governance_modules_do_not_hold_back_a_cooperative_ready_for_its_agm():
    """Decision: the AGM-readiness rule keeps to the AGM and the year summary (see the report)."""
    modules = ["agm_1", "bookkeeping_4", "governance_1", "governance_3", "selling_1"]
    assert ProgressRules().agm_required(modules) == ["agm_1", "bookkeeping_4"]


# -- the moral report draft

AGM_FILE = {"cooperative": {"name": "Tighza Argan", "members": 27, "president": "Fadma"},
            "calendar": {"year_end": "2026-12-31", "agm_day": "2027-06-12"},
            "moral": {"activities": "1 200 litres d'huile", "plans": "Un stand au salon"},
            "money": {"sale": "36 450", "contribution": "1350", "purchase": "19800"}}


def test_the_draft_takes_her_typed_figures_and_says_what_is_missing():
    draft = draft_from(AGM_FILE, None, None, [])
    assert draft.period == "2026" and draft.assembly_day == date(2027, 6, 12)
    assert (draft.totals.total_income, draft.totals.sales, draft.totals.surplus) == (37800, 36450, 18000)
    assert draft.members_now == 27 and draft.joined is None
    assert draft.missing() == ["register", "board"]


def test_a_figure_the_agm_lesson_refused_counts_as_not_typed_in_the_draft():
    for hostile in ("1" * 27, "1e308", "-500"):
        money = {**AGM_FILE["money"], "purchase": hostile}
        draft = draft_from({**AGM_FILE, "money": money}, None, None, [])
        assert (draft.totals.total_income, draft.totals.total_expenses) == (37800, 0)


def test_the_draft_prefers_her_year_summary_register_and_board():
    summary = YearSummary(2026, 500, {m: Totals({"sale": 1000}, {"purchase": 400}) for m in range(1, 13)})
    reg = r.MembersRegister(100).with_member("Samira", date(2026, 3, 2), 3).with_member("Aicha", date(2019, 1, 1), 1)
    draft = draft_from({**AGM_FILE, "meeting": {"day": "2027-05-22"}}, summary, reg, examples.board("fr"))
    assert draft.from_bookkeeping and draft.totals.total_income == 12000 and draft.period == "2026"
    assert (draft.members_now, draft.joined, draft.left) == (2, 1, 0)
    assert len(draft.to_renew) == 2 and draft.missing() == []
