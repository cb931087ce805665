"""Benchmark of the work lists on the Flanders-sized dataset (`bench.schaal`, built on first
use in its own database): what the counts add to the start page of the largest voorziening,
its full 'Werklijst', and Opgroeien's list of every voorziening.

Beside the dataset's own dossiers (their beginregistraties, beslissingen, schakelingen and
care that ended), it adds, in a transaction that is rolled back, the rest of a working year:
eleven kwartalen per voorziening in every status, reopen requests, received and bounced
documents and refused Groeipakket messages."""

import datetime
import uuid
from collections.abc import Sequence
from functools import partial

from django.conf import settings
from django.contrib.auth.models import Group
from django.core.management.base import BaseCommand, CommandError
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from bench import schaal
from bench.schaal import meten
from binc import werk
from binc.constants import OpgroeienRol
from binc.models import Gebruiker, Medewerker, Voorziening
from binc.roles import opgroeien_roles_ensure
from binc.tenancy import SESSION_KEY, all_voorzieningen, voorziening_context
from documenten.constants import MAX_MAILPOGINGEN, MailStatus
from documenten.models import Deling, Document
from dossiers.constants import DossierStatus
from dossiers.models import Dossier, HeropenAanvraag
from groeipakket.constants import BerichtActie, BerichtStatus
from groeipakket.models import GroeipakketBatch, GroeipakketBericht
from kwartaal.constants import KwartaalStatus
from kwartaal.models import Kwartaalstaat

# Eleven quarters from 2024 to the third of 2026, as a year's work leaves them.
KWARTALEN = [
    *((2024, k, KwartaalStatus.VERWERKT) for k in (1, 2, 3, 4)),
    (2025, 1, KwartaalStatus.VERZONDEN),
    (2025, 2, KwartaalStatus.HEROPEND),
    (2025, 3, KwartaalStatus.VERZONDEN),
    (2025, 4, KwartaalStatus.OPEN),
    (2026, 1, KwartaalStatus.VERZONDEN),
    (2026, 2, KwartaalStatus.TE_VERZENDEN),
    (2026, 3, KwartaalStatus.OPEN),
]


class Rollback(Exception):
    pass


class Command(BaseCommand):
    help = "Meet de werklijsten op een dataset ter grootte van Vlaanderen."

    def add_arguments(self, parser):
        parser.add_argument("--herhalingen", type=int, default=15)

    def handle(self, *args, herhalingen, **options):
        if not settings.DEBUG:
            raise CommandError("bench_werk draait enkel met DEBUG aan (ontwikkelomgeving).")
        with schaal.eigen_databank() as naam, all_voorzieningen():
            lijst = schaal.aanwezig_of_opbouwen(voorzieningen=200, dossiers=1_000_000)
            self.stdout.write(f"Databank {naam}: {len(lijst)} voorzieningen.")
            try:
                with transaction.atomic():
                    self._meten(lijst, herhalingen)
                    raise Rollback
            except Rollback:
                self.stdout.write("De toegevoegde werkgegevens werden teruggedraaid.")

    def _meten(self, lijst: Sequence[Voorziening], herhalingen: int) -> None:
        grootste = lijst[0]
        medewerker = Gebruiker.objects.create(username=f"bench-werk-{uuid.uuid4().hex[:8]}")
        Medewerker.objects.create(gebruiker=medewerker, voorziening=grootste)
        opgroeien_roles_ensure()
        staf = Gebruiker.objects.create(
            username=f"bench-opgroeien-{uuid.uuid4().hex[:8]}", is_staff=True
        )
        staf.groups.add(*Group.objects.filter(name__in=OpgroeienRol.values))
        self._werk_toevoegen(lijst, medewerker)

        vandaag = timezone.localdate()
        with voorziening_context(grootste):
            context = werk.Werkcontext(vandaag, medewerker, grootste)
            items = werk.werklijst(context, werk.Doelgroep.VOORZIENING)

            def tellen():
                gevonden = werk.werklijst(context, werk.Doelgroep.VOORZIENING)
                return werk.tellingen(gevonden, gebruiker_id=medewerker.pk, vandaag=vandaag)

            mediaan, hoogste = meten(tellen, herhalingen)
            per_soort_ms = {
                s.sleutel: meten(partial(s.items, context), herhalingen)[0]
                for s in werk.soorten(werk.Doelgroep.VOORZIENING)
            }
        per_soort = {s: sum(1 for i in items if i.soort == s) for s in {i.soort for i in items}}
        self.stdout.write(f"{grootste.naam}: {len(items)} items {dict(sorted(per_soort.items()))}")
        self.stdout.write(
            f"{'tellingen berekenen':45s} mediaan {mediaan:6.1f} ms (max {hoogste:6.1f} ms)"
        )
        self.stdout.write(
            "  per soort: " + ", ".join(f"{k} {v:.1f} ms" for k, v in per_soort_ms.items())
        )
        self._pagina(medewerker, grootste, "/werk/", "volledige werklijst", 150, herhalingen)
        self._pagina(medewerker, grootste, "/", "startpagina (tellingen volgen)", None, herhalingen)
        self._pagina(
            medewerker, grootste, "/werk/tellingen/", "tellingen na de startpagina", 20, herhalingen
        )
        with all_voorzieningen():
            aantal = len(werk.werklijst(werk.Werkcontext(vandaag, staf), werk.Doelgroep.OPGROEIEN))
        self.stdout.write(f"Opgroeien: {aantal} items over {len(lijst)} voorzieningen")
        self._pagina(staf, None, "/opgroeien/werk/", "werklijst Opgroeien", 1000, herhalingen)

    def _pagina(self, gebruiker, voorziening, url, label, doel, herhalingen) -> None:
        client = Client()
        client.force_login(gebruiker)
        if voorziening is not None:
            session = client.session
            session[SESSION_KEY] = voorziening.pk
            session.save()
        queries = []

        def opvragen():
            with CaptureQueriesContext(connection) as gevangen:
                response = client.get(url, HTTP_HOST="127.0.0.1")
            assert response.status_code == 200, response.status_code
            queries.append(len(gevangen))

        mediaan, hoogste = meten(opvragen, herhalingen)
        self.stdout.write(
            f"{label:45s} mediaan {mediaan:6.1f} ms (max {hoogste:6.1f} ms, {queries[-1]} "
            f"queries{f'; doel {doel} ms' if doel else ''})"
        )

    def _werk_toevoegen(self, lijst: Sequence[Voorziening], medewerker: Gebruiker) -> None:
        nu = timezone.now()
        Kwartaalstaat.objects.filter(voorziening__in=lijst).delete()
        Kwartaalstaat.objects.bulk_create(
            Kwartaalstaat(
                voorziening=v,
                jaar=jaar,
                kwartaal=k,
                status=status,
                verzonden_op=nu if status != KwartaalStatus.OPEN else None,
                verwerkt_op=nu if status == KwartaalStatus.VERWERKT else None,
            )
            for v in lijst
            for jaar, k, status in KWARTALEN
        )
        # Per voorziening two pending reopen requests, of dossiers closed more than a year ago.
        afgesloten = []
        for v in lijst:
            afgesloten += list(
                Dossier.objects.filter(voorziening=v, status=DossierStatus.AFGESLOTEN).values_list(
                    "pk", "behandelaar_id"
                )[:2]
            )
        HeropenAanvraag.objects.bulk_create(
            HeropenAanvraag(dossier_id=pk, aangevraagd_door_id=door) for pk, door in afgesloten
        )
        batch = GroeipakketBatch.objects.create(dag=timezone.localdate() - datetime.timedelta(1))
        GroeipakketBericht.objects.bulk_create(
            GroeipakketBericht(
                batch=batch,
                voorziening=lijst[i % len(lijst)],
                dossier_id=i,
                dossier_code=f"BENCH_{i}",
                schakeling_id=i,
                actie=BerichtActie.AANMAAK,
                inhoud={},
                wijzigingen=[i],
                status=BerichtStatus.GEWEIGERD if i % 2 else BerichtStatus.MISLUKT,
                reden="rijksregisternummer onbekend",
            )
            for i in range(1000)
        )
        # The largest voorziening received 300 documents this month, none opened yet; one in
        # ten e-mails bounced.
        grootste = lijst[0]
        documenten = Document.objects.bulk_create(
            Document(
                afzender=medewerker,
                afzender_voorziening=lijst[1 + i % (len(lijst) - 1)],
                bestandsnaam=f"verslag-{i}.pdf",
                opslagnaam=f"bench-{uuid.uuid4().hex}",
                grootte=1000,
            )
            for i in range(300)
        )
        Deling.objects.bulk_create(
            Deling(
                document=document,
                ontvanger_voorziening=grootste,
                naam="Directie",
                email="directie@voorziening.example",
                delen_tot=timezone.localdate() + datetime.timedelta(days=i % 30),
                mail_status=MailStatus.MISLUKT if i % 10 == 0 else MailStatus.VERZONDEN,
                mail_pogingen=MAX_MAILPOGINGEN,
            )
            for i, document in enumerate(documenten)
        )
        with connection.cursor() as c:
            c.execute("ANALYZE")
