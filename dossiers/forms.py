import datetime

from django import forms
from django.core.exceptions import ValidationError
from stdnum.be import bis, nn

from binc.constants import Geslacht, Organisatietype
from binc.models import Module, Voorziening
from dossiers.constants import (
    Aanmelder,
    BehandelingGerichtOp,
    Hulpfunctie,
    NietBegeleid,
    OndersteunendeBegeleidingVorm,
)
from dossiers.models import Aanmelding, Beslissing, Client, ContextPersoon, Schakeling
from dossiers.services.aanmelding import aanmelding_clean, aanmelding_fields, specifieke_choices
from dossiers.services.zorg import ModuleKeuze, SchakelingInvoer

JA_NEE = [("ja", "Ja"), ("nee", "Nee")]
PLEEGZORGER_ONVOLLEDIG = "Vul voor een pleegzorger zowel het rijksregisternummer als de naam in."
ONGELDIG_NUMMER = "Dit is geen geldig rijksregisternummer of BIS-nummer. Controleer de cijfers."


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self, **kwargs) -> None:
        super().__init__(format="%Y-%m-%d", **kwargs)


def rijksregisternummer_clean(value: str) -> str:
    """Digits only, valid checksum under either century rule (python-stdnum)."""
    number = nn.compact(value)
    if not (nn.is_valid(number) or bis.is_valid(number)):
        raise ValidationError(ONGELDIG_NUMMER)
    return number


class JaNeeField(forms.TypedChoiceField):
    """A yes/no question answered with radio buttons; None when unanswered."""

    def __init__(self, **kwargs) -> None:
        super().__init__(
            choices=JA_NEE,
            coerce=lambda value: value == "ja",
            empty_value=None,
            widget=forms.RadioSelect,
            **kwargs,
        )

    def prepare_value(self, value):
        if value is True:
            return "ja"
        if value is False:
            return "nee"
        return value


class VersieForm(forms.Form):
    """Carries the version the user saw, so a later conflicting save is refused (000 §11)."""

    versie = forms.IntegerField(widget=forms.HiddenInput, min_value=1)


class RijksregisterZoekForm(forms.Form):
    nummer = forms.CharField(
        label="Rijksregisternummer of BIS-nummer",
        required=False,
        max_length=20,
        help_text="Vul het nummer in zonder spaties of leestekens.",
    )
    naam = forms.CharField(label="Naam", required=False, max_length=100)
    geslacht = forms.ChoiceField(
        label="Geslacht",
        required=False,
        choices=[("", "---------"), (Geslacht.MAN, "Man"), (Geslacht.VROUW, "Vrouw")],
    )
    geboortedatum = forms.DateField(label="Geboortedatum", required=False, widget=DateInput)

    def clean_nummer(self) -> str:
        value = self.cleaned_data["nummer"].strip()
        return rijksregisternummer_clean(value) if value else ""

    def clean(self):
        data = super().clean()
        if self.errors or data.get("nummer"):
            return data
        missing = [name for name in ("naam", "geslacht", "geboortedatum") if not data.get(name)]
        if len(missing) == 3:
            raise ValidationError(
                "Zoek op rijksregisternummer (of BIS-nummer), of op naam, geslacht en "
                "geboortedatum samen."
            )
        for name in missing:
            self.add_error(name, "Vul ook dit veld in om op gegevens te zoeken.")
        return data


class ClientExtraForm(forms.ModelForm):
    """The mandatory fields Binc adds to the register's identification (000 §3.3.1)."""

    class Meta:
        model = Client
        fields = ["niet_begeleide_minderjarige", "land_van_origine", "omgangstaal"]
        widgets = {"niet_begeleide_minderjarige": forms.RadioSelect}

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["niet_begeleide_minderjarige"].choices = NietBegeleid.choices
        widget = self.fields["land_van_origine"].widget
        widget.attrs.update({"list": "landen", "data-shortcut": "België"})  # 000 §3.3.1


class ClientWijzigenForm(ClientExtraForm, VersieForm):
    class Meta(ClientExtraForm.Meta):
        pass


class OngeborenForm(ClientExtraForm):
    class Meta(ClientExtraForm.Meta):
        fields = ["naam", "voornaam", *ClientExtraForm.Meta.fields]
        labels = {"naam": "Naam van de moeder", "voornaam": "Voornaam van de moeder"}
        help_texts = {
            "voornaam": "Binc voegt '(ongeboren kind)' toe. Koppel het kind na de geboorte aan "
            "zijn rijksregisternummer."
        }


class KoppelenForm(VersieForm):
    nummer = forms.CharField(
        label="Rijksregisternummer of BIS-nummer",
        max_length=20,
        help_text="Het nummer van het kind na de geboorte.",
        error_messages={"required": "Vul het rijksregisternummer van het kind in."},
    )

    def clean_nummer(self) -> str:
        return rijksregisternummer_clean(self.cleaned_data["nummer"])


class ContextPersoonForm(forms.ModelForm):
    class Meta:
        model = ContextPersoon
        fields = ["relatie", "naam", "voornaam", "geboortedatum", "rijksregisternummer"]
        widgets = {"geboortedatum": DateInput}

    def clean_rijksregisternummer(self) -> str:
        value = self.cleaned_data["rijksregisternummer"].strip()
        return rijksregisternummer_clean(value) if value else ""


def _help(name: str) -> str:
    return Aanmelding._meta.get_field(name).help_text


class AanmeldingForm(forms.ModelForm):
    """The aanmelding as the voorziening's organisatietype asks it (000 §4.1, 001 §5.1)."""

    lopend_dossier = JaNeeField(
        label="Is dossier een lopend dossier?", help_text=_help("lopend_dossier")
    )
    via_toegangspoort = JaNeeField(
        label="Via toegangspoort (NRTJ)?", help_text=_help("via_toegangspoort")
    )
    uitstroom_gi = JaNeeField(
        label="Uitstroom uit de gemeenschapsinstelling", help_text=_help("uitstroom_gi")
    )
    wachtlijst = JaNeeField(
        label="Staat het aangemelde gezin of een lid van het gezin op een wachtlijst jeugdhulp?",
        help_text="Zo ja, duid aan voor welke hulp het gezin staat te wachten.",
    )
    wachtlijst_functies = forms.MultipleChoiceField(
        label="Zo ja, voor welke hulp?",
        choices=Hulpfunctie.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    class Meta:
        model = Aanmelding
        fields = [
            "uw_referentie", "lopend_dossier", "startdatum_lopend_dossier", "via_toegangspoort",
            "aanmelder", "aanmelder_andere", "gerechtelijk", "uitstroom_gi",
            "specifieke_aanmelding", "soort_pleegzorg", "pleegzorgdoelgroep", "provincie",
            "datum_aanmelding", "wachtlijst", "wachtlijst_functies",
        ]  # fmt: skip
        widgets = {
            "startdatum_lopend_dossier": DateInput,
            "datum_aanmelding": DateInput,
            "specifieke_aanmelding": forms.RadioSelect,
            "soort_pleegzorg": forms.RadioSelect,
            "pleegzorgdoelgroep": forms.RadioSelect,
        }

    def __init__(self, *args, voorziening: Voorziening, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.voorziening = voorziening
        wanted = aanmelding_fields(voorziening)
        for name in self.Meta.fields:
            if name not in wanted:
                del self.fields[name]
        # Which fields are mandatory depends on other answers: aanmelding_clean decides, so
        # nothing is marked required by the browser alone.
        for name in wanted:
            self.fields[name].required = False
        if "specifieke_aanmelding" in self.fields:
            self.fields["specifieke_aanmelding"].choices = specifieke_choices(voorziening)
        if "aanmelder" in self.fields:
            self.fields["aanmelder"].choices = [("", "---------"), *Aanmelder.choices]
        mandatory = {
            "datum_aanmelding", "aanmelder", "wachtlijst", "via_toegangspoort", "uitstroom_gi",
            "soort_pleegzorg", "pleegzorgdoelgroep", "provincie",
        }  # fmt: skip
        for name in mandatory & set(self.fields):
            self.fields[name].verplicht = True  # shown with '*' (forms/field.html)
        # Shown only with the answer they depend on (forms/form.html, static/js/binc.js).
        show_when = {
            "startdatum_lopend_dossier": "lopend_dossier=ja",
            "aanmelder": "via_toegangspoort=nee",
            "aanmelder_andere": "aanmelder=andere",
            "gerechtelijk": "aanmelder=crisismeldpunt",
            "wachtlijst_functies": "wachtlijst=ja",
        }
        if "via_toegangspoort" not in self.fields:
            del show_when["aanmelder"]
        for name, condition in show_when.items():
            if name in self.fields:
                self.fields[name].show_when = condition

    def clean(self):
        data = super().clean()
        if self.errors:
            return data
        try:
            self.aanmelding_values = aanmelding_clean(data, voorziening=self.voorziening)
        except ValidationError as error:
            for name, messages in error.message_dict.items():
                self.add_error(name if name in self.fields else None, messages)
            return data
        # The model's constraints are checked on the normalised answers, not the raw input.
        data.update({k: v for k, v in self.aanmelding_values.items() if k in self.fields})
        return data

    def summary(self) -> list[tuple[str, str]]:
        """The saved answers as (question, answer) for the dossier page; unanswered ones and
        unticked checkboxes are left out."""
        rows = []
        for name, field in self.fields.items():
            value = self.initial.get(name)
            if value in (None, "", []) or (
                value is False and isinstance(field, forms.BooleanField)
            ):
                continue
            if isinstance(value, bool):
                text = "Ja" if value else "Nee"
            elif isinstance(value, datetime.date):
                text = f"{value:%d/%m/%Y}"
            elif isinstance(value, list):
                text = ", ".join(str(dict(field.choices).get(v, v)) for v in value)
            elif getattr(field, "choices", None):
                text = str(dict(field.choices).get(value, value))
            else:
                text = str(value)
            rows.append((str(field.label), text))
        return rows


class AanmeldingWijzigenForm(AanmeldingForm, VersieForm):
    pass


class DossierZoekForm(forms.Form):
    naam = forms.CharField(label="Naam", required=False, max_length=100)
    voornaam = forms.CharField(label="Voornaam", required=False, max_length=100)
    geboortedatum = forms.DateField(label="Geboortedatum", required=False, widget=DateInput)
    code = forms.CharField(label="Dossiercode", required=False, max_length=30)
    uw_referentie = forms.CharField(label="Uw referentie", required=False, max_length=100)

    def clean(self):
        data = super().clean()
        if not self.errors and not any(data.values()):
            raise ValidationError("Vul minstens 1 zoekterm in.")
        return data


class OverdragenForm(forms.Form):
    dossiers = forms.MultipleChoiceField(
        label="Dossiers",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Selecteer minstens één dossier om over te dragen."},
    )

    def __init__(self, *args, dossiers, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["dossiers"].choices = [
            (str(d.pk), f"{d.client.naam} {d.client.voornaam} – {d.code}") for d in dossiers
        ]


# --- Beslissingen en schakelingen ---------------------------------------------------------------


class ModuleChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.naam} ({obj.code})"


def _approved_modules(voorziening: Voorziening):
    """Modules the voorziening may ever choose; the service checks validity on the date."""
    return (
        Module.objects.filter(
            actief=True,
            goedkeuringen__voorziening=voorziening,
            goedkeuringen__actief=True,
            goedkeuringen__status="Goedgekeurd",
        )
        .select_related("typemodule")
        .order_by("typemodule__naam", "code")
    )


class BeslissingForm(forms.ModelForm):
    modules = ModuleChoiceField(
        label="Modulair aanbod",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        help_text=Beslissing._meta.get_field("modules").help_text,
        error_messages={"required": "Kies minstens één module."},
    )

    class Meta:
        model = Beslissing
        fields = ["begindatum", "modules", "verwijzingsgrond", "gemandateerde_voorziening"]
        widgets = {
            "begindatum": DateInput,
            "verwijzingsgrond": forms.RadioSelect,
            "gemandateerde_voorziening": forms.RadioSelect,
        }

    def __init__(self, *args, voorziening: Voorziening, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        queryset = _approved_modules(voorziening)
        if self.instance.pk:  # modules chosen earlier stay visible even if no longer approved
            queryset = (queryset | self.instance.modules.all()).distinct()
        self.fields["modules"].queryset = queryset


class BeslissingWijzigenForm(BeslissingForm, VersieForm):
    pass


class SchakelingForm(VersieForm):
    """Toevoegen/Wijzigen schakeling (000 §4.2). Detail questions appear with their module."""

    begindatum = forms.DateField(
        label="Begindatum",
        widget=DateInput,
        help_text=Schakeling._meta.get_field("begindatum").help_text,
    )
    einddatum = forms.DateField(
        label="Einddatum", required=False, widget=DateInput,
        help_text=Schakeling._meta.get_field("einddatum").help_text,
    )  # fmt: skip
    verlenging = forms.BooleanField(
        label="Verlenging: hetzelfde hulpaanbod wordt voortgezet onder de nieuwe beslissing",
        required=False,
        help_text="De modules, details en pleegzorgers van de vorige schakeling worden "
        "overgenomen. Vink uit om ze te wijzigen.",
    )
    modules = ModuleChoiceField(
        label="Modules", queryset=None, widget=forms.CheckboxSelectMultiple, required=False,
        help_text="Alle modules die samen lopen. Verandert er één, dan sluit je deze schakeling af "
        "en start je een nieuwe.",
    )  # fmt: skip
    verzekerd_aanbod = ModuleChoiceField(
        label="Ingezet als verzekerd aanbod (art. 74)", queryset=None,
        widget=forms.CheckboxSelectMultiple, required=False,
        help_text="Enkel bij een aanmelding door het crisismeldpunt.",
    )  # fmt: skip
    behandeling_gericht_op = forms.MultipleChoiceField(
        label="Behandelpleegzorg: de behandeling is gericht op",
        choices=BehandelingGerichtOp.choices, widget=forms.CheckboxSelectMultiple, required=False,
    )  # fmt: skip
    overbruggingszorg = JaNeeField(
        label="Ondersteunende pleegzorg korte duur: gaat het om overbruggingszorg?", required=False
    )
    ob_vorm = forms.ChoiceField(
        label="Vorm van ondersteunende begeleiding", required=False,
        choices=[("", "---------"), *OndersteunendeBegeleidingVorm.choices],
    )  # fmt: skip
    zwaartepunt_elders = forms.BooleanField(
        label="Het zwaartepunt van het verblijf ligt elders", required=False,
        help_text=Schakeling._meta.get_field("zwaartepunt_elders").help_text,
    )  # fmt: skip
    uitbetaling_aan_ouders = JaNeeField(
        label="Overgangsregeling pleegzorgtoeslag: uitbetaling aan ouders?", required=False,
        help_text=Schakeling._meta.get_field("uitbetaling_aan_ouders").help_text,
    )  # fmt: skip
    pleegzorger_1_nummer = forms.CharField(
        label="Pleegzorger 1: rijksregisternummer", required=False, max_length=20
    )
    pleegzorger_1_naam = forms.CharField(
        label="Pleegzorger 1: naam", required=False, max_length=200
    )
    pleegzorger_2_nummer = forms.CharField(
        label="Pleegzorger 2: rijksregisternummer", required=False, max_length=20
    )
    pleegzorger_2_naam = forms.CharField(
        label="Pleegzorger 2: naam", required=False, max_length=200
    )
    bevestigd = forms.BooleanField(required=False, widget=forms.HiddenInput)

    def __init__(
        self, *args, dossier, verlenging_mogelijk: bool = False, nieuw: bool = True, **kwargs
    ) -> None:
        super().__init__(*args, **kwargs)
        if nieuw:
            del self.fields["versie"]
        if not verlenging_mogelijk:
            del self.fields["verlenging"]
        queryset = _approved_modules(dossier.voorziening)
        instance_modules = kwargs.get("initial", {}).get("modules", [])
        if instance_modules:
            queryset = (
                queryset | Module.objects.filter(pk__in=[m.pk for m in instance_modules])
            ).distinct()
        self.fields["modules"].queryset = queryset
        self.fields["verzekerd_aanbod"].queryset = queryset
        if dossier.aanmelding.aanmelder != Aanmelder.CRISISMELDPUNT:
            del self.fields["verzekerd_aanbod"]
        if dossier.voorziening.organisatietype == Organisatietype.PLEEGZORG:
            self.fields["zwaartepunt_elders"].label = "Er is een combinatie met verblijf"
        by_code = {m.code: m.pk for m in queryset}
        by_type: dict[str, list[int]] = {}
        for m in queryset:
            by_type.setdefault(m.typemodule.code, []).append(m.pk)
        conditions = {
            "behandeling_gericht_op": by_type.get("behandelpleegzorg", []),
            "overbruggingszorg": [by_code[c] for c in ("VBFINT01",) if c in by_code],
            "ob_vorm": by_type.get("ondersteunende-begeleiding", []),
            "uitbetaling_aan_ouders": [
                by_code[c] for c in ("VBFINT04", "VBFINT05") if c in by_code
            ],
        }
        pleegzorg = [by_code[c] for c in ("VBFINT04", "VBFINT05", "VBFINT06") if c in by_code]
        for n in ("1", "2"):
            conditions[f"pleegzorger_{n}_nummer"] = pleegzorg
            conditions[f"pleegzorger_{n}_naam"] = pleegzorg
        for name, pks in conditions.items():
            if not pks:
                del self.fields[name]
            else:
                self.fields[name].show_when = "modules=" + "|".join(str(pk) for pk in pks)
        for name in ("modules", "verzekerd_aanbod", *conditions, "zwaartepunt_elders"):
            if name in self.fields and "verlenging" in self.fields:
                self.fields[name].lock_when = "verlenging=on"

    def clean_pleegzorger_1_nummer(self) -> str:
        value = self.cleaned_data["pleegzorger_1_nummer"].strip()
        return rijksregisternummer_clean(value) if value else ""

    def clean_pleegzorger_2_nummer(self) -> str:
        value = self.cleaned_data["pleegzorger_2_nummer"].strip()
        return rijksregisternummer_clean(value) if value else ""

    def clean(self):
        data = super().clean()
        for n in ("1", "2"):
            nummer, naam = data.get(f"pleegzorger_{n}_nummer"), data.get(f"pleegzorger_{n}_naam")
            if bool(nummer) != bool(naam) and f"pleegzorger_{n}_nummer" not in self.errors:
                missing = f"pleegzorger_{n}_naam" if nummer else f"pleegzorger_{n}_nummer"
                self.add_error(missing, PLEEGZORGER_ONVOLLEDIG)
        return data

    def invoer(self) -> SchakelingInvoer:
        data = self.cleaned_data
        verzekerd = set(data.get("verzekerd_aanbod") or [])
        keuzes = []
        for module in data.get("modules") or []:
            typemodule = module.typemodule.code
            keuzes.append(
                ModuleKeuze(
                    module=module,
                    verzekerd_aanbod=module in verzekerd,
                    behandeling_gericht_op=list(data.get("behandeling_gericht_op") or [])
                    if typemodule == "behandelpleegzorg"
                    else [],
                    overbruggingszorg=data.get("overbruggingszorg")
                    if module.code == "VBFINT01"
                    else None,
                    ob_vorm=(data.get("ob_vorm") or "")
                    if typemodule == "ondersteunende-begeleiding"
                    else "",
                )
            )
        pleegzorgers = [
            (data[f"pleegzorger_{n}_nummer"], data[f"pleegzorger_{n}_naam"].strip())
            for n in ("1", "2")
            if data.get(f"pleegzorger_{n}_nummer") and data.get(f"pleegzorger_{n}_naam")
        ]
        return SchakelingInvoer(
            begindatum=data["begindatum"],
            einddatum=data.get("einddatum"),
            modules=keuzes,
            zwaartepunt_elders=data.get("zwaartepunt_elders", False),
            uitbetaling_aan_ouders=data.get("uitbetaling_aan_ouders"),
            pleegzorgers=[] if data.get("uitbetaling_aan_ouders") else pleegzorgers,
            verlenging=data.get("verlenging", False),
        )

    def add_service_errors(self, error: ValidationError) -> None:
        if not hasattr(error, "error_dict"):
            self.add_error(None, error.messages)
            return
        for name, messages in error.message_dict.items():
            if name == "pleegzorgers":
                name = "pleegzorger_1_nummer" if "pleegzorger_1_nummer" in self.fields else None
            self.add_error(name if name in self.fields else None, messages)


def schakeling_initial(schakeling) -> dict:
    """The form's initial values for an existing schakeling."""
    modules = [sm.module for sm in schakeling.modules.all()]
    initial = {
        "begindatum": schakeling.begindatum,
        "einddatum": schakeling.einddatum,
        "modules": modules,
        "verzekerd_aanbod": [sm.module for sm in schakeling.modules.all() if sm.verzekerd_aanbod],
        "zwaartepunt_elders": schakeling.zwaartepunt_elders,
        "uitbetaling_aan_ouders": schakeling.uitbetaling_aan_ouders,
        "versie": schakeling.versie,
    }
    for sm in schakeling.modules.all():
        if sm.behandeling_gericht_op:
            initial["behandeling_gericht_op"] = sm.behandeling_gericht_op
        if sm.overbruggingszorg is not None:
            initial["overbruggingszorg"] = sm.overbruggingszorg
        if sm.ob_vorm:
            initial["ob_vorm"] = sm.ob_vorm
    for n, pleegzorger in enumerate(schakeling.pleegzorgers.all(), start=1):
        initial[f"pleegzorger_{n}_nummer"] = pleegzorger.rijksregisternummer
        initial[f"pleegzorger_{n}_naam"] = pleegzorger.naam
    return initial


class EinddatumForm(VersieForm):
    einddatum = forms.DateField(
        label="Einddatum vorige schakeling",
        widget=DateInput,
        help_text="De vorige schakeling moet eerst een einddatum hebben. Een schakeling die "
        "naadloos aansluit, begint op deze einddatum.",
        error_messages={"required": "Vul de einddatum van de vorige schakeling in."},
    )


class AfsluitenForm(forms.Form):
    bevestigd = forms.BooleanField(
        label="Ik bevestig dat ik het dossier wil afsluiten",
        error_messages={"required": "Bevestig dat je het dossier wil afsluiten."},
    )
