"""Sharing documents with other services (000 ch. 18, 001 ch. 11)."""
