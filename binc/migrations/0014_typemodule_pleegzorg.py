"""Which typemodules are pleegzorg is a property of the catalogue (000 §4.2.7), not of a code
prefix: the pleegzorg services' typemodules, behandelpleegzorg included."""

from django.db import migrations, models

PLEEGZORG = [
    "pleeggezin-perspectiefzoekend",
    "pleeggezin-perspectiefbiedend",
    "pleeggezin-ondersteunend",
    "behandelpleegzorg",
    "begeleiding-pleeggezinnen",
]


def markeren(apps, schema_editor):
    Typemodule = apps.get_model("binc", "Typemodule")
    Typemodule.objects.filter(code__in=PLEEGZORG).update(pleegzorg=True)


class Migration(migrations.Migration):
    dependencies = [("binc", "0013_geen_handleidingverwijzingen")]

    operations = [
        migrations.AddField(
            model_name="typemodule",
            name="pleegzorg",
            field=models.BooleanField(
                default=False,
                help_text="De cliënt verblijft met deze typemodule in een pleeggezin (verblijf "
                "in een pleeggezin, behandelpleegzorg, begeleiding voor pleeggezinnen): een "
                "voorziening met verblijf mag dan nooit 'zwaartepunt verblijf elders' aanvinken.",
                verbose_name="pleegzorg",
            ),
        ),
        migrations.RunPython(markeren, migrations.RunPython.noop),
    ]
