"""The work list's kinds this app owns: the beginregistratie due within three months after the
start (000 §5.1), and dossiers whose care ended that still wait to be closed, with the
eindregistratie closing needs (000 §9)."""

import datetime

from django.db.models import Exists, OuterRef

from binc.werk import Doelgroep, Werkcontext, Werkitem, Werksoort, registreer
from dossiers.constants import BrStatus, DossierStatus
from dossiers.models import Dossier
from dossiers.werk import DOSSIER, wat
from lib.dates import add_months
from registratie.constants import Soort
from registratie.models import Beginregistratie, Eindregistratie
from registratie.selectors import BR_TERMIJN_MAANDEN

# The grace: care that ended more than 30 days ago should be closed.
AFSLUITEN_NA = datetime.timedelta(days=30)


def br_termijn(start: datetime.date | None) -> datetime.date | None:
    """The last day to complete the beginregistratie: three months after the start of care
    (the first schakeling, as the start page's icon counts it). None before care starts."""
    return None if start is None else add_months(start, BR_TERMIJN_MAANDEN)


def _volledig(model) -> Exists:
    return Exists(model.objects.filter(dossier=OuterRef("pk"), volledig_op__isnull=False))


def _beginregistraties(context: Werkcontext) -> list[Werkitem]:
    # Required (the icon is not 'niet verplicht': not 1G1P, not facultative) and never complete.
    rijen = (
        Dossier.objects.filter(status=DossierStatus.OPEN)
        .exclude(br_status=BrStatus.NIET_VEREIST)
        .filter(~_volledig(Beginregistratie), eerste_schakeling_begindatum__isnull=False)
        .values_list(*DOSSIER, "eerste_schakeling_begindatum")
    )
    items = []
    for pk, code, naam, voornaam, behandelaar, start in rijen:
        termijn = br_termijn(start)
        assert termijn is not None  # the query asks a start
        items.append(
            Werkitem(
                soort=BEGINREGISTRATIE.sleutel,
                wat=wat(code, naam, voornaam),
                waarom=(
                    "Vul de beginregistratie in binnen de drie maanden na de start van de "
                    f"begeleiding ({start:%d/%m/%Y})."
                ),
                datum=termijn,
                actie="registratie:formulier",
                args=(
                    pk,
                    Soort.BEGIN,
                ),
                behandelaar_id=behandelaar,
            )
        )
    return items


def afsluiten_sinds(
    einddatum: datetime.date | None, *, vandaag: datetime.date
) -> datetime.date | None:
    """The day from which a dossier whose last schakeling ended (nothing running) is due to
    be closed: more than 30 days after that end. None while care runs or not yet."""
    if einddatum is None:
        return None
    sinds = einddatum + AFSLUITEN_NA + datetime.timedelta(days=1)
    return sinds if vandaag >= sinds else None


def _nodig_voor_afsluiten(facultatief: bool, begin: bool, einde: bool) -> str:
    """000 §9, as the closing page checks it: both registration forms complete, unless
    registration is facultative (§5.3)."""
    onvolledig = [
        formulier
        for formulier, volledig in (("de beginregistratie", begin), ("de eindregistratie", einde))
        if not (facultatief or volledig)
    ]
    if not onvolledig:
        return "Het dossier kan afgesloten worden."
    return (
        f"Vul eerst {' en '.join(onvolledig)} volledig in, dan kan het dossier afgesloten worden."
    )


def _afsluiten(context: Werkcontext) -> list[Werkitem]:
    # `laatste_schakeling_einddatum` is empty while the last schakeling runs.
    rijen = (
        Dossier.objects.filter(
            status=DossierStatus.OPEN,
            laatste_schakeling_einddatum__lt=context.vandaag - AFSLUITEN_NA,
        )
        .annotate(br_volledig=_volledig(Beginregistratie), er_volledig=_volledig(Eindregistratie))
        .values_list(
            *DOSSIER, "laatste_schakeling_einddatum", "br_status", "br_volledig", "er_volledig"
        )
    )
    items = []
    for pk, code, naam, voornaam, behandelaar, einde, br_status, *volledig in rijen:
        sinds = afsluiten_sinds(einde, vandaag=context.vandaag)
        if sinds is None:
            continue
        nodig = _nodig_voor_afsluiten(br_status == BrStatus.NIET_VEREIST, *volledig)
        items.append(
            Werkitem(
                soort=AFSLUITEN.sleutel,
                wat=wat(code, naam, voornaam),
                waarom=f"De hulp eindigde op {einde:%d/%m/%Y} en er loopt niets meer. {nodig}",
                datum=sinds,
                termijn=False,
                actie="dossiers:dossier_afsluiten",
                args=(pk,),
                behandelaar_id=behandelaar,
            )
        )
    return items


BEGINREGISTRATIE = Werksoort(
    "beginregistratie", "Beginregistratie ontbreekt", Doelgroep.VOORZIENING, _beginregistraties
)
AFSLUITEN = Werksoort("afsluiten", "Dossier afsluiten", Doelgroep.VOORZIENING, _afsluiten)


def registreren() -> None:
    registreer(BEGINREGISTRATIE, AFSLUITEN)
