from django.urls import path

from . import views, views_kotak

urlpatterns = [
    path("tindakan/", views_kotak.tindakan, name="tindakan"),
    path("masuk/", views_kotak.masuk, name="masuk"),
    path("keluar/", views_kotak.keluar, name="keluar"),
    path("notifikasi/", views_kotak.notifikasi, name="notifikasi"),
    path("baru/", views.baru, name="baru"),
    path("baru/<int:template_id>/", views.buat, name="buat"),
    path("<int:pk>/", views.detail, name="detail"),
    path("<int:pk>/pratinjau/", views.pratinjau, name="pratinjau"),
    path("<int:pk>/unduh/<str:format>/", views.unduh, name="unduh"),
    path("<int:pk>/lampiran/<int:lampiran_id>/", views.lampiran, name="lampiran"),
    path("<int:pk>/aksi/<str:aksi>/", views.aksi, name="aksi"),
]
