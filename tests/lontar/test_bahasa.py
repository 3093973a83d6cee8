from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


def _dasbor(username: str, bahasa: str | None) -> str:
    user = get_user_model().objects.get(username=username)
    if bahasa:
        profil = UserProfile.get_for_user(user)
        profil.preferred_language = bahasa
        profil.save()
    client = Client()
    client.force_login(user)
    # An English-language browser: the preference in the profile decides, not the browser.
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert response.status_code == 200
    return response.content.decode()


def test_admin_berbahasa_indonesia_secara_bawaan(demo: None) -> None:
    html = _dasbor("operator", None)
    assert '<html lang="id"' in html
    assert "Selamat datang, Rina Marlina, A.Md." in html
    assert "Jabatan hari ini" in html


def test_bahasa_inggris_dapat_dipilih(demo: None) -> None:
    html = _dasbor("operator", "en")
    assert '<html lang="en"' in html
    assert "Welcome, Rina Marlina, A.Md." in html
    assert "Positions today" in html


def test_situs_publik_indonesia_kecuali_dipilih(client: Client) -> None:
    html = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US").content.decode()
    assert '<html lang="id">' in html
    assert "Langsung ke konten" in html
    client.post("/i18n/setlang/", {"language": "en", "next": "/"})
    html = client.get("/").content.decode()
    assert '<html lang="en">' in html
    assert "Skip to content" in html
