"""What the funds are told, as pure functions over the history's snapshots (000 §4.2, §4.2.7).

The day's changes of one schakeling are sent as their net effect, compared with what the funds
last heard of it: nothing heard and nothing with impact now → nothing (also for a schakeling
created and deleted on one day); impact now → aanmaak the first time, wijziging when what they
hear changes; no impact any more (deleted, modules or dates changed) after an earlier message →
annulering."""

from typing import Any

from dossiers.constants import Verwijzingsgrond
from groeipakket.constants import BerichtActie

Snapshot = dict[str, Any]
Inhoud = dict[str, Any]


def _impact(snapshot: Snapshot) -> list[str]:
    # History rows written before the impact list existed: the modules flagged in the catalogue.
    if "impact" in snapshot:
        return list(snapshot["impact"])
    return sorted(m["code"] for m in snapshot.get("modules", []) if m.get("groeipakket"))


def inhoud_van(snapshot: Snapshot) -> Inhoud | None:
    """The message content for a schakeling as it stands, or None without impact."""
    modules = _impact(snapshot)
    if not modules:
        return None
    inhoud: Inhoud = {
        "rijksregisternummer": snapshot["client"],
        "dossier": snapshot["dossier"],
        "begindatum": snapshot["begindatum"],
        "einddatum": snapshot["einddatum"],
        "modules": modules,
        "plaatsende_instantie": (
            "gerechtelijk"
            if snapshot.get("verwijzingsgrond") == Verwijzingsgrond.GERECHTELIJK
            else "vrijwillig"
        ),
    }
    if snapshot.get("pleegzorgers") or snapshot.get("uitbetaling_aan_ouders") is not None:
        inhoud["pleegzorg"] = {
            "pleegzorgers": snapshot.get("pleegzorgers", []),
            "uitbetaling_aan_ouders": snapshot.get("uitbetaling_aan_ouders"),
        }
    return inhoud


def bericht_voor(na: Snapshot | None, *, laatst_gemeld: Inhoud | None) -> tuple[str, Inhoud] | None:
    """The message for a schakeling whose latest state is `na` (None: deleted), given what the
    funds last heard of it (None: nothing, or its annulering)."""
    nu = inhoud_van(na) if na is not None else None
    if nu is None:
        if laatst_gemeld is None:
            return None
        return BerichtActie.ANNULERING, laatst_gemeld
    if laatst_gemeld is None:
        return BerichtActie.AANMAAK, nu
    if nu == laatst_gemeld:
        return None  # the day's changes cancel out
    return BerichtActie.WIJZIGING, nu
