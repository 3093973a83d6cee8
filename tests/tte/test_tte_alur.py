"""The signature in the letter chain with the local signer: the passphrase at the final
approval (required, checked, attempts limited), the worker signing with the held
passphrase, Antrian TTE when it is gone, and the public verification page."""

from __future__ import annotations

from typing import Any

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from naskah import layanan, tasks
from naskah.models import NaskahKeluarPage, PercobaanSandi, Sifat, StatusNaskah, TitipanSandi
from naskah.tte import titipan
from naskah.tte.verifikasi import periksa_pdf
from templates_surat.models import NomorTerbit, TemplateSuratPage

SANDI_BENAR = "sandi-rahasia-123"  # the `sertifikat` fixture's passphrase

pytestmark = [pytest.mark.django_db]


@pytest.fixture(autouse=True)
def _penanda_lokal(settings: Any) -> None:
    settings.LONTAR_PENANDA = "lokal"


def _user(username: str) -> Any:
    return get_user_model().objects.get(username=username)


@pytest.fixture
def diajukan(sertifikat: Any, django_capture_on_commit_callbacks: Any):  # type: ignore[no-untyped-def]
    def _buat(sifat: str = Sifat.BIASA, perihal: str = "Undangan rapat koordinasi TTE") -> NaskahKeluarPage:
        naskah = layanan.buat_konsep(
            _user("operator"),
            TemplateSuratPage.objects.get(slug="surat-dinas"),
            perihal=perihal,
            sifat=sifat,
            isian={"dasar": "Rencana kerja 2026.", "isi_pokok": "Mohon hadir pada rapat koordinasi."},
            penerima=[_user("kadinkes").pegawai.jabatan],
            pemaraf=[],
            penandatangan=_user("pejabat").pegawai.jabatan,
        )
        with django_capture_on_commit_callbacks(execute=True):
            return layanan.ajukan(naskah, _user("operator"))

    return _buat


def _setujui(naskah: NaskahKeluarPage, sandi: str, capture: Any) -> NaskahKeluarPage:
    with capture(execute=True):
        layanan.setujui(naskah, _user("pejabat"), sandi=sandi)
    return NaskahKeluarPage.objects.get(pk=naskah.pk)


def test_tanpa_atau_salah_passphrase_tidak_disetujui(diajukan, django_capture_on_commit_callbacks) -> None:
    naskah = diajukan()
    for sandi in ("", "bukan-passphrase-ini"):
        with pytest.raises(layanan.GalatNaskah) as galat:
            _setujui(naskah, sandi, django_capture_on_commit_callbacks)
        assert "sandi" in galat.value.galat
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.DIAJUKAN and not naskah.nomor
    assert NomorTerbit.objects.count() == 0  # no number used up
    assert list(PercobaanSandi.objects.values_list("berhasil", flat=True)) == [False]


def test_percobaan_dibatasi(diajukan, settings, django_capture_on_commit_callbacks) -> None:
    settings.LONTAR_TTE_BATAS_PERCOBAAN = 3
    naskah = diajukan()
    for _ in range(3):
        with pytest.raises(layanan.GalatNaskah):
            _setujui(naskah, "salah-salah-salah", django_capture_on_commit_callbacks)
    with pytest.raises(layanan.GalatNaskah) as galat:  # even the right one waits now
        _setujui(naskah, SANDI_BENAR, django_capture_on_commit_callbacks)
    assert galat.value.status == 429
    assert NaskahKeluarPage.objects.get(pk=naskah.pk).status == StatusNaskah.DIAJUKAN


def test_ditandatangani_pades_dan_dikirim(diajukan, django_capture_on_commit_callbacks) -> None:
    naskah = _setujui(diajukan(), SANDI_BENAR, django_capture_on_commit_callbacks)
    assert naskah.status == StatusNaskah.TERKIRIM
    assert naskah.penanda_tte == "lokal" and naskah.galat_tte == ""
    assert naskah.kode_verifikasi and len(naskah.hash_ttd) == 64
    assert not TitipanSandi.objects.exists()  # the passphrase is gone once used
    with naskah.berkas_ttd.open("rb") as f:
        hasil = periksa_pdf(f.read())
    assert hasil.status == "sah", hasil.pesan
    assert PercobaanSandi.objects.filter(berhasil=True).count() == 1


def test_docx_salinan_bertanda(diajukan, django_capture_on_commit_callbacks, client) -> None:
    import io

    from docx import Document

    naskah = _setujui(diajukan(), SANDI_BENAR, django_capture_on_commit_callbacks)
    client.force_login(_user("pejabat"))
    docx = client.get(reverse("naskah:unduh", args=[naskah.pk, "docx"]))
    assert "salinan-tanpa-ttd" in docx["Content-Disposition"]
    pertama = Document(io.BytesIO(docx.content)).paragraphs[0].text
    assert pertama.startswith("SALINAN TANPA TANDA TANGAN ELEKTRONIK") and naskah.kode_verifikasi in pertama
    pdf = client.get(reverse("naskah:unduh", args=[naskah.pk, "pdf"]))
    assert b"".join(pdf.streaming_content) == naskah.berkas_ttd.open("rb").read()  # recipients get the signed PDF


def test_passphrase_kedaluwarsa_menunggu_di_antrian(diajukan, django_capture_on_commit_callbacks, client) -> None:
    naskah = diajukan()
    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(tasks.tandatangani_naskah, "delay", lambda *a, **k: None)  # the worker is away
        naskah = _setujui(naskah, SANDI_BENAR, django_capture_on_commit_callbacks)
    assert naskah.status == StatusNaskah.MENUNGGU_TTE
    TitipanSandi.objects.update(kedaluwarsa="2000-01-01T00:00:00Z")  # held too long
    assert titipan.bersihkan() == 1
    assert layanan.selesaikan_tte(naskah.pk) is False
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.MENUNGGU_TTE and "Antrian TTE" in naskah.galat_tte

    client.force_login(_user("pejabat"))
    halaman = client.get(reverse("naskah:antrian_tte"))
    assert halaman.status_code == 200 and naskah.nomor in halaman.content.decode()
    salah = client.post(reverse("naskah:sandi_tte", args=[naskah.pk]), {"sandi": "keliru-keliru"}, follow=True)
    assert "Passphrase salah" in salah.content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(reverse("naskah:sandi_tte", args=[naskah.pk]), {"sandi": SANDI_BENAR})
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM and naskah.galat_tte == ""
    # someone else cannot give a passphrase for it
    client.force_login(_user("operator"))
    assert client.post(reverse("naskah:sandi_tte", args=[naskah.pk]), {"sandi": SANDI_BENAR}).status_code == 404


def test_halaman_verifikasi_kode(diajukan, django_capture_on_commit_callbacks, client) -> None:
    biasa = _setujui(diajukan(), SANDI_BENAR, django_capture_on_commit_callbacks)
    rahasia = _setujui(
        diajukan(sifat=Sifat.RAHASIA, perihal="Hasil audit internal tertutup"),
        SANDI_BENAR,
        django_capture_on_commit_callbacks,
    )
    halaman = client.get(f"/verifikasi/{biasa.kode_verifikasi}/")
    teks = halaman.content.decode()
    assert halaman.status_code == 200
    assert "Sah." in teks and biasa.nomor in teks and biasa.perihal in teks and biasa.hash_ttd in teks
    assert "Kepala Dinas" in teks
    assert reverse("naskah:unduh", args=[biasa.pk, "pdf"]) not in teks  # anonymous: no download

    teks = client.get(f"/verifikasi/{rahasia.kode_verifikasi}/").content.decode()
    assert "Sah." in teks and rahasia.nomor in teks and "Hasil audit internal" not in teks

    assert client.get("/verifikasi/TIDAKADAKODEINI/").status_code == 404

    client.force_login(_user("pejabat"))
    teks = client.get(f"/verifikasi/{biasa.kode_verifikasi}/").content.decode()
    assert reverse("naskah:unduh", args=[biasa.pk, "pdf"]) in teks


def test_unggah_verifikasi(diajukan, django_capture_on_commit_callbacks, client, settings) -> None:
    from django.core.files.uploadedfile import SimpleUploadedFile

    naskah = _setujui(diajukan(), SANDI_BENAR, django_capture_on_commit_callbacks)
    with naskah.berkas_ttd.open("rb") as f:
        asli = f.read()
    hasil = client.post("/verifikasi/", {"berkas": SimpleUploadedFile("surat.pdf", asli)})
    assert hasil.status_code == 200 and 'data-status="sah"' in hasil.content.decode()

    rusak = bytearray(asli)
    posisi = asli.index(b"/Contents") - 200  # inside the signed byte range (page content / objects)
    rusak[posisi] = ord("X") if rusak[posisi] != ord("X") else ord("Y")
    hasil = client.post("/verifikasi/", {"berkas": SimpleUploadedFile("surat.pdf", bytes(rusak))})
    assert 'data-status="sah"' not in hasil.content.decode()

    hasil = client.post("/verifikasi/", {"berkas": SimpleUploadedFile("foto.pdf", b"\x89PNG\r\n\x1a\n" + b"0" * 100)})
    assert 'data-status="bukan_pdf"' in hasil.content.decode()

    settings.LONTAR_TTE_BATAS_UNGGAH_MB = 1
    besar = SimpleUploadedFile("besar.pdf", b"%PDF-1.7\n" + b"0" * (2 * 1024 * 1024))
    assert client.post("/verifikasi/", {"berkas": besar}).status_code == 413
    assert client.get("/verifikasi/").status_code == 200


def test_modal_alur_wagtail_meminta_passphrase(diajukan, django_capture_on_commit_callbacks, client) -> None:
    """Wagtail's own workflow action (the editor's action menu) asks for the passphrase too."""
    naskah = diajukan()
    ts = layanan.tugas_aktif(naskah)
    client.force_login(_user("pejabat"))
    url = f"/admin/pages/workflow/action/{naskah.pk}/approve/{ts.pk}/"
    modal = client.get(url)
    assert modal.status_code == 200 and 'name=\\"sandi\\"' in modal.content.decode()
    xhr = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}  # the modal posts like this
    galat = client.post(url, {"comment": ""}, **xhr).json()  # the passphrase is required: the form again
    assert galat["step"] == "action" and "sandi" in galat["html"]
    salah = client.post(url, {"comment": "", "sandi": "bukan-yang-ini"}, **xhr).json()
    assert salah["step"] == "success"  # the modal closes; the error is a message on the next page
    assert "Passphrase salah" in client.get(f"/admin/naskah/{naskah.pk}/").content.decode()
    assert NaskahKeluarPage.objects.get(pk=naskah.pk).status == StatusNaskah.DIAJUKAN
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url, {"comment": "", "sandi": SANDI_BENAR}, **xhr)
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM and naskah.penanda_tte == "lokal"
