"""Synthetic cohorts and months of their work, written straight into a course database.

The programme's shape (DOMAIN.md): about 15 prize-winning women's cooperatives ("Lalla Al
Moutaawina") and 370 supported projects, 3 to 12 members each, across the 12 regions, names in
Arabic or French script. Their submissions and grades are written with bulk INSERTs into
nbgrader's own tables (nbgrader's API adds one row per call and would take hours at 10,000
learners); the same seed always gives the same data, so benchmarks and screenshots repeat.

Modules are the ones in the gradebook (after ``generate``) when there are any; otherwise
synthetic ones with the cells a Fadaa lesson has (two autograded answers, one free text).
"""
from __future__ import annotations

import datetime as dt
import random
from dataclasses import asdict, dataclass
from typing import Iterator

from sqlalchemy import Engine, select

from fadaa.grading.database import GRADEBOOK, activity, learner, target
from fadaa.grading.phones import normalise_phone
from fadaa.grading.regions import REGIONS
from fadaa.grading.roster import Learner

PRIZE_COHORT = "Lalla Al Moutaawina"
PROJECTS_COHORT = "Projets accompagnés"

FIRST_NAMES = (("Fatima", "فاطمة"), ("Khadija", "خديجة"), ("Aicha", "عائشة"), ("Zineb", "زينب"),
               ("Naima", "نعيمة"), ("Malika", "مليكة"), ("Saida", "سعيدة"), ("Hafsa", "حفصة"),
               ("Meryem", "مريم"), ("Latifa", "لطيفة"), ("Rachida", "رشيدة"), ("Samira", "سميرة"),
               ("Touria", "ثريا"), ("Hanane", "حنان"), ("Loubna", "لبنى"), ("Ilham", "إلهام"),
               ("Hayat", "حياة"), ("Nadia", "نادية"), ("Amina", "أمينة"), ("Zahra", "زهرة"),
               ("Fadma", "فاضمة"), ("Itto", "إيطو"), ("Mina", "مينة"), ("Yamna", "يامنة"))
FAMILY_NAMES = (("Benali", "بنعلي"), ("El Idrissi", "الإدريسي"), ("Amrani", "العمراني"),
                ("Ait Brahim", "آيت إبراهيم"), ("Ouali", "والي"), ("Tazi", "التازي"), ("Bennani", "بناني"),
                ("El Fassi", "الفاسي"), ("Chraibi", "الشرايبي"), ("Berrada", "برادة"), ("Alaoui", "العلوي"),
                ("Ait Ouahmane", "آيت وحمان"), ("Boukili", "بوكيلي"), ("Naciri", "الناصري"),
                ("Zerouali", "الزروالي"), ("Haddad", "الحداد"), ("Lahlou", "لحلو"), ("Ouazzani", "الوزاني"))
COOPERATIVE_WORDS = ("Tifawin", "Nour", "Al Amal", "Tighanimine", "Argane", "Assafae", "Al Baraka", "Tamount",
                     "Ennakhil", "Al Wifaq", "Izourane", "Tawada", "Al Khir", "Tafoukt", "Annajah", "Tagmate",
                     "Al Fadila", "Amalou", "Ighrem", "Touzzal")
CRAFTS = ("argan", "tissage", "poterie", "couscous", "safran", "broderie", "miel", "vannerie", "plantes")
ROLES_IN_ORDER = ("president", "treasurer", "secretary")


def _demo_mobile(rng: random.Random) -> str:
    """A mobile number 06 XX XX XX XX that the numbering plan allocates: the few unallocated blocks
    (068 3, 068 5, 068 6) move to 060, so each learner still takes one draw and the demo's people
    stay the same ones."""
    number = f"+2126{rng.randrange(10**8):08d}"
    return normalise_phone(number) or "+21260" + number[6:]


def cohorts(seed: int = 2026, prize_winners: int = 15, projects: int = 370,
            members: tuple[int, int] = (3, 12)) -> list[Learner]:
    """The learners of both cohorts, cooperative by cooperative, president first."""
    rng = random.Random(seed)
    people: list[Learner] = []
    used_names: set[str] = set()
    for number in range(prize_winners + projects):
        prize = number < prize_winners
        region = rng.choice(REGIONS)[0]
        name = f"Coopérative {rng.choice(COOPERATIVE_WORDS)} ({rng.choice(CRAFTS)})"
        if name in used_names:
            name = f"{name[:-1]} {number})"
        used_names.add(name)
        prefix = "lm" if prize else "pa"
        for member in range(rng.randint(*members)):
            lang = "ar" if rng.random() < 0.6 else "fr"
            first, family = rng.choice(FIRST_NAMES), rng.choice(FAMILY_NAMES)
            script = 1 if lang == "ar" else 0
            people.append(Learner(
                student_id=f"{prefix}{number:04d}{member:02d}",
                name=f"{first[script]} {family[script]}",
                cooperative=name, cohort=PRIZE_COHORT if prize else PROJECTS_COHORT, region=region, lang=lang,
                phone=_demo_mobile(rng),
                role=ROLES_IN_ORDER[member] if member < len(ROLES_IN_ORDER) else "member"))
    return people


def synthetic_module_names(count: int) -> list[str]:
    """Module names shaped like the course's: selling_*, bookkeeping_* (with the year summary), agm_*."""
    agm = max(1, count // 4)
    bookkeeping = max(1, (count - agm) // 2)
    selling = count - agm - bookkeeping
    return ([f"selling_{i}" for i in range(1, selling + 1)]
            + [f"bookkeeping_{i}" for i in range(1, bookkeeping)] + ["bookkeeping_year_summary"]
            + [f"agm_{i}" for i in range(1, agm + 1)])[:count]


@dataclass(frozen=True)
class Cell:
    id: str
    max_score: float
    manual: bool  # a free-text answer the trainer grades by hand


@dataclass(frozen=True)
class Module:
    name: str
    assignment_id: str
    notebook_id: str
    cells: tuple[Cell, ...]


@dataclass
class Simulation:
    """How the months unfold: modules released in turn to both cohorts, three weeks to do each."""

    start: dt.datetime = dt.datetime(2026, 5, 4, 9, 0)
    weeks: int = 26
    days_to_do: int = 21
    participation: float = 0.8   # chance an engaged learner hands in a released module
    engagement: tuple[float, float] = (0.5, 1.0)  # range of each learner's own chance to take part
    trainer_backlog: float = 0.15  # share of free-text answers not graded yet
    seed: int = 2026

    @property
    def now(self) -> dt.datetime:
        return self.start + dt.timedelta(weeks=self.weeks)


class _Ids:
    """Deterministic 32-hex ids in nbgrader's format (it uses uuid4().hex)."""

    def __init__(self, rng: random.Random):
        self.rng = rng

    def __call__(self) -> str:
        return f"{self.rng.getrandbits(128):032x}"


def _modules(conn, course_id: str, names: list[str], ids: _Ids) -> list[Module]:
    """The gradebook's modules with their grade cells; synthetic ones created if it has none."""
    t = GRADEBOOK
    rows = conn.execute(
        select(t["assignment"].c.name, t["assignment"].c.id, t["notebook"].c.id, t["base_cell"].c.id,
               t["grade_cells"].c.max_score, t["grade_cells"].c.cell_type)
        .join(t["notebook"], t["notebook"].c.assignment_id == t["assignment"].c.id)
        .join(t["base_cell"], t["base_cell"].c.notebook_id == t["notebook"].c.id)
        .join(t["grade_cells"], t["grade_cells"].c.id == t["base_cell"].c.id)
        .order_by(t["assignment"].c.name)).all()
    if rows:
        # one notebook per lesson is the course's convention; a module with more counts its first
        found: dict[str, Module] = {}
        for name, assignment_id, notebook_id, cell_id, max_score, cell_type in rows:
            module = found.setdefault(name, Module(name, assignment_id, notebook_id, ()))
            if module.notebook_id == notebook_id:
                found[name] = Module(name, assignment_id, notebook_id,
                                     module.cells + (Cell(cell_id, max_score, cell_type == "markdown"),))
        return list(found.values())
    modules = [Module(name, ids(), ids(), (Cell(ids(), 2.0, False), Cell(ids(), 2.0, False), Cell(ids(), 2.0, True)))
               for name in names]
    conn.execute(t["assignment"].insert(), [{"id": m.assignment_id, "name": m.name, "course_id": course_id}
                                           for m in modules])
    conn.execute(t["notebook"].insert(), [{"id": m.notebook_id, "name": "lesson", "assignment_id": m.assignment_id}
                                         for m in modules])
    cells = [(m, n, c) for m in modules for n, c in enumerate(m.cells)]
    conn.execute(t["base_cell"].insert(), [{"id": c.id, "name": f"answer_{n}", "notebook_id": m.notebook_id,
                                            "type": "GradeCell"} for m, n, c in cells])
    conn.execute(t["grade_cells"].insert(), [{"id": c.id, "max_score": c.max_score,
                                              "cell_type": "markdown" if c.manual else "code"} for m, n, c in cells])
    return modules


def _chunks(rows: Iterator[dict], size: int = 20_000) -> Iterator[list[dict]]:
    chunk: list[dict] = []
    for row in rows:
        chunk.append(row)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def populate(engine: Engine, course_id: str, people: list[Learner], module_count: int = 12,
             simulation: Simulation | None = None) -> dict[str, int]:
    """Write the roster, the students, the modules' releases and months of submissions and grades.

    Returns how many rows went into each table. The database must be migrated (``open_database``).
    """
    sim = simulation or Simulation()
    rng = random.Random(sim.seed)
    ids = _Ids(rng)
    t = GRADEBOOK
    counts: dict[str, int] = {}
    with engine.begin() as conn:
        modules = _modules(conn, course_id, synthetic_module_names(module_count), ids)
        period = dt.timedelta(weeks=sim.weeks) / max(len(modules), 1)
        releases = {m.name: sim.start + i * period for i, m in enumerate(modules)}
        conn.execute(t["student"].insert(), [{"id": p.student_id, "first_name": p.name.partition(" ")[0],
                                             "last_name": p.name.partition(" ")[2]} for p in people])
        conn.execute(learner.insert(), [{**asdict(p), "updated_at": sim.start} for p in people])
        cohort_names = sorted({p.cohort for p in people})
        targets = [{"assignment": m.name, "kind": "cohort", "name": cohort, "released_at": releases[m.name],
                    "duedate": releases[m.name] + dt.timedelta(days=sim.days_to_do)}
                   for m in modules for cohort in cohort_names if releases[m.name] <= sim.now]
        if targets:
            conn.execute(target.insert(), targets)
        counts.update(student=len(people), fadaa_learner=len(people), fadaa_target=len(targets))

        started: list[dict] = []
        submissions: list[dict] = []
        notebooks: list[dict] = []

        def grades() -> Iterator[dict]:
            for person in people:
                engagement = rng.uniform(*sim.engagement)
                skill = rng.uniform(0.5, 1.0)
                for module in modules:
                    released = releases[module.name]
                    if released > sim.now:
                        continue
                    roll = rng.random()
                    begun = released + dt.timedelta(days=rng.uniform(0, sim.days_to_do))
                    handed_in = begun + dt.timedelta(days=rng.uniform(0, sim.days_to_do))
                    if roll >= engagement * sim.participation or handed_in > sim.now:
                        if roll < engagement and begun <= sim.now:
                            started.append({"student_id": person.student_id, "assignment": module.name,
                                            "started_at": begun})
                        continue
                    started.append({"student_id": person.student_id, "assignment": module.name,
                                    "started_at": begun, "submitted_at": handed_in})
                    submission, notebook = ids(), ids()
                    submissions.append({"id": submission, "assignment_id": module.assignment_id,
                                        "student_id": person.student_id, "timestamp": handed_in})
                    notebooks.append({"id": notebook, "assignment_id": submission,
                                      "notebook_id": module.notebook_id, "flagged": False})
                    for cell in module.cells:
                        if cell.manual:
                            waiting = rng.random() < sim.trainer_backlog
                            yield {"id": ids(), "notebook_id": notebook, "cell_id": cell.id, "auto_score": None,
                                   "manual_score": None if waiting else cell.max_score * rng.choice((0, .5, 1)),
                                   "needs_manual_grade": waiting}
                        else:
                            yield {"id": ids(), "notebook_id": notebook, "cell_id": cell.id,
                                   "auto_score": cell.max_score if rng.random() < skill else 0.0,
                                   "manual_score": None, "needs_manual_grade": False}

        def flush() -> None:
            """Write the rows waiting: parents first, as the database's triggers fill in the activity
            rows when submissions and grades arrive."""
            for table, rows in ((activity, started), (t["submitted_assignment"], submissions),
                                (t["submitted_notebook"], notebooks)):
                if rows:
                    conn.execute(table.insert(), [{"submitted_at": None, **row} for row in rows]
                                 if table is activity else rows)
                    counts[table.name] = counts.get(table.name, 0) + len(rows)
                    rows.clear()

        counts["grade"] = counts["fadaa_activity"] = 0
        for chunk in _chunks(grades()):
            flush()  # the grades of this chunk point at submissions made while producing it
            conn.execute(t["grade"].insert(), chunk)
            counts["grade"] += len(chunk)
        flush()  # lessons started but not handed in since the last chunk
    return counts
