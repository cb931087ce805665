import datetime

import factory

from kwartaal.models import Capaciteit, ClientInzet, Kwartaalstaat, TypemoduleInzet
from tests.binc.factories import TenantFactory, TypemoduleFactory, VoorzieningFactory
from tests.dossiers.factories import DossierFactory


class KwartaalstaatFactory(TenantFactory):
    class Meta:
        model = Kwartaalstaat

    voorziening = factory.SubFactory(VoorzieningFactory)
    # A different quarter each time: one kwartaalstaat per voorziening and quarter.
    jaar = factory.Sequence(lambda n: 2015 + n // 4 % 12)
    kwartaal = factory.Sequence(lambda n: n % 4 + 1)


class TypemoduleInzetFactory(TenantFactory):
    class Meta:
        model = TypemoduleInzet

    kwartaalstaat = factory.SubFactory(KwartaalstaatFactory)
    typemodule = factory.SubFactory(TypemoduleFactory)


class ClientInzetFactory(TenantFactory):
    class Meta:
        model = ClientInzet

    inzet = factory.SubFactory(TypemoduleInzetFactory)
    dossier = factory.LazyAttribute(
        lambda o: DossierFactory(voorziening=o.inzet.kwartaalstaat.voorziening)
    )


class CapaciteitFactory(TenantFactory):
    class Meta:
        model = Capaciteit

    voorziening = factory.SubFactory(VoorzieningFactory)
    typemodule = factory.SubFactory(TypemoduleFactory)
    geldig_van = datetime.date(2016, 1, 1)
    erkende_capaciteit = 10
