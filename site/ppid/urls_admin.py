"""PPID admin URLs under /admin/ppid/ (namespace "ppid_admin", see wagtail_hooks.py)."""

from django.urls import path

from . import views_admin

app_name = "ppid_admin"
urlpatterns = [
    path("permohonan/", views_admin.daftar, name="daftar"),
    path("permohonan/ekspor/", views_admin.ekspor_permohonan, name="ekspor"),
    path("permohonan/<int:pk>/", views_admin.detail, name="detail"),
    path("permohonan/<int:pk>/<slug:nama>/", views_admin.aksi, name="aksi"),
    path("berkas/<int:pk>/", views_admin.berkas, name="berkas"),
    path("keberatan/", views_admin.keberatan_daftar, name="keberatan_daftar"),
    path("keberatan/<int:pk>/", views_admin.keberatan_detail, name="keberatan_detail"),
]
