"""The occupancy engine (000 §13, §14, §16): pure functions over plain data — dates, intervals,
capacities with effective-from dates, typemodule properties and the kwartaal's benutting. No
ORM, no clock, no settings. Every calculation returns numerators and denominators as the manual
defines them, so a total over typemodules or periods is Σ numerators / Σ denominators."""

from bezetting.engine.model import (
    Benutting,
    Capaciteit,
    Gegevens,
    Ratio,
    Schakeling,
    Typemodule,
)

__all__ = ["Benutting", "Capaciteit", "Gegevens", "Ratio", "Schakeling", "Typemodule"]
