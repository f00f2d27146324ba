"""The Fadaa lesson kit: language and direction, steps, checkpoints, answer saving, charts."""
from .lesson import Lesson

__all__ = ["Lesson"]
