"""``fadaa``: the trainer's and coordinator's commands over a course (roster, assign, grade, progress),
and the backup and restore of a whole site.

Thin over the same functions as the trainer's desk: each subcommand parses its arguments, calls
one function of ``fadaa.grading`` and prints the result in the trainer's language (``--lang``).
Its defaults are the site's settings (``fadaa.core.settings``), which ``fadaa --help-all`` lists.
"""
from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import os
import sys
from pathlib import Path

from tqdm import tqdm

from fadaa.core.documents.formulas import inert_table
from fadaa.core.i18n import gettext_for, normalise
from fadaa.core.settings import SiteSettings, site_settings
from fadaa.core.site import Site

from . import activity, backup, certificates, export, reminders, trainer
from .autograde import FLAG_MESSAGES, autograde_all
from .course import Course, NbgraderStepFailed
from .extensions import CannotExtend, extend
from .progress import Progress, ProgressRules
from .roster import RosterFileError, import_roster, learners

VIEWS = ("by_module", "by_region", "by_cooperative", "agm_ready", "score_bands", "weekly", "at_risk")


def _date(text: str) -> dt.datetime:
    """A due date as trainers type it: 2026-12-31 (end of that day) or 2026-12-31T18:00."""
    try:
        moment = dt.datetime.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a date: {text!r} (write 2026-12-31 or 2026-12-31T18:00)") from None
    return moment.replace(hour=23, minute=59, second=59) if "T" not in text and " " not in text else moment


def _filters(parser: argparse.ArgumentParser, module: bool = True) -> None:
    parser.add_argument("--cohort", help="only this cohort")
    parser.add_argument("--region", help="only this region (its code, e.g. souss-massa)")
    parser.add_argument("--cooperative", help="only this cooperative")
    if module:
        parser.add_argument("--module", help="only this module")


class HelpAll(argparse.Action):
    """``--help-all``: the commands' help, then every site setting with its help, default and
    variable, as traitlets' applications print their configurables."""

    def __init__(self, option_strings, dest, **kwargs):
        super().__init__(option_strings, dest, nargs=0, default=argparse.SUPPRESS, **kwargs)

    def __call__(self, parser, namespace, values, option_string=None):
        parser.print_help()
        print("\nThe site's settings, in a fadaa_config.py of a Jupyter configuration folder (jupyter --paths) "
              "or in their environment variable, which wins:\n")
        print(SiteSettings.class_get_help())
        parser.exit()


def build_parser() -> argparse.ArgumentParser:
    settings = site_settings()
    parser = argparse.ArgumentParser(
        prog="fadaa", description="Fadaa for trainers and coordinators: the roster of learners, modules "
        "given to cohorts, collecting and grading (nbgrader underneath), progress and exports.")
    parser.add_argument("--help-all", action=HelpAll, help="also list the site's settings, with their defaults")
    parser.add_argument("--course", type=Path, default=settings.course_folder(),
                        help="the nbgrader course directory (default: the site's course_root, %(default)s)")
    parser.add_argument("--exchange", type=Path, default=settings.exchange or None,
                        help="nbgrader exchange folder (default: the site's exchange, else the course's configuration)")
    parser.add_argument("--db-url", default=settings.db_url or None,
                        help="course database URL (default: the site's db_url, else the course's gradebook.db)")
    parser.add_argument("--lang", default=normalise(os.environ.get("LANG", "")) or "fr", choices=("fr", "ar"),
                        help="language of the messages and exports (default: from $LANG, else fr)")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    roster = commands.add_parser("roster", help="import or list the learners",
                                 description="The roster: who the learners are, their cooperative and cohort.")
    roster_commands = roster.add_subparsers(dest="roster_command", required=True, metavar="ACTION")
    importing = roster_commands.add_parser(
        "import", help="import learners from a CSV or XLSX file",
        description="Import learners from CSV (commas or semicolons, as Excel saves it) or XLSX. Columns: "
        "id, name, cooperative, cohort, region, language (fr/ar), phone, role. Every row is imported or "
        "reported with its line number; a file with errors imports nothing unless --accept-valid-rows. "
        "Importing again updates learners and never deletes one.")
    importing.add_argument("file", type=Path)
    importing.add_argument("--accept-valid-rows", action="store_true", help="import the good rows of a file with errors")
    listing = roster_commands.add_parser("list", help="list the learners", description="List the learners on the roster.")
    _filters(listing, module=False)
    listing.add_argument("--csv", action="store_true", help="print CSV instead of a table")

    assigning = commands.add_parser(
        "assign", help="give a module to a cohort or a cooperative, with a due date",
        description="Generate and release a module (nbgrader) for a cohort or a cooperative, due on a date.")
    assigning.add_argument("module")
    group = assigning.add_mutually_exclusive_group(required=True)
    group.add_argument("--cohort")
    group.add_argument("--cooperative", help="one cooperative; for a module its cohort has, its own new due date")
    group.add_argument("--learner", metavar="ID",
                       help="one learner's new due date (extra time) for a module given to her cohort or cooperative")
    assigning.add_argument("--due", type=_date, required=True, help="due date: 2026-12-31 or 2026-12-31T18:00")

    collecting = commands.add_parser("collect", help="collect the submissions of a module",
                                     description="Collect the learners' submissions of a module from the exchange.")
    collecting.add_argument("module")

    grading = commands.add_parser(
        "autograde", help="autograde the collected submissions on every core",
        description="Autograde the collected submissions of a module in parallel (one process per core). "
        "A notebook that is broken, tampered with, loops forever or prints too much is flagged in the "
        "report and never stops the batch.")
    grading.add_argument("module")
    grading.add_argument("--workers", type=int, help="processes to use (default: one per core)")
    grading.add_argument("--student", action="append", help="only this learner (repeatable)")

    feedback = commands.add_parser("feedback", help="generate and release the feedback of a module",
                                   description="Generate the graded feedback pages of a module and release them.")
    feedback.add_argument("module")

    scanning = commands.add_parser(
        "activity", help="record which learners started which lessons",
        description="Scan the learners' homes (one folder per learner id) for lessons holding saved "
        "answers, and record them as started.")
    scanning.add_argument("homes", type=Path)

    progress = commands.add_parser("progress", help="show progress as a table",
                                   description="Progress of the learners, by module, region, cooperative…")
    _filters(progress)
    progress.add_argument("--view", choices=VIEWS, default="by_module", help="which table (default: %(default)s)")

    exporting = commands.add_parser(
        "export", help="export the coordinator's figures as CSV, XLSX or PDF",
        description="Write the coordinator's figures to a file; its type comes from its name (.csv, .xlsx, "
        ".pdf). XLSX and PDF hold every table; CSV holds one (--view).")
    exporting.add_argument("file", type=Path)
    _filters(exporting)
    exporting.add_argument("--view", choices=VIEWS, default="by_cooperative", help="table for CSV (default: %(default)s)")

    backing_up = commands.add_parser(
        "backup", help="back up the whole site (databases, course, exchange, homes, hub state) while it runs",
        description="Write one archive (.tar.gz) of a site while its hub runs: every SQLite database through "
        "SQLite's online backup API (the gradebook, the PIN accounts, the hub's database), a PostgreSQL course "
        "database through pg_dump (--db-url or $FADAA_DB_URL), the course folder, the exchange, every home and "
        "the hub's state, with a manifest of checksums. The archive holds PIN hashes and the hub's cookie "
        "secret: it is readable by its owner only; keep it so.")
    backing_up.add_argument("destination", type=Path,
                            help="a folder, where the archive gets a dated name, or the archive's name (*.tar.gz)")
    backing_up.add_argument("--site", type=Path,
                            help="the site's folder (default: $FADAA_HUB_VAR, else var/hub in the checkout)")

    restoring = commands.add_parser(
        "restore", help="put a backup back, here or into another folder or machine",
        description="Put a backup made by `fadaa backup` back into a site's folder, the one it came from or "
        "another. Stop the hub first. The archive is checked against its manifest before anything is "
        "touched: a damaged or changed archive is refused and nothing changes. Learners' nbgrader "
        "configurations are written for the new folder; run as root, owners and modes are set as the hub "
        "sets them. A PostgreSQL course database goes into --db-url (or $FADAA_DB_URL).")
    restoring.add_argument("backup", type=Path, help="the archive")
    restoring.add_argument("--to", type=Path, dest="site", help="the folder to restore into (default: $FADAA_HUB_VAR, "
                           "else var/hub in the checkout)")
    restoring.add_argument("--force", action="store_true",
                           help="replace what the folder (and a PostgreSQL course database) already holds")
    reminding = commands.add_parser(
        "remind", help="reminders for late learners: a CSV for an SMS gateway, or a page of WhatsApp links",
        description="Write a reminder for every learner late in a module, in her language: a CSV that bulk-SMS "
        "gateways import (phone as +212…, message, SMS parts) or a page of WhatsApp links. Fadaa sends "
        "nothing. Late learners without a valid phone number are listed here.")
    _filters(reminding)
    reminding.add_argument("--format", choices=tuple(reminders.FORMATS), default="sms", help="default: %(default)s")
    reminding.add_argument("-o", "--output", type=Path, required=True, help="the file to write (.csv or .html)")

    certificate = commands.add_parser(
        "certificate", help="list or revoke the certificates the hub issued",
        description="The certificates learners downloaded from the hub, which anyone checks at /hub/verify. "
        "A revoked certificate is shown as not valid there, and no new one is issued for that module. "
        "Run as root on one machine: the list is in the hub's own database.")
    certificate.add_argument("--hub-db-url", default=settings.accounts_db_url or None,
                             help="the hub's database (default: $FADAA_ACCOUNTS_DB_URL, else the one of the "
                                  "hub's folder, $FADAA_HUB_VAR or var/hub)")
    certificate_commands = certificate.add_subparsers(dest="certificate_command", required=True, metavar="ACTION")
    certificate_commands.add_parser("list", help="every certificate, newest first")
    revoking = certificate_commands.add_parser("revoke", help="withdraw a certificate")
    revoking.add_argument("code", help="the code printed on it, e.g. K7QM-4XRT-9PZC")
    return parser


def _course(args) -> Course:
    return Course(args.course, exchange=args.exchange, db_url=args.db_url)


def _filter_values(args) -> dict[str, str | None]:
    return {name: getattr(args, name, None) for name in ("cohort", "region", "cooperative", "module")}


def _roster_import(args, course: Course, _) -> int:
    try:
        report = import_roster(args.file, course.db_url, course.course_id, args.accept_valid_rows)
    except RosterFileError as refused:
        print(refused.problem.text(args.lang), file=sys.stderr)
        return 2
    for problem in report.problems:
        print(_("line {line}: {reason}").format(line=problem.line, reason=problem.text(args.lang)),
              file=sys.stderr if problem.blocking else sys.stdout)
    if not report.applied:
        print(_("{count} rows with errors: nothing was imported. Correct the file, or import the valid rows "
                "with --accept-valid-rows.").format(count=len({p.line for p in report.errors})), file=sys.stderr)
        return 1
    print(_("{created} learners added, {updated} updated, {unchanged} unchanged; {kept} already on the roster "
            "and not in this file are kept.").format(created=len(report.created), updated=len(report.updated),
                                                      unchanged=len(report.unchanged), kept=report.kept))
    return 0


def _roster_list(args, course: Course, _) -> int:
    table = learners(course.db_url, course.course_id, cohort=args.cohort, region=args.region,
                     cooperative=args.cooperative)
    print(inert_table(table).to_csv(index=False) if args.csv else table.to_string(index=False))
    return 0


def _assign(args, course: Course, _) -> int:
    if args.learner:
        given = extend(course.db_url, course.course_id, args.module, args.due, learner_id=args.learner)
        print(_("{module}: new due date for {name}, {date}.").format(
            module=given.module, name=given.who, date=given.duedate.strftime("%Y-%m-%d %H:%M")))
        return 0
    done = trainer.assign(course, args.module, args.due, cohort=args.cohort, cooperative=args.cooperative)
    print(_("{module} released to {name} ({count} learners), due {date}.").format(
        module=done.module, name=done.name, count=done.learners, date=done.duedate.strftime("%Y-%m-%d %H:%M")))
    return 0


def _collect(args, course: Course, _) -> int:
    students = trainer.collect(course, args.module)
    print(_("{count} submissions collected.").format(count=len(students)))
    return 0


def _autograde(args, course: Course, _) -> int:
    students = args.student or course.submitted_students(args.module)
    with tqdm(total=len(students), unit=_("submission"), file=sys.stderr) as bar:
        report = autograde_all(course, args.module, students, args.workers, on_done=lambda _o: bar.update())
    for outcome in report.flagged:
        for flag in outcome.flags:
            print(f"{outcome.student_id}: {_(FLAG_MESSAGES[flag])}")
        if outcome.log:
            print(outcome.log, file=sys.stderr)
    print(_("{graded} of {total} submissions graded in {seconds:.0f} s; {flagged} flagged.").format(
        graded=len(report.graded), total=len(report.outcomes), seconds=report.seconds, flagged=len(report.flagged)))
    return 0 if len(report.graded) == len(report.outcomes) else 1


def _feedback(args, course: Course, _) -> int:
    course.release_feedback(args.module)
    print(_("Feedback released for {module}.").format(module=args.module))
    return 0


def _activity(args, course: Course, _) -> int:
    count = activity.scan_homes(course, args.homes)
    print(_("{count} started lessons recorded.").format(count=count))
    return 0


def _course_progress(course: Course) -> Progress:
    return Progress(course.db_url, course.course_id, ProgressRules(config=course.config), course.root / "source")


def _dashboard(args, course: Course):
    return _course_progress(course).dashboard(**_filter_values(args))


def _progress(args, course: Course, _) -> int:
    board = _dashboard(args, course)
    print(export.title(args.view, args.lang))
    print(export.tables(board, args.lang)[args.view].to_string(index=False))
    return 0


def _export(args, course: Course, _) -> int:
    writer = export.WRITERS.get(args.file.suffix.lower())
    if writer is None:
        print(_("Unknown export type {suffix}: use .csv, .xlsx or .pdf.").format(suffix=args.file.suffix), file=sys.stderr)
        return 2
    board = _dashboard(args, course)
    extra = {"table": args.view} if writer is export.write_csv else {}
    writer(board, args.file, args.lang, **extra)
    print(_("Written: {path}").format(path=args.file))
    return 0


def _site_of(args) -> Site:
    """The site the hub runs over (its environment), or the folder and database given here."""
    site = Site.from_settings()
    return dataclasses.replace(site, var=(args.site or site.var).resolve(),
                               db_url_override=args.db_url or site.db_url_override)


def _backup(args, _) -> int:
    done = backup.backup(_site_of(args), args.destination)
    size = done.archive.stat().st_size / 1e6
    print(_("Backed up into {archive}: {files} files, {databases} databases, {size:.1f} MB. It holds PIN hashes "
            "and the hub's secret: keep it private.").format(archive=done.archive, files=len(done.manifest["files"]),
                                                            databases=done.databases, size=size))
    return 0


def _restore(args, _) -> int:
    site = _site_of(args)
    done = backup.restore(args.backup, site.var, force=args.force, db_url=site.db_url_override)
    print(_("Restored the backup of {date} (from {source}) into {target}: {files} files, {databases} databases. "
            "Start the hub over it with FADAA_HUB_VAR={target}.").format(
        date=done.manifest["created"], source=done.manifest["site"], target=site.var,
        files=len(done.manifest["files"]), databases=done.databases))
    return 0


# backup and restore work on a whole site, not on one course directory
SITE_COMMANDS = {"backup": _backup, "restore": _restore}


def _remind(args, course: Course, _) -> int:
    progress = _course_progress(course)
    found = reminders.late_reminders(progress, progress.titles, **_filter_values(args))
    args.output.write_bytes(reminders.export(found, args.format, args.lang))
    print(_("{count} reminders ({parts} SMS) written: {path}").format(
        count=len(found.to_send), parts=found.to_send.segments.sum(), path=args.output))
    if not found.no_phone.empty:
        print(_("{count} late learners have no valid phone number:").format(count=len(found.no_phone)))
        for row in found.no_phone.itertuples(index=False):
            print(f"  {row.name} ({row.cooperative}), {row.module}: {row.phone or '-'}")
    return 0


def _certificate(args, _) -> int:
    engine = certificates.open_certificates(args.hub_db_url or Site.from_settings().accounts_db_url)
    if args.certificate_command == "revoke":
        found = certificates.revoke(engine, args.code)
        if found is None:
            print(_("No certificate has the code {code}.").format(code=args.code), file=sys.stderr)
            return 1
        print(_("{code} ({name}, {module}) is revoked: the verification page says it is not valid.").format(
            code=found.shown_code, name=found.name, module=found.module))
        return 0
    for found in certificates.issued(engine):
        state = _("valid") if found.valid else _("revoked on {date}").format(date=found.revoked_at.date().isoformat())
        print("\t".join([found.shown_code, found.student_id, found.name, found.module,
                         found.passed_on.isoformat(), state]))
    return 0


COMMANDS = {"assign": _assign, "collect": _collect, "autograde": _autograde, "feedback": _feedback,
            "activity": _activity, "progress": _progress, "export": _export,
            "remind": _remind}


def main(argv: list[str] | None = None) -> int:
    try:
        parser = build_parser()
    except ValueError as unfit:  # a FADAA_ variable or a fadaa_config.py setting that does not fit
        print(f"fadaa: {unfit}", file=sys.stderr)
        return 2
    args = parser.parse_args(argv)
    _ = gettext_for(args.lang)
    if args.command in SITE_COMMANDS:
        try:
            return SITE_COMMANDS[args.command](args, _)
        except backup.BackupError as refused:
            print(refused.text(args.lang), file=sys.stderr)
            return 1
    if args.command == "certificate":  # the hub's database, not the course's
        return _certificate(args, _)
    handler = {"import": _roster_import, "list": _roster_list}[args.roster_command] \
        if args.command == "roster" else COMMANDS[args.command]
    try:
        return handler(args, _course(args), _)
    except (NbgraderStepFailed, trainer.NoSuchGroup) as failed:
        print(str(failed), file=sys.stderr)
        return 1
    except CannotExtend as refused:
        print(refused.text(args.lang), file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
