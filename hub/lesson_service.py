"""The lesson service: one Voilà for every learner and coordinator of a machine, behind the hub.

A server per learner made a class of twenty wait minutes and left a third without a page (each
server and its kernel zygote imported the whole stack again, ~365 MB a learner). This is one
JupyterHub-managed service (``c.JupyterHub.services``, at ``/services/lessons/``) running Fadaa's
standalone Voilà with one kernel zygote: a learner's kernel is a fork of an already warm process.

Who she is comes from the hub (its OAuth, as for any hub service), never from the URL:

- every path is taken inside *her* home (but a step's sound, ``step-audio/``, which comes from the
  course source and is the only thing of it served): ``voila/render/bookkeeping_1/cash_book.ipynb`` is
  ``<homes>/<her hub name>/bookkeeping_1/cash_book.ipynb``; a path that climbs out of it, or into
  a hidden folder, is refused; there is no file tree, and the only downloads are her documents
  and feedback (``learner_pages``; her certificates come from the hub, ``certificates``);
- a kernel belongs to the user whose page started it: its websocket, its REST calls and the
  page's shutdown call are refused to anyone else (``LessonAuthorizer``);
- her kernel runs in her lesson's folder with her profile (her languages), and without the
  service's hub token in its environment;
- she holds at most ``LearnerKernels.kernels_per_learner`` kernels: opening one more closes her
  oldest; idle kernels are culled, and a page shuts its own kernel down when she leaves it.

Her home is filled when she arrives on the service's landing page (``homes.prepare_learner``: her
nbgrader configuration, her roster's language, the lessons released since), which then shows her
home page without a kernel (``learner_pages``). Voilà standalone
drops a browser's own ``execute_request``: she uses the widgets, she cannot run code.
"""
from __future__ import annotations

import asyncio
import collections
import functools
import os
import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import urlparse

from jupyter_server.base.handlers import JupyterHandler
from jupyter_server.services.kernels.handlers import KernelHandler
from jupyter_server.services.kernels.kernelmanager import AsyncMappingKernelManager
from jupyter_server.utils import url_path_join
from jupyterhub.singleuser.extension import JupyterHubAuthorizer
from tornado.ioloop import PeriodicCallback
from tornado.web import HTTPError, authenticated
from traitlets import Integer
from voila.shutdown_kernel_handler import VoilaShutdownKernelHandler
from voila.tornado.handler import TornadoVoilaHandler
from voila.tornado.kernel_websocket_handler import VoilaKernelWebsocketHandler

from fadaa.core.settings import site_settings
from fadaa.server.serve import FadaaVoila, StepAudioHandler, voila_args, voila_environment

from fadaa.core.home_layout import home_in, profile_of

from .groups import NoRole, group_of
from .homes import PREPARE
from .learner_pages import FILES, downloadable, her_page, send_download
from .memory import private, tree_pss
from .routes import SERVICE_NAME, service_for
from fadaa.core.site import Site
from .voila_app import HubIdentityProvider, hub_args

MODULE = "fadaa.hub.lesson_service"  # its classes, named in Voilà's options (not __main__ when run with -m)
# a hub name that can be a folder name as it is: roster ids, phone-free account names
HOME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9._@-]{0,127}")
# where she lands, by group: filled on arrival (learners get the lessons released since)
LANDING_GROUPS = ("learners", "coordinators")
MEMORY_CHECK_MS = 3000  # how often kernels' memory is read: a runaway loop grows by hundreds of MB a second


def her_name(handler) -> str:
    """Her hub name, which is her home folder's name; anything else is refused."""
    user = handler.current_user
    name = getattr(user, "username", None)
    if not name or not HOME_NAME.fullmatch(name):
        raise HTTPError(403)
    return name


def in_her_home(name: str, path: str | None) -> str:
    """``path`` (as the URL gives it) inside her home folder; climbing out or into hidden folders is refused."""
    clean = posixpath.normpath("/" + (path or "")).lstrip("/")  # ".." cannot climb above her folder
    if any(part.startswith(".") for part in clean.split("/")):
        raise HTTPError(404)
    return f"{name}/{clean}" if clean else name


# the site is the service's settings, handed on by the hub: read once, not at every page
site_of_this_service = functools.cache(Site.from_settings)
_arriving: dict[str, asyncio.Lock] = collections.defaultdict(asyncio.Lock)  # one filling of a home at a time


def check_replica(name: str, site: Site) -> None:
    """Past one machine, each learner has her replica (``routes.service_for``): it alone holds her
    kernels and writes her home; the others send her there."""
    hers = service_for(name, site.lesson_shards)
    if hers != os.environ.get("JUPYTERHUB_SERVICE_NAME", SERVICE_NAME):
        raise HTTPError(421, f"{name}'s lessons are at /services/{hers}/")


def her_home(handler) -> tuple[str, Path]:
    """Her hub name and her home folder, on the replica that holds it."""
    name = her_name(handler)
    site = site_of_this_service()
    check_replica(name, site)
    return name, site.home(name)


async def arrive(handler) -> tuple[str, str, Path]:
    """Fill her home (her configuration, language, lessons released since); her group, where she
    lands, and her home."""
    try:
        group = group_of(handler.current_user.hub_user.get("groups", []))
    except NoRole as error:
        raise HTTPError(403, str(error)) from None
    if group not in LANDING_GROUPS:
        raise HTTPError(403, "Trainers work in their own JupyterLab.")
    name, home = her_home(handler)
    async with _arriving[name]:  # two tabs at once: one fetch of her lessons
        # nbgrader's fetch is blocking file work: keep the service answering everyone else meanwhile
        return group, await asyncio.to_thread(PREPARE[group], site_of_this_service(), name, home), home


class LandingHandler(TornadoVoilaHandler):
    """``/services/lessons/``: fill her home, then show it (a learner's needs no kernel: see
    ``learner_pages``), or send her to her page (the coordinator's dashboard)."""

    @authenticated
    async def get(self, path=None):
        group, landing, home = await arrive(self)
        if group == "learners":
            self.set_header("Cache-Control", "no-store")  # her progress changes; a shared PC keeps nothing
            page = await asyncio.to_thread(her_page, home, self.request.query, self.base_url)
            self.finish(page)
            return
        if not landing:
            raise HTTPError(404)
        query = f"?{self.request.query}" if self.request.query else ""
        self.redirect(url_path_join(self.base_url, landing) + query)


class HerPageHandler(TornadoVoilaHandler):
    """A page of her home (``voila/render/<path>``), and only of hers. A page she does not have yet
    (she never came by her home, or the lesson was released since) is fetched first."""

    @authenticated
    async def get(self, path=None):
        name, _home = her_home(self)
        page = in_her_home(name, path)
        if not (Path(self.kernel_manager.root_dir) / page).exists():
            await arrive(self)
        await super().get(page)


class HerFileHandler(JupyterHandler):
    """``files/<path>``: one of her documents or her trainer's feedback pages, as a download."""

    @authenticated
    async def get(self, relative: str):
        if not self.authorizer.is_authorized(self, self.current_user, "read", "files"):
            raise HTTPError(403)  # the hub's check: someone the hub lets into the lessons
        path = downloadable(her_home(self)[1], relative)
        send_download(self, await asyncio.to_thread(path.read_bytes), path.name)


class HerStepAudioHandler(JupyterHandler, StepAudioHandler):
    """A step's sound (``step-audio/...``), for someone the hub lets into the lessons; nothing else
    of the course source."""

    @authenticated
    async def get(self, path: str, include_body: bool = True) -> None:
        if not self.authorizer.is_authorized(self, self.current_user, "read", "files"):
            raise HTTPError(403)
        await super().get(path, include_body)


def _kernel_id(handler) -> str | None:
    return handler.path_kwargs.get("kernel_id") or next(iter(handler.path_args), None)


class LessonAuthorizer(JupyterHubAuthorizer):
    """The hub's check (access to this service), and for kernels: only the user who started it."""

    def is_authorized(self, handler, user, action, resource) -> bool:
        if not super().is_authorized(handler, user, action, resource):
            return False
        if resource != "kernels":
            return True
        kernel_id, kernels = _kernel_id(handler), handler.kernel_manager
        if kernel_id is not None and kernel_id not in kernels:
            return True  # nobody's: the handler answers 404, as for a kernel that has gone
        return kernel_id is not None and kernels.owner_of(kernel_id) == user.username


class HerKernelShutdownHandler(VoilaShutdownKernelHandler):
    """The page's goodbye (``voila/api/shutdown/<kernel>``): Voilà's lets any logged-in user stop
    any kernel; this one only its owner."""

    @authenticated
    async def post(self, kernel_id):
        if not self.authorizer.is_authorized(self, self.current_user, "write", "kernels"):
            raise HTTPError(403)
        await super().post(kernel_id)


class LearnerKernels(AsyncMappingKernelManager):
    """Kernels that each belong to the user whose page started them, a few per user at most."""

    kernels_per_learner = Integer(3, config=True, help=(
        "Kernels one user may hold at once (a page each): opening one more shuts her oldest down. "
        "A phone that put a lesson away without closing it does not keep its kernel forever."))

    kernel_memory_limit = Integer(1024, config=True, help=(
        "Memory (MB) one kernel may hold of its own (beyond what it shares with the zygote; a lesson "
        "takes about 40): a kernel past it is stopped, and its page opens again. One page cannot "
        "starve the machine of a class."))

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        self._owners: dict[str, str] = {}  # kernel id -> hub name, oldest first

    async def stop_the_greedy(self) -> None:
        """Stop every kernel holding more than ``kernel_memory_limit`` of its own."""
        for kernel_id, owner in list(self._owners.items()):
            provisioner = getattr(self._kernels.get(kernel_id), "provisioner", None)  # None while it starts
            process = getattr(provisioner, "process", None)
            held = private(process.pid) if process else 0
            if held > self.kernel_memory_limit * 2**20:
                self.log.warning("Stopping %s's kernel %s: it holds %d MB, more than %d MB",
                                 owner, kernel_id, held // 2**20, self.kernel_memory_limit)
                await self.shutdown_kernel(kernel_id, now=True)

    def owner_of(self, kernel_id: str) -> str | None:
        return self._owners.get(kernel_id)

    def kernels_of(self, name: str) -> list[str]:
        return [kernel for kernel, owner in self._owners.items() if owner == name]

    async def start_kernel(self, *, kernel_id=None, path=None, **kwargs):
        # the page handlers only start kernels inside her own folder: its first part is her name
        owner = (path or "").split("/")[0]
        if not HOME_NAME.fullmatch(owner):
            raise HTTPError(403)
        kwargs["env"] = self._her_environment(owner, kwargs.get("env") or dict(os.environ))
        started = await super().start_kernel(kernel_id=kernel_id, path=path, **kwargs)
        self._owners[started] = owner
        for oldest in self.kernels_of(owner)[:-self.kernels_per_learner]:
            self.log.info("Closing %s's oldest kernel %s: she holds %d", owner, oldest, self.kernels_per_learner + 1)
            await self.shutdown_kernel(oldest)
        return started

    def _her_environment(self, owner: str, env: dict) -> dict:
        # the service's hub token and OAuth settings are not hers to see
        env = {key: value for key, value in env.items() if not key.startswith(("JUPYTERHUB_", "JPY_"))}
        env["JUPYTERHUB_USER"] = owner
        env["FADAA_PROFILE"] = str(profile_of(home_in(self.root_dir, owner)))
        return env

    def remove_kernel(self, kernel_id: str):
        self._owners.pop(kernel_id, None)
        return super().remove_kernel(kernel_id)


class LessonService(FadaaVoila):
    """Fadaa's Voilà over every home, each request inside the hub user's own (see the module)."""

    def init_handlers(self) -> list:
        replaced = {TornadoVoilaHandler: HerPageHandler, VoilaShutdownKernelHandler: HerKernelShutdownHandler,
                    StepAudioHandler: HerStepAudioHandler}
        own = {KernelHandler, VoilaKernelWebsocketHandler, HerPageHandler, HerKernelShutdownHandler, HerStepAudioHandler}
        pages = {"template_paths": self.template_paths, "config": self.config,
                 "voila_configuration": self.voila_configuration}
        handlers = [(self.server_url, LandingHandler, pages),
                    (url_path_join(self.server_url, FILES, "(.+)"), HerFileHandler)]
        for pattern, handler, *rest in super().init_handlers():
            handler = replaced.get(handler, handler)
            # her pages and kernels, the page's assets and the hub's login; no tree, contents or files
            if handler in own or "/voila/static/" in pattern or "/voila/templates/" in pattern \
                    or pattern.endswith(("/oauth_callback", "/logout")):
                handlers.append((pattern, handler, *rest))
        return handlers

    def listen(self) -> None:
        PeriodicCallback(self._log_load, 60_000).start()
        PeriodicCallback(self.kernel_manager.stop_the_greedy, MEMORY_CHECK_MS).start()
        super().listen()

    def _log_load(self) -> None:
        owners = self.kernel_manager._owners
        self.log.info("lessons: %d kernels for %d people; service, zygote and kernels %.0f MB (PSS)",
                      len(owners), len(set(owners.values())), tree_pss(os.getpid()) / 2**20)


def service_args(homes: Path, port: int, host: str, prefix: str) -> list[str]:
    return [*voila_args(homes, port, host), *site_settings().kernel_culling(),
            *hub_args(prefix, authorizer=f"{MODULE}.LessonAuthorizer"),
            f"--VoilaConfiguration.multi_kernel_manager_class={MODULE}.LearnerKernels"]


def main(argv: list[str] | None = None) -> None:
    """``python -m fadaa.hub.lesson_service <homes>``, as the hub starts it."""
    argv = sys.argv[1:] if argv is None else argv
    os.umask(0o007)  # what she writes is hers (and the course group's), never everyone's
    os.environ.update(voila_environment())  # the template's folder and the venv's tools, for kernels too
    url = urlparse(os.environ["JUPYTERHUB_SERVICE_URL"])
    LessonService.launch_instance([*service_args(Path(argv[0]), url.port, url.hostname,
                                                 os.environ["JUPYTERHUB_SERVICE_PREFIX"]), *argv[1:]])


if __name__ == "__main__":
    main()
