"""Archive admin URLs, included in naskah/urls.py (namespace "naskah"):
/admin/naskah/arsip/ … reverse("naskah:arsip"), reverse("naskah:arsip_tindakan", args=[id])."""

from django.urls import path

from . import views_arsip

urlpatterns = [
    path("arsip/", views_arsip.laporan, name="arsip"),
    path("arsip/<int:pk>/tindakan/", views_arsip.tindakan, name="arsip_tindakan"),
    path("arsip/<int:pk>/berita-acara/<int:tindakan_id>/", views_arsip.berita_acara, name="arsip_berita_acara"),
]
