from django.urls import path

from bezetting import views

app_name = "bezetting"

urlpatterns = [
    path("bezetting/", views.bezettingsgraad, name="bezettingsgraad"),
]
