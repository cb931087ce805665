from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0009_dutch_messages"),
        ("binc", "0011_audit_geen_truncate"),
    ]

    # The schakeling history feeds the Groeipakket: append-only like the core's audit tables.
    operations = [
        migrations.RunSQL(
            "CREATE TRIGGER dossiers_schakelingwijziging_geen_truncate BEFORE TRUNCATE "
            "ON dossiers_schakelingwijziging FOR EACH STATEMENT "
            "EXECUTE FUNCTION binc_geen_truncate();",
            "DROP TRIGGER dossiers_schakelingwijziging_geen_truncate "
            "ON dossiers_schakelingwijziging;",
        )
    ]
