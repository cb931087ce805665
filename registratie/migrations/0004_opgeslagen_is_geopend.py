"""Every saved registration form counts as opened (000 §17.2): forms saved without their page
being opened (through the API, the demo data) were left out of the reports."""

from django.db import migrations

FORMULIEREN = {
    "begin": "Beginregistratie",
    "einde": "Eindregistratie",
    "gezinssituatie": "Gezinssituatie",
    "traject": "Trajectinformatie",
}


def markeren(apps, schema_editor):
    geopend = apps.get_model("registratie", "Geopend")._meta.db_table
    for soort, naam in FORMULIEREN.items():
        formulier = apps.get_model("registratie", naam)._meta.db_table
        schema_editor.execute(
            f"INSERT INTO {geopend} (dossier_id, soort, eerst_geopend_op) "  # noqa: S608
            f"SELECT dossier_id, %s, now() FROM {formulier} "
            "ON CONFLICT (dossier_id, soort) DO NOTHING",
            [soort],
        )


class Migration(migrations.Migration):
    dependencies = [("registratie", "0003_dutch_messages")]

    operations = [migrations.RunPython(markeren, migrations.RunPython.noop)]
