"""Issue one learner's certificate of a module and write its PDF to stdout.

The hub (``fadaa.hub.certificates``) runs this in a process of its own: reading progress and
drawing a PDF load pandas, nbgrader and fpdf2, whose memory would stay in the hub for as long as it
runs (``tests/test_light_imports.py``), and the drawing would hold the hub's event loop. A
certificate is downloaded rarely: the few seconds this takes to start are spent then, not by the hub.

The hub's database comes in ``FADAA_CERTIFICATES_DB_URL``, not on the command line, which every
user of the machine can read. Exit status 0 with the PDF on stdout; ``NOT_PASSED`` if she has not
passed the module (or is not on the roster); ``REVOKED`` if her certificate of it was withdrawn.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sys

from traitlets.config import Config

from fadaa.grading import certificates

NOT_PASSED, REVOKED = 3, 4
DB_URL_VARIABLE = "FADAA_CERTIFICATES_DB_URL"  # the hub's database (with its password, past one machine)


def issue_pdf(engine, place, rules, student_id: str, module: str, verify_url: str) -> bytes | None:
    """Her certificate of ``module`` as PDF, issued the first time (the same code ever after); None
    if she has not passed it. Its QR code holds ``verify_url`` followed by its code."""
    # imported here, not above: the hub imports this module for its exit statuses, and stays light
    import pandas as pd

    from fadaa.grading.progress import Progress
    from fadaa.views.certificate import Achievement, certificate_pdf

    progress = Progress(place.db_url, place.course_id, rules, place.course_root / "source")
    rows = progress.learner_modules(student_id=student_id)
    passed = rows[(rows.module == module) & (rows.status == "passed")]
    if passed.empty:
        return None
    row = passed.iloc[0]
    title = progress.titles.both(module)
    passed_on = (row.submitted_at if pd.notna(row.submitted_at) else dt.datetime.now()).date()
    issued = certificates.issue(engine, student_id, module, row["name"], title, passed_on)
    return certificate_pdf(Achievement(issued.name, row.cooperative, issued.title, issued.passed_on, row.score,
                                       row.max_score, issued.shown_code, verify_url + issued.code))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Issue a learner's certificate (the hub runs this).")
    parser.add_argument("student_id")
    parser.add_argument("module")
    parser.add_argument("--verify-url", required=True, help="the verification page's address, up to the code")
    parser.add_argument("--rules", default="{}", help="the hub's c.ProgressRules settings, as JSON")
    args = parser.parse_args(argv)
    from fadaa.grading.progress import ProgressRules
    from fadaa.views.place import Place

    # the course comes from the hub's settings; the pass marks from the hub's own configuration,
    # never from the course's nbgrader_config.py, which trainers write and this (root) would run
    rules = ProgressRules(config=Config({"ProgressRules": json.loads(args.rules)}))
    try:
        pdf = issue_pdf(certificates.open_certificates(os.environ[DB_URL_VARIABLE]), Place.from_settings(), rules,
                        args.student_id, args.module, args.verify_url)
    except certificates.Revoked:
        return REVOKED
    if pdf is None:
        return NOT_PASSED
    sys.stdout.buffer.write(pdf)
    return 0


if __name__ == "__main__":
    sys.exit(main())
