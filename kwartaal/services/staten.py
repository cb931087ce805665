"""Keeping the kwartaalstaten equal to the schakelingen (000 §12): a kwartaalstaat exists
exactly while a schakeling is active in its quarter, with the typemodules and dossiers of those
schakelingen. Called in the transaction of every schakeling change (through the dossiers hook),
for that dossier's part only, and by the nightly job, for everything, for quarters that begin
while schakelingen simply run on. A few set-based queries per call; a change reads and writes
only its own dossier's rows, whatever the number of dossiers."""

import datetime
from collections.abc import Iterable

from django.db.models import Exists, OuterRef, Q
from django.utils import timezone

from binc.models import Typemodule, Voorziening
from dossiers.hooks import Periode
from kwartaal.constants import KwartaalStatus
from kwartaal.models import ClientInzet, Kwartaalstaat, TypemoduleInzet
from kwartaal.rules import Kwartaal, inhoud, kwartalen
from kwartaal.selectors import inzetregels


def _registratie_vereist(typemodule_ids: Iterable[int]) -> set[int]:
    """Typemodules whose benutting the voorziening enters (000 §12, 'Te verzenden')."""
    return set(
        Typemodule.objects.filter(
            pk__in=list(typemodule_ids), benutting_is_inzet=False, geen_benutting_input=False
        ).values_list("pk", flat=True)
    )


def kwartaalstaten_bijwerken(
    voorziening_id: int,
    te_bekijken: Iterable[Kwartaal],
    *,
    vandaag: datetime.date,
    dossier_id: int | None = None,
) -> None:
    """Make the kwartaalstaten of these quarters match the schakelingen: of one dossier (the
    other dossiers' rows are left as they are), or of all."""
    gevraagd = sorted(set(te_bekijken))
    if not gevraagd:
        return
    regels = inzetregels(
        voorziening_id, van=gevraagd[0].begin, tot=gevraagd[-1].einde, dossier_id=dossier_id
    )
    gewenst = inhoud(regels, vandaag=vandaag)
    # Locked first: changes to one voorziening's quarters wait for each other, so what the
    # other dossiers hold is read after any change before this one committed.
    bestaand = {
        Kwartaal(staat.jaar, staat.kwartaal): staat
        for staat in Kwartaalstaat.objects.filter(voorziening_id=voorziening_id)
        .filter(_in_kwartalen(gevraagd))
        .select_for_update()
    }
    if dossier_id is not None:
        for kwartaal, typemodule_id in _van_andere_dossiers(bestaand, dossier_id):
            gewenst.setdefault(kwartaal, {}).setdefault(typemodule_id, set())
    # A processed kwartaal is immutable: what Opgroeien processed stays as it was, also when a
    # voorziening corrects care in a processed year it had not sent in full (000 §12.2).
    verwerkt = {k for k, staat in bestaand.items() if staat.status == KwartaalStatus.VERWERKT}
    gevraagd = [k for k in gevraagd if k not in verwerkt]
    bestaand = {k: staat for k, staat in bestaand.items() if k not in verwerkt}
    weg = [bestaand[k].pk for k in gevraagd if k in bestaand and k not in gewenst]
    Kwartaalstaat.objects.filter(pk__in=weg).delete()
    nieuw = Kwartaalstaat.objects.bulk_create(
        Kwartaalstaat(voorziening_id=voorziening_id, jaar=k.jaar, kwartaal=k.nummer)
        for k in gevraagd
        if k in gewenst and k not in bestaand
    )
    staten = {**bestaand, **{Kwartaal(s.jaar, s.kwartaal): s for s in nieuw}}
    staten = {k: s for k, s in staten.items() if k in gewenst}
    _inzet_bijwerken(
        {staten[k].pk: gewenst[k] for k in staten},
        nieuw={s.pk for s in nieuw},
        dossier_id=dossier_id,
    )


def _van_andere_dossiers(
    bestaand: dict[Kwartaal, Kwartaalstaat], dossier_id: int
) -> list[tuple[Kwartaal, int]]:
    """The quarters and typemodules other dossiers are switched to: they stay, whatever this
    dossier's change."""
    kwartalen_per_staat = {staat.pk: k for k, staat in bestaand.items()}
    anderen = ClientInzet.objects.filter(inzet=OuterRef("pk")).exclude(dossier_id=dossier_id)
    paren = (
        TypemoduleInzet.objects.filter(kwartaalstaat_id__in=kwartalen_per_staat)
        .filter(Exists(anderen))
        .values_list("kwartaalstaat_id", "typemodule_id")
    )
    return [(kwartalen_per_staat[staat_id], typemodule_id) for staat_id, typemodule_id in paren]


def _in_kwartalen(gevraagd: list[Kwartaal]) -> Q:
    condition = Q(pk__in=[])
    for k in gevraagd:
        condition |= Q(jaar=k.jaar, kwartaal=k.nummer)
    return condition


def _inzet_bijwerken(
    gewenst: dict[int, dict[int, set[int]]], *, nieuw: set[int], dossier_id: int | None
) -> None:
    """Per kwartaalstaat id the wanted typemodules with their dossiers (of one dossier: only its
    own cliëntinzet is read and changed)."""
    inzet = {
        (i.kwartaalstaat_id, i.typemodule_id): i
        for i in TypemoduleInzet.objects.filter(kwartaalstaat_id__in=gewenst)
    }
    wanted = {(s, t) for s, per_typemodule in gewenst.items() for t in per_typemodule}
    TypemoduleInzet.objects.filter(
        pk__in=[i.pk for key, i in inzet.items() if key not in wanted]
    ).delete()
    toegevoegd = [key for key in sorted(wanted) if key not in inzet]
    for item in TypemoduleInzet.objects.bulk_create(
        TypemoduleInzet(kwartaalstaat_id=s, typemodule_id=t) for s, t in toegevoegd
    ):
        inzet[(item.kwartaalstaat_id, item.typemodule_id)] = item
    # A sent kwartaal that gains a typemodule to register must be sent again (000 §12.2).
    vereist = _registratie_vereist(t for _, t in toegevoegd)
    opnieuw = {s for s, t in toegevoegd if t in vereist and s not in nieuw}
    Kwartaalstaat.objects.filter(pk__in=opnieuw, status=KwartaalStatus.VERZONDEN).update(
        status=KwartaalStatus.TE_VERZENDEN
    )

    bestaande_clienten = ClientInzet.objects.filter(inzet_id__in=[inzet[key].pk for key in wanted])
    if dossier_id is not None:
        bestaande_clienten = bestaande_clienten.filter(dossier_id=dossier_id)
    clienten = {
        (inzet_id, dossier): pk
        for pk, inzet_id, dossier in bestaande_clienten.values_list("pk", "inzet_id", "dossier_id")
    }
    gewenste_clienten = {
        (inzet[(staat, typemodule)].pk, dossier)
        for staat, per_typemodule in gewenst.items()
        for typemodule, dossiers in per_typemodule.items()
        for dossier in dossiers
    }
    ClientInzet.objects.filter(
        pk__in=[pk for key, pk in clienten.items() if key not in gewenste_clienten]
    ).delete()
    ClientInzet.objects.bulk_create(
        ClientInzet(inzet_id=i, dossier_id=d)
        for i, d in sorted(gewenste_clienten - clienten.keys())
    )


def schakelingen_gewijzigd(voorziening_id: int, dossier_id: int, perioden: list[Periode]) -> None:
    """The dossiers hook: the dossier's part of the quarters a schakeling left or entered is
    brought up to date."""
    vandaag = timezone.localdate()
    geraakt = {k for begin, einde in perioden for k in kwartalen(begin, einde, vandaag=vandaag)}
    kwartaalstaten_bijwerken(voorziening_id, geraakt, vandaag=vandaag, dossier_id=dossier_id)


def alle_kwartaalstaten_bijwerken(*, vandaag: datetime.date) -> int:
    """From scratch, for every voorziening: the nightly job (a new quarter begins while open
    schakelingen run on) and the repair of any drift. Returns the number of voorzieningen."""
    ids = list(Voorziening.objects.values_list("pk", flat=True))
    for voorziening_id in ids:
        regels = inzetregels(voorziening_id)
        geraakt = {k for r in regels for k in kwartalen(r.begin, r.einde, vandaag=vandaag)}
        geraakt |= {
            Kwartaal(jaar, nummer)
            for jaar, nummer in Kwartaalstaat.objects.filter(
                voorziening_id=voorziening_id
            ).values_list("jaar", "kwartaal")
        }
        kwartaalstaten_bijwerken(voorziening_id, geraakt, vandaag=vandaag)
    return len(ids)
