from django.urls import path

from . import verifikasi

app_name = "verifikasi"
urlpatterns = [
    path("", verifikasi.unggah, name="unggah"),
    path("<str:kode>/", verifikasi.kode, name="kode"),
]
