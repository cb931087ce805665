"""The dossiers app's forms, by screen."""

from dossiers.forms.clients import (
    ClientExtraForm,
    ClientWijzigenForm,
    ContextPersoonForm,
    KoppelenForm,
    OngeborenForm,
    RijksregisterZoekForm,
)
from dossiers.forms.common import ONGELDIG_NUMMER, rijksregisternummer_clean
from dossiers.forms.dossiers import (
    AanmeldingForm,
    AanmeldingWijzigenForm,
    DossierZoekForm,
    OverdragenForm,
)
from dossiers.forms.zorg import (
    PLEEGZORGER_ONVOLLEDIG,
    AfsluitenForm,
    BeslissingForm,
    BeslissingWijzigenForm,
    EinddatumForm,
    ModuleChoiceField,
    SchakelingForm,
    SchakelingFormulier,
    bestaande_schakeling,
    nieuwe_schakeling,
    schakeling_initial,
)

__all__ = [
    "ONGELDIG_NUMMER",
    "PLEEGZORGER_ONVOLLEDIG",
    "AanmeldingForm",
    "AanmeldingWijzigenForm",
    "AfsluitenForm",
    "BeslissingForm",
    "BeslissingWijzigenForm",
    "ClientExtraForm",
    "ClientWijzigenForm",
    "ContextPersoonForm",
    "DossierZoekForm",
    "EinddatumForm",
    "KoppelenForm",
    "ModuleChoiceField",
    "OngeborenForm",
    "OverdragenForm",
    "RijksregisterZoekForm",
    "SchakelingForm",
    "SchakelingFormulier",
    "bestaande_schakeling",
    "nieuwe_schakeling",
    "rijksregisternummer_clean",
    "schakeling_initial",
]
