"""nbgrader configuration of the Fadaa course (one gradebook per course; cohorts live in the roster).

Deployments override the exchange and the database in their own nbgrader_config.py (see hub/).
"""
import os

c = get_config()  # noqa: F821 - provided by traitlets when nbgrader loads this file

c.CourseDirectory.course_id = "fadaa"
c.CourseDirectory.root = os.path.dirname(os.path.abspath(__file__))

# Answer cells read "closing_balance = None" before the solution region: the released stub is that
# line alone, so a lesson opened in Voilà runs without a NotImplementedError.
c.ClearSolutions.code_stub = {"python": ""}

# Hidden tests are written at generation from the kit's rules (nbgrader's InstantiateTests, templates in
# autotests.yml): a hidden test cell holds `### AUTOTEST <answer>`, never a figure of its own. The
# kernel's text of an answer is kept as it is ('no' stays quoted, so a choice compares as a string).
c.InstantiateTests.autotest_filename = os.path.join(os.path.dirname(os.path.abspath(__file__)), "autotests.yml")
c.InstantiateTests.sanitizers = {"python3": str}

# A lesson that loops forever or floods its output is stopped and flagged, never blocking a batch.
c.ExecutePreprocessor.timeout = 120
c.ExecutePreprocessor.interrupt_on_timeout = True
c.LimitOutput.max_lines = 200
c.LimitOutput.max_traceback = 50
# ...and a cell's output is cut as it arrives, so 50 MB printed on one line is neither kept in the
# graded notebook nor held while grading (fadaa.grading.output_limit): nbgrader's own steps, with
# its Execute replaced.
from nbgrader.converters import Autograde  # noqa: E402

c.Autograde.autograde_preprocessors = [
    "fadaa.grading.output_limit.BoundedExecute" if step.__name__ == "Execute" else step
    for step in Autograde.class_traits()["autograde_preprocessors"].default()]

c.Exchange.root = os.environ.get("FADAA_EXCHANGE", "/srv/nbgrader/exchange")

# Step audio lives with the source (core/step_audio.py) and is served by the lesson service
# when she taps ▶: nbgrader does not copy it into every learner's lesson folder.
from nbgrader.coursedir import CourseDirectory  # noqa: E402

c.CourseDirectory.ignore = [*CourseDirectory.class_traits()["ignore"].default(), "audio"]
