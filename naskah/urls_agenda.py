"""Agenda harian and lembar disposisi URLs (under /admin/naskah/, namespace "naskah")."""

from django.urls import path, re_path

from . import views_agenda

urlpatterns = [
    path("agenda/", views_agenda.agenda, name="agenda"),
    re_path(r"^surat-masuk/(?P<pk>\d+)/lembar\.(?P<format>pdf|docx)$", views_agenda.lembar, name="lembar_disposisi"),
]
