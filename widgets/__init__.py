"""The Fadaa lesson kit: language and direction, steps, checkpoints, answer saving, charts.

``from fadaa.widgets import Lesson`` is what a lesson notebook writes. ``Lesson`` (and with it
ipywidgets) is imported on that first use, not with the package: the hub, the lesson service and
the command line use the kit's languages and documents without loading any widget.
"""
__all__ = ["Lesson"]


def __getattr__(name: str):
    if name == "Lesson":
        from .lesson import Lesson
        return Lesson
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
