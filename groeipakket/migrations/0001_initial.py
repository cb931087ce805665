"""The feed's tables move from dossiers to this app without touching a row: first only Django's
state takes them over (they keep their names), then 0002 renames them."""

import uuid

import django.contrib.postgres.fields
import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("binc", "0013_geen_handleidingverwijzingen"),
        # The tables were made by dossiers' migrations: they exist, with their rows.
        ("dossiers", "0013_geen_handleidingverwijzingen"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="GroeipakketBatch",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "aangemaakt_op",
                            models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt op"),
                        ),
                        ("dag", models.DateField(db_index=True, verbose_name="dag")),
                        (
                            "aantal",
                            models.PositiveIntegerField(default=0, verbose_name="aantal berichten"),
                        ),
                    ],
                    options={
                        "db_table": "dossiers_groeipakketbatch",
                        "verbose_name": "Groeipakket-batch",
                        "verbose_name_plural": "Groeipakket-batches",
                        "ordering": ["-aangemaakt_op"],
                    },
                ),
                migrations.CreateModel(
                    name="GroeipakketBestand",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "soort",
                            models.CharField(
                                choices=[
                                    ("verzonden", "Verzonden batch (XML)"),
                                    ("antwoord", "Antwoordbestand"),
                                ],
                                max_length=10,
                                verbose_name="soort",
                            ),
                        ),
                        ("naam", models.CharField(max_length=255, verbose_name="bestandsnaam")),
                        (
                            "bestand",
                            models.FileField(
                                max_length=255, upload_to="groeipakket/", verbose_name="bestand"
                            ),
                        ),
                        (
                            "aangemaakt_op",
                            models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt op"),
                        ),
                        (
                            "batch",
                            models.ForeignKey(
                                blank=True,
                                null=True,
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="bestanden",
                                to="groeipakket.groeipakketbatch",
                                verbose_name="batch",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "dossiers_groeipakketbestand",
                        "verbose_name": "Groeipakket-bestand",
                        "verbose_name_plural": "Groeipakket-bestanden",
                        "ordering": ["-aangemaakt_op", "-id"],
                    },
                ),
                migrations.CreateModel(
                    name="GroeipakketBericht",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        (
                            "bericht_id",
                            models.UUIDField(
                                default=uuid.uuid4,
                                editable=False,
                                unique=True,
                                verbose_name="bericht-id",
                            ),
                        ),
                        (
                            "dossier_id",
                            models.BigIntegerField(db_index=True, verbose_name="dossier-id"),
                        ),
                        (
                            "dossier_code",
                            models.CharField(
                                db_index=True, max_length=30, verbose_name="dossiercode"
                            ),
                        ),
                        (
                            "schakeling_id",
                            models.BigIntegerField(db_index=True, verbose_name="schakeling-id"),
                        ),
                        (
                            "actie",
                            models.CharField(
                                choices=[
                                    ("aanmaak", "Aanmaak"),
                                    ("wijziging", "Wijziging"),
                                    ("annulering", "Annulering"),
                                ],
                                max_length=12,
                                verbose_name="actie",
                            ),
                        ),
                        ("inhoud", models.JSONField(verbose_name="inhoud")),
                        (
                            "wijzigingen",
                            django.contrib.postgres.fields.ArrayField(
                                base_field=models.BigIntegerField(),
                                size=None,
                                verbose_name="wijzigingen",
                            ),
                        ),
                        (
                            "status",
                            models.CharField(
                                choices=[
                                    ("wachtrij", "Wacht op verzending"),
                                    ("verzonden", "Verzonden"),
                                    ("aanvaard", "Aanvaard"),
                                    ("geweigerd", "Geweigerd"),
                                    ("mislukt", "Mislukt"),
                                ],
                                db_index=True,
                                default="wachtrij",
                                max_length=12,
                                verbose_name="status",
                            ),
                        ),
                        (
                            "pogingen",
                            models.PositiveSmallIntegerField(default=0, verbose_name="pogingen"),
                        ),
                        (
                            "volgende_poging_op",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="volgende poging op"
                            ),
                        ),
                        ("reden", models.TextField(blank=True, verbose_name="reden")),
                        (
                            "verzonden_op",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="verzonden op"
                            ),
                        ),
                        (
                            "beantwoord_op",
                            models.DateTimeField(
                                blank=True, null=True, verbose_name="beantwoord op"
                            ),
                        ),
                        (
                            "aangemaakt_op",
                            models.DateTimeField(auto_now_add=True, verbose_name="aangemaakt op"),
                        ),
                        (
                            "batch",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="berichten",
                                to="groeipakket.groeipakketbatch",
                                verbose_name="batch",
                            ),
                        ),
                        (
                            "voorziening",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.PROTECT,
                                related_name="+",
                                to="binc.voorziening",
                                verbose_name="voorziening",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "dossiers_groeipakketbericht",
                        "verbose_name": "Groeipakket-bericht",
                        "verbose_name_plural": "Groeipakket-berichten",
                        "ordering": ["-aangemaakt_op", "-id"],
                        "indexes": [
                            models.Index(
                                fields=["status", "volgende_poging_op"], name="bericht_relay"
                            )
                        ],
                    },
                ),
            ],
            database_operations=[],
        )
    ]
