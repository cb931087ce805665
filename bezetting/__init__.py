"""Benuttingsgraad, bezettingsgraad, capaciteit and inzet modules (000 ch. 13–16)."""
