"""'Bereken bezettingsgraad' (000 §14.1, §14.3): the engine over the voorziening's own data."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.views.decorators.http import require_GET

from bezetting.engine.bezetting import bezetting
from bezetting.export import bezetting_export
from bezetting.forms import BezettingForm
from bezetting.selectors import gegevens_voor, typemodule_keuzes
from binc.access import medewerker_required
from dossiers.views.common import crumbs


@medewerker_required
@require_GET
def bezettingsgraad(request: HttpRequest) -> HttpResponse:
    voorziening = request.voorziening
    keuzes = typemodule_keuzes(voorziening)
    form = BezettingForm(request.GET or None, keuzes=keuzes)
    resultaat = None
    if form.is_valid():
        van, tot = form.cleaned_data["van"], form.cleaned_data["tot"]
        gegevens = gegevens_voor(voorziening, van, tot, sinds=van)
        resultaat = bezetting(gegevens, van, tot, form.cleaned_data["typemodules"])
        if request.GET.get("export"):
            return bezetting_export(
                voorziening=voorziening,
                gebruiker=request.user,
                van=van,
                tot=tot,
                resultaat=resultaat,
                namen=dict(keuzes),
            )
    return render(
        request,
        "bezetting/bezettingsgraad.html",
        {
            "form": form,
            "resultaat": resultaat,
            "namen": dict(keuzes),
            "breadcrumbs": crumbs(("Bereken bezettingsgraad", "")),
        },
    )
