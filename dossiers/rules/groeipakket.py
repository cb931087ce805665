"""Child-benefit impact and pleegzorg (000 §4.2, §4.2.7): which modules count for this client, when
the funds must hear of a change, and the pleegzorgers."""

import dataclasses
import datetime
from collections.abc import Iterable

from binc.models import Module
from dossiers.constants import (
    SpecifiekeAanmelding,
)
from dossiers.rules.invoer import DossierFeiten, SchakelingInvoer
from lib.dates import leeftijd

# 000 §4.2.7: pleegzorg messages for schakelingen created since the release of 26/05/2020; the
# transitional arrangement for dossiers running before 01/01/2019.
PLEEGZORG_GROEIPAKKET_SINDS = datetime.date(2020, 5, 26)


OVERGANGSREGELING_VOOR = datetime.date(2019, 1, 1)


PLEEGZORGERS_TOT_LEEFTIJD = 25


GROEIPAKKET_WAARSCHUWING = (
    "Deze schakeling heeft impact op het Groeipakket: vannacht gaat een bericht (D227) naar de "
    "kinderbijslagfondsen{wat}. Controleer de gegevens en bevestig, of pas de schakeling aan."
)


PLEEGZORGER_VERPLICHT = (
    "Vul minstens één pleegzorger in (rijksregisternummer en naam): nodig voor de uitbetaling "
    "van het Groeipakket."
)


def groeipakket_modules(
    modules: Iterable[Module], *, geboortedatum: datetime.date | None, op: datetime.date
) -> list[Module]:
    """Modules with child-benefit impact for this client on this day (DOMAIN §5 table)."""
    result = []
    for module in modules:
        typemodule = module.typemodule
        if not typemodule.groeipakket_impact:
            continue
        limit = typemodule.groeipakket_leeftijdsgrens
        if limit is None or geboortedatum is None or leeftijd(geboortedatum, op) < limit:
            result.append(module)
    return result


def meldt_groeipakket(feiten: DossierFeiten, *, zwaartepunt_elders: bool) -> bool:
    """000 §4.1: a time-out dossier sends no schakeling at all; 'zwaartepunt elders' (for
    pleegzorg: 'combinatie met verblijf') sends nothing either."""
    timeout = feiten.specifieke_aanmelding == SpecifiekeAanmelding.TIME_OUT
    return not timeout and not zwaartepunt_elders


def pleegzorg_meegeteld(invoer: SchakelingInvoer) -> bool:
    """000 §4.2.7: pleegzorg counts for the Groeipakket (pleegzorgers, D227) in schakelingen
    "aangemaakt vanaf 26/05/2020"; one being created now always is. A verlenging counts by its
    start date: "wanneer de startdatum van een verlenging na releasedatum valt" (from the
    release date on, as for schakelingen; docs/decisions.md)."""
    if invoer.verlenging:
        return invoer.begindatum >= PLEEGZORG_GROEIPAKKET_SINDS
    return invoer.aangemaakt_op is None or invoer.aangemaakt_op >= PLEEGZORG_GROEIPAKKET_SINDS


def _telt(module: Module, invoer: SchakelingInvoer) -> bool:
    typemodule = module.typemodule
    if typemodule.pleegzorgers_gevraagd and not pleegzorg_meegeteld(invoer):
        return False
    # 000 §4.2.7: under the overgangsregeling, 'Uitbetaling aan ouders = Ja' sends no message.
    return not (typemodule.overgangsregeling_pleegzorgtoeslag and invoer.uitbetaling_aan_ouders)


def impact(feiten: DossierFeiten, invoer: SchakelingInvoer) -> set[int]:
    """The modules of the schakeling the child-benefit funds hear of for this client: those with
    impact whose age condition holds on the begin date, never in a time-out dossier or with
    'zwaartepunt elders' (000 §4.1, §4.2, §4.2.7)."""
    if not meldt_groeipakket(feiten, zwaartepunt_elders=invoer.zwaartepunt_elders):
        return set()
    modules = [k.module for k in invoer.modules if _telt(k.module, invoer)]
    return {
        m.pk
        for m in groeipakket_modules(
            modules, geboortedatum=feiten.geboortedatum, op=invoer.begindatum
        )
    }


def _bericht(feiten: DossierFeiten, invoer: SchakelingInvoer) -> tuple[object, ...]:
    """What the funds are told about a schakeling: a change to any of it is sent."""
    return (
        impact(feiten, invoer),
        invoer.begindatum,
        invoer.einddatum,
        invoer.uitbetaling_aan_ouders,
        sorted(invoer.pleegzorgers),
    )


def groeipakket_waarschuwing(feiten: DossierFeiten, invoer: SchakelingInvoer) -> str:
    """The D227 warning, saying what will be sent tonight (000 §4.2.1, §4.2.7)."""
    modules = [k.module for k in invoer.modules if k.module.pk in impact(feiten, invoer)]
    if not modules:
        return GROEIPAKKET_WAARSCHUWING.format(wat=": het einde van de vorige melding")
    einde = f"{invoer.einddatum:%d/%m/%Y}" if invoer.einddatum else "zonder einddatum"
    wat = (
        f": {', '.join(f'{m.naam} ({m.code})' for m in modules)}, vanaf "
        f"{invoer.begindatum:%d/%m/%Y}, {einde}"
    )
    if invoer.pleegzorgers:
        wat += ", met pleegzorger(s) " + ", ".join(naam for _, naam in invoer.pleegzorgers)
    return GROEIPAKKET_WAARSCHUWING.format(wat=wat)


def groeipakket_wijziging(
    feiten: DossierFeiten, invoer: SchakelingInvoer, *, voor: SchakelingInvoer | None, zelfde: bool
) -> bool:
    """Whether the funds must hear of this save (000 §4.2.1: every schakeling with impact, also
    one that continues the previous schakeling's modules or a verlenging, 000 §4.2.7). `voor` is
    the previous schakeling (adding) or this schakeling before the change (`zelfde`)."""
    if not zelfde or voor is None:
        return bool(impact(feiten, invoer))
    if not impact(feiten, invoer) and not impact(feiten, voor):
        return False
    return _bericht(feiten, invoer) != _bericht(feiten, voor)


def verwijdering_meldt_groeipakket(feiten: DossierFeiten, schakeling: SchakelingInvoer) -> bool:
    return bool(impact(feiten, schakeling))


def pleegzorgers_gevraagd(invoer: SchakelingInvoer) -> bool:
    """Pleegzorger fields show for perspectiefzoekende or -biedende pleegzorg (catalogue), unless
    the transitional arrangement pays the parents (000 §4.2.7)."""
    gevraagd = any(k.module.typemodule.pleegzorgers_gevraagd for k in invoer.modules)
    return gevraagd and not invoer.uitbetaling_aan_ouders


def zonder_onnodige_antwoorden(feiten: DossierFeiten, invoer: SchakelingInvoer) -> SchakelingInvoer:
    """Only what is asked is kept: 'Uitbetaling aan ouders' only under the overgangsregeling
    (dossiers running before 01/01/2019), pleegzorgers only where the modules ask them and the
    parents are not paid; so the Groeipakket never hears a stale answer (000 §4.2.7)."""
    if invoer.uitbetaling_aan_ouders is not None and not overgangsregeling_van_toepassing(
        feiten, invoer
    ):
        invoer = dataclasses.replace(invoer, uitbetaling_aan_ouders=None)
    if invoer.pleegzorgers and not pleegzorgers_gevraagd(invoer):
        invoer = dataclasses.replace(invoer, pleegzorgers=[])
    return invoer


def pleegzorgers_verplicht(feiten: DossierFeiten, invoer: SchakelingInvoer) -> bool:
    """000 §4.2.7: 1 or 2 pleegzorgers for a client under 25 at the start, for schakelingen
    from 26/05/2020; from 25 on they stay visible but optional."""
    if not pleegzorgers_gevraagd(invoer) or not pleegzorg_meegeteld(invoer):
        return False
    geboren = feiten.geboortedatum
    return geboren is None or leeftijd(geboren, invoer.begindatum) < PLEEGZORGERS_TOT_LEEFTIJD


def overgangsregeling_van_toepassing(feiten: DossierFeiten, invoer: SchakelingInvoer) -> bool:
    """'Uitbetaling aan ouders?' is asked on perspectiefbiedende pleegzorg in dossiers running
    before 01/01/2019 (000 §4.2.7)."""
    if not any(k.module.typemodule.overgangsregeling_pleegzorgtoeslag for k in invoer.modules):
        return False
    return (feiten.start or invoer.begindatum) < OVERGANGSREGELING_VOOR
