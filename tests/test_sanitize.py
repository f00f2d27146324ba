"""Formgrader's exporter, configured as the trainer's server configures it, renders hostile submissions inert."""
from __future__ import annotations

import nbformat
from nbconvert.exporters import HTMLExporter
from nbgrader.server_extensions.formgrader import handlers

from fadaa.grading.config import load_config
from fadaa.hub.trainer_server import CONFIG
import hostile_inputs as hostile


def formgrade(nb, **resources) -> str:
    """The page formgrader's submission view writes (its exporter, template and resources)."""
    config = load_config(CONFIG, {"HTMLExporter": {"template_name": "formgrade",  # nbgrader's build_extra_config
                                                   "extra_template_basedirs": [handlers.template_path]}})
    resources = {"base_url": "", "index": 0, "total": 1, "submission_id": "s1", "assignment_id": "quick",
                 "notebook_id": "quick", "notebook_path": "autograded/raw1/quick/quick.ipynb", **resources}
    return HTMLExporter(config=config).from_notebook_node(nb, resources=resources)[0]


def answer_cell(source: str):
    cell = nbformat.v4.new_markdown_cell(source)
    cell.metadata["nbgrader"] = {"solution": True, "grade": True, "grade_id": "why", "points": 1, "locked": False}
    return cell


def test_a_hand_edited_answer_renders_as_text_and_her_readable_line_survives():
    page = formgrade(nbformat.v4.new_notebook(cells=[answer_cell(hostile.FREE_TEXT)]), student="raw1")
    answer = page.split("text_cell_render", 1)[1].split("panel-footer", 1)[0]
    assert " onerror=" not in answer and "<script" not in answer
    assert 'href="javascript' not in answer and "evil.example" not in answer
    assert "Prix &lt; coût &amp; marge [net] &gt; 0" in answer


def test_names_are_printed_escaped():
    page = formgrade(nbformat.v4.new_notebook(), first_name="Fatima", last_name=hostile.SCRIPT_TAG, student="raw1")
    assert hostile.SCRIPT_TAG not in page
    assert "&lt;script&gt;" in page


def test_html_and_javascript_outputs_are_cleaned():
    cell = nbformat.v4.new_code_cell("display(x)", outputs=[nbformat.from_dict(hostile.HTML_OUTPUT)])
    page = formgrade(nbformat.v4.new_notebook(cells=[cell]), student="raw1")
    output = page.split("output_wrapper", 1)[1]
    assert " onerror" not in output and hostile.SENTINEL not in output
