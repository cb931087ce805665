from collections.abc import Iterable
from typing import cast

from django import forms
from django.contrib.auth.forms import AuthenticationForm
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db.models import Model
from django.forms.renderers import TemplatesSetting

from binc.models import Voorziening
from binc.selectors import voorzieningen_of
from lib.formvelden import Keuzerondjes


class BincFormRenderer(TemplatesSetting):
    """Every form renders the same way: an error summary above the form that links to each
    field, a '*' on mandatory fields, the manual's help behind a help icon, and errors at the
    field (Django wires aria-invalid and aria-describedby to them)."""

    form_template_name = "forms/form.html"
    field_template_name = "forms/field.html"


class LoginForm(AuthenticationForm):
    error_messages = {
        "invalid_login": "Gebruikersnaam en wachtwoord horen niet bij elkaar. Let op het "
        "verschil tussen hoofdletters en kleine letters.",
        "inactive": "Deze gebruiker is niet meer actief.",
    }

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["username"].label = "Gebruikersnaam"
        self.fields["username"].error_messages["required"] = "Vul je gebruikersnaam in."
        self.fields["password"].label = "Wachtwoord"
        self.fields["password"].error_messages["required"] = "Vul je wachtwoord in."


class KiesVoorzieningForm(forms.Form):
    voorziening = forms.ModelChoiceField(
        label="Voorziening",
        queryset=Voorziening.objects.none(),
        widget=Keuzerondjes,
        empty_label=None,
        error_messages={
            "required": "Kies de voorziening waarvoor je wil registreren.",
            "invalid_choice": "Je bent geen medewerker van deze voorziening.",
        },
    )

    def __init__(self, *args, gebruiker, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.voorzieningen = voorzieningen_of(gebruiker=gebruiker)
        cast(forms.ModelChoiceField, self.fields["voorziening"]).queryset = self.voorzieningen


class ModuleFilterForm(forms.Form):
    zoek = forms.CharField(
        label="Zoek op code of naam",
        required=False,
        max_length=100,
        help_text="Een deel van de modulecode of van de naam van de module of typemodule.",
    )
    alleen_actief = forms.BooleanField(label="Enkel actieve modules", required=False, initial=True)


class BeperkingBijVeld:
    """ModelForm mixin: a database rule the answers break is shown at the field it is about
    (Meta.beperking_velden: constraint name -> field), with the constraint's Dutch message."""

    def _update_errors(self, errors: ValidationError) -> None:
        velden = getattr(self.Meta, "beperking_velden", {})  # type: ignore[attr-defined]
        berichten = {
            str(c.get_violation_error_message()): velden[c.name]
            for c in self._meta.model._meta.constraints  # type: ignore[attr-defined]
            if c.name in velden
        }
        if hasattr(errors, "error_dict") and NON_FIELD_ERRORS in errors.error_dict:
            rest = []
            for fout in errors.error_dict[NON_FIELD_ERRORS]:
                veld = berichten.get(" ".join(fout.messages))
                if veld is not None and veld in self.fields:  # type: ignore[attr-defined]
                    errors.error_dict.setdefault(veld, []).append(fout)
                else:
                    rest.append(fout)
            errors.error_dict[NON_FIELD_ERRORS] = rest
            if not rest:
                del errors.error_dict[NON_FIELD_ERRORS]
        super()._update_errors(errors)  # type: ignore[misc]


def keuzes_uit(field: forms.ModelChoiceField, objecten: Iterable[Model]) -> None:
    """Render a model choice field from objects already read, so a form with several lists
    reads them in one query instead of a query per list on every render. The field's queryset
    (set before this) still checks what is posted."""
    iterator = field.iterator(field)
    leeg = [("", field.empty_label)] if field.empty_label is not None else []
    field.widget.choices = [*leeg, *(iterator.choice(obj) for obj in objecten)]


def posted_id(value: str) -> int | None:
    """An id from a hidden field or button: ASCII digits only (str.isdigit also takes '²',
    which int() refuses) and within PostgreSQL's bigint; anything else is None."""
    if not (value.isascii() and value.isdigit()) or len(value) > 18:
        return None
    return int(value)


def add_service_errors(
    form: forms.BaseForm, error: ValidationError, *, aliases: dict[str, str | None] | None = None
) -> None:
    """Put a service's ValidationError on the form: at its field when the form has it (or the
    field `aliases` names for it), else above the form."""
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for name, messages in error.message_dict.items():
        target = (aliases or {}).get(name, name)
        form.add_error(target if target in form.fields else None, messages)


class WerkFilterForm(forms.Form):
    """The work list's filters: a kind, and whose work (mine, nobody's, a colleague's)."""

    MIJ = "mij"
    TEAM = "team"

    soort = forms.ChoiceField(label="Soort", required=False)
    wie = forms.ChoiceField(label="Van wie", required=False)

    def __init__(self, *args, soorten: list[tuple[str, str]], medewerkers=(), **kwargs):
        super().__init__(*args, **kwargs)
        cast(forms.ChoiceField, self.fields["soort"]).choices = [("", "Alle soorten"), *soorten]
        if medewerkers is None:  # Opgroeien: no medewerkers
            del self.fields["wie"]
            return
        cast(forms.ChoiceField, self.fields["wie"]).choices = [
            ("", "Het hele team"),
            (self.MIJ, "Mijn werk"),
            (self.TEAM, "Zonder behandelaar"),
            *((str(g.pk), g.get_full_name() or g.username) for g in medewerkers),
        ]

    def toepassen(self, items: list, *, gebruiker_id: int) -> list:
        """The items the valid filters keep; with an invalid one, all (its error shows)."""
        if not self.is_valid():
            return items
        soort, wie = self.cleaned_data["soort"], self.cleaned_data.get("wie", "")
        if soort:
            items = [i for i in items if i.soort == soort]
        if wie:
            van = {self.MIJ: gebruiker_id, self.TEAM: None}.get(wie, wie)
            items = [i for i in items if i.behandelaar_id == (int(van) if van else None)]
        return items
