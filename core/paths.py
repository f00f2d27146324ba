"""Where the checkout is: the course, notebooks, templates and ``var/`` are found from here."""
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
