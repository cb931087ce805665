"""The kwartaal forms are built from the kwartaalstaat: one field per typemodule, client or soort
it holds, so a posted id of anything else is simply not a field."""

from decimal import Decimal

from django import forms

from binc.constants import Functie
from dossiers.constants import OndersteunendeBegeleidingVorm
from kwartaal.models import TypemoduleInzet
from kwartaal.rules import telt_in_ckg_punten
from kwartaal.selectors import Rij
from lib.formvelden import VersieForm


def kort(waarde: Decimal | None) -> Decimal | None:
    """A stored figure (four decimals) with only the decimals it has: 24,75 and 217, not
    24,7500 and 217,0000."""
    return waarde.normalize() if waarde is not None else None


def _cijfer(label: str, help_text: str = "") -> forms.DecimalField:
    # localize: a Dutch user types 1,25.
    return forms.DecimalField(
        label=label, help_text=help_text, required=False, localize=True, max_digits=12
    )


class TotalenForm(VersieForm):
    """000 §12.2.1: the total per typemodule."""

    def __init__(self, *args, rijen: list[Rij], ckg: bool = False, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for rij in rijen:
            typemodule = rij.inzet.typemodule
            if typemodule.benutting_is_inzet:
                continue  # computed from the schakelingen, never entered
            name = f"totaal_{rij.inzet.pk}"
            hint = f"{rij.clienten} cliënt(en); {typemodule.get_afronding_display().lower()}."
            initial = kort(rij.inzet.totaal)
            if ckg and telt_in_ckg_punten(typemodule.functie, typemodule.ckg_punten or 0):
                # 000 §12.2.1: a CKG's mobile/ambulant work counts in begeleidingspunten.
                hint = "Telt voor een CKG in de begeleidingspunten: vul 0 in."
                initial = Decimal(0) if initial is None else initial
            self.fields[name] = _cijfer(
                f"{typemodule.naam} ({typemodule.get_eenheid_display()})", hint
            )
            self.initial.setdefault(name, initial)

    def totalen(self) -> dict[int, Decimal | None]:
        return {
            int(name.removeprefix("totaal_")): value
            for name, value in self.cleaned_data.items()
            if name.startswith("totaal_")
        }


class DetailForm(VersieForm):
    """000 §12.2.2: per client, or per soort for ondersteunende begeleiding, plus the
    niet-cliëntgebonden row where the typemodule has one."""

    bevestigd = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, inzet: TypemoduleInzet, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        typemodule = inzet.typemodule
        self.per_soort = typemodule.functie == Functie.ONDERSTEUNENDE_BEGELEIDING
        if self.per_soort:
            waarden = {s.soort: s.benutting for s in inzet.soorten.all()}
            for soort, label in OndersteunendeBegeleidingVorm.choices:
                self.fields[f"soort_{soort}"] = _cijfer(label)
                self.initial.setdefault(f"soort_{soort}", kort(waarden.get(soort)))
        else:
            for rij in inzet.clienten.all():
                client = rij.dossier.client
                # The dossier code tells clients of the same name apart.
                self.fields[f"client_{rij.pk}"] = _cijfer(
                    f"{client.naam} {client.voornaam} ({rij.dossier.code})"
                )
                self.initial.setdefault(f"client_{rij.pk}", kort(rij.benutting))
        if typemodule.niet_clientgebonden_inzet:
            self.fields["niet_clientgebonden"] = _cijfer("Niet-cliëntgebonden inzet")
            self.initial.setdefault("niet_clientgebonden", kort(inzet.niet_clientgebonden))

    def waarden(self) -> dict:
        data = self.cleaned_data
        return {
            "clienten": {
                int(k.removeprefix("client_")): v
                for k, v in data.items()
                if k.startswith("client_")
            },
            "soorten": {
                k.removeprefix("soort_"): v for k, v in data.items() if k.startswith("soort_")
            },
            "niet_clientgebonden": data.get("niet_clientgebonden"),
        }
