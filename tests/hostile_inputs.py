"""What a hostile learner or roster file sends (issue #16), written once for every test that needs it.

Each script, if it ever runs in the trainer's browser, appends a word to ``window.fadaaPwned`` and
opens a dialog; ``WRITE_FILE`` tries what the probe did, write a file into the course folder through
the trainer's own server. ``FREE_TEXT`` carries them all, as her answer to a free-text checkpoint,
with a last line that must still read as she wrote it. A hand-made submission can also carry an
output (``HTML_OUTPUT``) and files of its own (``SUBMITTED_FILES``); a roster, names (``ROSTER``).
"""
from __future__ import annotations

import csv
from pathlib import Path

SENTINEL = "fadaaPwned"
WRITTEN_FILE = "pwned.txt"  # what WRITE_FILE asks the trainer's server to create, beside formgrader's root


def _mark(word: str) -> str:
    return f"window.{SENTINEL}=(window.{SENTINEL}||[]).concat('{word}');alert('{word}')"


# the request the probe's answer made (PUT /user/formatrice/api/contents/... -> 201), XSRF token included
_WRITE = ("fetch(location.pathname.split('/formgrader')[0]+'/api/contents/" + WRITTEN_FILE + "',"
          "{method:'PUT',headers:{'Content-Type':'application/json',"
          "'X-XSRFToken':(document.cookie.match(/_xsrf=([^;]*)/)||[])[1]},"
          "body:JSON.stringify({type:'file',format:'text',content:'pwned'})})")

IMG_ONERROR = f'<img src=x onerror="{_mark("img")}">'
WRITE_FILE = f'<img src=y onerror="{_WRITE};{_mark("fetch")}">'
SCRIPT_TAG = f"<script>{_mark('script')}</script>"
JAVASCRIPT_LINK = f"[read my answer](javascript:{_mark('link')})"
EXTERNAL_IMAGE = "![logo](http://evil.example/track.png)"
READABLE = "Prix < coût & marge [net] > 0"

# a formgrader address that nbgrader 0.9.6 prints into its page unescaped; a link to it can sit in her answer
FORMGRADER_ADDRESS = f"/formgrader/manage_students/{IMG_ONERROR}"

FREE_TEXT = "\n\n".join([IMG_ONERROR, WRITE_FILE, SCRIPT_TAG, JAVASCRIPT_LINK, EXTERNAL_IMAGE, READABLE])

# roster rows: id, name, cooperative, cohort (the name splits into nbgrader's first and last name at its first space)
SCRIPT_NAME = f"Fatima {SCRIPT_TAG}"
IMG_NAME = f"Khadija {IMG_ONERROR}"
ROSTER = [("h001", SCRIPT_NAME, "Coop <b onmouseover=alert(1)>Argan</b>", "Lalla Al Moutaawina"),
          ("h002", IMG_NAME, "Coopérative Tifawin", "<script>alert('cohort')</script>Projets")]

# what a code cell of a hand-edited submission can display once autograde runs it
HTML_OUTPUT = {"output_type": "display_data", "metadata": {},
               "data": {"text/html": IMG_ONERROR, "application/javascript": _mark("output"), "text/plain": "x"}}

# files beside her notebook in a hand-made submission; formgrader serves them from the trainer's server
SUBMITTED_FILES = {"notes.html": f'<p>Mes notes</p>{SCRIPT_TAG}<script src="notes.js"></script>',
                   "notes.js": f"{_WRITE};{_mark('file')}"}


def write_roster(path: Path) -> Path:
    """The hostile rows as a roster CSV from Excel (French headers, semicolons, quoted cells)."""
    with open(path, "w", newline="", encoding="utf-8-sig") as fh:
        rows = csv.writer(fh, delimiter=";")
        rows.writerow(["Identifiant", "Nom", "Coopérative", "Cohorte", "Région", "Langue"])
        rows.writerows([sid, name, coop, cohort, "Souss-Massa", "fr"] for sid, name, coop, cohort in ROSTER)
    return path
