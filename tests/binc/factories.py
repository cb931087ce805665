import datetime

import factory

from binc.constants import Functie, GoedkeuringStatus, Organisatietype, Provincie, Toegang
from binc.models import (
    Gebruiker,
    Medewerker,
    Module,
    ModuleGoedkeuring,
    Typemodule,
    Voorziening,
)


class TenantFactory(factory.django.DjangoModelFactory):
    """Test data for voorziening-owned models is written outside any tenancy context."""

    class Meta:
        abstract = True

    @classmethod
    def _get_manager(cls, model_class):
        return model_class._base_manager


class VoorzieningFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Voorziening
        django_get_or_create = ["erkenningsnummer"]

    naam = factory.Sequence(lambda n: f"Voorziening {n}")
    erkenningsnummer = factory.Sequence(lambda n: f"TST-{n:04d}")
    organisatietype = Organisatietype.OVBJ_VERBLIJF
    provincie = Provincie.ANTWERPEN

    class Params:
        ckg = factory.Trait(organisatietype=Organisatietype.CKG)
        pleegzorg = factory.Trait(organisatietype=Organisatietype.PLEEGZORG)


class GebruikerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Gebruiker
        django_get_or_create = ["username"]
        skip_postgeneration_save = True

    username = factory.Sequence(lambda n: f"gebruiker{n}")
    first_name = "Test"
    last_name = factory.Sequence(lambda n: f"Gebruiker {n}")
    password = factory.django.Password("geheim-wachtwoord")

    class Params:
        opgroeien = factory.Trait(is_staff=True)


class MedewerkerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Medewerker

    gebruiker = factory.SubFactory(GebruikerFactory)
    voorziening = factory.SubFactory(VoorzieningFactory)


class TypemoduleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Typemodule
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"typemodule-{n}")
    naam = factory.Sequence(lambda n: f"Typemodule {n}")
    functie = Functie.CONTEXTBEGELEIDING
    eenheid = "uur"


class ModuleFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Module
        django_get_or_create = ["code"]

    code = factory.Sequence(lambda n: f"TSTMOD{n:03d}")
    naam = factory.Sequence(lambda n: f"Module {n}")
    typemodule = factory.SubFactory(TypemoduleFactory)
    toegang = Toegang.NRTJ


class ModuleGoedkeuringFactory(TenantFactory):
    class Meta:
        model = ModuleGoedkeuring

    voorziening = factory.SubFactory(VoorzieningFactory)
    module = factory.SubFactory(ModuleFactory)
    status = GoedkeuringStatus.GOEDGEKEURD
    geldig_van = datetime.date(2020, 1, 1)
