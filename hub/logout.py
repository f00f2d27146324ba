"""Logging out by a form she sends (POST), never by following a link.

JupyterHub logs out on ``GET /hub/logout``: any page of any site (an image, a link in a message)
could log a learner out in the middle of a lesson. Here a GET shows one button, in French and
Arabic, whose form posts back (with the hub's XSRF token); the POST logs out as JupyterHub does.
"""
from __future__ import annotations

from jupyterhub.handlers.login import LogoutHandler


class PostLogoutHandler(LogoutHandler):
    async def get(self):
        self.finish(await self.render_template("logout_confirm.html"))

    async def post(self):
        await super().get()  # JupyterHub's own logout: cookies, sessions, the page after
