from django.urls import path

from rapporten import views

app_name = "rapporten"

urlpatterns = [
    path("rapporten/", views.lijst, name="lijst"),
    path("rapporten/nieuw/", views.nieuw, name="nieuw"),
    path("rapporten/<int:pk>/download/", views.download, name="download"),
]
