"""Begin- and eindregistratie and the 1G1P forms (000 ch. 5, 001 §5.2–5.3)."""
