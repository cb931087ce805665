"""The project's URL map: each app's pages under their paths, Opgroeien's screens and the
API."""

from django.conf import settings
from django.urls import include, path

from binc.admin import opgroeien_site
from binc.urls import binc_patterns, opgroeien_werk

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

handler400 = "lib.errors.bad_request"
handler404 = "lib.errors.not_found"
handler403 = "lib.errors.forbidden"
handler500 = "lib.errors.server_error"
