"""The core's own pages: signing in, choosing a voorziening, the modules, the work lists."""

from django.urls import path

from binc import sessies, views

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
