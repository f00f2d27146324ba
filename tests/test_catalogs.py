"""Every UI string in the code is translated into French and Arabic."""
from babel.messages.extract import extract_from_dir
from babel.messages.pofile import read_po

from fadaa.core import i18n
from conftest import REPO


def ui_strings() -> set[str]:
    found = set()
    for folder in ("widgets", "grading", "views"):
        for _file, _line, message, _comments, _context in extract_from_dir(
                str(REPO / folder), method_map=[("**.py", "python")]):
            found.add(message)
    return found


def translated(lang: str) -> dict[str, str]:
    """msgid -> translation over every catalog of ``lang`` (the kit's and each subject's)."""
    strings = {}
    for po_file in (i18n.LOCALE_DIR / lang / "LC_MESSAGES").glob("*.po"):
        with po_file.open("rb") as fh:
            strings.update({m.id: m.string for m in read_po(fh) if m.id and m.string})
    return strings


def test_the_code_has_ui_strings():
    assert {"Next", "Back", "Check"} <= ui_strings()


def test_every_ui_string_has_a_french_and_an_arabic_translation():
    missing = {lang: sorted(ui_strings() - translated(lang).keys()) for lang in i18n.SUPPORTED}
    assert missing == {"fr": [], "ar": []}


def test_arabic_translations_use_western_digits():
    eastern = [s for s in translated("ar").values() if any("\u0660" <= ch <= "\u0669" for ch in s)]
    assert eastern == []


def test_placeholders_survive_translation():
    for lang in i18n.SUPPORTED:
        for msgid, text in translated(lang).items():
            for placeholder in ("{n}", "{total}"):
                assert (placeholder in msgid) == (placeholder in text), (lang, msgid)


def test_no_ui_string_hides_inside_an_f_string():
    """pybabel cannot see _("...") inside an f-string (Python 3.11), so such a string is never translated."""
    import re
    hidden = re.compile(r"""\bf(["']).*?\{[^}]*\b_\(\s*["']""")  # a literal msgid inside {...}
    found = [f"{path.relative_to(REPO)}:{number}"
             for folder in ("widgets", "grading", "views") for path in (REPO / folder).rglob("*.py")
             for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if hidden.search(line)]
    assert found == []
