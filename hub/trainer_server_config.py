"""Configuration of the trainer's Jupyter server: a learner's text cannot act in the trainer's browser.

The trainer's server command loads it: ``jupyterhub-singleuser --config=<this file>`` (the path is
``fadaa.hub.trainer_server.CONFIG``). It replaces the user's ``jupyter_server_config`` file search
(that user is the trainer, who can change his own server anyway); extensions enabled in
``jupyter_server_config.d`` (formgrader, Voilà, the language packs) still load.
"""
from fadaa.hub.trainer_server import HEADER, lab_policy

c = get_config()  # noqa: F821 - provided by traitlets when the server loads this file

# The policy of every page, and the extension that gives formgrader's and Voilà's pages theirs
# (hub/trainer_server.py).
# JupyterHub's singleuser server keeps a policy it finds here instead of its own. Plain values, not
# .update(): it reads ServerApp.tornado_settings from the config and fails on a lazy one.
c.ServerApp.tornado_settings = {"headers": {HEADER: lab_policy()}}
c.ServerApp.jpserver_extensions = {"fadaa.hub.trainer_server": True}  # those of jupyter_server_config.d load too

# Formgrader renders submissions with nbconvert's HTMLExporter (fadaa/grading/sanitize.py says why):
# markdown cleaned (on every page of this server that renders markdown with nbconvert), and on
# formgrader's pages names escaped, HTML outputs cleaned, JavaScript outputs dropped.
c.HTMLExporter.filters = {"markdown2html": "fadaa.grading.sanitize.markdown2html"}
c.HTMLExporter.preprocessors = ["fadaa.grading.sanitize.SanitizeSubmission"]
