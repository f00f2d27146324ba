"""Every lesson served by real Voilà over HTTP, in French and Arabic: the learner's title, the
right direction, no error output, nothing fetched from a CDN."""
from __future__ import annotations

import html
import json
import re

import nbformat
import pytest
import requests

from conftest import lesson_notebooks

pytestmark = pytest.mark.slow
OUTPUT_SCRIPT = re.compile(r'<script type="application/vnd.voila.cell-output\+json">\s*(.*?)\s*</script>', re.S)
EXTERNAL = re.compile(r'<(?:script|link)[^>]+(?:src|href)="(https?://[^"]+)"')


def outputs(page: str) -> list[dict]:
    return [json.loads(m) for m in OUTPUT_SCRIPT.findall(page)]


@pytest.mark.parametrize("lang", ["fr", "ar"])
@pytest.mark.parametrize("notebook", lesson_notebooks(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_lesson_page(voila_server, notebook, lang):
    base, _home = voila_server
    url = f"{base}/voila/render/{notebook.parent.name}/{notebook.name}?lang={lang}"
    response = requests.get(url, timeout=180)
    assert response.status_code == 200
    page = response.text
    assert "There was an error when executing cell" not in page
    outs = outputs(page)
    assert outs, "the lesson rendered no output at all"
    assert [o for o in outs if o.get("output_type") == "error" or o.get("name") == "stderr"] == []
    header = " ".join(o.get("data", {}).get("text/html", "") for o in outs)
    title = nbformat.read(notebook, as_version=4).metadata["fadaa"]["title"][lang]
    assert html.escape(title) in header
    direction = "rtl" if lang == "ar" else "ltr"
    assert f'dir="{direction}"' in header and f"fadaa-{direction}" in header
    assert any("application/vnd.jupyter.widget-view+json" in o.get("data", {}) for o in outs)
    assert EXTERNAL.findall(page) == []  # no CDN: learners may have no internet beyond the server


SCRIPT = re.compile(r'<script[^>]+src="([^"]+\.js[^"]*)"')


def test_scripts_go_out_compressed_and_cached(voila_server):
    """What a phone on 3G saves: scripts gzip-compressed, and asked again only by their ETag."""
    base, _home = voila_server
    notebook = lesson_notebooks()[0]
    page = requests.get(f"{base}/voila/render/{notebook.parent.name}/{notebook.name}", timeout=180).text
    src = SCRIPT.findall(page)[0].replace("&amp;", "&")
    script = src if src.startswith("http") else base + src
    packed = requests.get(script, headers={"Accept-Encoding": "gzip"}, timeout=60)
    plain = requests.get(script, headers={"Accept-Encoding": "identity"}, timeout=60)
    assert packed.status_code == plain.status_code == 200
    assert packed.headers["Content-Encoding"] == "gzip" and "Content-Encoding" not in plain.headers
    assert packed.content == plain.content  # requests unpacks gzip: the same script either way
    assert int(packed.headers["Content-Length"]) < len(plain.content) / 2
    again = requests.get(script, headers={"Accept-Encoding": "gzip", "If-None-Match": packed.headers["ETag"]},
                         timeout=60)
    assert again.status_code == 304
