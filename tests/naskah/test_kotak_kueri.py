"""The inbox lists cost a fixed number of SQL queries whatever the number of letters
(naskah.selectors: related rows joined or annotated, never fetched per row).

Letters are bulk-seeded (bench.seed) for the demo account "pejabat" (Kepala Diskominfo):
drafts of Diskominfo units (Kotak keluar), letters sent to the pejabat's jabatan by Dinkes
(Kotak masuk) and letters waiting on the pejabat's signature (Perlu tindakan)."""

from __future__ import annotations

import datetime
import itertools
from typing import Any

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from bench.seed import Rencana, tanam
from naskah.models import PeranKiriman, Sifat, StatusNaskah, Urgensi

KOTAK = {"keluar": "/admin/naskah/keluar/", "masuk": "/admin/naskah/masuk/", "tindakan": "/admin/naskah/tindakan/"}
SIFAT = [Sifat.BIASA, Sifat.TERBATAS, Sifat.RAHASIA, Sifat.SANGAT_RAHASIA]
URGENSI = list(Urgensi)


def _rencana(n: int, mulai: int, u: Any, jab: Any) -> dict[str, list[Rencana]]:
    """`n` letters of each kind (numbered from `mulai`, with every sifat and urgency)."""
    pejabat, kadinkes = jab("pejabat"), jab("kadinkes")
    pembuat_kominfo = [(u(nama).pk, jab(nama).unit_id) for nama in ("operator", "staf", "kabid.ikp", "sek.diskominfo")]
    dinkes = u("operator.dinkes").pk, jab("operator.dinkes").unit_id
    waktu = datetime.datetime(2026, 3, 1, 8, tzinfo=datetime.UTC)
    hasil: dict[str, list[Rencana]] = {"keluar": [], "masuk": [], "tindakan": []}
    for i in range(mulai, mulai + n):
        kapan = waktu + datetime.timedelta(minutes=i)
        sifat, urgensi = SIFAT[i % len(SIFAT)], URGENSI[i % len(URGENSI)]
        user_id, unit_id = pembuat_kominfo[i % len(pembuat_kominfo)]
        hasil["keluar"].append(
            Rencana(unit_id=unit_id, pembuat_id=user_id, waktu=kapan, sifat=sifat, urgensi=urgensi, perihal=f"K {i}")
        )
        hasil["masuk"].append(
            Rencana(
                unit_id=dinkes[1],
                pembuat_id=dinkes[0],
                waktu=kapan,
                status=StatusNaskah.TERKIRIM,
                sifat=sifat,
                urgensi=urgensi,
                perihal=f"M {i}",
                nomor=f"400.7/{i}/DINKES/2026",
                penandatangan_id=kadinkes.pk,
                kiriman=((pejabat.pk, PeranKiriman.PENERIMA), (jab("sekda").pk, PeranKiriman.TEMBUSAN)),
            )
        )
        hasil["tindakan"].append(
            Rencana(
                unit_id=unit_id,
                pembuat_id=user_id,
                waktu=kapan,
                status=StatusNaskah.DIAJUKAN,
                sifat=sifat,
                urgensi=urgensi,
                perihal=f"T {i}",
                penandatangan_id=pejabat.pk,
                tugas_jabatan_id=pejabat.pk,
                pemaraf=(jab("kabid.ikp").pk,),
            )
        )
    return hasil


def _terlihat(rencana: dict[str, list[Rencana]]) -> dict[str, int]:
    """What the pejabat sees: secret drafts of others only when named on them."""
    biasa = sum(1 for r in rencana["keluar"] if r.sifat in {Sifat.BIASA, Sifat.TERBATAS})
    return {
        "keluar": biasa + len(rencana["tindakan"]),
        "masuk": len(rencana["masuk"]),
        "tindakan": len(rencana["tindakan"]),
    }


def _ukur(client: Any) -> dict[str, tuple[int, int, list[str]]]:
    """Per inbox: (queries, letters listed, SQL)."""
    hasil = {}
    for kotak, url in KOTAK.items():
        with CaptureQueriesContext(connection) as kueri:
            respons = client.get(url)
        assert respons.status_code == 200, kotak
        hasil[kotak] = (len(kueri), respons.context["halaman"].paginator.count, [q["sql"] for q in kueri])
    return hasil


@pytest.mark.django_db
def test_kotak_jumlah_kueri_tetap(demo: None, client: Any, u: Any, jab: Any) -> None:
    client.force_login(u("pejabat"))
    for url in KOTAK.values():  # warm-up: session, content types, site root, menu
        client.get(url)

    kecil = _rencana(10, 0, u, jab)
    tanam(itertools.chain.from_iterable(kecil.values()))
    sedikit = _ukur(client)
    for kotak, jumlah in _terlihat(kecil).items():
        assert sedikit[kotak][1] == jumlah, kotak

    besar = _rencana(190, 10, u, jab)
    tanam(itertools.chain.from_iterable(besar.values()))
    banyak = _ukur(client)
    semua = {k: kecil[k] + besar[k] for k in kecil}
    for kotak, jumlah in _terlihat(semua).items():
        assert banyak[kotak][1] == jumlah, kotak
        assert jumlah >= 200
        assert banyak[kotak][0] == sedikit[kotak][0], (
            f"{kotak}: {sedikit[kotak][0]} kueri dengan {sedikit[kotak][1]} naskah, "
            f"{banyak[kotak][0]} dengan {banyak[kotak][1]}:\n" + "\n".join(banyak[kotak][2])
        )


@pytest.mark.django_db
def test_naskah_tanam_terbaca_seperti_buatan_layanan(demo: None, client: Any, u: Any, jab: Any) -> None:
    """A seeded letter reads like one made by naskah.layanan: detail page, title, access."""
    from naskah import akses
    from naskah.models import AksesNaskah, NaskahKeluarPage

    rencana = _rencana(4, 0, u, jab)
    ids = tanam(itertools.chain.from_iterable(rencana.values()))
    for pk in ids:
        naskah = NaskahKeluarPage.objects.get(pk=pk)
        assert naskah.get_parent().specific.tahun == 2026
        assert set(AksesNaskah.objects.filter(naskah=naskah).values_list("token", flat=True)) == set(
            akses.token_naskah(naskah)
        )
        assert naskah.title == naskah.judul_aman()
    from wagtail.models import Page

    assert all(not problemen for problemen in Page.find_problems())  # treebeard paths, depth, numchild
    client.force_login(u("pejabat"))
    assert client.get(f"/admin/naskah/{ids[-1]}/").status_code == 200
