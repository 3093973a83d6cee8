"""Search admin URLs, mounted under /admin/cari/ (namespace "search") by wagtail_hooks."""

from django.urls import path

from . import views

urlpatterns = [
    path("", views.cari, name="cari"),
    path("indeks/", views.indeks, name="indeks"),
    path("indeks/proses/<int:pk>/", views.proses, name="proses"),
]
