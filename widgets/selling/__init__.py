"""Selling online: pricing, listings, channels and getting paid."""
