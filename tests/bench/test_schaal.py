"""The Flanders-sized dataset in miniature: what the generator writes keeps the promises the
application's own services keep, so the benchmarks measure the queries users get."""

import datetime

from django.db.models import Max, Min

from bench import schaal
from bezetting.engine.bezetting import bezetting
from bezetting.selectors import gegevens_overzicht, gegevens_per_voorziening
from binc.tenancy import all_voorzieningen
from dossiers.constants import DossierStatus
from dossiers.models import Dossier, Schakeling

VAN, TOT = datetime.date(2023, 1, 1), datetime.date(2023, 12, 31)


def test_the_scale_dataset_is_what_the_services_would_have_written(db):
    with all_voorzieningen():
        lijst = schaal._bouwen(voorzieningen=4, dossiers=400)
        dossiers = Dossier.alle.filter(voorziening__in=lijst).annotate(
            begin=Min("schakelingen__begindatum"), einde=Max("schakelingen__einddatum")
        )
        assert dossiers.count() == 400
        for dossier in dossiers:
            assert dossier.eerste_schakeling_begindatum == dossier.begin
            if dossier.status == DossierStatus.AFGESLOTEN:
                # dossiers.rules: a closed dossier's schakelingen all ended by its closing date.
                assert dossier.einde <= dossier.afgesloten_op
                assert not Schakeling.objects.filter(dossier=dossier, einddatum=None).exists()
        assert dossiers.filter(status=DossierStatus.OPEN).exists()
        assert dossiers.filter(status=DossierStatus.AFGESLOTEN).exists()

        sql = gegevens_overzicht(lijst, VAN, TOT)
        python = gegevens_per_voorziening(lijst, VAN, TOT)
    assert all(sql[v.pk].dossierdagen for v in lijst)
    for voorziening in lijst:
        codes = sorted({c.typemodule for c in python[voorziening.pk].capaciteit})
        assert codes
        assert bezetting(sql[voorziening.pk], VAN, TOT, codes) == bezetting(
            python[voorziening.pk], VAN, TOT, codes
        )
