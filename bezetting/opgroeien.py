"""Opgroeien's overview (000 §14 for every voorziening at once): the weighted bezettingsgraad of
each voorziening for a period, in one pass over all of them (a handful of queries in total)."""

from decimal import Decimal
from typing import Any
from urllib.parse import urlencode

from django import forms
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import timezone
from django.views.decorators.http import require_GET
from openpyxl import Workbook

from bezetting import grafiek
from bezetting.engine.bezetting import bezetting
from bezetting.engine.model import Gegevens
from bezetting.forms import PeriodeForm
from bezetting.selectors import gegevens_overzicht
from binc.access import IngelogdRequest, opgroeien_required
from binc.admin import opgroeien_site
from binc.constants import Organisatietype, Provincie
from binc.selectors import voorzieningen_met_capaciteit
from binc.tenancy import all_voorzieningen
from lib.xlsx import xlsx_response


class OverzichtForm(PeriodeForm):
    organisatietype = forms.ChoiceField(
        label="Organisatietype", required=False, choices=[("", "Alle"), *Organisatietype.choices]
    )
    provincie = forms.ChoiceField(
        label="Provincie", required=False, choices=[("", "Alle"), *Provincie.choices]
    )
    sorteer = forms.ChoiceField(
        label="Sorteer op",
        required=False,
        choices=[
            ("naam", "Naam"),
            ("-graad", "Bezettingsgraad, hoogste eerst"),
            ("graad", "Bezettingsgraad, laagste eerst"),
        ],
    )


def overzicht_codes(gegevens: Gegevens) -> list[str]:
    """The typemodules of a voorziening's weighted average in the overview: every one with a
    capacity, without ondersteunende begeleiding (computed per quarter)."""
    return sorted(
        {c.typemodule for c in gegevens.capaciteit}
        - {c for c, t in gegevens.typemodules.items() if t.bezetting == "ob"}
    )


def overzicht_rijen(form: OverzichtForm) -> list[dict]:
    van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
    lijst = list(
        voorzieningen_met_capaciteit(
            organisatietype=form.cleaned_data["organisatietype"],
            provincie=form.cleaned_data["provincie"],
        )
    )
    alle = gegevens_overzicht(lijst, van, tot)
    rijen: list[dict[str, Any]] = []
    for voorziening in lijst:
        gegevens = alle[voorziening.pk]
        codes = overzicht_codes(gegevens)
        gewogen = bezetting(gegevens, van, tot, codes).gewogen if codes else None
        rijen.append(
            {
                "voorziening": voorziening,
                "graad": gewogen.graad if gewogen else None,
                "teller": gewogen.teller if gewogen else 0,
                "noemer": gewogen.noemer if gewogen else 0,
            }
        )
    sorteer = form.cleaned_data["sorteer"] or "naam"
    if sorteer == "naam":
        rijen.sort(key=lambda r: r["voorziening"].naam)
    else:
        rijen.sort(
            key=lambda r: (r["graad"] is None, r["graad"] or Decimal(0)),
            reverse=sorteer == "-graad",
        )
    return rijen


@opgroeien_required
@require_GET
def overzicht(request: IngelogdRequest) -> HttpResponse:
    if not request.user.has_perm("kwartaal.view_capaciteit"):
        raise PermissionDenied
    form = OverzichtForm(request.GET or None)
    rijen = None
    if form.is_valid():
        with all_voorzieningen():
            rijen = overzicht_rijen(form)
        if request.GET.get("export"):
            return _export(form, rijen)
    return TemplateResponse(
        request,
        "bezetting/opgroeien_overzicht.html",
        {
            **opgroeien_site.each_context(request),
            "form": form,
            "rijen": rijen,
            "periode": urlencode({k: request.GET.get(k, "") for k in ("van", "tot")}),
            "spreiding": _spreiding(rijen) if rijen else None,
            "title": "Bezetting van alle voorzieningen",
        },
    )


def _spreiding(rijen: list[dict]) -> grafiek.Spreiding | None:
    per_type: dict[str, list[Decimal]] = {}
    for rij in rijen:
        if rij["graad"] is not None:
            # The abbreviation the name ends with, "(CKG)", where it has one: it fits the chart.
            naam = rij["voorziening"].get_organisatietype_display()
            naam = naam[naam.rfind("(") + 1 : -1] if naam.endswith(")") else naam
            per_type.setdefault(naam, []).append(rij["graad"])
    return grafiek.spreiding("Bezettingsgraad van de voorzieningen per organisatietype", per_type)


def _export(form: OverzichtForm, rijen: list[dict]) -> HttpResponse:
    boek = Workbook()
    blad = boek.active
    blad.title = "Bezettingsgraad"
    van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
    blad.append([f"Periode {van:%d/%m/%Y} tot en met {tot:%d/%m/%Y}"])
    blad.append(
        ["Voorziening", "Organisatietype", "Provincie", "Bezettingsgraad", "Teller", "Noemer"]
    )
    for rij in rijen:
        v = rij["voorziening"]
        blad.append(
            [
                v.naam,
                v.get_organisatietype_display(),
                v.get_provincie_display(),
                float(rij["graad"]) if rij["graad"] is not None else "kan niet berekend worden",
                float(rij["teller"]),
                float(rij["noemer"]),
            ]
        )
    return xlsx_response(boek, f"Bezettingsgraad voorzieningen {timezone.localdate():%Y%m%d}.xlsx")
