"""Preparing the general assembly: calendar, documents, quorum and votes."""
