from django.urls import path

from . import views

app_name = "publik"
urlpatterns = [path("", views.cari, name="cari")]
