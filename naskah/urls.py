from django.urls import path, re_path

from . import views, views_kotak, views_masuk, views_revisi
from .tte import views as views_tte
from .urls_agenda import urlpatterns as urls_agenda
from .urls_arsip import urlpatterns as urls_arsip

urlpatterns = [
    path("tindakan/", views_kotak.tindakan, name="tindakan"),
    path("masuk/", views_kotak.masuk, name="masuk"),
    path("keluar/", views_kotak.keluar, name="keluar"),
    path("notifikasi/", views_kotak.notifikasi, name="notifikasi"),
    path("baru/", views.baru, name="baru"),
    path("antrian-tte/", views_tte.daftar, name="antrian_tte"),
    path("antrian-tte/<int:pk>/sandi/", views_tte.sandi, name="sandi_tte"),
    path("disposisi/", views_masuk.disposisi_saya, name="disposisi_saya"),
    path("surat-masuk/", views_masuk.daftar, name="daftar_masuk"),
    path("surat-masuk/baru/", views_masuk.registrasi, name="registrasi"),
    path("surat-masuk/<int:pk>/", views_masuk.detail, name="detail_masuk"),
    path("surat-masuk/<int:pk>/scan/", views_masuk.scan, name="scan_masuk"),
    path("surat-masuk/<int:pk>/aksi/<str:aksi>/", views_masuk.aksi, name="aksi_masuk"),
    path(
        "surat-masuk/<int:pk>/disposisi/<int:disposisi_id>/lampiran/",
        views_masuk.lampiran_disposisi,
        name="lampiran_disposisi",
    ),
    path("baru/<int:template_id>/", views.buat, name="buat"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/pratinjau/", views.pratinjau, name="pratinjau"),
    path("<int:pk>/unduh/<str:format>/", views.unduh, name="unduh"),
    path("<int:pk>/lampiran/<int:lampiran_id>/", views.lampiran, name="lampiran"),
    path("<int:pk>/aksi/<str:aksi>/", views.aksi, name="aksi"),
    re_path(
        r"^(?P<pk>\d+)/bandingkan/(?P<revision_id_a>earliest|\d+)\.\.\.(?P<revision_id_b>latest|\d+)/$",
        views_revisi.BandingkanRevisi.as_view(),
        name="bandingkan",
    ),
    *urls_arsip,
    *urls_agenda,
]
