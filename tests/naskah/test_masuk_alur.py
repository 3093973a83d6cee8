"""Incoming letters end to end through the services and the admin pages: registration
with agenda numbers and duplicate warning, internal delivery, the disposition tree on
the Wagtail workflow, bad input, access, and history that cannot be rewritten."""

from __future__ import annotations

import datetime
from typing import Any

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError, connection, transaction
from django.utils import timezone
from wagtail.models import TaskState, WorkflowState

from naskah import akses, layanan, layanan_masuk, selectors_masuk
from naskah.layanan import GalatNaskah
from naskah.models import (
    Arsip,
    Disposisi,
    JejakNaskah,
    NaskahMasukPage,
    StatusDisposisi,
    StatusMasuk,
)

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
HARI_INI = timezone.localdate


def scan(nama: str = "surat.pdf", isi: bytes = PDF) -> SimpleUploadedFile:
    return SimpleUploadedFile(nama, isi, content_type="application/pdf")


@pytest.fixture
def catat(demo: None, u: Any, jab: Any):  # type: ignore[no-untyped-def]
    """Register an external letter for the Kepala Diskominfo as the Diskominfo operator."""

    def _catat(nomor: str = "005/123/BAPPEDA/2026", *, sifat: str = "B", **lain: Any) -> NaskahMasukPage:
        data: dict[str, Any] = {
            "tujuan": jab("pejabat"),
            "nomor_surat": nomor,
            "tanggal_surat": HARI_INI() - datetime.timedelta(days=2),
            "pengirim": "Kepala Bappeda Kota",
            "perihal": "Undangan rapat koordinasi RKPD",
            "sifat": sifat,
            "scan": scan(),
        }
        data.update(lain)
        return layanan_masuk.daftarkan(u("operator"), **data)

    return _catat


def _baru(naskah: NaskahMasukPage) -> NaskahMasukPage:
    return NaskahMasukPage.objects.get(pk=naskah.pk)


def test_registrasi_memberi_nomor_agenda_dan_memulai_alur_disposisi(catat: Any, u: Any) -> None:
    a = catat("001/A/2026")
    b = catat("002/B/2026")
    assert (a.nomor_agenda, b.nomor_agenda) == (1, 2)
    assert a.agenda == f"1/{HARI_INI().year}"
    assert a.live is False and a.status == StatusMasuk.BARU
    state = a.current_workflow_state
    assert state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == "Disposisi naskah masuk"
    # the kepala holds the task; the operator registered it and may read it
    assert [n for n, *_ in layanan_masuk.aksi_alur(a, u("pejabat"))] == ["disposisikan", "selesai"]
    assert layanan_masuk.aksi_alur(a, u("operator")) == []
    assert akses.dapat_melihat(u("operator"), a) and akses.dapat_melihat(u("pejabat"), a)
    assert not akses.dapat_melihat(u("kadinkes"), a)
    assert JejakNaskah.objects.filter(naskah_id=a.pk, aksi="diterima").count() == 1


def test_duplikat_diperingatkan_dengan_tautan_lalu_boleh_dicatat_sengaja(catat: Any) -> None:
    asli = catat("005/77/DISDIK/2026")
    with pytest.raises(GalatNaskah) as galat:
        catat(" 005/77/disdik/2026 ", pengirim="kepala  bappeda kota")
    assert galat.value.status == 409
    assert [n.pk for n in galat.value.duplikat] == [asli.pk]  # type: ignore[attr-defined]
    assert NaskahMasukPage.objects.count() == 1
    kedua = catat("005/77/DISDIK/2026", abaikan_duplikat=True)
    assert kedua.nomor_agenda == asli.nomor_agenda + 1


@pytest.mark.parametrize(
    ("nama", "isi", "pesan"),
    [
        ("surat.exe", b"MZ\x90\x00", "ekstensi"),
        ("surat.pdf", b"<html>bukan pdf</html>", "tidak sesuai"),
        ("surat.pdf", PDF + b"/JavaScript (app.alert(1))", "skrip"),
        ("surat.png", b"%PDF-1.4", "tidak sesuai"),
    ],
)
def test_pindaian_buruk_ditolak_tanpa_mencatat(catat: Any, nama: str, isi: bytes, pesan: str) -> None:
    with pytest.raises(GalatNaskah) as galat:
        catat(scan=scan(nama, isi))
    assert pesan in " ".join(p for pesan in galat.value.galat.values() for p in pesan).lower()
    assert NaskahMasukPage.objects.count() == 0


def test_pindaian_terlalu_besar_ditolak(catat: Any, settings: Any) -> None:
    besar = SimpleUploadedFile("besar.pdf", PDF + b"0" * (21 * 1024 * 1024), content_type="application/pdf")
    with pytest.raises(GalatNaskah) as galat:
        catat(scan=besar)
    assert "20 MB" in " ".join(galat.value.galat["scan"])
    assert NaskahMasukPage.objects.count() == 0


def test_operator_hanya_mencatat_untuk_opd_sendiri(catat: Any, jab: Any) -> None:
    with pytest.raises(GalatNaskah) as galat:
        catat(tujuan=jab("kadinkes"))
    assert galat.value.status == 403
    assert NaskahMasukPage.objects.count() == 0


def _disposisi_lengkap(catat: Any, u: Any, jab: Any, commit: Any, sifat: str = "B") -> dict[str, Any]:
    """External letter → kepala disposes to 2 kabid → one forwards to 2 staff."""
    naskah = catat(sifat=sifat)
    batas = HARI_INI() + datetime.timedelta(days=5)
    with commit():
        kabid = layanan_masuk.disposisikan(
            naskah,
            u("pejabat"),
            kepada_jabatan=[jab("kabid.ikp"), jab("admin")],
            instruksi=["ditindaklanjuti", "koordinasikan"],
            catatan="Siapkan bahan paparan.",
            batas_waktu=batas,
        )
    ikp = next(d for d in kabid if d.kepada_jabatan == jab("kabid.ikp"))
    with commit():
        staf = layanan_masuk.teruskan(
            ikp,
            u("kabid.ikp"),
            kepada_jabatan=[jab("kasi.pip")],
            kepada_user=[u("humas")],
            instruksi=["dipelajari"],
            batas_waktu=batas - datetime.timedelta(days=1),
        )
    return {"naskah": naskah, "kabid": kabid, "ikp": ikp, "staf": staf, "batas": batas}


def test_disposisi_berantai_sampai_selesai_dan_diarsipkan(catat: Any, u: Any, jab: Any, commit: Any) -> None:
    alur = _disposisi_lengkap(catat, u, jab, commit)
    naskah, ikp, staf = alur["naskah"], alur["ikp"], alur["staf"]
    aptika = next(d for d in alur["kabid"] if d is not ikp)
    assert _baru(naskah).status == StatusMasuk.DIDISPOSISI
    assert ikp.dibaca_pada is None or Disposisi.objects.get(pk=ikp.pk).dibaca_pada is not None  # forwarding reads it

    # the forwarder cannot finish before the branch below is done
    with pytest.raises(GalatNaskah, match="belum selesai"):
        layanan_masuk.selesaikan(ikp, u("kabid.ikp"), tindak_lanjut="Sudah.")
    for d, siapa in zip(staf, ("kasi.pip", "humas"), strict=True):
        layanan_masuk.selesaikan(d, u(siapa), tindak_lanjut=f"Bahan disiapkan oleh {siapa}.")
    layanan_masuk.selesaikan(ikp, u("kabid.ikp"), tindak_lanjut="Bahan paparan terkumpul.")
    assert _baru(naskah).status == StatusMasuk.DIDISPOSISI  # Aptika's branch is still open
    ts = naskah.current_workflow_state.current_task_state
    assert ts.status == TaskState.STATUS_IN_PROGRESS

    layanan_masuk.selesaikan(aptika, u("admin"), tindak_lanjut="Ruang rapat dan jaringan siap.")
    selesai = _baru(naskah)
    assert selesai.status == StatusMasuk.SELESAI and selesai.selesai_pada is not None
    assert TaskState.objects.get(pk=ts.pk).status == TaskState.STATUS_APPROVED
    assert WorkflowState.objects.get(pk=ts.workflow_state_id).status == WorkflowState.STATUS_APPROVED
    assert Arsip.objects.filter(naskah_id=naskah.pk, jenis="masuk").exists()

    pohon = selectors_masuk.pohon(selesai)
    assert [s["d"].kepada_label for s in pohon] == [
        "Kepala Bidang Informasi dan Komunikasi Publik",
        "Kepala Bidang Aplikasi Informatika",
    ]
    assert [s["d"].kepada_label for s in pohon[0]["anak"]] == [
        "Kepala Seksi Pengelolaan Informasi Publik",
        u("humas").pegawai.nama,
    ]
    aksi = list(JejakNaskah.objects.filter(naskah_id=naskah.pk).values_list("aksi", flat=True))
    assert aksi[0] == "diterima" and aksi[-1] == "selesai_naskah"
    assert aksi.count("disposisikan") == 2 and aksi.count("teruskan") == 2 and aksi.count("selesai") == 4


def test_pemegang_disposisi_membaca_naskah_rahasia_dan_orang_lain_tidak(
    catat: Any, u: Any, jab: Any, commit: Any
) -> None:
    alur = _disposisi_lengkap(catat, u, jab, commit, sifat="R")
    naskah = _baru(alur["naskah"])
    for siapa in ("pejabat", "operator", "kabid.ikp", "admin", "kasi.pip", "humas"):
        assert akses.dapat_melihat(u(siapa), naskah), siapa
    for siapa in ("staf", "sek.diskominfo", "kadinkes", "arsiparis", "sekda"):
        assert not akses.dapat_melihat(u(siapa), naskah), siapa
    assert "Undangan" not in naskah.title


def test_disposisi_internal_membuka_naskah_asli_bagi_pemegang(
    demo: None, buat_naskah: Any, u: Any, jab: Any, commit: Any
) -> None:
    keluar = buat_naskah(sifat="R", pemaraf=(), penandatangan="pejabat", penerima=("kadinkes",), tembusan=())
    layanan.ajukan(keluar, u("operator"))
    with commit():
        layanan.setujui(keluar, u("pejabat"))
    keluar.refresh_from_db()
    assert keluar.status == "terkirim"
    masuk = NaskahMasukPage.objects.get(asal=keluar)
    assert masuk.tujuan == jab("kadinkes") and masuk.unit == jab("kadinkes").unit.opd
    assert masuk.nomor_surat == keluar.nomor and masuk.nomor_agenda == 1
    assert not akses.dapat_melihat(u("kabid.yankes"), keluar)
    with commit():
        layanan_masuk.disposisikan(masuk, u("kadinkes"), kepada_jabatan=[jab("kabid.yankes")], instruksi=["dipelajari"])
    assert akses.dapat_melihat(u("kabid.yankes"), keluar)
    assert akses.dapat_melihat(u("kabid.yankes"), masuk)
    assert not akses.dapat_melihat(u("staf.dinkes"), keluar)
    # the Plh of the Kepala Dinkes acts for the post
    assert next(n for n, *_ in layanan_masuk.aksi_alur(masuk, u("sek.dinkes"))) == "disposisikan"
    # delivering again changes nothing
    assert layanan_masuk.terima_internal(keluar) == []


@pytest.mark.parametrize(
    ("siapa", "kepada", "lain", "pesan"),
    [
        ("pejabat", ["kadinkes"], {}, "di luar unit"),
        ("pejabat", ["pejabat"], {}, "diri sendiri"),
        ("pejabat", ["kabid.ikp"], {"batas_waktu": "kemarin"}, "sebelum hari ini"),
        ("pejabat", ["kabid.ikp"], {"instruksi": ["sulap"]}, "tidak dikenal"),
        ("pejabat", ["kabid.ikp"], {"instruksi": []}, "instruksi atau tulis catatan"),
        ("pejabat", [], {}, "sedikitnya satu"),
        ("kabid.ikp", ["humas"], {}, "Hanya Kepala Dinas"),
    ],
)
def test_disposisi_salah_ditolak_tanpa_perubahan(
    catat: Any, u: Any, jab: Any, siapa: str, kepada: list[str], lain: dict[str, Any], pesan: str
) -> None:
    naskah = catat()
    data: dict[str, Any] = {"kepada_jabatan": [jab(k) for k in kepada], "instruksi": ["diketahui"]}
    data.update(lain)
    if data.get("batas_waktu") == "kemarin":
        data["batas_waktu"] = HARI_INI() - datetime.timedelta(days=1)
    with pytest.raises(GalatNaskah, match=pesan):
        layanan_masuk.disposisikan(naskah, u(siapa), **data)
    assert Disposisi.objects.count() == 0
    assert _baru(naskah).status == StatusMasuk.BARU


def test_batal_hanya_sebelum_dibuka_dan_menyelesaikan_milik_orang_lain_ditolak(
    catat: Any, u: Any, jab: Any, commit: Any, client: Any
) -> None:
    naskah = catat()
    with commit():
        a, b = layanan_masuk.disposisikan(
            naskah, u("pejabat"), kepada_jabatan=[jab("kabid.ikp"), jab("admin")], instruksi=["diketahui"]
        )
    with pytest.raises(GalatNaskah, match="bukan untuk Anda"):
        layanan_masuk.selesaikan(a, u("admin"), tindak_lanjut="bukan milik saya")
    with pytest.raises(GalatNaskah, match="pemberi disposisi"):
        layanan_masuk.batalkan(a, u("kabid.ikp"))
    # the recipient opens the letter page: no longer cancellable
    client.force_login(u("kabid.ikp"))
    assert client.get(f"/admin/naskah/surat-masuk/{naskah.pk}/").status_code == 200
    with pytest.raises(GalatNaskah, match="sudah dibuka"):
        layanan_masuk.batalkan(a, u("pejabat"))
    assert Disposisi.objects.get(pk=a.pk).status == StatusDisposisi.AKTIF
    # the unopened one can be withdrawn; its holder loses access again
    assert akses.dapat_melihat(u("admin"), naskah)
    layanan_masuk.batalkan(b, u("pejabat"), "salah tujuan")
    assert Disposisi.objects.get(pk=b.pk).status == StatusDisposisi.DIBATALKAN
    naskah.sifat = "R"
    NaskahMasukPage.objects.filter(pk=naskah.pk).update(sifat="R")
    akses.perbarui_akses(_baru(naskah))
    assert not akses.dapat_melihat(u("admin"), _baru(naskah))


def test_aksi_dari_modal_alur_wagtail(catat: Any, u: Any, jab: Any, client: Any) -> None:
    """The kepala disposes through Wagtail's own workflow action view (the dashboard/editor modal)."""
    naskah = catat()
    ts = naskah.current_workflow_state.current_task_state
    client.force_login(u("pejabat"))
    url = f"/admin/pages/workflow/action/{naskah.pk}/disposisikan/{ts.pk}/"
    xhr = {"HTTP_X_REQUESTED_WITH": "XMLHttpRequest"}
    awal = client.get(url, **xhr)
    assert awal.status_code == 200
    assert "Bicarakan dengan saya" in awal.json()["html"] and "Kepala Bidang Informasi" in awal.json()["html"]
    resp = client.post(
        url,
        {"kepada_jabatan": [jab("kabid.ikp").pk], "instruksi": ["ditindaklanjuti"], "catatan": "Segera."},
        **xhr,
    )
    assert resp.status_code == 200 and resp.json()["step"] == "success"
    d = Disposisi.objects.get(naskah=naskah)
    assert d.kepada_jabatan == jab("kabid.ikp") and d.instruksi == ["ditindaklanjuti"]
    # the holder finishes through the same modal; the letter completes
    client.force_login(u("kabid.ikp"))
    resp = client.post(
        f"/admin/pages/workflow/action/{naskah.pk}/selesai/{ts.pk}/", {"tindak_lanjut": "Sudah dihadiri."}, **xhr
    )
    assert resp.status_code == 200 and resp.json()["step"] == "success"
    assert _baru(naskah).status == StatusMasuk.SELESAI
    # an outsider has no action there
    client.force_login(u("staf"))
    assert client.get(url, **xhr).status_code in (302, 403, 404)
    assert Disposisi.objects.count() == 1


def test_halaman_registrasi_dan_detail_admin(demo: None, u: Any, jab: Any, client: Any) -> None:
    client.force_login(u("operator"))
    form = client.get("/admin/naskah/surat-masuk/baru/")
    assert form.status_code == 200 and "Kepala Dinas Komunikasi dan Informatika" in form.content.decode()
    data = {
        "tujuan": jab("pejabat").pk,
        "pengirim": "Camat Kota Barat",
        "nomor_surat": "400/12/KEC/2026",
        "tanggal_surat": (HARI_INI() - datetime.timedelta(days=1)).isoformat(),
        "perihal": "Laporan gangguan jaringan",
        "sifat": "B",
        "urgensi": "segera",
        "scan": scan(),
    }
    resp = client.post("/admin/naskah/surat-masuk/baru/", data)
    naskah = NaskahMasukPage.objects.get()
    assert resp.status_code == 302 and resp["Location"].endswith(f"/surat-masuk/{naskah.pk}/")
    # same sender + number again: a warning with a link, nothing created
    data["scan"] = scan()
    ulang = client.post("/admin/naskah/surat-masuk/baru/", data)
    assert ulang.status_code == 200 and f"/surat-masuk/{naskah.pk}/" in ulang.content.decode()
    assert NaskahMasukPage.objects.count() == 1
    # invalid form keeps what was typed
    kosong = client.post("/admin/naskah/surat-masuk/baru/", {**data, "perihal": "", "scan": scan()})
    assert kosong.status_code == 200 and "Camat Kota Barat" in kosong.content.decode()
    assert NaskahMasukPage.objects.count() == 1

    client.force_login(u("pejabat"))
    halaman = client.get(f"/admin/naskah/surat-masuk/{naskah.pk}/").content.decode()
    assert "Kirim disposisi" in halaman and "Laporan gangguan jaringan" in halaman
    resp = client.post(
        f"/admin/naskah/surat-masuk/{naskah.pk}/aksi/disposisikan/",
        {"kepada_jabatan": [jab("admin").pk], "instruksi": ["ditindaklanjuti"], "batas_waktu": HARI_INI().isoformat()},
    )
    assert resp.status_code == 302
    client.force_login(u("admin"))
    inbox = client.get("/admin/naskah/disposisi/").content.decode()
    assert "Laporan gangguan jaringan" in inbox
    assert client.get(f"/admin/naskah/surat-masuk/{naskah.pk}/scan/").status_code == 200
    client.force_login(u("kadinkes"))
    assert client.get(f"/admin/naskah/surat-masuk/{naskah.pk}/").status_code == 404
    assert client.get(f"/admin/naskah/surat-masuk/{naskah.pk}/scan/").status_code == 404


def test_riwayat_tidak_dapat_diubah_atau_dihapus(catat: Any) -> None:
    naskah = catat()
    jejak = JejakNaskah.objects.get(naskah_id=naskah.pk)
    with pytest.raises(ValidationError):
        jejak.save()
    with pytest.raises(ValidationError):
        jejak.delete()
    with pytest.raises(ValidationError):
        JejakNaskah.objects.filter(pk=jejak.pk).update(aksi="palsu")
    with pytest.raises(ValidationError):
        JejakNaskah.objects.filter(pk=jejak.pk).delete()
    with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
        c.execute("UPDATE naskah_jejaknaskah SET aksi = 'palsu' WHERE id = %s", [jejak.pk])
    if connection.vendor == "postgresql":
        with pytest.raises(DatabaseError), transaction.atomic(), connection.cursor() as c:
            c.execute("DELETE FROM naskah_jejaknaskah WHERE id = %s", [jejak.pk])
    assert JejakNaskah.objects.get(pk=jejak.pk).aksi == "diterima"


def test_kotak_disposisi_jumlah_kueri_tetap(catat: Any, u: Any, jab: Any, client: Any) -> None:
    """ "Disposisi untuk saya" runs the same number of queries for 10 and 200 rows."""
    from django.test.utils import CaptureQueriesContext

    naskah = [catat(f"900/{i}/2026", sifat="R" if i % 3 == 0 else "B") for i in range(10)]
    for n in naskah:
        layanan_masuk.disposisikan(n, u("pejabat"), kepada_jabatan=[jab("admin")], instruksi=["diketahui"])
    client.force_login(u("admin"))

    def hitung() -> int:
        with CaptureQueriesContext(connection) as q:
            resp = client.get("/admin/naskah/disposisi/?p=2")
            assert resp.status_code in (200, 404)
            assert client.get("/admin/naskah/disposisi/").status_code == 200
        return len(q)

    sepuluh = hitung()
    contoh = Disposisi.objects.first()
    assert contoh is not None
    Disposisi.objects.bulk_create(
        [
            Disposisi(
                naskah=naskah[i % 10],
                dari_user=contoh.dari_user,
                dari_jabatan=contoh.dari_jabatan,
                kepada_user=u("admin") if i % 2 else None,
                kepada_jabatan=None if i % 2 else jab("admin"),
                instruksi=["diketahui"],
                batas_waktu=HARI_INI() - datetime.timedelta(days=i % 4),
            )
            for i in range(190)
        ]
    )
    assert selectors_masuk.disposisi_untuk(u("admin")).count() == 200
    assert hitung() == sepuluh
