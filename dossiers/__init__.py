"""Clients, dossiers and their aanmelding (000 ch. 2–4, 6–11)."""
