"""Where the hub sends each person: learners and coordinators to their lesson service, trainers to
their JupyterLab. Kept free of Voilà and Jupyter server imports: the hub process loads it."""
from __future__ import annotations

import zlib

from .groups import NoRole, group_of

SERVICE_NAME = "lessons"


def service_for(name: str, shards: int = 1) -> str:
    """The lesson service that serves ``name``: ``lessons`` on one machine; past one machine (on
    Kubernetes), one of ``lessons-0`` … ``lessons-<n-1>``, always the same one for her.

    A page and its kernel's websocket must reach the process that started the kernel, and the
    hub's proxy routes by path only (no session affinity): so each replica is a hub service of its
    own, under its own path, and the hub sends her to hers, picked from her name alone.
    """
    return SERVICE_NAME if shards <= 1 else f"{SERVICE_NAME}-{zlib.crc32(name.encode()) % shards}"


def landing_for(shards: int = 1):
    """``c.JupyterHub.default_url``: where someone who just logged in (or came to /) goes. Learners
    and coordinators straight to their lesson service, with no server to wait for; trainers to the
    hub's own default (their server)."""

    def landing(handler) -> str:
        user = handler.current_user
        if user is None:
            return ""
        try:
            if group_of([g.name for g in user.groups]) == "trainers":
                return ""
        except NoRole:
            return ""
        return handler.base_url + f"services/{service_for(user.name, shards)}/"

    return landing
