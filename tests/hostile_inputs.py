"""What a hostile learner or roster file sends (issue #16), written once for every test that needs it.

Each script, if it ever runs in the trainer's browser, appends a word to ``window.fadaaPwned`` and
opens a dialog; ``WRITE_FILE`` tries what the probe did, write a file into the course folder through
the trainer's own server. ``FREE_TEXT`` carries them all, as her answer to a free-text checkpoint,
with a last line that must still read as she wrote it. A hand-made submission can also carry an
output (``HTML_OUTPUT``) and files of its own (``SUBMITTED_FILES``); a roster, names (``ROSTER``).

Figures: what she may type into a number box (``TYPED_FIGURES``), and what a hand-edited, truncated
or probed notebook may hold where a lesson saved a figure (``SAVED_FIGURES``, put in place by
``with_saved_figure``; ``ANSWER_SOURCES`` for a checkpoint's answer cell). A submission may also
print more than any notebook should keep (``print_megabytes``).
"""
from __future__ import annotations

import copy
import csv
from pathlib import Path
from typing import Any

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


# -- figures ----------------------------------------------------------------------------------------
TYPED_FIGURES = ["1" * 27, "1e308"]

MISSING = object()  # the saved figure's key is gone
SAVED_FIGURES = {
    "27 digits": int("1" * 27),
    "1e308": 1e308,
    "NaN": float("nan"),                       # JSON as Python writes it: NaN
    "a string": "beaucoup",
    "a wrong type": {"amount": [1, 2]},
    "a missing key": MISSING,
    "tampered JSON": '{"opening": 12, "entries": [{',  # a JSON text cut in the middle
}

# the same kinds as a checkpoint's answer cell (``<grade_id> = ...``), each one still runs as Python
ANSWER_SOURCES = {
    "27 digits": "{grade_id} = " + "1" * 27,
    "1e308": "{grade_id} = 1e+308",
    "NaN": "{grade_id} = float('nan')",
    "a string": "{grade_id} = 'beaucoup'",
    "a wrong type": "{grade_id} = {{'amount': [1, 2]}}",
    "a missing key": "",
    "tampered JSON": "{grade_id} = '{{\"opening\": 12, '",
}


def with_saved_figure(saved: Any, path: tuple, kind: str) -> Any:
    """A copy of ``saved`` (a lesson's saved data) with the figure at ``path`` (keys and indexes;
    ``()`` for the whole value) made hostile: replaced by ``SAVED_FIGURES[kind]``, or removed."""
    figure = SAVED_FIGURES[kind]
    if not path:
        return None if figure is MISSING else figure
    saved = copy.deepcopy(saved)
    parent = saved
    for key in path[:-1]:
        parent = parent[key]
    if figure is MISSING:
        del parent[path[-1]]
    else:
        parent[path[-1]] = figure
    return saved


def print_megabytes(megabytes: int) -> str:
    """A code cell's source that prints ``megabytes`` MB, in lines of 100 characters (the kernel
    sends them in many messages, as it does for any loop that prints)."""
    return f"for _ in range({megabytes} * 10_000):\n    print('x' * 99)"
