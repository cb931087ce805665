from csp.decorators import csp_update
from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularRedocView
from oauth2_provider.views import TokenView

from api.views import acties, bezetting, dossiers, kwartaal, registraties, wijzigingen, zorg

app_name = "api"

urlpatterns = [
    path("token/", TokenView.as_view(), name="token"),
    path("schema/", SpectacularAPIView.as_view(api_version="v1"), name="schema"),
    # Redoc styles itself inline and searches in a worker: allowed on this page only.
    path(
        "docs/",
        csp_update({"style-src": ["'unsafe-inline'"], "worker-src": ["blob:"]})(
            SpectacularRedocView.as_view(url_name="api:schema")
        ),
        name="docs",
    ),
    path("clienten/", dossiers.Clienten.as_view(), name="clienten"),
    path("dossiers/", dossiers.Dossiers.as_view(), name="dossiers"),
    path("dossiers/<int:pk>/", dossiers.DossierDetail.as_view(), name="dossier"),
    path("dossiers/<int:pk>/toewijzen/", acties.Toewijzen.as_view(), name="toewijzen"),
    path("dossiers/<int:pk>/afsluiten/", acties.Afsluiten.as_view(), name="afsluiten"),
    path("dossiers/<int:pk>/heropenen/", acties.Heropenen.as_view(), name="heropenen"),
    path("dossiers/<int:pk>/beslissingen/", zorg.Beslissingen.as_view(), name="beslissingen"),
    path(
        "dossiers/<int:pk>/beslissingen/<int:beslissing_pk>/",
        zorg.BeslissingDetail.as_view(),
        name="beslissing",
    ),
    path("dossiers/<int:pk>/schakelingen/", zorg.Schakelingen.as_view(), name="schakelingen"),
    path(
        "dossiers/<int:pk>/schakelingen/<int:schakeling_pk>/",
        zorg.SchakelingDetail.as_view(),
        name="schakeling",
    ),
    path(
        "dossiers/<int:pk>/registraties/<str:soort>/",
        registraties.Registratie.as_view(),
        name="registratie",
    ),
    path("bezetting/", bezetting.Bezetting.as_view(), name="bezetting"),
    path("benutting/", bezetting.Benutting.as_view(), name="benutting"),
    path("kwartalen/", kwartaal.Kwartalen.as_view(), name="kwartalen"),
    path("kwartalen/<int:pk>/", kwartaal.KwartaalDetail.as_view(), name="kwartaal"),
    path("wijzigingen/", wijzigingen.Wijzigingen.as_view(), name="wijzigingen"),
]
