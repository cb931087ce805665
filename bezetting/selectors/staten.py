"""Whether a quarter's figures are final: the kwartaalstaat's status and the totals not yet
filled in, so a benuttingsgraad never shows 0 % without saying why."""

from django.db.models import Prefetch

from binc.models import Voorziening
from kwartaal.constants import KwartaalStatus
from kwartaal.models import Kwartaalstaat, TypemoduleInzet


def kwartaal_staten(
    voorziening: Voorziening, kwartalen: list[tuple[int, int]], codes: list[str], namen: dict
) -> tuple[list[str], set[str]]:
    """Per quarter whose figures are not final yet, why, in a sentence: not sent, or typemodules
    whose total is not filled in (their benutting counts as 0); and the typemodules with no
    total in any of the quarters, whose rate would only say 0 %. Two queries."""
    staten = {
        (s.jaar, s.kwartaal): s
        for s in Kwartaalstaat.objects.filter(voorziening=voorziening)
        .filter(jaar__gte=kwartalen[0][0], jaar__lte=kwartalen[-1][0])
        .prefetch_related(
            Prefetch(
                "inzet",
                TypemoduleInzet.objects.filter(typemodule__code__in=codes).select_related(
                    "typemodule"
                ),
            )
        )
    }
    result = []
    ingevuld = set()
    for jaar, nummer in kwartalen:
        label = f"Kwartaal {nummer} - {jaar}"
        staat = staten.get((jaar, nummer))
        if staat is None:
            result.append(f"{label}: geen kwartaalstaat (geen schakelingen): telt als 0.")
            continue
        leeg = sorted(
            namen.get(i.typemodule.code, i.typemodule.naam)
            for i in staat.inzet.all()
            if i.totaal is None
        )
        ingevuld |= {i.typemodule.code for i in staat.inzet.all() if i.totaal is not None}
        if leeg:
            result.append(f"{label}: nog niet ingevuld voor {', '.join(leeg)} (telt als 0).")
        if staat.status in (KwartaalStatus.OPEN, KwartaalStatus.TE_VERZENDEN):
            result.append(f"{label}: nog niet verzonden ({staat.get_status_display()}).")
    return result, set(codes) - ingevuld
