"""JupyterHub for Fadaa on one machine: ``jupyterhub -f hub/jupyterhub_config.py`` (``make serve`` does it).

Everything listens on 127.0.0.1. Where the data lives comes from ``FADAA_HUB_VAR`` (default
``var/hub``, built by ``python -m fadaa.hub.demo``); ports from ``FADAA_HUB_PORT`` (8000),
``FADAA_HUB_API_PORT`` (8081) and ``FADAA_PROXY_API_PORT`` (8001), so tests run a hub of their own.
"""
import os
import sys
from pathlib import Path

from fadaa.hub.authenticator import PinAuthenticator
from fadaa.hub.site import Site
from fadaa.hub.spawn import pre_spawn_hook

c = get_config()  # noqa: F821 - provided by traitlets when JupyterHub loads this file

HERE = Path(__file__).resolve().parent
site = Site.from_environment()
state = site.var / "jupyterhub"
state.mkdir(parents=True, exist_ok=True)
os.environ.update(site.environment())  # the pre_spawn_hook and the services read the same site

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = int(os.environ.get("FADAA_HUB_PORT", 8000))
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = int(os.environ.get("FADAA_HUB_API_PORT", 8081))
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{os.environ.get('FADAA_PROXY_API_PORT', 8001)}"
# the proxy comes from npm into hub/node_modules (hub/package.json), not from a global install
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(state / "cookie_secret")
c.JupyterHub.pid_file = str(state / "jupyterhub.pid")

# Login: her roster id or phone and her PIN; the account's group comes with it.
c.JupyterHub.authenticator_class = PinAuthenticator
c.PinAuthenticator.db_url = site.db_url
c.PinAuthenticator.course_id = site.course_id
c.JupyterHub.template_paths = [str(HERE / "templates")]

# One server per person, as this OS user, in var/hub/homes/<name>; which server depends on her group.
c.JupyterHub.spawner_class = "simple"
c.SimpleLocalProcessSpawner.home_dir_template = str(site.homes / "{username}")
c.Spawner.pre_spawn_hook = pre_spawn_hook
c.Spawner.start_timeout = 120  # a cold start on a busy 2-core machine
c.Spawner.http_timeout = 60
# a server's API token gets these scopes where its owner holds them: nbgrader's JupyterHubAuthPlugin
# reads the trainer's course groups with it; a learner's keeps only her own server and activity
c.Spawner.server_token_scopes = ["access:servers!server", "users:activity!user", "read:users:groups!user",
                                 "read:groups"]

c.JupyterHub.load_roles = [
    {"name": "fadaa-trainer", "description": "Trainers: read the course groups nbgrader's plugin asks for",
     "scopes": ["read:groups", "read:users:groups", "list:users"], "groups": ["trainers"]},
    {"name": "idle-culler", "description": "Stops servers nobody used for an hour",
     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
     "services": ["idle-culler"]},
]
# An idle server holds a kernel and memory; the culler (a hub service from PyPI) stops it.
c.JupyterHub.services = [{
    "name": "idle-culler",
    "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                f"--timeout={int(os.environ.get('FADAA_CULL_SERVERS_AFTER', 3600))}", "--cull-every=300"],
}]
