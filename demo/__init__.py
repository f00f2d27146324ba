"""The demo: the one-learner Voilà demo (``learner``), the demo cooperatives and their learners
(``data``), and months of synthetic work for the dashboards (``history``). Not used by a real site."""
