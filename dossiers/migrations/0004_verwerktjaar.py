"""The processed years move from kwartaal to dossiers, beside the schakelingen they lock: the
table is taken over and renamed, so no row is lost."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0003_schakelingwijziging_append_only"),
        ("kwartaal", "0001_initial"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="VerwerktJaar",
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
                            "jaar",
                            models.PositiveSmallIntegerField(unique=True, verbose_name="jaar"),
                        ),
                        (
                            "verwerkt_op",
                            models.DateTimeField(auto_now_add=True, verbose_name="verwerkt op"),
                        ),
                    ],
                    options={
                        "verbose_name": "verwerkt jaar",
                        "verbose_name_plural": "verwerkte jaren",
                        "ordering": ["-jaar"],
                        "db_table": "kwartaal_verwerktjaar",
                    },
                ),
            ],
        ),
        migrations.AlterModelTable(name="verwerktjaar", table=None),
    ]
