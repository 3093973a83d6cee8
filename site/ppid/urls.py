"""Public PPID URLs, mounted at /ppid/ by lontar.urls (namespace "ppid")."""

from django.urls import path

from . import views

app_name = "ppid"
urlpatterns = [
    path("permohonan/", views.permohonan, name="permohonan"),
    path("permohonan/terkirim/", views.selesai, name="selesai"),
    path("status/", views.status, name="status"),
    path("status/berkas/<int:pk>/", views.berkas, name="berkas"),
    path("keberatan/", views.keberatan, name="keberatan"),
]
