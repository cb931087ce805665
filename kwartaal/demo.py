"""Demo capacities, one change in history each, sized to the demo's own load. The kwartaalstaten
came with the demo schakelingen; bezetting's demo fills them."""

import datetime
import random
from collections import Counter
from decimal import Decimal

from django.db.models import Q
from django.utils import timezone

from binc.constants import Functie, Organisatietype
from binc.models import ModuleGoedkeuring, Voorziening
from dossiers.models import SchakelingModule
from kwartaal.models import Capaciteit
from kwartaal.rules import telt_in_ckg_punten

EERSTE_CAPACITEIT = datetime.date(2016, 1, 1)
UITBREIDING = datetime.date(2022, 1, 1)


# 000 §15: a CKG's begeleidingspunten sit on 'Gezinsbegeleiding (CKG)', the other mobile and
# ambulant rows are 0; sized to the demo's load as an erkenningsbesluit would be.
CKG_PUNTENTOTAAL = Decimal(300)


def _bezet(vandaag: datetime.date) -> Counter:
    """Per (voorziening, typemodule) the clients in care on an average day of the last year."""
    van = vandaag - datetime.timedelta(days=364)
    dagen: Counter = Counter()
    rijen = SchakelingModule.objects.filter(
        Q(schakeling__einddatum__isnull=True) | Q(schakeling__einddatum__gte=van),
        schakeling__begindatum__lte=vandaag,
    ).values_list(
        "schakeling__dossier__voorziening",
        "module__typemodule",
        "schakeling__begindatum",
        "schakeling__einddatum",
    )
    for voorziening, typemodule, begin, einde in rijen:
        einde = min(einde or vandaag, vandaag)
        dagen[voorziening, typemodule] += (einde - max(begin, van)).days + 1
    return Counter({sleutel: Decimal(n) / 365 for sleutel, n in dagen.items()})


def _ckg_punten(voorziening: Voorziening, typemodule) -> bool:
    return voorziening.organisatietype == Organisatietype.CKG and telt_in_ckg_punten(
        typemodule.functie, typemodule.ckg_punten or 0
    )


def _erkend(voorziening: Voorziening, typemodule, bezet: int, innovatief: Decimal, rng):
    """What an erkenningsbesluit would grant for the load the demo gives it: a CKG's points on
    the one row that holds them, elsewhere the places its clients fill at 75 to 95 %."""
    if _ckg_punten(voorziening, typemodule):
        return CKG_PUNTENTOTAAL if typemodule.code == "gezinsbegeleiding-ckg" else Decimal(0)
    return max(Decimal(1), ((bezet + innovatief) / Decimal(rng.uniform(0.75, 0.95))).quantize(1))


def _capaciteiten(rng: random.Random, vandaag: datetime.date) -> None:
    if Capaciteit.objects.exists():
        return
    bezet = _bezet(vandaag)
    rijen = []
    for voorziening in Voorziening.objects.filter(actief=True):
        typemodules = {
            g.module.typemodule
            for g in ModuleGoedkeuring.objects.filter(voorziening=voorziening).select_related(
                "module__typemodule"
            )
        }
        # Only what the demo's clients use: an approved module nobody follows would sit at 0 %.
        for typemodule in sorted(typemodules, key=lambda t: t.naam):
            clienten = bezet[voorziening.pk, typemodule.pk]
            if not clienten and not _ckg_punten(voorziening, typemodule):
                continue
            innovatief = Decimal(1) if clienten >= 3 else Decimal(0)
            erkend = _erkend(voorziening, typemodule, clienten, innovatief, rng)
            rijen.append(
                Capaciteit(
                    voorziening=voorziening,
                    typemodule=typemodule,
                    geldig_van=EERSTE_CAPACITEIT,
                    erkende_capaciteit=erkend - 1 if erkend > 1 else erkend,
                    verzekerd_aanbod=Decimal(1) if typemodule.functie == Functie.VERBLIJF else 0,
                )
            )
            rijen.append(
                Capaciteit(
                    voorziening=voorziening,
                    typemodule=typemodule,
                    geldig_van=UITBREIDING,
                    erkende_capaciteit=erkend,
                    innovatief_project=innovatief,
                    toelichting="Uitbreiding van de erkenning.",
                )
            )
    Capaciteit.objects.bulk_create(rijen)


def seed(*, stdout) -> None:
    _capaciteiten(random.Random(1212), timezone.localdate())
    stdout.write("Democapaciteiten aangemaakt.")
