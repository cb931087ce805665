"""The Groeipakket change history (000 §4.2): every creation, change and deletion of a
schakeling, before and after, written in the same transaction as the change and flagged when
the child-benefit funds must hear of it. The daily feed reads it."""

from typing import Any

from binc.models import Gebruiker
from dossiers import rules
from dossiers.models import Schakeling, SchakelingWijziging
from dossiers.selectors import schakeling_invoer


def snapshot(schakeling: Schakeling, feiten: rules.DossierFeiten) -> dict[str, Any]:
    """Everything the Groeipakket feed needs about a schakeling, as plain JSON, with the module
    codes the funds hear of (`impact`, decided by the rules with the dossier's facts now)."""
    beslissing = schakeling.beslissing
    invoer = schakeling_invoer(schakeling)
    impact = rules.impact(feiten, invoer)
    return {
        "impact": sorted(k.module.code for k in invoer.modules if k.module.pk in impact),
        "dossier": schakeling.dossier.code,
        "client": schakeling.dossier.client.rijksregisternummer,
        "soort": schakeling.soort,
        "begindatum": schakeling.begindatum.isoformat(),
        "einddatum": schakeling.einddatum.isoformat() if schakeling.einddatum else None,
        "verwijzingsgrond": beslissing.verwijzingsgrond,
        "zwaartepunt_elders": schakeling.zwaartepunt_elders,
        "uitbetaling_aan_ouders": schakeling.uitbetaling_aan_ouders,
        "modules": [
            {
                "code": sm.module.code,
                "groeipakket": sm.module.typemodule.groeipakket_impact,
                "verzekerd_aanbod": sm.verzekerd_aanbod,
                "behandeling_gericht_op": sm.behandeling_gericht_op,
                "overbruggingszorg": sm.overbruggingszorg,
                "ob_vorm": sm.ob_vorm,
            }
            for sm in schakeling.modules.select_related("module__typemodule").order_by(
                "module__code"
            )
        ],
        "pleegzorgers": [
            {"rijksregisternummer": p.rijksregisternummer, "naam": p.naam}
            for p in schakeling.pleegzorgers.all()
        ],
    }


def wijziging_record(
    schakeling: Schakeling,
    *,
    actie: str,
    voor: dict[str, Any] | None,
    na: dict[str, Any] | None,
    gebruiker: Gebruiker,
    groeipakket: bool,
) -> SchakelingWijziging:
    return SchakelingWijziging.objects.create(
        voorziening=schakeling.dossier.voorziening,
        dossier_id=schakeling.dossier_id,
        schakeling_id=schakeling.pk,
        actie=actie,
        voor=voor,
        na=na,
        gebruiker=gebruiker,
        groeipakket=groeipakket,
    )
