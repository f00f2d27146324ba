"""Serving lessons: Fadaa's Voilà (``serve``), the warm parent lesson kernels are forked from
(``forked_kernels``), the check of each kernel message (``kernel_frames``), and the one-learner demo."""
