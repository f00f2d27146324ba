"""Bookkeeping: the cash book, monthly and yearly summaries, stock."""
