"""The three progress views: the learner's home, the trainer's desk, the coordinator's dashboard.

Each view is a thin ipywidgets layer (``*_home``, ``*_desk``, ``*_dashboard`` modules) over plain
functions that read progress from ``fadaa.grading`` (``learner``, ``trainer``, ``dashboard``), so the
numbers are tested without Jupyter and the notebooks in ``notebooks/`` are two lines each.
"""
