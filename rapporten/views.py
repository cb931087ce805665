"""'Overzicht Binc Rapporten' and 'Nieuw rapport' (000 §17.1)."""

from django.contrib import messages
from django.http import FileResponse, Http404, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from binc.access import MedewerkerRequest, inzage, medewerker_required
from binc.breadcrumbs import crumbs
from binc.constants import InzageSoort
from rapporten import selectors
from rapporten.catalogus import RAPPORTEN, RUWE_DATA, beschikbaar
from rapporten.constants import AanvraagStatus, Rapportsoort
from rapporten.forms import RapportForm
from rapporten.services.aanvragen import downloadnaam, rapporten_aanvragen, verwijderd_op

FILTERS = {"op-aanvraag": "Op aanvraag", "periodiek": "Kwartaal- en jaarrapporten"}
BEZIG = {AanvraagStatus.WACHTRIJ, AanvraagStatus.BEZIG}


@medewerker_required
@require_GET
def lijst(request: MedewerkerRequest) -> HttpResponse:
    filter_ = request.GET.get("filter", "")
    aanvragen = list(selectors.aanvragen()) if filter_ != "periodiek" else []
    schattingen = {
        soort: selectors.geschatte_duur(soort)
        for soort in {a.soort for a in aanvragen if a.status in BEZIG}
    }
    rijen = [
        {
            "aanvraag": a,
            "verwijderd_op": verwijderd_op(a),
            "schatting": schattingen.get(a.soort),
            "bezig": a.status in BEZIG,
        }
        for a in aanvragen
    ]
    context = {
        "rijen": rijen,
        "filter": filter_,
        "filters": FILTERS,
        "ververs": any(r["bezig"] for r in rijen),
        "breadcrumbs": crumbs(("Overzicht Binc Rapporten", "")),
    }
    if request.htmx:
        return render(request, "rapporten/_aanvragen.html", context)
    return render(request, "rapporten/lijst.html", context)


@medewerker_required
@require_http_methods(["GET", "POST"])
def nieuw(request: MedewerkerRequest) -> HttpResponse:
    is_1g1p = request.voorziening.is_1g1p
    form = RapportForm(request.POST or None, is_1g1p=is_1g1p)
    if request.method == "POST" and form.is_valid():
        aanvragen = rapporten_aanvragen(
            voorziening=request.voorziening,
            gebruiker=request.user,
            van=form.cleaned_data["van"],
            tot=form.cleaned_data["tot"],
            soorten=form.cleaned_data["rapporten"],
        )
        messages.success(
            request,
            f"{len(aanvragen)} rapport(en) aangevraagd. Ze verschijnen hieronder zodra ze klaar "
            "zijn.",
        )
        return redirect(f"{reverse('rapporten:lijst')}?filter=op-aanvraag")
    return render(
        request,
        "rapporten/nieuw.html",
        {
            "form": form,
            "rapporten": [
                (Rapportsoort(soort).label, _tabellen(soort)) for soort in beschikbaar(is_1g1p)
            ],
            "breadcrumbs": crumbs(
                ("Overzicht Binc Rapporten", reverse("rapporten:lijst")), ("Nieuw rapport", "")
            ),
        },
    )


def _tabellen(soort: str) -> list[str]:
    if soort in RUWE_DATA:
        return ["Dossier- en cliëntinfo in XML: een rij per dossier, een kolom per parameter"]
    return [t.titel for t in RAPPORTEN[soort].tellingen]


@medewerker_required
@require_GET
def download(request: MedewerkerRequest, pk: int) -> FileResponse:
    aanvraag = selectors.aanvraag_get(pk=pk)
    if aanvraag is None or not aanvraag.is_klaar or not aanvraag.bestand:
        raise Http404
    inzage(request, InzageSoort.RAPPORT, object_id=aanvraag.pk)
    return FileResponse(
        aanvraag.bestand.open("rb"), as_attachment=True, filename=downloadnaam(aanvraag)
    )
