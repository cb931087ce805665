"""On-demand cijferrapporten and raw data (000 ch. 17, 001 ch. 12)."""
