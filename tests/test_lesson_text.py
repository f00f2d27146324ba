"""How the lessons read.

Every grouped amount in Arabic text is kept left to right: inside an isolate, grouped by a
no-break space. Otherwise a right-to-left page shows "1 200" as "200 1". Checked over the lessons'
Arabic text, the Arabic catalogs, the charts and the documents the lessons make in Arabic.
Then: bold renders, steps stay short with their sources behind the ⓘ line, and a word she may not
know is explained where it is first used."""
import ast
import json
import re

import pytest
from babel.messages.pofile import read_po

from fadaa.core import i18n

from fadaa.widgets.bookkeeping import nour
from fadaa.widgets.agm import calendar as cal
from fadaa.widgets.agm import documents as agm_docs
from fadaa.widgets.agm import examples as agm_examples
from fadaa.widgets.agm.records import Attendance
from fadaa.widgets.bookkeeping import documents as bookkeeping_docs
from fadaa.widgets.selling import examples as selling_examples
from fadaa.widgets.selling import price_sheet
from conftest import REPO, lesson_notebooks

ARABIC = re.compile("[\u0600-\u06ff]")
# The lessons read line by line: the ten of issue #11, then the seven of issue #12 (governance,
# funding, selling_4 and selling_5), once their sources had moved behind the ⓘ line (see the
# README, "Writing a lesson").
REREAD = ("selling_1", "selling_2", "selling_3", "selling_4", "selling_5", "bookkeeping_1", "bookkeeping_2",
          "bookkeeping_3", "bookkeeping_4", "agm_1", "agm_2", "agm_3", "governance_1", "governance_2",
          "governance_3", "funding_1", "funding_2")


def test_the_rule_finds_an_amount_a_page_would_turn_round():
    assert i18n.unisolated_amounts("في الصندوق 1 200 DH") == ["1 200"]
    assert i18n.unisolated_amounts("في الصندوق \u20661 200 DH\u2069") == ["1 200"]  # an ordinary space still breaks
    assert i18n.unisolated_amounts("في الصندوق 1\u202f200") == ["1\u202f200"]       # not isolated
    assert i18n.unisolated_amounts("في الصندوق " + i18n.format_amount(1200, "ar")) == []
    assert i18n.unisolated_amounts("15 + 4 = 19 و31/12/2026") == []


def arabic_strings(notebook) -> list[str]:
    found = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "code":
            found += [node.value for node in ast.walk(ast.parse("".join(cell["source"])))
                      if isinstance(node, ast.Constant) and isinstance(node.value, str) and ARABIC.search(node.value)]
    return found


@pytest.mark.parametrize("notebook", [*lesson_notebooks(), *sorted((REPO / "notebooks").glob("*.ipynb"))],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_lesson_text_in_arabic_keeps_its_amounts_left_to_right(notebook):
    texts = arabic_strings(notebook)
    assert [(t[:40], i18n.unisolated_amounts(t)) for t in texts if i18n.unisolated_amounts(t)] == []


def test_arabic_catalogs_keep_their_amounts_left_to_right():
    bad = []
    for po_file in sorted((i18n.LOCALE_DIR / "ar" / "LC_MESSAGES").glob("*.po")):
        with po_file.open("rb") as fh:
            bad += [(po_file.name, m.id) for m in read_po(fh) if isinstance(m.string, str)
                    and i18n.unisolated_amounts(m.string)]
    assert bad == []


class Recorder:
    """A document that keeps every text written into it (the kit's PdfDocument interface)."""

    def __init__(self, *_args, **_kwargs):
        self.texts: list[str] = []

    def heading(self, text, size=13):
        self.texts.append(text)

    paragraph = heading

    def table(self, header, rows, widths=None, numeric_columns=()):
        self.texts += [*header, *(str(cell) for row in rows for cell in row)]

    def signature_lines(self, labels):
        self.texts += list(labels)

    def to_bytes(self):
        return b""


def test_documents_made_in_arabic_keep_their_amounts_left_to_right(monkeypatch):
    _ = i18n.gettext_for("ar")
    coop, agenda = agm_examples.cooperative("ar"), agm_docs.default_agenda("ar")
    meeting = agm_examples.meeting("ar", agenda)
    docs = []
    for write, args in [
        (agm_docs.write_calendar, (coop, cal.schedule(nour.YEAR_END, nour.AGM_DAY, 15), _)),
        (agm_docs.write_convocation, (coop, meeting, 15, _)),
        (agm_docs.write_reports, (coop, agm_examples.moral_report("ar"), agm_examples.financial_report(), "ar", _)),
        (agm_docs.write_attendance_sheet, (coop, meeting, agm_examples.member_names("ar"), _)),
        (agm_docs.write_minutes, (coop, meeting, Attendance(16, 5, 40, 20, True), agm_examples.STATUTES.first_call,
                                  agm_examples.decisions("ar", agenda), agm_examples.STATUTES.majority, _)),
    ]:
        doc = Recorder()
        write(doc, *args)
        docs.append(doc)
    made = []
    monkeypatch.setattr(bookkeeping_docs, "PdfDocument", lambda *a, **k: made.append(Recorder()) or made[-1])
    bookkeeping_docs.pdf(nour.year(), "ar", _)
    monkeypatch.setattr(price_sheet, "PdfDocument", lambda *a, **k: made.append(Recorder()) or made[-1])
    price_sheet.pdf_bytes([selling_examples.example_cushion("ar")], selling_examples.EXAMPLE_PLATFORM, "ar")
    texts = [t for doc in [*docs, *made] for t in doc.texts]
    assert any("16" in t and "680" in t for t in texts)  # the reports hold Nour's cash surplus, 16 680 DH
    assert [t for t in texts if i18n.unisolated_amounts(t)] == []


@pytest.mark.parametrize("notebook", lesson_notebooks(), ids=lambda p: f"{p.parent.name}/{p.name}")
def test_bold_around_an_isolated_amount_still_renders_bold(notebook):
    """'و**⁦5 DH⁩**' (bold right after a letter, then an isolate) shows its asterisks: markdown
    does not open a bold there."""
    import mistune
    assert [t[:40] for t in arabic_strings(notebook) if "**" in mistune.html(t)] == []


def step_texts(notebook) -> list[tuple[str, str]]:
    """(French, Arabic) of every step of a lesson."""
    found = []
    for cell in json.loads(notebook.read_text(encoding="utf-8"))["cells"]:
        if cell["cell_type"] == "code":
            for node in ast.walk(ast.parse("".join(cell["source"]))):
                if isinstance(node, ast.Call) and getattr(node.func, "attr", "") == "step":
                    kw = {k.arg: k.value.value for k in node.keywords
                          if k.arg in ("fr", "ar") and isinstance(k.value, ast.Constant)}
                    found.append((kw.get("fr", ""), kw.get("ar", "")))
    return found


# What a source looks like in a step's text: a "Source:" line, a law's number in brackets, an
# article, a newspaper the lessons cite, an address. A law the step is about (loi 25-06) may be named.
CITED_FR = re.compile(r"Source ?:|\(loi \d|\b[Aa]rticle \d|L'Économiste|\b[Ll]e360\b|Le Matin\b|La Vie éco|"
                      r"Maroc Diplomatique|Hibapress|North Africa Post|https?://|www\.|\.gov\.ma")
CITED_AR = re.compile(r"المصدر ?:|\(القانون|المادة \d|https?://|www\.")


@pytest.mark.parametrize("notebook", [n for n in lesson_notebooks() if n.parent.name in REREAD],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_steps_stay_short_and_keep_their_sources_behind_the_info_line(notebook):
    """A step is read on a phone: under 90 words, and its sources (a newspaper, a date, a law's
    article) wait behind the ⓘ line, not in the text."""
    words = lambda text: len(re.findall(r"[^\W\d_]+", text))  # noqa: E731 - words, not figures or icons
    long = [(fr[:40], words(fr)) for fr, _ar in step_texts(notebook) if words(fr) > 90]
    cited = [fr[:40] for fr, ar in step_texts(notebook) if CITED_FR.search(fr) or CITED_AR.search(ar)]
    assert long == [] and cited == []


def test_every_lesson_is_read_with_the_stricter_checks():
    """A new lesson joins REREAD when it is written: short steps, sources behind ⓘ, words explained."""
    assert sorted({n.parent.name for n in lesson_notebooks()}) == sorted(REREAD)


def test_a_cited_source_in_a_step_is_found():
    assert CITED_FR.search("une voix (loi 112-12, article 2).") and CITED_FR.search("Source : ODCO")
    assert CITED_FR.search("selon L'Économiste et le360") and CITED_FR.search("voir https://odco.gov.ma")
    assert CITED_AR.search("صوت واحد (القانون 112.12، المادة 2).") and CITED_AR.search("المصدر: مكتب تنمية التعاون")
    assert not CITED_FR.search("la loi 25-06 protège les signes d'origine") and not CITED_FR.search("le 22/05/2027")
    assert not CITED_FR.search("Le matin, près de la fenêtre, à la source de lumière.")


def test_chart_labels_in_arabic_keep_their_amounts_left_to_right(monkeypatch):
    """matplotlib lays Arabic out right to left too: an amount in a label without its isolate shows
    "DH 1 250" (the price chart's labels did)."""
    import matplotlib.axes
    from fadaa.widgets.selling import pricing, pricing_view

    labels = []
    for name in ("set_yticks", "set_xticks"):
        original = getattr(matplotlib.axes.Axes, name)

        def record(self, ticks, tick_labels=None, *args, _original=original, **kwargs):
            labels.extend(tick_labels or [])
            return _original(self, ticks, tick_labels, *args, **kwargs)
        monkeypatch.setattr(matplotlib.axes.Axes, name, record)
    cushion = selling_examples.example_cushion("ar")
    line = pricing.price_line(cushion, selling_examples.EXAMPLE_PLATFORM, 1250)
    pricing_view.price_split_chart([line], "ar", i18n.gettext_for("ar"))
    assert any("250" in label for label in labels)
    assert [label for label in labels if i18n.unisolated_amounts(label)] == []


# A word she may not know is explained in the first step that uses it (French text; the Arabic
# step says the same): what each explanation says.
EXPLAINED = {
    "exercice": ("l'année des comptes", "l'année comptable"),
    "clôture": ("s'appelle la **clôture**", "la fin de l'année comptable"),
    "quorum": ("assez de membres",),
    "réserve": ("l'argent que la coopérative garde",),
}


@pytest.mark.parametrize("notebook", [n for n in lesson_notebooks() if n.parent.name in REREAD],
                         ids=lambda p: f"{p.parent.name}/{p.name}")
def test_words_are_explained_before_they_are_used(notebook):
    unexplained = []
    for word, explanations in EXPLAINED.items():
        first = next((fr for fr, _ar in step_texts(notebook) if word in fr.lower()), None)
        if first is not None and not any(e in first for e in explanations):
            unexplained.append((word, first[:60]))
    assert unexplained == []
