"""Progress of every learner in every module, and what the views show of it, at programme scale.

What happened per learner × module (started, handed in, her submission's score) is one narrow
table, ``fadaa_activity``, whose gradebook columns the database's own triggers keep in step with
nbgrader's ``grade`` and ``submitted_assignment`` tables. Progress reads it and the roster in a few
plain SELECTs and works out statuses with pandas; the coordinator's screen is a row per cooperative
× module with its members counted by status, from which every chart and table is a sum. Nothing
loops over nbgrader's ORM objects: each of their ``.score`` properties is one query over the whole
``grade`` table, which at 10,000 learners takes minutes (``benchmarks/bench_progress.py``).

A learner's status in a module, the most advanced that applies:

``passed``        graded, score ≥ the module's pass mark (a share of its points)
``graded``        graded, below the pass mark
``needs_manual``  autograded, a free-text answer still waits for the trainer
``submitted``     handed in (collected or in the gradebook), not graded yet
``late``          her due date has passed and she has not handed in (started or not); her due date is
                  her own extra time, else her cooperative's, else her cohort's, else nbgrader's
``started``       her own copy holds saved answers (``fadaa_activity.started_at``)
``released``      the module was assigned to her cohort or cooperative
``not_released``  nothing of the above

"Started" is not in the gradebook: nbgrader only knows submissions. Learners' answers are saved
into their own copies as they go, so ``fadaa activity`` (``activity.scan_homes``) records in
``fadaa_activity`` when a copy first holds an answer; collected submissions are recorded there too.
"""
from __future__ import annotations

import datetime as dt
import fnmatch
import functools
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd
from sqlalchemy import Engine, String, func, literal_column, null, select, type_coerce, union_all
from traitlets import Dict, Float, Integer, List, Unicode
from traitlets.config import Configurable

from .database import GRADEBOOK, activity, extension, learner, open_database, target
from .extensions import given_modules
from .names import ModuleTitles
from .results import ModuleResults, her_results

STATUSES = ("not_released", "released", "started", "late", "submitted", "needs_manual", "graded", "passed")
FILTERS = ("cohort", "region", "cooperative", "module")
COOPERATIVE = ["cohort", "region", "cooperative"]
BANDS = 10

_assignment = GRADEBOOK["assignment"]
_notebook = GRADEBOOK["notebook"]
_base_cell = GRADEBOOK["base_cell"]
_grade_cells = GRADEBOOK["grade_cells"]
_task_cells = GRADEBOOK["task_cells"]


class ProgressRules(Configurable):
    """When a module counts as passed, when a cooperative is ready for its AGM, when it is at risk.

    Set in the course's ``nbgrader_config.py``, e.g. ``c.ProgressRules.pass_marks = {"agm_1": 0.7}``.
    """

    pass_mark = Float(0.5, help="Share of a module's points needed to pass it.").tag(config=True)
    pass_marks = Dict(value_trait=Float(), help="Pass mark of particular modules, by module name.").tag(config=True)
    agm_modules = List(Unicode(), ["agm_*", "bookkeeping_4"],
                       help="Modules (glob patterns) a cooperative must have passed to be ready for "
                            "its AGM: the AGM preparation and the bookkeeping year summary.").tag(config=True)
    agm_key_roles = List(Unicode(), ["president", "treasurer"],
                         help="At least one member with one of these roles must have passed each "
                              "AGM module.").tag(config=True)
    agm_min_share = Float(0.5, help="Share of the cooperative's members who must have passed each "
                                    "AGM module.").tag(config=True)
    at_risk_days = Integer(21, help="A cooperative with modules to do and no activity for this many "
                                    "days is at risk.").tag(config=True)

    def agm_required(self, modules: list[str]) -> list[str]:
        return sorted(m for m in modules if any(fnmatch.fnmatch(m, p) for p in self.agm_modules))


def _read(conn, query) -> pd.DataFrame:
    """The rows of ``query`` as the database driver gives them: building SQLAlchemy's ``Row``
    objects and then a frame from them cost more than the rest of a screen (~1 s per 400,000 rows)."""
    result = conn.execute(query)
    return pd.DataFrame(result.cursor.fetchall(), columns=list(result.keys()))


def _on_roster(query, filters: dict):
    """``query`` narrowed to the learners of the cohort, region and cooperative the filters name."""
    for name in COOPERATIVE:
        if filters.get(name):
            query = query.where(learner.c[name] == filters[name])
    return query


def _roster_values(conn, column, **filters: str | None) -> list[str]:
    """The values of the roster's ``column`` among the learners the filters name, sorted."""
    return sorted(conn.execute(_on_roster(select(column).distinct(), filters)).scalars())


def _learners(conn, student_id: str | None = None, **filters: str | None) -> pd.DataFrame:
    query = _on_roster(select(learner.c.student_id, learner.c.name, learner.c.cooperative, learner.c.cohort,
                              learner.c.region, learner.c.role, learner.c.lang), filters)
    if student_id:
        query = query.where(learner.c.student_id == student_id)
    return _read(conn, query.order_by(learner.c.student_id))


def _modules(conn, rules: ProgressRules, module: str | None = None) -> pd.DataFrame:
    """Each module (nbgrader assignment) with its default due date, points and pass mark."""
    cells = select(_base_cell.c.notebook_id, _grade_cells.c.max_score) \
        .join(_grade_cells, _grade_cells.c.id == _base_cell.c.id) \
        .union_all(select(_base_cell.c.notebook_id, _task_cells.c.max_score)
                   .join(_task_cells, _task_cells.c.id == _base_cell.c.id)).subquery("cells")
    points = select(_notebook.c.assignment_id, func.sum(cells.c.max_score).label("max_score")) \
        .join(cells, cells.c.notebook_id == _notebook.c.id).group_by(_notebook.c.assignment_id).subquery("points")
    query = select(_assignment.c.name.label("module"), _assignment.c.duedate.label("module_duedate"),
                   points.c.max_score).outerjoin(points, points.c.assignment_id == _assignment.c.id)
    if module:
        query = query.where(_assignment.c.name == module)
    modules = _read(conn, query.order_by(_assignment.c.name)).astype({"max_score": float})
    modules["pass_mark"] = modules.module.map(rules.pass_marks).fillna(rules.pass_mark).astype(float)
    return modules


def _narrowed(query, table, student_id: str | None, module: str | None, filters: dict):
    """``query`` over a learner × module ``table`` narrowed to one learner, one module, and the roster's filters."""
    if any(filters.get(name) for name in COOPERATIVE):
        query = _on_roster(query.join(learner, learner.c.student_id == table.c.student_id), filters)
    if student_id:
        query = query.where(table.c.student_id == student_id)
    if module:
        query = query.where(table.c.assignment == module)
    return query


def _facts(conn, student_id: str | None = None, module: str | None = None, **filters: str | None) -> pd.DataFrame:
    """What is known per learner × module (started, handed in, score, extra time), one query read once.

    A learner given extra time has a row even with no activity (``extended``: her own due date), so
    that the cooperative's screen counts her on her own instead of with her cooperative's date. The
    database joins the extra time on (its key is an index); a merge in pandas took 0.7 s more at
    365,000 rows. Dates are read as the database gives them and parsed by pandas in one go:
    SQLAlchemy's per-value parsing of SQLite dates alone took longer than the whole screen may.
    """
    def as_text(column):
        return type_coerce(column, String)

    on = (extension.c.student_id == activity.c.student_id) & (extension.c.assignment == activity.c.assignment)
    done = select(activity.c.student_id, activity.c.assignment.label("module"),
                  as_text(activity.c.started_at).label("started_at"),
                  as_text(activity.c.submitted_at).label("submitted_at"),
                  activity.c.score, activity.c.grades, activity.c.grades_waiting,
                  as_text(extension.c.duedate).label("extended")).select_from(activity.outerjoin(extension, on))
    idle = select(extension.c.student_id, extension.c.assignment, null(), null(), null(), literal_column("0"), literal_column("0"),
                  as_text(extension.c.duedate)).select_from(extension.outerjoin(activity, on)) \
        .where(activity.c.student_id.is_(None))
    query = union_all(_narrowed(done, activity, student_id, module, filters),
                      _narrowed(idle, extension, student_id, module, filters))
    facts = _read(conn, query).astype({"score": float, "grades": int, "grades_waiting": int})
    for column in ("started_at", "submitted_at", "extended"):
        facts[column] = pd.to_datetime(facts[column], format="ISO8601")
    return facts


def later(duedate: pd.Series | np.ndarray, extended: pd.Series) -> np.ndarray:
    """Her due date: her group's, or the one she was given if later (extra time never takes time away)."""
    return np.fmax(np.asarray(duedate, dtype="datetime64[ns]"), extended.to_numpy(dtype="datetime64[ns]"))


def _releases(conn, pairs: pd.DataFrame) -> pd.DataFrame:
    """``pairs`` (cohort, cooperative, module, module_duedate) with whether the module was given to
    them and its due date: the cooperative's own assignment first, then the cohort's, then nbgrader's."""
    targets = _read(conn, select(target.c.assignment.label("module"), target.c.kind, target.c.name,
                                 target.c.duedate))
    out = pairs
    for kind in ("cooperative", "cohort"):
        given = targets[targets.kind == kind].rename(columns={"name": kind, "duedate": f"{kind}_duedate"})
        given = given.assign(**{f"{kind}_given": True})[[kind, "module", f"{kind}_duedate", f"{kind}_given"]]
        out = out.merge(given, on=[kind, "module"], how="left")
    released = out.cooperative_given.notna() | out.cohort_given.notna()
    duedate = pd.to_datetime(out.cooperative_duedate).combine_first(pd.to_datetime(out.cohort_duedate)) \
        .combine_first(pd.to_datetime(out.module_duedate))
    return pairs.assign(released=released.to_numpy(), duedate=duedate.to_numpy())


def _status(frame: pd.DataFrame, now: dt.datetime) -> np.ndarray:
    """Each row's status, the most advanced that applies (see the module's docstring).

    ``frame`` holds released, duedate, started, submitted, grades, grades_waiting, score,
    max_score and pass_mark; learner rows and the cooperative screen both go through here.
    """
    graded = frame.grades.to_numpy() > 0
    started = frame.started.to_numpy()
    released = frame.released.to_numpy()
    with np.errstate(invalid="ignore"):  # no score or no points (NaN) is simply not a pass
        passed = frame.score.to_numpy() >= frame.pass_mark.to_numpy() * frame.max_score.to_numpy()
    late = (frame.duedate < now).to_numpy() & (released | started)
    return np.select(
        [graded & (frame.grades_waiting.to_numpy() > 0), graded & passed, graded,
         frame.submitted.to_numpy(), late, started, released],
        ["needs_manual", "passed", "graded", "submitted", "late", "started", "released"],
        "not_released")


def learner_rows(conn, rules: ProgressRules, now: dt.datetime, student_id: str | None = None,
                 **filters: str | None) -> pd.DataFrame:
    """A row per learner × module with her status, score and dates."""
    people = _learners(conn, student_id, **filters)
    modules = _modules(conn, rules, filters.get("module"))
    rows = _releases(conn, people.merge(modules, how="cross"))
    facts = _facts(conn, student_id, **filters)
    rows = rows.merge(facts, on=["student_id", "module"], how="left")
    rows["duedate"] = later(rows.duedate, rows.extended)
    rows["grades"] = rows.grades.fillna(0)
    rows["grades_waiting"] = rows.grades_waiting.fillna(0)
    rows["started"] = rows.started_at.notna()
    rows["submitted"] = rows.submitted_at.notna()
    rows["status"] = _status(rows, now)
    rows["score"] = rows.score.where(rows.grades > 0)
    rows["last_activity"] = rows.submitted_at.combine_first(rows.started_at)
    rows["submitted_late"] = (rows.submitted_at > rows.duedate).astype(int)
    return rows[["student_id", "name", "cooperative", "cohort", "region", "role", "lang", "module", "duedate",
                 "status", "score", "max_score", "submitted_at", "started_at", "last_activity", "submitted_late"]]


def cooperative_summary(conn, rules: ProgressRules, now: dt.datetime,
                        **filters: str | None) -> tuple[pd.DataFrame, pd.DataFrame]:
    """A row per cooperative × module with its members counted by status and score band, and the
    hand-ins per week; every number of the coordinator's screen is a sum over these.

    Only what happened is read row by row (the learner × module pairs with activity); members with
    nothing yet are counted per cooperative, whose status then depends only on the release and due date.
    """
    people = _learners(conn, **filters)
    modules = _modules(conn, rules, filters.get("module"))
    by_group = people.groupby(COOPERATIVE)
    groups = by_group.size().rename("members").reset_index()
    pairs = _releases(conn, groups.merge(modules, how="cross"))  # group-major, modules in order
    group_of = by_group.ngroup().to_numpy()  # each learner's row in ``groups``
    key_member = people.role.isin(rules.agm_key_roles).to_numpy()

    facts = _facts(conn, **filters)
    person = pd.Index(people.student_id).get_indexer(facts.student_id)
    position = pd.Index(modules.module).get_indexer(facts.module)
    known = (person >= 0) & (position >= 0)  # activity of learners or modules outside the filters
    facts, person, position = facts[known].reset_index(drop=True), person[known], position[known]
    pair = group_of[person] * len(modules) + position  # the row of ``pairs`` each fact counts in
    facts = facts.assign(
        released=pairs.released.to_numpy()[pair], duedate=later(pairs.duedate.to_numpy()[pair], facts.extended),
        max_score=modules.max_score.to_numpy()[position], pass_mark=modules.pass_mark.to_numpy()[position],
        started=facts.started_at.notna(), submitted=facts.submitted_at.notna())
    status = _status(facts, now)

    # members with no activity in a module: one row per pair, weighted by how many they are
    idle = pairs.members.to_numpy() - np.bincount(pair, minlength=len(pairs))
    idle_status = _status(pairs.assign(started=False, submitted=False, grades=0, grades_waiting=0,
                                       score=np.nan), now)

    def tally(which: np.ndarray, minlength: int = len(pairs), at: np.ndarray = pair) -> np.ndarray:
        return np.bincount(at[which], minlength=minlength)

    summary = pairs[[*COOPERATIVE, "module", "members"]].copy()
    for name in STATUSES:
        summary[name] = tally(status == name) + np.where(idle_status == name, idle, 0)
    summary["key_passed"] = tally((status == "passed") & key_member[person])
    graded = np.isin(status, ("passed", "graded")) & (facts.max_score.to_numpy() > 0)
    with np.errstate(divide="ignore", invalid="ignore"):
        band = np.clip(np.floor(BANDS * facts.score.to_numpy() / facts.max_score.to_numpy()), 0, BANDS - 1)
    bands = tally(graded, len(pairs) * BANDS, pair * BANDS + np.nan_to_num(band).astype(int))
    for b, counts in enumerate(bands.reshape(len(pairs), BANDS).T):
        summary[f"band_{b}"] = counts
    last = facts.submitted_at.combine_first(facts.started_at).groupby(pair).max()
    summary["last_activity"] = last.reindex(range(len(pairs))).to_numpy()

    weeks = facts.submitted_at.dropna().dt.to_period("W-SUN").dt.start_time.value_counts().sort_index()
    weekly = pd.DataFrame({"week": weeks.index, "submissions": weeks.to_numpy()})
    return summary, weekly


@dataclass
class Dashboard:
    """Every number of one coordinator screen, as tables; the exports write these same tables."""

    summary: pd.DataFrame          # cooperative × module: members by status and score band
    weekly: pd.DataFrame           # hand-ins per week
    rules: ProgressRules
    now: dt.datetime
    titles: ModuleTitles = field(default_factory=ModuleTitles)  # how the tables name each module

    @property
    def by_module(self) -> pd.DataFrame:
        """Module × status: how many learners are at each step."""
        return self.summary.groupby("module", as_index=False)[list(STATUSES)].sum()

    @property
    def members(self) -> pd.DataFrame:
        """Members per cooperative (each learner has a row in every module, so any module counts her)."""
        return self.summary.groupby(COOPERATIVE, as_index=False).members.max()

    @property
    def by_region(self) -> pd.DataFrame:
        per_region = self.summary.groupby("region", as_index=False).agg(
            learner_modules=("members", "sum"), passed=("passed", "sum"))
        learners = self.members.groupby("region", as_index=False).members.sum().rename(columns={"members": "learners"})
        table = learners.merge(per_region, on="region")
        table["share_passed"] = table.passed / table.learner_modules
        return table

    @property
    def by_cooperative(self) -> pd.DataFrame:
        """Cooperative × module: share of the members who passed."""
        table = self.summary[[*COOPERATIVE, "module", "members", "passed"]].copy()
        table["share_passed"] = table.passed / table.members
        return table

    @property
    def agm_ready(self) -> pd.DataFrame:
        """Per cooperative: every AGM module passed by a key member and by enough members."""
        required = self.rules.agm_required(sorted(self.summary.module.unique()))
        rows = self.summary[self.summary.module.isin(required)]
        ok = (rows.key_passed > 0) & (rows.passed >= self.rules.agm_min_share * rows.members)
        done = rows.assign(ok=ok).groupby(COOPERATIVE).ok.sum()
        table = self.members[COOPERATIVE].copy()
        table["ready"] = [bool(required) and done.get(tuple(key), 0) == len(required)
                          for key in table.itertuples(index=False)]
        return table

    @property
    def score_bands(self) -> pd.DataFrame:
        """Graded hand-ins by score band: band 0 is 0–10 % of the points, band 9 is 90–100 %."""
        counts = self.summary[[f"band_{b}" for b in range(BANDS)]].sum()
        return pd.DataFrame({"band": range(BANDS), "submissions": counts.to_numpy()})

    @property
    def at_risk(self) -> pd.DataFrame:
        """Cooperatives with modules still to do and no activity for ``rules.at_risk_days`` days."""
        per_coop = self.summary.assign(todo=self.summary[["released", "started", "late"]].sum(axis=1)) \
            .groupby(COOPERATIVE, as_index=False).agg(todo=("todo", "sum"), last_activity=("last_activity", "max"))
        since = self.now - dt.timedelta(days=self.rules.at_risk_days)
        quiet = per_coop.last_activity.isna() | (per_coop.last_activity < since)
        return per_coop[(per_coop.todo > 0) & quiet].sort_values(["last_activity", "cooperative"],
                                                                  na_position="first").reset_index(drop=True)


class Progress:
    """Progress read from one course database (gradebook + roster), fast at programme scale."""

    def __init__(self, db_url: str, course_id: str, rules: ProgressRules | None = None,
                 lessons: Path | None = None):
        self.engine: Engine = open_database(db_url, course_id)
        self.rules = rules or ProgressRules()
        self.lessons = lessons  # the course's source folder: where the modules' titles are read

    @functools.cached_property
    def titles(self) -> ModuleTitles:
        return ModuleTitles.read(self.lessons)

    def roster(self, student_id: str | None = None, **filters: str | None) -> pd.DataFrame:
        """The learners on the roster (filtered), with or without modules to do."""
        with self.engine.connect() as conn:
            return _learners(conn, student_id, **filters)

    def cohorts(self) -> list[str]:
        """Every cohort on the roster."""
        with self.engine.connect() as conn:
            return _roster_values(conn, learner.c.cohort)

    def choices(self, cohort: str | None = None, region: str | None = None) -> dict[str, list[str]]:
        """What each of the coordinator's filters offers; the cooperatives narrowed to the chosen cohort and region."""
        with self.engine.connect() as conn:
            return {"cohort": _roster_values(conn, learner.c.cohort), "region": _roster_values(conn, learner.c.region),
                    "cooperative": _roster_values(conn, learner.c.cooperative, cohort=cohort, region=region),
                    "module": sorted(conn.execute(select(_assignment.c.name)).scalars())}

    def given_modules(self, cohort: str) -> list[str]:
        """The modules given to ``cohort`` or to one of its cooperatives: those that can get extra time."""
        return given_modules(self.engine, cohort)

    def results(self, student_id: str) -> dict[str, ModuleResults]:
        """Her checkpoints and her trainer's comments, by module she handed in (one query)."""
        return her_results(self.engine, student_id)

    def learner_modules(self, now: dt.datetime | None = None, **filters: str | None) -> pd.DataFrame:
        """A row per learner × module, for the learner's home and the trainer's lists (filtered)."""
        with self.engine.connect() as conn:
            return learner_rows(conn, self.rules, now or _utcnow(), **filters)

    def dashboard(self, now: dt.datetime | None = None, **filters: str | None) -> Dashboard:
        """Every aggregate of one screen: the cooperative × module summary and the hand-ins per week."""
        now = now or _utcnow()
        with self.engine.connect() as conn:
            summary, weekly = cooperative_summary(conn, self.rules, now, **filters)
        return Dashboard(summary, weekly, self.rules, now, self.titles)


def _utcnow() -> dt.datetime:
    """nbgrader stores naive UTC datetimes; compare like with like."""
    return dt.datetime.now(dt.timezone.utc).replace(tzinfo=None)
