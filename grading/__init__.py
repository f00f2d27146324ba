"""nbgrader glue: course steps, the learner exchange, roster and progress, the fadaa CLI."""
