"""VerwerktJaar now lives in dossiers (its 0004 took the table over): only the state goes."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("kwartaal", "0001_initial"),
        ("dossiers", "0004_verwerktjaar"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[migrations.DeleteModel(name="VerwerktJaar")],
        ),
    ]
