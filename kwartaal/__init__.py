"""The quarterly statement of benutting (000 ch. 12)."""
