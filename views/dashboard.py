"""The coordinator's dashboard as plain data: the screen's tables and charts (its filters offer
``Progress.choices``).

The tables are ``grading.export.tables`` of one ``Dashboard``: the exports write those same tables,
so a file's numbers are the screen's numbers.
"""
from __future__ import annotations

import pandas as pd

from fadaa.grading.export import COLUMNS
from fadaa.grading.progress import STATUSES, Dashboard
from fadaa.grading.regions import region_name
from fadaa.widgets.charts import new_figure
from fadaa.core.i18n import gettext_for


STATUS_COLOURS = {"released": "#bbdefb", "started": "#64b5f6", "late": "#e57373", "submitted": "#ffe082",
                  "needs_manual": "#ffb74d", "graded": "#a5d6a7", "passed": "#2e7d32"}


def completion_by_module(board: Dashboard, lang: str):
    """Each module's learners stacked by status (those it was not given to are left out)."""
    _ = gettext_for(lang)
    table = board.by_module.set_index("module")
    fig, ax = new_figure(5, 0.45 * max(len(table), 3) + 1)
    names = [board.titles(module, lang) for module in table.index]
    left = pd.Series(0, index=table.index)
    for status in STATUSES[1:]:
        ax.barh(names, table[status], left=left, color=STATUS_COLOURS[status],
                label=_(COLUMNS[status]))
        left += table[status]
    ax.invert_yaxis()
    ax.set_xlabel(_("Learners"))
    ax.legend(fontsize=9, loc="upper center", bbox_to_anchor=(0.5, -0.2), ncol=3, frameon=False)
    return fig


def completion_by_region(board: Dashboard, lang: str):
    _ = gettext_for(lang)
    table = board.by_region
    fig, ax = new_figure(5, 0.45 * max(len(table), 3) + 1)
    ax.barh([region_name(code, lang) for code in table.region], 100 * table.share_passed,
            color=STATUS_COLOURS["passed"])
    ax.invert_yaxis()
    ax.set_xlim(0, 100)
    ax.set_xlabel(_("Share passed") + " (%)")
    return fig


def weekly_submissions(board: Dashboard, lang: str):
    _ = gettext_for(lang)
    fig, ax = new_figure(5, 3)
    ax.plot(board.weekly.week, board.weekly.submissions, marker="o", color="#1976d2")
    ax.set_ylabel(_("Submissions"))
    ax.set_ylim(bottom=0)
    fig.autofmt_xdate()
    return fig


def score_distribution(board: Dashboard, lang: str):
    _ = gettext_for(lang)
    bands = board.score_bands
    fig, ax = new_figure(5, 3)
    ax.bar([f"{10 * b}" for b in bands.band], bands.submissions, color="#64b5f6", align="edge", width=0.9)
    ax.set_xlabel(_("Score (% of the points)"))
    ax.set_ylabel(_("Submissions"))
    return fig


CHARTS = {"by_module": completion_by_module, "by_region": completion_by_region,
          "weekly": weekly_submissions, "score_bands": score_distribution}
