"""The activity log (000 §7) is append-only, in the database itself."""

import pytest
from django.db import DatabaseError, transaction

from binc.models import Activiteit
from binc.services.activiteiten import activiteit_log
from binc.tenancy import voorziening_context


@pytest.fixture
def entry(voorziening, medewerker):
    with voorziening_context(voorziening):
        return activiteit_log(
            voorziening=voorziening,
            gebruiker=medewerker,
            actie="test",
            omschrijving="Iets gebeurde",
            obj=voorziening,
            dossier_id=7,
        )


def test_log_records_who_what_when_and_which_object(entry, medewerker, voorziening):
    assert entry.gebruiker == medewerker
    assert entry.object_type == "binc.Voorziening"
    assert entry.object_id == voorziening.pk
    assert entry.dossier_id == 7
    assert entry.tijdstip is not None


def test_log_entries_cannot_be_changed(entry):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Activiteit._base_manager.filter(pk=entry.pk).update(omschrijving="herschreven")


def test_log_entries_cannot_be_deleted(entry):
    with pytest.raises(DatabaseError, match="append-only"), transaction.atomic():
        Activiteit._base_manager.filter(pk=entry.pk).delete()


def test_log_is_scoped_to_the_voorziening(entry, andere_voorziening):
    with voorziening_context(andere_voorziening):
        assert not Activiteit.objects.exists()
