"""The feed's tables moved from dossiers to groeipakket without losing a row: a database with
messages in it, at the migration before the move, migrates forward and keeps them all."""

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

VOOR = [("dossiers", "0013_geen_handleidingverwijzingen"), ("groeipakket", None)]


def _naar(doel):
    executor = MigrationExecutor(connection)
    executor.migrate(doel)
    executor.loader.build_graph()
    return executor.loader.project_state([d for d in doel if d[1] is not None]).apps


@pytest.mark.django_db(transaction=True)
def test_migrating_forward_keeps_every_batch_message_and_file():
    apps = _naar(VOOR)
    Voorziening = apps.get_model("binc", "Voorziening")
    Batch = apps.get_model("dossiers", "GroeipakketBatch")
    Bericht = apps.get_model("dossiers", "GroeipakketBericht")
    voorziening = Voorziening.objects.create(
        naam="Verhuis", erkenningsnummer="VH-1", organisatietype="ovbj", provincie="antwerpen"
    )
    batch = Batch.objects.create(dag="2026-03-16", aantal=2)
    for nummer in (1, 2):
        Bericht.objects.create(
            batch=batch,
            voorziening=voorziening,
            dossier_id=nummer,
            dossier_code=f"BNC_{nummer}",
            schakeling_id=nummer,
            actie="aanmaak",
            inhoud={"nummer": nummer},
            wijzigingen=[nummer],
        )

    executor = MigrationExecutor(connection)
    executor.migrate(executor.loader.graph.leaf_nodes())

    from groeipakket.models import GroeipakketBatch, GroeipakketBericht

    (na,) = GroeipakketBatch.objects.all()
    assert (na.pk, na.aantal) == (batch.pk, 2)
    berichten = GroeipakketBericht._base_manager.order_by("dossier_id")
    assert [(b.dossier_code, b.inhoud, b.batch_id) for b in berichten] == [
        ("BNC_1", {"nummer": 1}, batch.pk),
        ("BNC_2", {"nummer": 2}, batch.pk),
    ]
    tabellen = connection.introspection.table_names()
    assert "groeipakket_groeipakketbericht" in tabellen
    assert "dossiers_groeipakketbericht" not in tabellen
