"""Formgrader shows a submission inert, whatever its file holds.

nbgrader 0.9.6's formgrader renders a submission with nbconvert's ``HTMLExporter`` and its own
``formgrade`` template. That template renders markdown cells with ``markdown2html`` but skips the
``clean_html`` step nbconvert's templates add under ``HTMLExporter.sanitize_html``, and prints the
student's names unescaped. The lesson kit stores her free text inert, but a submission edited by
hand (or a name added by hand) can hold any HTML, and the trainer's browser would run it with the
trainer's rights over the course folder.

The trainer's server configures formgrader's exporter with these two (``hub/trainer_server_config.py``),
through traitlets, without patching nbgrader: ``markdown2html`` replaces the exporter's filter of
that name, ``SanitizeSubmission`` is one more preprocessor. (``HTMLExporter.sanitize_html`` would
clean markdown twice elsewhere, with a list that prints ``<p>`` as text.)
"""
from __future__ import annotations

import html
import re
from urllib.parse import urlsplit

import bleach
from bleach.css_sanitizer import CSSSanitizer
from markupsafe import Markup
from nbconvert.filters.markdown_mistune import markdown2html_mistune
from nbconvert.preprocessors.sanitize import SanitizeHTML

# What markdown makes (nbconvert's mistune renderer, pygments' highlighting), nothing that runs.
TAGS = {"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "code", "kbd", "span", "div",
        "em", "strong", "b", "i", "del", "s", "sup", "sub", "ul", "ol", "li", "dl", "dt", "dd", "a", "img",
        "table", "thead", "tbody", "tr", "th", "td", "audio"}


def _image_attribute(_tag: str, name: str, value: str) -> bool:
    """An image is shown from the trainer's own server only: one from elsewhere would tell that
    site when the trainer reads her answer."""
    if name == "src":
        url = urlsplit(value)
        return not url.scheme and not url.netloc
    return name in ("alt", "title")


def _audio_attribute(_tag: str, name: str, value: str) -> bool:
    """A learner's voice note (``fadaa.core.answer_store``) plays the submission's own file, named
    beside her notebook, which formgrader serves from the submission's folder: never a file
    elsewhere on the server, never one from another site."""
    if name == "src":
        return re.fullmatch(r"[\w-][\w.-]*", value) is not None
    return name in ("controls", "preload")


ATTRIBUTES = {"*": ["class"], "a": ["href", "title"], "img": _image_attribute, "audio": _audio_attribute,
              "th": ["style"], "td": ["style"]}
PROTOCOLS = {"http", "https", "mailto"}  # so never javascript: or data:
CSS = CSSSanitizer(allowed_css_properties=["text-align"])  # table columns' alignment


def clean(fragment: str) -> str:
    """``fragment`` with every tag, attribute and URL scheme outside the lists above escaped."""
    return bleach.clean(fragment, tags=TAGS, attributes=ATTRIBUTES, protocols=PROTOCOLS, css_sanitizer=CSS)


def markdown2html(source: str) -> Markup:
    """A markdown cell as formgrader shows it: nbconvert's rendering (``$math$`` left for MathJax), cleaned.

    Marked safe, so a template that escapes what it prints (Voilà's, on the same server) shows it as
    HTML. Images attached inside a notebook are not shown (they would be data: URLs).
    """
    return Markup(clean(markdown2html_mistune(source)))  # noqa: S704 - cleaned just above


class SanitizeSubmission(SanitizeHTML):
    """What formgrader prints of a submission besides its markdown: the student's names, escaped, and
    her code cells' outputs, cleaned like markdown (nbconvert's ``SanitizeHTML`` drops JavaScript,
    widget and other active outputs).

    Formgrader's template prints the id, names and notebook path (an attribute) it finds in
    ``resources`` as they come. The preprocessor acts on formgrader's pages only (their resources
    carry a ``submission_id``): the server's other exporters (Voilà's previews, downloads as HTML)
    show the notebooks the trainer runs himself.
    """

    def preprocess(self, nb, resources):
        if "submission_id" not in resources:
            return nb, resources
        for key in ("first_name", "last_name", "student", "notebook_path"):
            if isinstance(resources.get(key), str):
                resources[key] = html.escape(resources[key])
        return super().preprocess(nb, resources)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type == "markdown":
            return cell, resources  # cleaned as it is rendered (markdown2html)
        return super().preprocess_cell(cell, resources, index)

    def sanitize_html_tags(self, html_str: str) -> str:
        return clean(html_str)
