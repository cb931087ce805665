"""The answer lists of the registration forms: the values the manuals give, realistic ones
where they give none. Maintained afterwards in the Opgroeien area."""

from django.db import migrations

LISTS = {
    "dagbesteding": [
        "Kleuteronderwijs",
        "Lager onderwijs",
        "Secundair onderwijs (voltijds)",
        "Deeltijds onderwijs en werkplekleren",
        "Buitengewoon onderwijs",
        "Hoger onderwijs",
        "Werk",
        "Werkzoekend",
        "Dagbesteding of dagcentrum (VAPH)",
        "Geen gestructureerde dagbesteding",
        "Nog niet schoolplichtig, opvang",
        "Andere",
    ],
    "opleidingsniveau": [
        "Kleuteronderwijs",
        "Lager onderwijs (gewoon)",
        "Lager onderwijs (buitengewoon)*",
        "Secundair onderwijs ASO",
        "Secundair onderwijs TSO/KSO",
        "Secundair onderwijs BSO",
        "Secundair onderwijs (buitengewoon)*",
        "Deeltijds beroepssecundair onderwijs",
        "Hoger onderwijs",
        "Nooit ingeschreven",
    ],
    "gezinssituatie": [
        "Beide ouders samen",
        "Eénoudergezin (moeder)",
        "Eénoudergezin (vader)",
        "Nieuw samengesteld gezin",
        "Co-ouderschap (verblijf bij beide ouders)",
        "Familie of netwerk",
        "Woont alleen",
        "Leefgroep of voorziening",
        "Andere",
    ],
    "arbeidssituatie": [
        "Inkomen uit arbeid",
        "Werkloosheidsuitkering",
        "Leefloon",
        "Ziekte- of invaliditeitsuitkering",
        "Pensioen",
        "Geen inkomen",
        "Onbekend",
        "Andere",
    ],
    "opleidingsniveau_ouders": [
        "Geen diploma of lager onderwijs",
        "Lager secundair onderwijs",
        "Hoger secundair onderwijs",
        "Hoger onderwijs",
        "Onbekend",
    ],
    "thuistaal": [
        "Nederlands",
        "Frans",
        "Engels",
        "Arabisch",
        "Turks",
        "Berbers",
        "Roemeens",
        "Pools",
        "Andere",
    ],
    "gelijktijdig_aanbod": [
        "Geen",
        "Contextbegeleiding",
        "Dagbegeleiding in groep",
        "Verblijf",
        "Pleegzorg",
        "Diagnostiek",
        "Behandeling (o.a. kinder- en jeugdpsychiatrie)",
        "Ondersteuning VAPH",
        "Andere",
    ],
    "samenwerking": [
        "Geen samenwerking",
        "CAW",
        "CGG",
        "OCMW",
        "Kind en Gezin",
        "CLB",
        "VAPH",
        "Kinder- en jeugdpsychiatrie",
        "Huisarts",
        "Justitie of politie",
        "Onderwijs",
        "Werk (VDAB)",
        "Andere sector",
    ],
    "reden_einde": [
        "Doelstellingen bereikt",
        "Beslissing werd niet verlengd",
        "Doorverwijzing naar ander aanbod",
        "Verhuis",
        "Meerderjarigheid",
        "Stopzetting door cliënt of context",
        "Stopzetting door de voorziening",
        "Weglopen",
        "Andere",
    ],
    "aangewezen_hulp": [
        "Geen vervolghulp nodig",
        "Binnen Jeugdhulp Opgroeien",
        "Buiten Jeugdhulp (welzijn of gezondheid)",
        "Binnen en buiten Jeugdhulp",
    ],
    "oooc_advies": [
        "Terug naar huis zonder hulp",
        "Terug naar huis met contextbegeleiding",
        "Verblijf in een voorziening",
        "Pleegzorg",
        "Kinder- en jeugdpsychiatrie",
        "VAPH",
        "Andere",
    ],
}


def load(apps, schema_editor):
    Antwoord = apps.get_model("registratie", "Antwoord")
    from django.utils.text import slugify

    for lijst, labels in LISTS.items():
        for volgorde, label in enumerate(labels, start=1):
            buitengewoon = label.endswith("*")
            label = label.rstrip("*")
            Antwoord.objects.update_or_create(
                lijst=lijst,
                code=slugify(label)[:40],
                defaults={
                    "label": label,
                    "volgorde": volgorde,
                    "buitengewoon_onderwijs": buitengewoon,
                },
            )


class Migration(migrations.Migration):
    dependencies = [("registratie", "0001_initial")]

    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
