"""Dashboard panels on the Wagtail admin home: this month's letters of the official's OPD,
open/overdue dispositions per unit, letters per month per unit — built through the
services, counted only where the reader may read, in a fixed number of queries.

Clock frozen at Wednesday 11 March 2026 (before the demo is loaded).
"""

from __future__ import annotations

import datetime
import itertools
import re
import zoneinfo
from collections.abc import Iterator
from typing import Any

import pytest
import time_machine
from django.db import connection
from django.test.utils import CaptureQueriesContext

from naskah import layanan, layanan_masuk
from naskah.models import NaskahMasukPage, StatusNaskah
from naskah.panel_dasbor import DataDasbor, _bulan_terakhir, grafik_batang, panel_dasbor

WIB = zoneinfo.ZoneInfo("Asia/Jakarta")
D = datetime.date
HARI_INI = D(2026, 3, 11)
_NOMOR = itertools.count(1)


def saat(tanggal: datetime.date, jam: int = 10) -> datetime.datetime:
    return datetime.datetime(tanggal.year, tanggal.month, tanggal.day, jam, tzinfo=WIB)


@pytest.fixture
def jam(db: None) -> Iterator[Any]:
    with time_machine.travel(saat(HARI_INI), tick=False) as traveller:
        yield traveller


@pytest.fixture
def dunia(jam: Any, demo: None) -> Any:
    return jam


def _masuk(u: Any, jab: Any, kepada: str = "pejabat", diterima: datetime.date | None = None) -> NaskahMasukPage:
    return layanan_masuk.daftarkan(
        u("operator"),
        tujuan=jab(kepada),
        nomor_surat=f"400.14/{next(_NOMOR)}/DPMPTSP/2026",
        tanggal_surat=(diterima or D(2026, 3, 2)) - datetime.timedelta(days=3),
        pengirim="Dinas Penanaman Modal dan PTSP",
        perihal="Permohonan data layanan perizinan",
        tanggal_terima=diterima,
    )


def _kirim(buat_naskah: Any, u: Any, commit: Any) -> Any:
    naskah = buat_naskah(pemaraf=())
    with commit():
        naskah = layanan.ajukan(naskah, u("operator"))
    with commit():
        naskah = layanan.setujui(naskah, u("pejabat"))
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM, naskah.galat_tte
    return naskah


def _bangun(dunia: Any, buat_naskah: Any, u: Any, jab: Any, commit: Any) -> dict[str, Any]:
    """Diskominfo: 3 letters received in March (2 for the head, 1 for Kabid IKP), 1 in
    February, 1 in September 2025 (outside the chart); 1 letter sent in March (to Kepala
    Dinkes, who receives it); open dispositions: Bidang IKP 2 (1 overdue, 1 to a person),
    Bidang Aptika 1 (to a person); 1 finished in the Sekretariat."""
    dunia.move_to(saat(D(2026, 3, 2)))
    a, b = _masuk(u, jab), _masuk(u, jab)
    [terlambat] = layanan_masuk.disposisikan(
        a, u("pejabat"), kepada_jabatan=[jab("kabid.ikp")], instruksi=["ditindaklanjuti"], batas_waktu=D(2026, 3, 6)
    )
    [selesai] = layanan_masuk.disposisikan(b, u("pejabat"), kepada_jabatan=[jab("sek.diskominfo")], catatan="Arsipkan")
    layanan_masuk.selesaikan(selesai, u("sek.diskominfo"), tindak_lanjut="Sudah diarsipkan.")
    dunia.move_to(saat(HARI_INI))
    c = _masuk(u, jab, "kabid.ikp")
    layanan_masuk.disposisikan(c, u("kabid.ikp"), kepada_user=[u("humas")], instruksi=["dipelajari"])
    [terbuka] = layanan_masuk.disposisikan(
        a, u("pejabat"), kepada_user=[u("staf")], instruksi=["dipelajari"], batas_waktu=D(2026, 3, 20)
    )
    _masuk(u, jab, diterima=D(2026, 2, 10))
    _masuk(u, jab, diterima=D(2025, 9, 1))
    keluar = _kirim(buat_naskah, u, commit)
    return {"terlambat": terlambat, "terbuka": terbuka, "keluar": keluar}


def _baris(data: DataDasbor) -> dict[str, Any]:
    [r] = data.tampil
    return {b.nama: b for b in r.baris}


def _angka(html: str, nama: str) -> int:
    m = re.search(rf'data-angka="{nama}">.*?</svg>\s*(?:<strong[^>]*>)?(\d+) ', html, re.S)
    assert m, nama
    return int(m.group(1))


def test_beranda_kepala_dinas_menampilkan_panel(dunia, buat_naskah, u, jab, commit, client) -> None:
    _bangun(dunia, buat_naskah, u, jab, commit)

    data = DataDasbor(u("pejabat"))
    [r] = data.tampil
    assert r.nama == "Dinas Komunikasi dan Informatika"
    assert (r.masuk_bulan_ini, r.keluar_bulan_ini, r.aktif, r.terlambat) == (3, 1, 3, 1)
    baris = _baris(data)
    assert list(baris) == ["Diskominfo (pimpinan)", "Sekretariat", "Bidang IKP", "Bidang Aptika"]
    assert baris["Diskominfo (pimpinan)"].masuk == [0, 0, 0, 0, 1, 2]  # Oct 2025 … Mar 2026
    assert baris["Bidang IKP"].masuk == [0, 0, 0, 0, 0, 1]
    assert baris["Sekretariat"].keluar == [0, 0, 0, 0, 0, 1]
    assert (baris["Bidang IKP"].aktif, baris["Bidang IKP"].terlambat) == (2, 1)
    assert (baris["Bidang Aptika"].aktif, baris["Bidang Aptika"].terlambat) == (1, 0)  # staf, by name
    assert (baris["Sekretariat"].aktif, baris["Sekretariat"].terlambat) == (0, 0)  # finished
    assert r.per_bulan == [0, 0, 0, 0, 1, 4] and r.jumlah == 5

    client.force_login(u("pejabat"))
    html = client.get("/admin/").content.decode()
    assert _angka(html, "masuk") == 3
    assert _angka(html, "keluar") == 1
    assert _angka(html, "disposisi") == 3
    assert _angka(html, "terlambat") == 1
    # After the existing "Naskah" panel, in their own order.
    posisi = [html.index(i) for i in ("lontar-naskah-judul", "lontar-dasbor-ringkasan", "lontar-dasbor-disposisi")]
    assert posisi == sorted(posisi) and html.index("lontar-dasbor-grafik") > posisi[-1]
    # The chart is an accessible SVG with a data table next to it, no script.
    grafik = html[html.index('id="lontar-dasbor-grafik-section"') :]
    assert 'role="img"' in grafik and "<desc" in grafik and "<table" in grafik
    assert "Maret 2026: 4" in grafik and "<script" not in grafik.split("</section>")[0]
    assert re.search(r"<rect [^>]*height=\"\d+\"[^>]*><title>Bidang IKP, Maret 2026: 1</title>", grafik)


def test_pembaca_lain_hanya_menghitung_yang_boleh_dibaca(dunia, buat_naskah, u, jab, commit, client) -> None:
    _bangun(dunia, buat_naskah, u, jab, commit)

    # Kepala Dinkes: their own OPD only — the letter Diskominfo sent is one received there.
    [dinkes] = DataDasbor(u("kadinkes")).tampil
    assert dinkes.nama == "Dinas Kesehatan"
    assert (dinkes.masuk_bulan_ini, dinkes.keluar_bulan_ini, dinkes.aktif, dinkes.terlambat) == (1, 0, 0, 0)
    client.force_login(u("kadinkes"))
    html = client.get("/admin/").content.decode()
    assert _angka(html, "masuk") == 1 and _angka(html, "keluar") == 0
    assert "Bidang IKP" not in html and "Diskominfo (pimpinan)" not in html

    # A staff member of Diskominfo counts only what they may read: the letter disposed to them
    # by name and its dispositions (theirs and Kabid IKP's overdue one); not the head's other
    # letters nor the Sekretariat's outgoing one.
    [staf] = DataDasbor(u("staf")).tampil
    assert (staf.masuk_bulan_ini, staf.keluar_bulan_ini, staf.aktif, staf.terlambat) == (1, 0, 2, 1)

    # No jabatan (a superuser without pegawai): no panels.
    from django.contrib.auth import get_user_model

    root = get_user_model().objects.create_superuser("root", "root@example.org", "x")
    client.force_login(root)
    assert "lontar-dasbor" not in client.get("/admin/").content.decode()


def _render_panel(user_id: int) -> tuple[int, str]:
    from django.contrib.auth import get_user_model

    with CaptureQueriesContext(connection) as q:
        user = get_user_model().objects.get(pk=user_id)  # fresh: no cached access profile
        html = "".join(str(p.render_html({})) for p in panel_dasbor(user))
    return len(q.captured_queries), html


def test_jumlah_kueri_tetap(dunia, buat_naskah, u, jab, commit) -> None:
    """The same number of queries for 2 letters as for 15 (and more dispositions)."""
    pejabat = u("pejabat").pk
    dunia.move_to(saat(D(2026, 3, 2)))
    pertama = [_masuk(u, jab), _masuk(u, jab, "kabid.ikp")]
    layanan_masuk.disposisikan(
        pertama[0], u("pejabat"), kepada_jabatan=[jab("kabid.ikp")], catatan="Tindak lanjuti", batas_waktu=D(2026, 3, 5)
    )
    dunia.move_to(saat(HARI_INI))
    n_dua, html_dua = _render_panel(pejabat)
    assert "2 naskah masuk diterima" in html_dua

    for i in range(13):
        naskah = _masuk(u, jab, ("pejabat", "kabid.ikp")[i % 2], diterima=D(2026, 1 + i % 3, 10))
        if i % 2 == 0:
            layanan_masuk.disposisikan(
                naskah,
                u("pejabat"),
                kepada_jabatan=[jab(("kabid.ikp", "admin", "sek.diskominfo")[i % 3])],
                catatan="Untuk diketahui",
                batas_waktu=D(2026, 3, 31),
            )
    n_lima_belas, html = _render_panel(pejabat)
    assert NaskahMasukPage.objects.count() == 15
    assert "6 naskah masuk diterima" in html  # 2 + the 4 of the 13 received in March
    assert n_lima_belas == n_dua, (n_dua, n_lima_belas)


def test_grafik_dan_bulan() -> None:
    assert _bulan_terakhir(D(2026, 2, 27), 3) == [D(2025, 12, 1), D(2026, 1, 1), D(2026, 2, 1)]
    kosong = grafik_batang([D(2026, 1, 1), D(2026, 2, 1)], [])
    assert [b["total"] for b in kosong["batang"]] == [0, 0]
    assert [g["nilai"] for g in kosong["garis"]] == [0, 1]
