from django.conf import settings
from django.urls import include, path

from binc import sessies, views
from binc.admin import opgroeien_site

binc_patterns = [
    path("aanmelden/", views.LoginView.as_view(), name="login"),
    path("afmelden/", views.logout, name="logout"),
    path("voorziening/", views.kies_voorziening, name="kies_voorziening"),
    path("sessie/verlengen/", sessies.verlengen, name="sessie_verlengen"),
    path("toegankelijkheid/", views.toegankelijkheid, name="toegankelijkheid"),
    path("modules/", views.module_list, name="module_list"),
    path("modules/<int:pk>/", views.module_detail, name="module_detail"),
    path("werk/", views.werklijst, name="werklijst"),
    path("werk/tellingen/", views.werk_tellingen, name="werk_tellingen"),
]
opgroeien_werk = [path("", views.opgroeien_werklijst, name="werklijst")]

urlpatterns = [
    path("", include((binc_patterns, "binc"))),
    path("", include("dossiers.urls")),
    path("", include("registratie.urls")),
    path("", include("kwartaal.urls")),
    path("", include("bezetting.urls")),
    path("", include("rapporten.urls")),
    path("", include("documenten.urls")),
    path("", include("api.urls_beheer")),
    # Opgroeien's overview of every voorziening (bezetting), beside its admin screens.
    path("opgroeien/bezetting/", include("bezetting.urls_opgroeien")),
    # Who opened a child's file, for a family's request (GDPR art. 15).
    path("opgroeien/inzage/", include("dossiers.urls_opgroeien")),
    path("api/v1/", include("api.urls")),
    path("opgroeien/werk/", include((opgroeien_werk, "werk_opgroeien"))),
    path("opgroeien/", opgroeien_site.urls),
]
if settings.OIDC_ENABLED:
    urlpatterns.append(path("oidc/", include("mozilla_django_oidc.urls")))

handler404 = "binc.errors.not_found"
handler403 = "binc.errors.forbidden"
handler500 = "binc.errors.server_error"
