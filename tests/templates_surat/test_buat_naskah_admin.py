"""The operator's "Buat naskah" flow in the admin, through Django's test client."""

from __future__ import annotations

import io

import docx
import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse

from templates_surat import isian
from templates_surat.models import TemplateSuratPage

pytestmark = pytest.mark.django_db


def _client(username: str) -> Client:
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _post_data(template: TemplateSuratPage, **ubah: object) -> dict[str, object]:
    data = isian.data_form(template, template.isian_contoh)
    data.update(ubah)
    return data


def test_operator_melihat_template_terbit_saja(templates_demo: None) -> None:
    draf = TemplateSuratPage.objects.get(slug="nota-dinas")
    draf.unpublish()
    html = _client("operator").get(reverse("templates_surat:daftar")).content.decode()
    assert "Surat Dinas" in html
    assert "Surat Tugas" in html
    assert "Nota Dinas" not in html.split("<main", 1)[-1]
    assert _client("operator").get(reverse("templates_surat:buat", args=[draf.pk])).status_code == 404


def test_staf_tidak_boleh_membuat_naskah(templates_demo: None) -> None:
    response = _client("staf").get(reverse("templates_surat:daftar"))
    assert response.status_code in (302, 403)


def test_form_pratinjau_dan_unduh(templates_demo: None) -> None:
    client = _client("operator")
    template = TemplateSuratPage.objects.get(slug="surat-dinas")

    form = client.get(reverse("templates_surat:buat", args=[template.pk]) + "?contoh=1").content.decode()
    assert "Permohonan Data Layanan Publik" in form  # sample isian prefilled
    assert 'name="isi_pokok"' in form

    pratinjau = client.post(reverse("templates_surat:pratinjau", args=[template.pk]), _post_data(template))
    assert pratinjau.status_code == 200
    html = pratinjau.content.decode()
    assert "Permohonan Data Layanan Publik Tahun 2026" in html
    assert "KONSEP" in html

    unduh = client.post(reverse("templates_surat:buat", args=[template.pk]), _post_data(template, format="docx"))
    assert unduh.status_code == 200
    assert unduh["Content-Disposition"].startswith('attachment; filename="surat-dinas-')
    dokumen = docx.Document(io.BytesIO(unduh.content))
    teks = " ".join(
        [p.text for p in dokumen.paragraphs] + [c.text for t in dokumen.tables for r in t.rows for c in r.cells]
    )
    assert "Dr. Ahmad Fauzi, S.Kom., M.T." in teks
    assert "Permohonan Data Layanan Publik Tahun 2026" in teks

    pdf = client.post(reverse("templates_surat:buat", args=[template.pk]), _post_data(template, format="pdf"))
    assert pdf.status_code == 200
    assert pdf.content.startswith(b"%PDF")


def test_isian_salah_ditandai_tanpa_unduhan(templates_demo: None) -> None:
    client = _client("operator")
    template = TemplateSuratPage.objects.get(slug="surat-undangan")
    data = _post_data(template, format="pdf", tanggal_acara="31-02-2026", acara="")
    response = client.post(reverse("templates_surat:buat", args=[template.pk]), data)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/html")
    html = response.content.decode()
    assert "Periksa kembali isian yang ditandai." in html
    assert "Masukkan tanggal yang valid" in html or "tanggal yang benar" in html.lower() or "error" in html

    pratinjau = client.post(reverse("templates_surat:pratinjau", args=[template.pk]), data)
    assert pratinjau.status_code == 400
    assert set(pratinjau.json()["galat"]) == {"tanggal_acara", "acara"}
