"""Entering and sending the kwartaal (000 §12.2): totals per typemodule, or per client (per soort
for ondersteunende begeleiding) with [Bereken totaal]; [Verzenden]. Every save locks the
kwartaalstaat row through its version: the first save wins (000 §11)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone

from binc.models import Gebruiker
from binc.services.activiteiten import activiteit_log
from kwartaal.constants import VERWERKT_ONWIJZIGBAAR, KwartaalStatus
from kwartaal.models import ClientInzet, Kwartaalstaat, SoortInzet, TypemoduleInzet
from kwartaal.rules import benuttingsfout
from kwartaal.selectors import overzicht
from lib.concurrency import Conflict, save_versioned
from lib.results import Resultaat

Waarden = dict[int, Decimal | None]
TOTAAL_OVERSCHREVEN = (
    "Het berekende totaal ({nieuw}) overschrijft het ingevulde totaal ({oud}). Bevestig om het "
    "te bewaren."
)


def _staat(pk: int) -> Kwartaalstaat:
    staat = Kwartaalstaat.objects.select_for_update().filter(pk=pk).first()
    if staat is None:
        raise Conflict("Dit kwartaal bestaat niet meer: er is geen schakeling meer in actief.")
    if staat.status == KwartaalStatus.VERWERKT:
        raise ValidationError(VERWERKT_ONWIJZIGBAAR)
    return staat


def _gewijzigd(staat: Kwartaalstaat, versie: int, gebruiker: Gebruiker) -> None:
    """A change to a sent kwartaal takes it off Opgroeien's work list until sent again."""
    if staat.status == KwartaalStatus.VERZONDEN:
        staat.status = KwartaalStatus.TE_VERZENDEN
    save_versioned(staat, versie=versie, fields=["status", "gewijzigd_op"])
    activiteit_log(
        voorziening=staat.voorziening,
        gebruiker=gebruiker,
        actie="kwartaal_gewijzigd",
        omschrijving=f"{staat} gewijzigd",
        obj=staat,
    )


def _check(waarden: Waarden, afronding: dict[int, str], veld: str) -> None:
    fouten = {}
    for pk, waarde in waarden.items():
        if pk not in afronding:
            raise ValidationError("Deze gegevens horen niet bij dit kwartaal.")
        if waarde is not None and (melding := benuttingsfout(waarde, afronding[pk])):
            fouten[f"{veld}_{pk}"] = [melding]
    if fouten:
        raise ValidationError(fouten)


def totalen_opslaan(
    *,
    staat_pk: int,
    versie: int,
    totalen: Waarden,
    gebruiker: Gebruiker,
    verzenden: bool = False,
) -> Kwartaalstaat:
    """000 §12.2.1: the total per typemodule, checked against its rounding rule. Computed
    typemodules (benutting = inzet) are not entered. With `verzenden` the kwartaal is also
    sent, or nothing is saved."""
    with transaction.atomic():
        staat = _staat(staat_pk)
        inzet = {
            i.pk: i
            for i in TypemoduleInzet.objects.filter(
                kwartaalstaat=staat,
                typemodule__geen_benutting_input=False,
                typemodule__benutting_is_inzet=False,
            ).select_related("typemodule")
        }
        _check(totalen, {pk: i.typemodule.afronding for pk, i in inzet.items()}, "totaal")
        for pk, waarde in totalen.items():
            inzet[pk].totaal = waarde
        TypemoduleInzet.objects.bulk_update([inzet[pk] for pk in totalen], ["totaal"])
        _gewijzigd(staat, versie, gebruiker)
        if verzenden:
            _verzenden(staat, gebruiker)
    return staat


def detail_opslaan(
    *,
    staat_pk: int,
    versie: int,
    inzet_pk: int,
    clienten: Waarden,
    soorten: dict[str, Decimal | None],
    niet_clientgebonden: Decimal | None,
    bereken_totaal: bool,
    gebruiker: Gebruiker,
    bevestigd: bool = False,
) -> Resultaat[TypemoduleInzet]:
    """000 §12.2.2: the figures per client (per soort for ondersteunende begeleiding) and the
    niet-cliëntgebonden row. With [Bereken totaal] their sum becomes the total, after a
    confirmation when it overwrites another total; without, the total stays as it was."""
    with transaction.atomic():
        staat = _staat(staat_pk)
        inzet = (
            TypemoduleInzet.objects.filter(kwartaalstaat=staat, pk=inzet_pk)
            .select_related("typemodule")
            .first()
        )
        if inzet is None or inzet.typemodule.geen_benutting_input:
            raise ValidationError("Deze typemodule hoort niet bij dit kwartaal.")
        afronding = inzet.typemodule.afronding
        rijen = {c.pk: c for c in ClientInzet.objects.filter(inzet=inzet)}
        _check(clienten, dict.fromkeys(rijen, afronding), "client")
        fouten = {
            f"soort_{soort}": [melding]
            for soort, waarde in soorten.items()
            if waarde is not None and (melding := benuttingsfout(waarde, afronding))
        }
        if niet_clientgebonden is not None and (
            melding := benuttingsfout(niet_clientgebonden, afronding)
        ):
            fouten["niet_clientgebonden"] = [melding]
        if fouten:
            raise ValidationError(fouten)
        som = sum(
            (w for w in [*clienten.values(), *soorten.values(), niet_clientgebonden] if w),
            Decimal(0),
        )
        if bereken_totaal and not bevestigd and inzet.totaal not in (None, som):
            return Resultaat(
                waarschuwingen=(TOTAAL_OVERSCHREVEN.format(nieuw=som, oud=inzet.totaal),)
            )
        for pk, waarde in clienten.items():
            rijen[pk].benutting = waarde
        ClientInzet.objects.bulk_update([rijen[pk] for pk in clienten], ["benutting"])
        SoortInzet.objects.filter(inzet=inzet).delete()
        SoortInzet.objects.bulk_create(
            SoortInzet(inzet=inzet, soort=soort, benutting=waarde)
            for soort, waarde in soorten.items()
            if waarde is not None
        )
        inzet.niet_clientgebonden = niet_clientgebonden
        if bereken_totaal:
            inzet.totaal = som
        inzet.save(update_fields=["niet_clientgebonden", "totaal"])
        _gewijzigd(staat, versie, gebruiker)
    return Resultaat(object=inzet)


def _verzenden(staat: Kwartaalstaat, gebruiker: Gebruiker) -> None:
    """000 §12.2: every typemodule's total must be filled in (0 is allowed)."""
    ontbrekend = [r.inzet.typemodule.naam for r in overzicht(staat) if r.totaal is None]
    if ontbrekend:
        raise ValidationError(
            "Vul eerst het totaal in voor: " + ", ".join(ontbrekend) + " (0 is toegelaten)."
        )
    staat.status = KwartaalStatus.VERZONDEN
    staat.verzonden_op = timezone.now()
    save_versioned(staat, versie=staat.versie, fields=["status", "verzonden_op", "gewijzigd_op"])
    activiteit_log(
        voorziening=staat.voorziening,
        gebruiker=gebruiker,
        actie="kwartaal_verzonden",
        omschrijving=f"{staat} verzonden",
        obj=staat,
    )
