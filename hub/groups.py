"""The hub groups that say what someone gets: a learner, a trainer or a coordinator."""
from __future__ import annotations

GROUPS = ("learners", "trainers", "coordinators")


class NoRole(RuntimeError):
    """The user is in none of the groups that say what she gets."""


def group_of(group_names: list[str]) -> str:
    for group in GROUPS:
        if group in group_names:
            return group
    raise NoRole("This account is in no Fadaa group (learners, trainers, coordinators).")
