from django.urls import path

from . import views

urlpatterns = [
    path("", views.daftar, name="daftar"),
    path("<int:page_id>/", views.buat, name="buat"),
    path("<int:page_id>/pratinjau/", views.pratinjau, name="pratinjau"),
]
