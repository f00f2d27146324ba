"""JupyterHub for Fadaa on one machine: ``jupyterhub -f hub/jupyterhub_config.py`` (``make serve`` does it).

Everything listens on 127.0.0.1. Where the data lives, the ports and the culling come from the
site's settings (``fadaa.core.settings``: ``fadaa_config.py`` or ``FADAA_*`` variables, so tests run
a hub of their own; ``fadaa --help-all`` lists them); the data folder defaults to ``var/hub``, built
by ``python -m fadaa.hub.demo``.

Learners and coordinators share one lesson service (``/services/lessons/``); trainers get a
JupyterLab each. Run as root, the hub starts nothing as root (``fadaa.core.system_users``).
"""
import os
import sys
from pathlib import Path

from fadaa.core import system_users
from fadaa.core.settings import site_settings
from fadaa.hub import accounts, certificates
from fadaa.hub.authenticator import PinAuthenticator
from fadaa.hub.memory import give_large_buffers_back
from fadaa.hub.routes import SERVICE_NAME, landing_for
from fadaa.core.site import Site
from fadaa.hub.spawn import FadaaSpawner

give_large_buffers_back()  # a class's PIN hashes (16 MB each) go back to the system

c = get_config()  # noqa: F821 - provided by traitlets when JupyterHub loads this file

HERE = Path(__file__).resolve().parent
settings = site_settings()
site = Site.from_settings(settings)
accounts_db_url = settings.accounts_db_url or site.accounts_db_url
os.umask(0o077)  # what the hub writes (its database, the cookie secret) is the hub's alone
site.state.mkdir(parents=True, exist_ok=True)
# the spawner, the services and their kernels read the same settings, and the hub's own folders
environment = {**settings.environment(), **site.environment()}
os.environ.update(environment)
accounts.move_out_of_the_course_database(accounts.open_accounts(accounts_db_url), site.db_url)
privileged = system_users.privileged()
if privileged:
    # the code others run: the checkout (with its venv) and the Python the venv was made from
    system_users.secure_site(site, code=[HERE.parent, Path(sys.prefix), Path(sys.base_prefix)])
else:
    print("fadaa: the hub is not root, so every server runs as its user: people are kept apart by the hub alone",
          file=sys.stderr)

c.JupyterHub.ip = "127.0.0.1"
c.JupyterHub.port = settings.hub_port
c.JupyterHub.hub_ip = "127.0.0.1"
c.JupyterHub.hub_port = settings.hub_api_port
c.ConfigurableHTTPProxy.api_url = f"http://127.0.0.1:{settings.proxy_api_port}"
# the proxy comes from npm into hub/node_modules (hub/package.json), not from a global install
c.ConfigurableHTTPProxy.command = [str(HERE / "node_modules" / ".bin" / "configurable-http-proxy")]
c.ConfigurableHTTPProxy.pid_file = str(site.state / "proxy.pid")
c.JupyterHub.db_url = f"sqlite:///{site.state / 'jupyterhub.sqlite'}"
c.JupyterHub.cookie_secret_file = str(site.state / "cookie_secret")
c.JupyterHub.pid_file = str(site.state / "jupyterhub.pid")

# Login: her roster id or phone and her PIN; the account's group comes with it.
c.JupyterHub.authenticator_class = PinAuthenticator
c.PinAuthenticator.accounts_db_url = accounts_db_url
c.PinAuthenticator.db_url = site.db_url
c.PinAuthenticator.course_id = site.course_id
c.JupyterHub.template_paths = [str(HERE / "templates")]

# Certificates: she downloads hers from the hub, which issues it; anyone checks one at /hub/verify,
# without logging in. The record of issued certificates is the hub's, beside the accounts.
c.JupyterHub.extra_handlers = certificates.handlers
c.Certificates.db_url = accounts_db_url
c.Certificates.public_url = settings.public_url


# learners and coordinators go straight to the lesson service; trainers to their JupyterLab
c.JupyterHub.default_url = landing_for(site.lesson_shards) if site.lessons == "service" else ""

# Trainers' servers (one each, as his own system user when the hub is root) in var/hub/homes/<name>.
c.JupyterHub.spawner_class = FadaaSpawner
c.Spawner.start_timeout = 120  # a cold start on a busy 2-core machine
c.Spawner.http_timeout = 60
# a server's API token gets these scopes where its owner holds them: nbgrader's JupyterHubAuthPlugin
# reads the trainer's course groups with it
c.Spawner.server_token_scopes = ["access:servers!server", "users:activity!user", "read:users:groups!user",
                                 "read:groups"]

c.JupyterHub.load_roles = [
    {"name": "fadaa-trainer", "description": "Trainers: read the course groups nbgrader's plugin asks for",
     "scopes": ["read:groups", "read:users:groups", "list:users"], "groups": ["trainers"]},
    {"name": "fadaa-lessons", "description": "Learners and coordinators: their pages in the lesson service",
     "scopes": [f"access:services!service={SERVICE_NAME}"], "groups": ["learners", "coordinators"]},
    {"name": "idle-culler", "description": "Stops servers nobody used for an hour",
     "scopes": ["list:users", "read:users:activity", "read:servers", "delete:servers"],
     "services": ["idle-culler"]},
]
lesson_service = {
    "name": SERVICE_NAME,
    "url": f"http://127.0.0.1:{settings.lessons_port}",
    "command": [sys.executable, "-m", "fadaa.hub.lesson_service", str(site.homes)],
    "cwd": str(site.homes),
    # two malloc arenas, not one per thread: its worker threads (homes, fetches) kept ~8 MB more each
    "environment": {**environment, "PATH": os.environ.get("PATH", ""), "MALLOC_ARENA_MAX": "2"},
    "oauth_no_confirm": True,
    # her hub groups come with who she is: the service fills a learner's home, or a coordinator's
    "oauth_client_allowed_scopes": ["read:users:groups!user"],
}
if privileged:
    lesson_service["user"] = system_users.SERVICE_USER
# An idle server holds a kernel and memory; the culler (a hub service from PyPI) stops it.
c.JupyterHub.services = [
    *([lesson_service] if site.lessons == "service" else []),
    {"name": "idle-culler",
     "command": [sys.executable, "-m", "jupyterhub_idle_culler",
                 f"--timeout={settings.cull_servers_after}", "--cull-every=300"]},
]
