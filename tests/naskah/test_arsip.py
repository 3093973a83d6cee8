"""Archive: the klasifikasi seed (Permendagri 83/2022 with JRA rules), due dates of final
letters, the arsiparis' retention report and actions (transfer, destruction with berita
acara, permanent), and the append-only history down to the database."""

from __future__ import annotations

import datetime
import importlib
from types import SimpleNamespace
from zoneinfo import ZoneInfo

import pytest
import time_machine
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from naskah import layanan, layanan_arsip, layanan_masuk
from naskah.models import (
    Arsip,
    JejakNaskah,
    Klasifikasi,
    NaskahKeluarPage,
    NaskahMasukPage,
    StatusArsip,
    StatusMasuk,
    StatusNaskah,
    TindakanArsip,
)
from templates_surat.models import TemplateSuratPage

pytestmark = pytest.mark.django_db

WIB = ZoneInfo("Asia/Jakarta")
PUNCAK = ["000", "100", "200", "300", "400", "500", "600", "700", "800", "900"]
ISIAN = {"dasar": "Rencana kerja tahun berjalan.", "isi_pokok": "Dengan hormat, kami sampaikan laporan."}
PERIHAL_RAHASIA = "Rencana operasi penertiban gudang ilegal"
PDF = b"%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"


def _tahun(tanggal: datetime.date, n: int) -> datetime.date:
    try:
        return tanggal.replace(year=tanggal.year + n)
    except ValueError:
        return tanggal.replace(year=tanggal.year + n, day=28)


def _pada(tanggal: datetime.date):  # type: ignore[no-untyped-def]
    """The clock moved to 10:00 WIB on `tanggal` (no faked dates in the records)."""
    return time_machine.travel(datetime.datetime.combine(tanggal, datetime.time(10), tzinfo=WIB), tick=False)


def _pdf(nama: str = "ba-pemusnahan.pdf", isi: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


def _klien(username: str) -> Client:
    """Logged in now (a session made before a clock jump would have expired)."""
    client = Client()
    client.force_login(get_user_model().objects.get(username=username))
    return client


def _kirim(u, jab, commit, *, perihal: str, klasifikasi: str) -> NaskahKeluarPage:  # type: ignore[no-untyped-def]
    """An outgoing letter through approval to sent (archived on sending)."""
    naskah = layanan.buat_konsep(
        u("operator"),
        TemplateSuratPage.objects.get(slug="surat-dinas"),
        perihal=perihal,
        klasifikasi=klasifikasi,
        isian=dict(ISIAN),
        penerima=[jab("kadinkes")],
        penandatangan=jab("pejabat"),
    )
    with commit():
        naskah = layanan.ajukan(naskah, u("operator"))
    with commit():
        layanan.setujui(naskah, u("pejabat"))
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM, naskah.galat_tte
    return naskah


def _masuk_rahasia(u, jab) -> NaskahMasukPage:  # type: ignore[no-untyped-def]
    """An external Rahasia letter registered and closed by its addressee (archived on finishing)."""
    naskah = layanan_masuk.daftarkan(
        u("operator"),
        tujuan=jab("pejabat"),
        nomor_surat="300.1/45/SATPOLPP/2026",
        tanggal_surat=timezone.localdate(),
        pengirim="Satuan Polisi Pamong Praja",
        perihal=PERIHAL_RAHASIA,
        sifat="R",
        klasifikasi="000.7.2",
    )
    naskah = layanan_masuk.selesaikan_naskah(naskah, u("pejabat"), "Diarsipkan.")
    assert naskah.status == StatusMasuk.SELESAI
    return naskah


@pytest.fixture
def arsip_demo(demo, u, jab, commit):  # type: ignore[no-untyped-def]
    """Three final letters of Diskominfo made today:
    - keluar 000.5.2 (JRA 2 + 3 years, musnah)
    - masuk Rahasia 000.7.2 (2 + 3, permanen)
    - keluar 000.1.2.3 (5 + 3, musnah)"""
    keluar = _kirim(u, jab, commit, perihal="Laporan pembinaan kearsipan triwulan", klasifikasi="000.5.2")
    masuk = _masuk_rahasia(u, jab)
    dinas = _kirim(u, jab, commit, perihal="Perjalanan dinas ke Bappeda provinsi", klasifikasi="000.1.2.3")
    return SimpleNamespace(
        hari_ini=timezone.localdate(),
        keluar=Arsip.objects.get(naskah_id=keluar.pk),
        masuk=Arsip.objects.get(naskah_id=masuk.pk),
        dinas=Arsip.objects.get(naskah_id=dinas.pk),
        naskah_keluar=keluar,
        naskah_masuk=masuk,
    )


# --- the seed -----------------------------------------------------------------------------


def test_klasifikasi_awal_dan_kode_template_demo(demo) -> None:  # type: ignore[no-untyped-def]
    puncak = Klasifikasi.objects.filter(induk__isnull=True)
    assert sorted(puncak.values_list("kode", flat=True)) == PUNCAK
    assert Klasifikasi.objects.get(kode="900").nama == "Keuangan"
    assert Klasifikasi.objects.filter(induk__isnull=False).count() >= 40
    surat_tugas = Klasifikasi.objects.get(kode="800.1.11.1")
    assert "Surat Tugas" in surat_tugas.nama
    assert surat_tugas.induk.kode == "800.1.11"
    assert surat_tugas.induk.induk.kode == "800.1"
    for k in Klasifikasi.objects.all():  # every rule is complete and sensible
        assert k.retensi_aktif >= 1 and k.retensi_inaktif >= 1, k.kode
        assert k.nasib_akhir in {"musnah", "permanen", "dinilai_kembali"}, k.kode

    kode_template = set(
        TemplateSuratPage.objects.exclude(klasifikasi_bawaan="").values_list("klasifikasi_bawaan", flat=True)
    )
    assert len(kode_template) >= 5
    for kode in kode_template:  # each template's default code exists as such
        assert layanan_arsip.cari_klasifikasi(kode).kode == kode
    assert layanan_arsip.cari_klasifikasi("000.7.2").kode == "000.7.2"  # demo letters


def test_seed_idempoten() -> None:
    migrasi = importlib.import_module("naskah.migrations.0004_klasifikasi_awal")
    jumlah = Klasifikasi.objects.count()
    Klasifikasi.objects.filter(kode="000.5.2").update(retensi_aktif=9)
    migrasi.muat(apps, SimpleNamespace(connection=connection))
    assert Klasifikasi.objects.count() == jumlah
    assert Klasifikasi.objects.get(kode="000.5.2").retensi_aktif == 2


# --- due dates ------------------------------------------------------------------------------


def test_jatuh_tempo_dari_jra(arsip_demo, u) -> None:  # type: ignore[no-untyped-def]
    hari_ini = arsip_demo.hari_ini
    keluar = arsip_demo.keluar
    assert keluar.jenis == "keluar" and keluar.status == StatusArsip.AKTIF
    assert keluar.klasifikasi.kode == "000.5.2" and keluar.tanggal_final == hari_ini
    assert keluar.jatuh_tempo_aktif == _tahun(hari_ini, 2)
    assert keluar.jatuh_tempo_inaktif == _tahun(hari_ini, 5)
    assert keluar.nasib_akhir == "musnah"

    masuk = arsip_demo.masuk
    assert masuk.jenis == "masuk" and masuk.nasib_akhir == "permanen"
    assert masuk.jatuh_tempo_inaktif == _tahun(hari_ini, 5)
    assert arsip_demo.dinas.jatuh_tempo_aktif == _tahun(hari_ini, 5)
    assert arsip_demo.dinas.jatuh_tempo_inaktif == _tahun(hari_ini, 8)

    # a deeper code than the list has: the nearest ancestor's rule (000.7.2.99 → 000.7.2)
    konsep = layanan.buat_konsep(
        u("operator"), TemplateSuratPage.objects.get(slug="surat-dinas"), perihal="Uji", klasifikasi="000.7.2.99"
    )
    arsip = layanan_arsip.arsipkan(konsep)
    assert arsip.kode_klasifikasi == "000.7.2.99" and arsip.klasifikasi.kode == "000.7.2"
    assert (arsip.jatuh_tempo_aktif, arsip.nasib_akhir) == (_tahun(hari_ini, 2), "permanen")
    assert layanan_arsip.arsipkan(konsep).pk == arsip.pk  # idempotent
    assert layanan_arsip.cari_klasifikasi("999.1") is None


def test_kueri_jatuh_tempo(arsip_demo) -> None:  # type: ignore[no-untyped-def]
    hari_ini = arsip_demo.hari_ini
    assert not layanan_arsip.jatuh_tempo().exists()
    dua_tahun = _tahun(hari_ini, 2)
    ids = {arsip_demo.keluar.pk, arsip_demo.masuk.pk}
    assert set(layanan_arsip.jatuh_tempo(dua_tahun).values_list("pk", flat=True)) == ids
    assert set(layanan_arsip.jatuh_tempo_pindah(dua_tahun).values_list("pk", flat=True)) == ids
    assert not layanan_arsip.jatuh_tempo_akhir(_tahun(hari_ini, 9)).exists()  # nothing inactive yet
    assert not layanan_arsip.jatuh_tempo(dua_tahun - datetime.timedelta(days=1)).exists()


# --- the report --------------------------------------------------------------------------


def test_laporan_hanya_yang_jatuh_tempo_dan_tanpa_perihal_rahasia(arsip_demo) -> None:  # type: ignore[no-untyped-def]
    url = reverse("naskah:arsip")
    assert url == "/admin/naskah/arsip/"
    isi = _klien("arsiparis").get(url).content.decode()
    assert "Tidak ada arsip yang jatuh tempo." in isi  # today: nothing due

    with _pada(_tahun(arsip_demo.hari_ini, 2) + datetime.timedelta(days=1)):
        client = _klien("arsiparis")
        response = client.get(url)
        assert response.status_code == 200
        isi = response.content.decode()
        assert "Laporan pembinaan kearsipan triwulan" in isi
        assert arsip_demo.naskah_keluar.nomor in isi
        assert f"Rahasia #{arsip_demo.naskah_masuk.pk}" in isi
        assert arsip_demo.naskah_masuk.agenda in isi
        assert "Perjalanan dinas ke Bappeda" not in isi  # due in 5 years
        assert PERIHAL_RAHASIA not in isi
        assert "2 arsip jatuh tempo" in isi

        saring = client.get(url, {"jenis": "masuk"}).content.decode()
        assert f"Rahasia #{arsip_demo.naskah_masuk.pk}" in saring and "pembinaan kearsipan" not in saring
        saring = client.get(url, {"klasifikasi": "000.5"}).content.decode()
        assert "pembinaan kearsipan" in saring and "Rahasia #" not in saring
        saring = client.get(url, {"nasib_akhir": "permanen"}).content.decode()
        assert "Rahasia #" in saring and "pembinaan kearsipan" not in saring
        assert "Tidak ada arsip" in client.get(url, {"status": "inaktif"}).content.decode()
        assert "Tidak ada arsip" in client.get(url, {"klasifikasi": "000.1"}).content.decode()

    # looking ahead from today with "jatuh tempo sampai"
    nanti = _tahun(arsip_demo.hari_ini, 6)
    isi = _klien("arsiparis").get(url, {"sampai": nanti.isoformat()}).content.decode()
    assert "Perjalanan dinas ke Bappeda" in isi and "3 arsip jatuh tempo" in isi


def test_laporan_dan_tindakan_tertutup_bagi_selain_arsiparis(arsip_demo, u, jab) -> None:  # type: ignore[no-untyped-def]
    for username in ("operator", "pejabat", "staf"):
        client = _klien(username)
        url = reverse("naskah:arsip_tindakan", args=[arsip_demo.keluar.pk])
        for response in (
            client.get(reverse("naskah:arsip")),
            client.get(url),
            client.post(url, {"aksi": "pindah_inaktif"}),
        ):  # Wagtail admin: "permission denied" sends back to the dashboard
            assert (response.status_code, response["Location"]) == (302, "/admin/")

    # an arsiparis keeps the records of their own Perangkat Daerah only
    lain = layanan_masuk.daftarkan(
        u("operator.dinkes"),
        tujuan=jab("kadinkes"),
        nomor_surat="400.7/9/PKM/2026",
        tanggal_surat=timezone.localdate(),
        pengirim="Puskesmas Kota",
        perihal="Laporan kasus demam berdarah",
        klasifikasi="400.7",
    )
    layanan_masuk.selesaikan_naskah(lain, u("kadinkes"))
    arsip_lain = Arsip.objects.get(naskah_id=lain.pk)
    with _pada(_tahun(arsip_demo.hari_ini, 2) + datetime.timedelta(days=1)):
        client = _klien("arsiparis")
        isi = client.get(reverse("naskah:arsip")).content.decode()
        assert "pembinaan kearsipan" in isi and "demam berdarah" not in isi
        assert client.get(reverse("naskah:arsip_tindakan", args=[arsip_lain.pk])).status_code == 404
        with pytest.raises(layanan.GalatNaskah) as galat:
            layanan_arsip.catat_tindakan(arsip_lain, u("arsiparis"), "pindah_inaktif")
        assert galat.value.status == 403
    assert _jumlah() == (0, 0)


# --- actions -------------------------------------------------------------------------------


def _jumlah() -> tuple[int, int]:
    return TindakanArsip.objects.count(), JejakNaskah.objects.filter(aksi__startswith="arsip_").count()


def test_pindah_lalu_musnah_dengan_berita_acara(arsip_demo, u) -> None:  # type: ignore[no-untyped-def]
    arsip = arsip_demo.keluar
    url = reverse("naskah:arsip_tindakan", args=[arsip.pk])

    # too early: refused with a reason, nothing recorded
    response = _klien("arsiparis").post(url, {"aksi": "pindah_inaktif"})
    assert response.status_code == 409
    assert "baru berakhir pada" in response.content.decode()
    assert _jumlah() == (0, 0)
    arsip.refresh_from_db()
    assert arsip.status == StatusArsip.AKTIF

    with _pada(_tahun(arsip_demo.hari_ini, 2) + datetime.timedelta(days=1)):
        client = _klien("arsiparis")
        assert "Pindah ke inaktif" in client.get(url).content.decode()
        response = client.post(url, {"aksi": "pindah_inaktif", "catatan": "Dipindahkan ke records center."})
        assert response.status_code == 302, response.content.decode()[:2000]
        arsip.refresh_from_db()
        assert arsip.status == StatusArsip.INAKTIF
        halaman = client.get(url).content.decode()
        assert "Dipindahkan ke records center." in halaman
        # destruction waits for the end of the inactive retention
        with pytest.raises(layanan.GalatNaskah) as galat:
            layanan_arsip.catat_tindakan(
                arsip, u("arsiparis"), "musnah", nomor_berita_acara="BA-1", berita_acara=_pdf()
            )
        assert galat.value.status == 409 and "inaktif" in galat.value.pesan
    assert _jumlah() == (1, 1)

    with _pada(_tahun(arsip_demo.hari_ini, 5) + datetime.timedelta(days=1)):
        client = _klien("arsiparis")
        # neither number nor file
        response = client.post(url, {"aksi": "musnah"})
        assert response.status_code == 400
        isi = response.content.decode()
        assert "Nomor berita acara pemusnahan wajib diisi." in isi
        assert "Unggah berkas PDF berita acara pemusnahan." in isi
        # a Word file, and a "PDF" that is not one
        docx = SimpleUploadedFile("ba.docx", b"PK\x03\x04 isi dokumen", content_type="application/octet-stream")
        response = client.post(url, {"aksi": "musnah", "nomor_berita_acara": "045/BA/2031", "berita_acara": docx})
        assert response.status_code == 400 and "berita_acara" in response.context["form"].errors
        palsu = _pdf(isi=b"<html>bukan pdf</html>")
        response = client.post(url, {"aksi": "musnah", "nomor_berita_acara": "045/BA/2031", "berita_acara": palsu})
        assert response.status_code == 400
        assert "tidak sesuai dengan ekstensinya" in response.content.decode()
        assert _jumlah() == (1, 1)
        arsip.refresh_from_db()
        assert arsip.status == StatusArsip.INAKTIF

        response = client.post(
            url, {"aksi": "musnah", "nomor_berita_acara": "045/BA-ARSIP/2031", "berita_acara": _pdf()}
        )
        assert response.status_code == 302
        arsip.refresh_from_db()
        assert arsip.status == StatusArsip.MUSNAH
        tindakan = TindakanArsip.objects.filter(arsip=arsip).last()
        assert (tindakan.aksi, tindakan.user.username) == ("musnah", "arsiparis")
        assert tindakan.nomor_berita_acara == "045/BA-ARSIP/2031" and tindakan.berita_acara.name.endswith(".pdf")
        jejak = JejakNaskah.objects.filter(naskah_id=arsip.naskah_id, aksi="arsip_musnah").get()
        assert jejak.data["nomor_berita_acara"] == "045/BA-ARSIP/2031" and jejak.user.username == "arsiparis"
        unduh = client.get(reverse("naskah:arsip_berita_acara", args=[arsip.pk, tindakan.pk]))
        assert unduh.status_code == 200 and b"".join(unduh.streaming_content).startswith(b"%PDF-")

        # nothing after destruction
        with pytest.raises(layanan.GalatNaskah) as galat:
            layanan_arsip.catat_tindakan(arsip, u("arsiparis"), "permanen")
        assert galat.value.status == 409
    assert _jumlah() == (2, 2)
    # the letter itself is kept: destruction is a recorded state
    assert Page.objects.filter(pk=arsip.naskah_id).exists()
    assert NaskahKeluarPage.objects.get(pk=arsip.naskah_id).nomor == arsip_demo.naskah_keluar.nomor


def test_nasib_permanen_dan_tindakan_tidak_sah(arsip_demo, u) -> None:  # type: ignore[no-untyped-def]
    arsip = arsip_demo.masuk  # Rahasia, JRA permanen
    url = reverse("naskah:arsip_tindakan", args=[arsip.pk])
    with pytest.raises(layanan.GalatNaskah) as galat:  # not a role of the operator
        layanan_arsip.catat_tindakan(arsip, u("operator"), "pindah_inaktif")
    assert galat.value.status == 403

    with _pada(_tahun(arsip_demo.hari_ini, 5) + datetime.timedelta(days=1)):
        pengguna = u("arsiparis")
        with pytest.raises(layanan.GalatNaskah) as galat:  # still active: transfer first
            layanan_arsip.catat_tindakan(arsip, pengguna, "permanen")
        assert galat.value.status == 409 and "aktif" in galat.value.pesan
        with pytest.raises(layanan.GalatNaskah) as galat:
            layanan_arsip.catat_tindakan(arsip, pengguna, "hapus")
        assert galat.value.status == 400 and "aksi" in galat.value.galat
        assert _jumlah() == (0, 0)

        layanan_arsip.catat_tindakan(arsip, pengguna, "pindah_inaktif")
        with pytest.raises(layanan.GalatNaskah) as galat:  # fate is permanent: never destroyed
            layanan_arsip.catat_tindakan(arsip, pengguna, "musnah", nomor_berita_acara="BA-2", berita_acara=_pdf())
        assert galat.value.status == 409 and "permanen" in galat.value.pesan
        assert _jumlah() == (1, 1)

        client = _klien("arsiparis")
        halaman = client.get(url).content.decode()
        assert PERIHAL_RAHASIA not in halaman and f"Rahasia #{arsip.naskah_id}" in halaman
        response = client.post(url, {"aksi": "permanen", "catatan": "Diserahkan ke lembaga kearsipan daerah."})
        assert response.status_code == 302
    arsip.refresh_from_db()
    assert arsip.status == StatusArsip.PERMANEN
    assert list(
        JejakNaskah.objects.filter(naskah_id=arsip.naskah_id, aksi__startswith="arsip_").values_list("aksi", flat=True)
    ) == ["arsip_pindah_inaktif", "arsip_permanen"]


# --- append-only history -----------------------------------------------------------------


def test_riwayat_tidak_dapat_diubah_atau_dihapus(arsip_demo, u) -> None:  # type: ignore[no-untyped-def]
    with _pada(_tahun(arsip_demo.hari_ini, 2) + datetime.timedelta(days=1)):
        tindakan = layanan_arsip.catat_tindakan(arsip_demo.keluar, u("arsiparis"), "pindah_inaktif", catatan="asli")
    jejak = JejakNaskah.objects.filter(aksi="arsip_pindah_inaktif").get()

    tindakan.catatan = "diubah"
    with pytest.raises(ValidationError):
        tindakan.save()
    with pytest.raises(ValidationError):
        tindakan.delete()
    jejak.aksi = "lain"
    with pytest.raises(ValidationError):
        jejak.save()
    with pytest.raises(ValidationError):
        jejak.delete()
    with pytest.raises(ValidationError):
        JejakNaskah.objects.filter(pk=jejak.pk).update(aksi="lain")
    with pytest.raises(ValidationError):
        JejakNaskah.objects.filter(pk=jejak.pk).delete()

    # and in the database itself, past the models
    for tabel, kolom, nilai, pk in (
        ("naskah_tindakanarsip", "catatan", "diubah", tindakan.pk),
        ("naskah_jejaknaskah", "aksi", "lain", jejak.pk),
    ):
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
            cursor.execute(f"UPDATE {tabel} SET {kolom} = %s WHERE id = %s", [nilai, pk])  # noqa: S608
        if connection.vendor == "postgresql":
            with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as cursor:
                cursor.execute(f"DELETE FROM {tabel} WHERE id = %s", [pk])  # noqa: S608
    assert TindakanArsip.objects.get(pk=tindakan.pk).catatan == "asli"
    assert JejakNaskah.objects.get(pk=jejak.pk).aksi == "arsip_pindah_inaktif"


def test_menu_arsip_dan_klasifikasi(demo) -> None:  # type: ignore[no-untyped-def]
    client = _klien("arsiparis")
    beranda = client.get("/admin/").content.decode()
    assert reverse("naskah:arsip") in beranda
    daftar = reverse("klasifikasi_arsip:index")
    isi = client.get(daftar, {"q": "Surat Tugas"}).content.decode()
    assert "800.1.11.1" in isi and "Pembinaan Kearsipan" not in isi
    isi = client.get(daftar, {"nasib_akhir": "permanen"}).content.decode()
    assert "Standar Operasional Prosedur" in isi and "Telekomunikasi" not in isi
    k = Klasifikasi.objects.get(kode="000.1.1")
    edit = reverse("klasifikasi_arsip:edit", args=[k.pk])
    response = client.post(
        edit,
        {"kode": "000.1.1", "nama": k.nama, "retensi_aktif": 2, "retensi_inaktif": 2, "nasib_akhir": "musnah"},
    )
    assert response.status_code == 302
    k.refresh_from_db()
    assert (k.retensi_aktif, k.retensi_inaktif) == (2, 2)

    operator = _klien("operator")
    assert reverse("naskah:arsip") not in operator.get("/admin/").content.decode()
    assert operator.get(daftar).status_code in (302, 403)
