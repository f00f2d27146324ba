"""Fadaa's standalone Voilà behind JupyterHub's login: the pieces the lesson service is made of, and
a server of one's own for a learner or coordinator when the site asks for that (``FADAA_LESSONS=servers``,
the way before the lesson service, kept to measure the two against each other).

The spawner starts ``python -m fadaa.hub.voila_app <home>``. Like ``jupyterhub-singleuser``, it
reads where to listen and under which URL prefix from the ``JUPYTERHUB_*`` variables the spawner
sets, and it authenticates every page and kernel websocket with JupyterHub's own OAuth identity
provider and authorizer (Voilà 0.5 accepts jupyter_server's ``identity_provider_class``): only the
server's owner (or whom the hub grants ``access:servers``) gets in.
"""
from __future__ import annotations

import os
import sys
from pathlib import Path
from urllib.parse import urlparse

from jupyter_server.utils import url_path_join
from jupyterhub.singleuser.extension import JupyterHubIdentityProvider
from tornado.web import RedirectHandler
from fadaa.server.serve import FadaaVoila, voila_args, voila_environment


class HubIdentityProvider(JupyterHubIdentityProvider):
    """JupyterHub's identity provider, with its handlers under the server's prefix.

    jupyter_server's ServerApp puts ``/oauth_callback`` and ``/logout`` under its base_url; Voilà
    standalone registers them as given, at the site root, where the hub's redirect after login
    (``<prefix>oauth_callback``) would not find them.
    """

    def get_handlers(self):
        return [(url_path_join(self.parent.base_url, path), *rest) for path, *rest in super().get_handlers()]


class HubVoila(FadaaVoila):
    """Fadaa's Voilà, landing on the server's default page (her learner home, the coordinator's
    dashboard) as jupyterhub-singleuser does with ``JUPYTERHUB_DEFAULT_URL``; Voilà alone would
    show its file tree there."""

    def init_handlers(self) -> list:
        handlers = super().init_handlers()
        landing = os.environ.get("JUPYTERHUB_DEFAULT_URL", "/")
        if landing.strip("/"):
            handlers.insert(0, (self.server_url, RedirectHandler, {"url": url_path_join(self.base_url, landing)}))
        return handlers


def hub_args(prefix: str, authorizer: str = "jupyterhub.singleuser.extension.JupyterHubAuthorizer") -> list[str]:
    """Serve under the hub's prefix for this server, letting in only whom the hub says."""
    return [f"--Voila.base_url={prefix}",
            # the hub's identity provider brings its own token; without this Voilà would hand it token=""
            "--Voila.auto_token=True",
            "--Voila.identity_provider_class=fadaa.hub.voila_app.HubIdentityProvider",
            f"--Voila.authorizer_class={authorizer}"]


def main(argv: list[str] | None = None) -> None:
    argv = sys.argv[1:] if argv is None else argv
    root, extra = Path(argv[0]), argv[1:]
    os.environ.update(voila_environment())  # the template's folder and the venv's tools, for kernels too
    # where to listen comes from the spawner, as for jupyterhub-singleuser
    url = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    HubVoila.launch_instance([*voila_args(root, url.port, url.hostname), *extra,
                           *hub_args(os.environ["JUPYTERHUB_SERVICE_PREFIX"])])


if __name__ == "__main__":
    main()
