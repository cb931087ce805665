from django.contrib import messages
from django.core.exceptions import ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_http_methods

from binc.access import MedewerkerRequest, inzage, medewerker_required
from binc.breadcrumbs import crumbs
from binc.constants import InzageSoort
from binc.forms import add_service_errors
from dossiers.selectors import dossier_get
from registratie.constants import Soort
from registratie.forms import registratie_formulier
from registratie.schema import ontbrekend, te_veel
from registratie.selectors import facultatief
from registratie.services import registratie_geopend, registratie_opslaan

VERPLICHT = "Dit veld is verplicht."


@medewerker_required
@require_http_methods(["GET", "POST"])
def formulier(request: MedewerkerRequest, pk: int, soort: str) -> HttpResponse:
    """A registration form with [Valideren] (reports blanks, saves nothing) and [Opslaan]
    (saves what is filled in, and says what is still missing)."""
    dossier = dossier_get(pk=pk)
    organisatietype = dossier.voorziening.organisatietype
    form = registratie_formulier(dossier, soort).form(
        request.POST if request.method == "POST" else None
    )
    validated = False
    if request.method == "GET":
        registratie_geopend(dossier=dossier, soort=soort)
        inzage(
            request,
            InzageSoort.REGISTRATIE,
            object_id=dossier.pk,
            client_id=dossier.client_id,
            dossier_id=dossier.pk,
        )
    elif form.is_valid():
        values = form.values()
        if request.POST.get("actie") == "valideren":
            fouten = dict.fromkeys(ontbrekend(soort, organisatietype, values), VERPLICHT)
            fouten.update(te_veel(soort, organisatietype, values))
            for name, message in fouten.items():
                form.add_error(name, message)
            validated = not fouten
        else:
            try:
                missing = registratie_opslaan(
                    dossier_pk=dossier.pk,
                    soort=soort,
                    versie=form.cleaned_data["versie"],
                    values=values,
                    gebruiker=request.user,
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                if missing:
                    labels = ", ".join(str(form.fields[name].label) for name in missing)
                    messages.warning(
                        request, f"{Soort(soort).label} opgeslagen. Nog niet ingevuld: {labels}."
                    )
                else:
                    messages.success(request, f"{Soort(soort).label} opgeslagen en volledig.")
                return redirect("registratie:formulier", pk=dossier.pk, soort=soort)
    return render(
        request,
        "registratie/formulier.html",
        {
            "form": form,
            "dossier": dossier,
            "titel": Soort(soort).label,
            "validated": validated,
            "facultatief": soort in (Soort.BEGIN, Soort.EINDE) and facultatief(dossier),
            "breadcrumbs": crumbs(
                (dossier.code, dossier.get_absolute_url()), (Soort(soort).label, "")
            ),
        },
    )
