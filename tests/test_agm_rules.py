"""AGM rules: the calendar (law 112-12: six months, then 30 days), the quorum from her statutes'
rule, and one member one vote (law 112-12, article 2)."""
from datetime import date

import pytest

from fadaa.widgets.agm import calendar as cal
from fadaa.widgets.agm import quorum as q


# -- calendar

@pytest.mark.parametrize("year_end, deadline", [
    (date(2026, 12, 31), date(2027, 6, 30)),    # the usual December close
    (date(2027, 8, 31), date(2028, 2, 29)),     # into a leap February
    (date(2026, 8, 31), date(2027, 2, 28)),     # into an ordinary February
    (date(2027, 6, 30), date(2027, 12, 31)),    # a month end lands on a month end, not the 30th
    (date(2027, 9, 30), date(2028, 3, 31)),
    (date(2027, 2, 28), date(2027, 8, 31)),     # end of an ordinary February
    (date(2028, 2, 29), date(2028, 8, 31)),     # end of a leap February
    (date(2027, 3, 15), date(2027, 9, 15)),     # a mid-month close keeps its day
    (date(2027, 8, 30), date(2028, 2, 29)),     # ... clipped to the month reached
])
def test_agm_deadline_is_six_months_after_the_year_end(year_end, deadline):
    assert cal.agm_deadline(year_end) == deadline


def test_filing_is_thirty_days_after_the_assembly():
    assert cal.filing_deadline(date(2027, 6, 15)) == date(2027, 7, 15)
    assert cal.filing_deadline(date(2027, 6, 30)) == date(2027, 7, 30)
    assert cal.latest_filing_date(date(2026, 12, 31)) == date(2027, 7, 30)
    assert cal.latest_filing_date(date(2027, 8, 31)) == date(2028, 3, 30)   # 29 Feb + 30 days


def test_suggested_date_leaves_a_month_before_the_deadline():
    assert cal.suggested_agm_date(date(2026, 12, 31)) == date(2027, 5, 30)
    assert cal.suggested_agm_date(date(2026, 12, 31)) < cal.agm_deadline(date(2026, 12, 31))


def test_schedule_in_order_with_the_statutes_notice_period():
    plan = cal.schedule(date(2026, 12, 31), date(2027, 5, 22), notice_days=15)
    days = {m.key: m.day for m in plan}
    assert [m.day for m in plan] == sorted(m.day for m in plan)
    assert days["convocation"] == date(2027, 5, 7)
    assert days["board_meeting"] == date(2027, 4, 23)
    assert days["agm_deadline"] == date(2027, 6, 30)
    assert days["filing"] == date(2027, 6, 21)
    basis = {m.key: m.basis for m in plan}
    assert basis["convocation"] == "statutes" and basis["agm_deadline"] == "law" and basis["filing"] == "law"


def test_schedule_without_notice_period_invents_no_convocation_date():
    keys = {m.key for m in cal.schedule(date(2026, 12, 31))}
    assert "convocation" not in keys and "board_meeting" not in keys
    assert {"year_end", "agm", "agm_deadline", "filing"} <= keys


def test_an_assembly_before_the_year_end_is_refused():
    with pytest.raises(cal.CalendarError) as err:
        cal.schedule(date(2026, 12, 31), date(2026, 12, 31))
    assert err.value.reason == "agm_before_year_end"


def test_a_late_assembly_still_gets_its_calendar_and_is_said_to_be_late():
    plan = {m.key: m.day for m in cal.schedule(date(2026, 12, 31), date(2027, 9, 15), notice_days=15)}
    assert plan["agm"] == date(2027, 9, 15) and plan["filing"] == date(2027, 10, 15)
    assert cal.is_late(date(2026, 12, 31), date(2027, 7, 1))
    assert not cal.is_late(date(2026, 12, 31), date(2027, 6, 30))


@pytest.mark.parametrize("notice, reason", [(0, "notice_not_positive"), (-3, "notice_not_positive"),
                                            (400, "notice_too_long"), (2.5, "notice_not_whole"),
                                            (True, "notice_not_whole")])
def test_strange_notice_periods_are_refused(notice, reason):
    with pytest.raises(cal.CalendarError) as err:
        cal.check_notice_days(notice)
    assert err.value.reason == reason


def test_convocation_cannot_fall_before_the_year_end():
    with pytest.raises(cal.CalendarError) as err:
        cal.schedule(date(2026, 12, 31), date(2027, 1, 10), notice_days=15)
    assert err.value.reason == "convocation_before_year_end"


# -- quorum

@pytest.mark.parametrize("rule, members, required", [
    (q.Threshold(1, 2), 40, 20),               # at least half
    (q.Threshold(1, 2, strict=True), 40, 21),  # more than half
    (q.Threshold(1, 2), 41, 21),
    (q.Threshold(1, 2, strict=True), 41, 21),
    (q.Threshold(2, 3), 30, 20),               # exact fractions: never 19.999
    (q.Threshold(2, 3), 31, 21),
    (q.Threshold(1, 4), 7, 2),
    (q.Threshold(0, 1), 40, 0),                # no minimum on second call
])
def test_required_members(rule, members, required):
    assert rule.required(members) == required


def test_quorum_counts_present_and_represented_members():
    rule = q.Threshold(1, 2)
    assert not q.quorum(40, 15, 4, rule).met
    result = q.quorum(40, 15, 5, rule)
    assert result.met and result.attending == 20 and result.required == 20 and result.missing == 0
    assert q.quorum(40, 15, 4, rule).missing == 1


def test_statutes_that_do_not_count_proxies():
    assert not q.quorum(40, 15, 5, q.Threshold(1, 2), count_represented=False).met


def test_second_call_with_no_minimum_still_needs_someone():
    assert q.quorum(40, 3, 0, q.Threshold(0, 1)).met
    assert q.quorum(40, 0, 0, q.Threshold(0, 1)).required == 1


@pytest.mark.parametrize("members, present, represented, reason", [
    (10, 8, 3, "more_than_members"), (0, 0, 0, "members"), (10, -1, 0, "present"),
    (10, 0, 2, "proxy_without_present"), (10, 2.5, 0, "present"),
])
def test_impossible_attendance_is_refused(members, present, represented, reason):
    with pytest.raises(q.AgmError) as err:
        q.quorum(members, present, represented, q.Threshold(1, 2))
    assert err.value.reason == reason


@pytest.mark.parametrize("num, den, strict", [(3, 2, False), (1, 0, False), (1, 1, True), (-1, 2, False)])
def test_impossible_fractions_are_refused(num, den, strict):
    with pytest.raises(q.AgmError):
        q.Threshold(num, den, strict)


def test_proxy_limit_from_the_statutes():
    assert q.check_proxies(10, 10, 1)
    assert not q.check_proxies(10, 11, 1)
    assert q.check_proxies(10, 50, None)


def test_threshold_round_trips_through_json():
    rule = q.MajorityRule(q.Threshold(2, 3, strict=False), q.VOTERS)
    assert q.MajorityRule.from_json(rule.to_json()) == rule


# -- one member, one vote

def test_shares_do_not_add_votes():
    assert q.votes_of_member(1) == 1
    assert q.votes_of_member(25) == 1


def test_a_show_of_hands_cannot_have_more_votes_than_voters():
    assert q.tally_counts(12, 5, 2, 19).total == 19
    with pytest.raises(q.AgmError) as err:
        q.tally_counts(12, 6, 2, 19)
    assert err.value.reason == "more_votes_than_voters"


def test_majority_of_votes_cast_leaves_abstentions_out():
    simple = q.MajorityRule(q.Threshold(1, 2, strict=True), q.CAST)
    assert q.adopted(q.Tally(8, 7, 4), simple, 19)
    assert not q.adopted(q.Tally(7, 7, 5), simple, 19)      # a tie is not a majority


def test_majority_of_members_present_counts_abstentions_against():
    two_thirds = q.MajorityRule(q.Threshold(2, 3), q.VOTERS)
    assert q.adopted(q.Tally(20, 5, 5), two_thirds, 30)
    assert not q.adopted(q.Tally(19, 4, 7), two_thirds, 30)


def test_nothing_is_decided_without_votes():
    assert not q.adopted(q.Tally(0, 0, 5), q.MajorityRule(q.Threshold(1, 2, strict=True)), 5)


def test_member_list_from_pasted_lines():
    assert q.member_list("Fatima  Alaoui\n\n  Aicha Bennani \nفاطمة الزهراء\n") == [
        "Fatima Alaoui", "Aicha Bennani", "فاطمة الزهراء"]
    with pytest.raises(q.AgmError) as err:
        q.member_list("Fatima Alaoui\nfatima  alaoui")
    assert err.value.reason == "member_listed_twice"
