"""Benchmark of the occupancy engine on the Flanders-sized dataset (`bench.schaal`, built on
first use in its own database): bezetting for one year of the largest voorziening, of every
voorziening at once against a bare sweep-line SQL over the same rows, and the live preview."""

import datetime
from typing import TYPE_CHECKING, cast

from django.conf import settings
from django.contrib.sessions.backends.base import SessionBase
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from django_htmx.middleware import HtmxDetails

from bench import schaal
from bench.schaal import meten
from bezetting.engine.bezetting import bezetting
from bezetting.engine.model import Module, Schakeling
from bezetting.selectors import gegevens_overzicht
from bezetting.uitsplitsing import bezetting_opbouw_scherm
from bezetting.views import bezetting_trend, staafdiagram
from bezetting.voorbeeld import voorbeeld_rijen
from bezetting.weergave import bezetting_rijen
from binc.access import MedewerkerRequest
from binc.models import Gebruiker
from binc.tenancy import all_voorzieningen, voorziening_context
from lib.databank import met_werkgeheugen

if TYPE_CHECKING:
    from bench.schaal import Gemeten

VAN, TOT = datetime.date(2024, 1, 1), datetime.date(2024, 12, 31)
SWEEP_SQL = """
WITH actief AS (
    SELECT d.voorziening_id, m.typemodule_id, s.dossier_id,
           greatest(s.begindatum, %(van)s) AS b, least(coalesce(s.einddatum, %(tot)s), %(tot)s) AS e
    FROM dossiers_schakeling s
    JOIN dossiers_dossier d ON d.id = s.dossier_id
    JOIN dossiers_schakelingmodule sm ON sm.schakeling_id = s.id
    JOIN binc_module m ON m.id = sm.module_id
    WHERE s.begindatum <= %(tot)s AND coalesce(s.einddatum, %(tot)s) >= %(van)s
), ev AS (
    SELECT voorziening_id, typemodule_id, b AS dag, 1 AS d FROM actief
    UNION ALL SELECT voorziening_id, typemodule_id, e + 1, -1 FROM actief
)
SELECT voorziening_id, typemodule_id, sum(d) FROM ev GROUP BY voorziening_id, typemodule_id
"""


class Command(BaseCommand):
    help = "Meet de bezettingsmotor op een dataset ter grootte van Vlaanderen."

    def add_arguments(self, parser):
        parser.add_argument("--voorzieningen", type=int, default=200)
        parser.add_argument("--dossiers", type=int, default=1_000_000)

    def handle(self, *args, voorzieningen, dossiers, **options):
        if not settings.DEBUG:
            raise CommandError("bench_bezetting draait enkel met DEBUG aan (ontwikkelomgeving).")
        with schaal.eigen_databank() as naam, all_voorzieningen():
            lijst = schaal.aanwezig_of_opbouwen(
                voorzieningen=voorzieningen, dossiers=dossiers, stdout=self.stdout
            )
            n = sum(v.n for v in lijst)
            self.stdout.write(
                f"Databank {naam}: {len(lijst)} voorzieningen, {n:,} dossiers, {3 * n:,} "
                "schakelingen."
            )
            self._meten(lijst)

    def _opbouw(self, grootste: "Gemeten") -> None:
        """A figure's breakdown, one typemodule over one year of the largest voorziening, the
        page as a person gets it (rendered); and what the charts add to the bezetting page."""
        gegevens = gegevens_overzicht([grootste], VAN, TOT)[grootste.pk]
        codes = sorted({c.typemodule for c in gegevens.capaciteit})
        vraag = {"van": VAN.isoformat(), "tot": TOT.isoformat(), "alle": "on"}
        verzoek = cast(
            MedewerkerRequest, RequestFactory().get("/", {**vraag, "rij": "cb-laagintensief"})
        )
        verzoek.user = Gebruiker.objects.get(username="schaal")
        verzoek.voorziening = grootste
        verzoek.session = SessionBase()
        with voorziening_context(grootste):
            with CaptureQueriesContext(connection) as queries:
                antwoord = bezetting_opbouw_scherm(verzoek)
            regels = antwoord.content.count(b"<tr>")
            duur, _ = meten(lambda: bezetting_opbouw_scherm(verzoek), 5)
            self.stdout.write(
                f"Opbouw van één typemodule, één jaar, grootste voorziening ({regels:,} "
                f"tabelrijen): {duur:.0f} ms (mediaan), {len(queries)} queries"
            )
            resultaat = bezetting(gegevens, VAN, TOT, codes)
            rijen = bezetting_rijen(resultaat, {})
            staaf, _ = meten(lambda: staafdiagram(rijen), 5)
            trend = cast(
                MedewerkerRequest,
                RequestFactory().get("/", vraag, headers={"HX-Request": "true"}),
            )
            trend.user, trend.voorziening, trend.session = verzoek.user, grootste, SessionBase()
            trend.htmx = HtmxDetails(trend)
            per_maand, _ = meten(lambda: bezetting_trend(trend), 5)
        self.stdout.write(
            f"De grafieken op de bezettingspagina: +{staaf:.1f} ms (mediaan); het verloop per "
            f"maand, geladen na de pagina: {per_maand:.0f} ms (mediaan)"
        )

    def _meten(self, lijst: "list[Gemeten]") -> None:
        grootste = lijst[0]

        def een():
            gegevens = gegevens_overzicht([grootste], VAN, TOT)[grootste.pk]
            codes = sorted({c.typemodule for c in gegevens.capaciteit})
            return bezetting(gegevens, VAN, TOT, codes)

        self.stdout.write(
            f"Eén jaar, alle typemodules, grootste voorziening ({grootste.n:,} dossiers): "
            f"{meten(een, 5)[0]:.0f} ms (mediaan)"
        )

        self._opbouw(grootste)

        dossier = grootste.dossiers.order_by("pk").first()
        assert dossier is not None  # every voorziening of the dataset has dossiers
        nieuw = Schakeling(
            id="nieuw",
            dossier=str(dossier.pk),
            begin=datetime.date(2024, 2, 1),
            einde=None,
            modules=(Module("BEGBJB02", "cb-laagintensief"),),
        )
        kwartaal = (datetime.date(2024, 1, 1), datetime.date(2024, 3, 31))
        voorbeeld, _ = meten(
            lambda: voorbeeld_rijen(grootste, dossier.pk, nieuw, None, kwartaal), 5
        )
        self.stdout.write(
            "Live voorbeeld bij een schakeling in de grootste voorziening: "
            f"{voorbeeld:.0f} ms (mediaan)"
        )

        def alle():
            per = gegevens_overzicht(lijst, VAN, TOT)
            for gegevens in per.values():
                codes = sorted({c.typemodule for c in gegevens.capaciteit})
                bezetting(gegevens, VAN, TOT, codes)

        def sweep():
            # With the engine's memory, so only the work differs.
            with met_werkgeheugen() as c:
                c.execute(SWEEP_SQL, {"van": VAN, "tot": TOT})
                c.fetchall()

        self.stdout.write(
            f"Alle {len(lijst)} voorzieningen, één jaar: motor {meten(alle, 3)[0]:.0f} ms, "
            f"kale sweep-SQL {meten(sweep, 3)[0]:.0f} ms"
        )
