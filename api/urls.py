from csp.decorators import csp_update
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView

from api.toegang import TokenView
from api.views import (
    abonnementen,
    acties,
    bezetting,
    catalogus,
    dossiers,
    kwartaal,
    problemen,
    registraties,
    wijzigingen,
    zorg,
)

app_name = "api"


def _beide(route: str, view, name: str) -> list:
    """The route with and without its trailing slash, the same answer: a client that leaves it
    off is served, never redirected (a redirect would drop a POST's body). The document names
    the form with the slash (api.schema.met_slash)."""
    return [path(route, view, name=name), path(route.removesuffix("/"), view)]


urlpatterns = [
    *_beide("token/", TokenView.as_view(), "token"),
    *_beide("schema/", SpectacularAPIView.as_view(api_version="v1"), "schema"),
    # Redoc styles itself inline and searches in a worker: allowed on this page only.
    *_beide(
        "docs/",
        csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["blob:"]})(
            SpectacularRedocView.as_view(url_name="api:schema")
        ),
        "docs",
    ),
    *_beide("problemen/", problemen.problemen, "problemen"),
    *_beide("problemen/<slug:code>/", problemen.problemen, "probleem"),
    *_beide("clienten/", dossiers.Clienten.as_view(), "clienten"),
    *_beide("aanmelding/", dossiers.Aanmelding.as_view(), "aanmelding"),
    *_beide("testpersonen/", dossiers.Testpersonen.as_view(), "testpersonen"),
    *_beide("dossiers/", dossiers.Dossiers.as_view(), "dossiers"),
    *_beide("dossiers/<int:pk>/", dossiers.DossierDetail.as_view(), "dossier"),
    *_beide("dossiers/<int:pk>/toewijzen/", acties.Toewijzen.as_view(), "toewijzen"),
    *_beide("dossiers/<int:pk>/afsluiten/", acties.Afsluiten.as_view(), "afsluiten"),
    *_beide("dossiers/<int:pk>/heropenen/", acties.Heropenen.as_view(), "heropenen"),
    *_beide("dossiers/<int:pk>/beslissingen/", zorg.Beslissingen.as_view(), "beslissingen"),
    *_beide(
        "dossiers/<int:pk>/beslissingen/<int:beslissing_pk>/",
        zorg.BeslissingDetail.as_view(),
        "beslissing",
    ),
    *_beide("dossiers/<int:pk>/schakelingen/", zorg.Schakelingen.as_view(), "schakelingen"),
    *_beide(
        "dossiers/<int:pk>/schakelingen/<int:schakeling_pk>/",
        zorg.SchakelingDetail.as_view(),
        "schakeling",
    ),
    *_beide(
        "dossiers/<int:pk>/registraties/<str:soort>/",
        registraties.Registratie.as_view(),
        "registratie",
    ),
    *_beide("typemodules/", catalogus.Typemodules.as_view(), "typemodules"),
    *_beide("modules/", catalogus.Modules.as_view(), "modules"),
    *_beide("bezetting/", bezetting.Bezetting.as_view(), "bezetting"),
    *_beide("benutting/", bezetting.Benutting.as_view(), "benutting"),
    *_beide("kwartalen/", kwartaal.Kwartalen.as_view(), "kwartalen"),
    *_beide("kwartalen/<int:pk>/", kwartaal.KwartaalDetail.as_view(), "kwartaal"),
    *_beide("wijzigingen/", wijzigingen.Wijzigingen.as_view(), "wijzigingen"),
    *_beide("abonnementen/", abonnementen.Abonnementen.as_view(), "abonnementen"),
    *_beide("abonnementen/<int:pk>/", abonnementen.AbonnementDetail.as_view(), "abonnement"),
    *_beide("abonnementen/<int:pk>/hervatten/", abonnementen.Hervatten.as_view(), "hervatten"),
]
