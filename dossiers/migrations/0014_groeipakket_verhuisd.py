"""The Groeipakket feed moved to its own app (groeipakket 0001): its tables stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0013_geen_handleidingverwijzingen"),
        ("groeipakket", "0001_initial"),
    ]

    # Only Django's state forgets the models: the tables and rows are groeipakket's now.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="groeipakketbericht",
                    name="batch",
                ),
                migrations.RemoveField(
                    model_name="groeipakketbestand",
                    name="batch",
                ),
                migrations.RemoveField(
                    model_name="groeipakketbericht",
                    name="voorziening",
                ),
                migrations.DeleteModel(
                    name="GroeipakketBatch",
                ),
                migrations.DeleteModel(
                    name="GroeipakketBestand",
                ),
                migrations.DeleteModel(
                    name="GroeipakketBericht",
                ),
            ],
            database_operations=[],
        )
    ]
