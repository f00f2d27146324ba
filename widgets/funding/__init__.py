"""Funding and the relaunch plan: the programmes a cooperative can apply to, how ready hers is, and
the project sheet she takes to them."""
