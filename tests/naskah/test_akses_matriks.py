"""Access-control matrix of the admin UI: every demo account × every letter × every
way of reaching it, against the rule documented in naskah/akses.py.

Letters: one per sifat (B, T, R, SR) and per stage — a konsep (never submitted), one
submitted and waiting for the first paraf, one signed and sent — all drafted by
"operator" (Sekretariat Diskominfo), paraf kabid.ikp then sek.diskominfo, signed by
"pejabat", sent to Kepala Dinkes with tembusan to the Sekda.

The expected tables below are written out by hand from the rule, not computed by the
code under test. A denied read or download is a 404 (never a 403: existence does not
leak), a denied list does not show the letter, and the perihal of a letter never
appears in any response to someone who may not read it.
"""

from __future__ import annotations

from collections import Counter
from typing import Any
from urllib.parse import urlencode

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import PageLogEntry, Revision

from naskah import layanan
from naskah.models import LogAkses, NaskahKeluarPage, StatusNaskah

pytestmark = pytest.mark.django_db

# Every demo account, plus one superuser ("root", not in the demo: the rule names
# superusers, and only a superuser can explore the Naskah tree in Wagtail).
AKUN = (
    "operator",
    "pejabat",
    "staf",
    "arsiparis",
    "humas",
    "admin",
    "sekda",
    "kabag.umum",
    "operator.setda",
    "sek.diskominfo",
    "kabid.ikp",
    "kadinkes",
    "sek.dinkes",  # Plh Kepala Dinkes from today
    "kabid.yankes",
    "operator.dinkes",
    "staf.dinkes",
    "root",
)
SUPERUSER = "root"

TAHAP = ("konsep", "diajukan", "terkirim")

# --- who may read each letter ---------------------------------------------------------
# Biasa/Terbatas: the drafter (operator), the members of the drafting unit Sekretariat
# Diskominfo (operator, arsiparis, sek.diskominfo), the heads of that unit and of the
# units above it (sek.diskominfo; pejabat = Kepala Diskominfo; the Pemkot root has no
# head), superusers (root); from submission the pemaraf (kabid.ikp, sek.diskominfo) and
# the penandatangan (pejabat); once sent the recipient (kadinkes, and sek.dinkes as Plh
# of that post) and the tembusan (sekda).
# Rahasia/Sangat Rahasia: only the named people (drafter; pemaraf and penandatangan
# from submission; recipients and tembusan once sent) — no unit, no atasan, no root.
BACA: dict[tuple[str, str], set[str]] = {
    ("B", "konsep"): {"operator", "arsiparis", "sek.diskominfo", "pejabat", "root"},
    ("B", "diajukan"): {"operator", "arsiparis", "sek.diskominfo", "pejabat", "root", "kabid.ikp"},
    ("B", "terkirim"): {
        *("operator", "arsiparis", "sek.diskominfo", "pejabat", "root", "kabid.ikp"),
        *("kadinkes", "sek.dinkes", "sekda"),
    },
    ("T", "konsep"): {"operator", "arsiparis", "sek.diskominfo", "pejabat", "root"},
    ("T", "diajukan"): {"operator", "arsiparis", "sek.diskominfo", "pejabat", "root", "kabid.ikp"},
    ("T", "terkirim"): {
        *("operator", "arsiparis", "sek.diskominfo", "pejabat", "root", "kabid.ikp"),
        *("kadinkes", "sek.dinkes", "sekda"),
    },
    ("R", "konsep"): {"operator"},
    ("R", "diajukan"): {"operator", "kabid.ikp", "sek.diskominfo", "pejabat"},
    ("R", "terkirim"): {"operator", "kabid.ikp", "sek.diskominfo", "pejabat", "kadinkes", "sek.dinkes", "sekda"},
    ("SR", "konsep"): {"operator"},
    ("SR", "diajukan"): {"operator", "kabid.ikp", "sek.diskominfo", "pejabat"},
    ("SR", "terkirim"): {"operator", "kabid.ikp", "sek.diskominfo", "pejabat", "kadinkes", "sek.dinkes", "sekda"},
}

# --- who may open the letter in Wagtail's page editor ----------------------------------
# Only drafts, and only their drafters: the pembuat, or a reader in the drafting unit who
# may draft letters (templates_surat.buat_naskah: sek.diskominfo yes, arsiparis no).
# Submitted or signed letters: nobody.
UBAH: dict[tuple[str, str], set[str]] = {
    ("B", "konsep"): {"operator", "sek.diskominfo"},
    ("T", "konsep"): {"operator", "sek.diskominfo"},
    ("R", "konsep"): {"operator"},
    ("SR", "konsep"): {"operator"},
}

# --- inbox lists (each a subset of the readers) --------------------------------------------
# Kotak masuk: sent letters addressed to one of my posts (Plh included).
MASUK: dict[tuple[str, str], set[str]] = {
    ("B", "terkirim"): {"kadinkes", "sek.dinkes", "sekda"},
    ("T", "terkirim"): {"kadinkes", "sek.dinkes", "sekda"},
    ("R", "terkirim"): {"kadinkes", "sek.dinkes", "sekda"},
    ("SR", "terkirim"): {"kadinkes", "sek.dinkes", "sekda"},
}
# Kotak keluar: readable letters of my unit or a unit below it (Sekretariat Diskominfo:
# operator, arsiparis, sek.diskominfo; Diskominfo: pejabat).
KELUAR: dict[tuple[str, str], set[str]] = {
    ("B", "konsep"): {"operator", "arsiparis", "sek.diskominfo", "pejabat"},
    ("B", "diajukan"): {"operator", "arsiparis", "sek.diskominfo", "pejabat"},
    ("B", "terkirim"): {"operator", "arsiparis", "sek.diskominfo", "pejabat"},
    ("T", "konsep"): {"operator", "arsiparis", "sek.diskominfo", "pejabat"},
    ("T", "diajukan"): {"operator", "arsiparis", "sek.diskominfo", "pejabat"},
    ("T", "terkirim"): {"operator", "arsiparis", "sek.diskominfo", "pejabat"},
    ("R", "konsep"): {"operator"},
    ("R", "diajukan"): {"operator", "sek.diskominfo", "pejabat"},
    ("R", "terkirim"): {"operator", "sek.diskominfo", "pejabat"},
    ("SR", "konsep"): {"operator"},
    ("SR", "diajukan"): {"operator", "sek.diskominfo", "pejabat"},
    ("SR", "terkirim"): {"operator", "sek.diskominfo", "pejabat"},
}
# Perlu tindakan: the submitted letter waits for kabid.ikp's paraf.
TINDAKAN: dict[tuple[str, str], set[str]] = {
    ("B", "diajukan"): {"kabid.ikp"},
    ("T", "diajukan"): {"kabid.ikp"},
    ("R", "diajukan"): {"kabid.ikp"},
    ("SR", "diajukan"): {"kabid.ikp"},
}

# --- Wagtail's explorer and page search -----------------------------------------------------
# Readers who can explore the Naskah tree (no demo role has page permissions there: only
# the superuser). Letters are not in Wagtail's page search index at all (its admin search
# filters by page permissions only), so page search never lists a letter.
WAGTAIL: dict[tuple[str, str], set[str]] = {
    ("B", "konsep"): {"root"},
    ("B", "diajukan"): {"root"},
    ("B", "terkirim"): {"root"},
    ("T", "konsep"): {"root"},
    ("T", "diajukan"): {"root"},
    ("T", "terkirim"): {"root"},
}

BACA_PATH = {
    "detail": ("/admin/naskah/{id}/", "lihat"),
    "pratinjau": ("/admin/naskah/{id}/pratinjau/", "pratinjau"),
    "unduh pdf": ("/admin/naskah/{id}/unduh/pdf/", "unduh-pdf"),
    "unduh docx": ("/admin/naskah/{id}/unduh/docx/", "unduh-docx"),
}
KOTAK_PATH = {
    "kotak masuk": ("/admin/naskah/masuk/", MASUK),
    "kotak keluar": ("/admin/naskah/keluar/", KELUAR),
    "perlu tindakan": ("/admin/naskah/tindakan/", TINDAKAN),
}


def kata_sandi(sifat: str, tahap: str) -> str:
    """A word found in this letter's perihal and nowhere else (no word is a prefix of another)."""
    return f"sandi{sifat.lower()}{tahap}"


def perihal(sifat: str, tahap: str) -> str:
    return f"Koordinasi {kata_sandi(sifat, tahap)} pengamanan data"


def _isi(response: Any) -> str:
    if getattr(response, "streaming", False):
        return b"".join(response.streaming_content).decode("utf-8", "replace")
    return response.content.decode("utf-8", "replace")


Surat = dict[tuple[str, str], NaskahKeluarPage]  # (sifat, tahap) → letter


def _buat_surat(kelompok: tuple[str, ...], buat_naskah: Any, u: Any, commit: Any) -> Surat:
    """The letters of each sifat in `kelompok` at each stage, through the services."""
    status = {"konsep": StatusNaskah.KONSEP, "diajukan": StatusNaskah.DIAJUKAN, "terkirim": StatusNaskah.TERKIRIM}
    surat: Surat = {}
    for sifat in kelompok:
        for tahap in TAHAP:
            naskah = buat_naskah(perihal=perihal(sifat, tahap), sifat=sifat)
            if tahap in ("diajukan", "terkirim"):
                with commit():
                    naskah = layanan.ajukan(naskah, u("operator"))
            if tahap == "terkirim":
                for pejabat in ("kabid.ikp", "sek.diskominfo", "pejabat"):
                    with commit():
                        naskah = layanan.setujui(naskah, u(pejabat))
            naskah.refresh_from_db()
            assert naskah.status == status[tahap], (sifat, tahap, naskah.status, naskah.galat_tte)
            surat[(sifat, tahap)] = naskah
    return surat


def _judul_netral(surat: Surat) -> list[tuple[str, str, str, str, str]]:
    """The page title Wagtail shows everywhere (listings, search, history, workflow
    reports) is NaskahKeluarPage.judul_aman(): for R/SR "<Sifat> #<id>", never the perihal."""
    salah = []
    for (sifat, tahap), naskah in surat.items():
        halaman = NaskahKeluarPage.objects.get(pk=naskah.pk)
        nama = f"{sifat}/{tahap}#{naskah.pk}"
        harap = f"{halaman.get_sifat_display()} #{naskah.pk}" if halaman.rahasia else naskah.perihal
        for judul in (halaman.title, halaman.draft_title, halaman.judul_aman()):
            if judul != harap:
                salah.append(("-", nama, "page title", repr(harap), repr(judul)))
        if not halaman.rahasia:
            continue
        label = set(Revision.page_revisions.filter(object_id=str(naskah.pk)).values_list("object_str", flat=True))
        label |= set(PageLogEntry.objects.filter(page_id=naskah.pk).values_list("label", flat=True))
        for judul in label:
            if kata_sandi(sifat, tahap) in judul or not judul.startswith(f"{halaman.get_sifat_display()} #"):
                salah.append(("-", nama, "revision/log label", "neutral", repr(judul)))
    return salah


@pytest.mark.parametrize("kelompok", [("B", "T"), ("R", "SR")], ids=["biasa-terbatas", "rahasia"])
def test_matriks_akses_admin(kelompok: tuple[str, ...], buat_naskah: Any, u: Any, commit: Any, client: Any) -> None:
    get_user_model().objects.create_superuser(SUPERUSER, "root@sukamajukota.go.id", "root-uji")
    surat = _buat_surat(kelompok, buat_naskah, u, commit)
    folder = surat[(kelompok[0], "konsep")].get_parent()
    assert all(n.get_parent().pk == folder.pk for n in surat.values())

    salah = _judul_netral(surat)  # (user, letter, path, expected, got)
    log_harap: Counter[tuple[str, int, str]] = Counter()

    def nama(kunci: tuple[str, str]) -> str:
        return f"{kunci[0]}/{kunci[1]}#{surat[kunci].pk}"

    def bocor(username: str, path: str, isi: str, kecuali: str = "") -> None:
        """No letter's perihal in a response to someone who may not read that letter."""
        for kunci, naskah in surat.items():
            if username in BACA[kunci]:
                continue
            kata = kata_sandi(*kunci)
            if naskah.perihal in isi or (kata != kecuali and kata in isi):
                salah.append((username, nama(kunci), path, "perihal absent", "perihal in the response"))

    for username in AKUN:
        client.force_login(u(username))
        for kunci, naskah in surat.items():
            boleh = username in BACA[kunci]
            for path, (pola, aksi) in BACA_PATH.items():
                response = client.get(pola.format(id=naskah.pk))
                harap, dapat = ("200" if boleh else "404"), str(response.status_code)
                if dapat != harap:
                    salah.append((username, nama(kunci), path, harap, dapat))
                isi = _isi(response)
                bocor(username, path, isi)
                if boleh and path == "detail" and naskah.perihal not in isi:  # the leak check can see a perihal
                    salah.append((username, nama(kunci), path, "perihal shown", "perihal missing"))
                if boleh and naskah.rahasia:
                    log_harap[(username, naskah.pk, aksi)] += 1

            # Wagtail answers a refused edit with a redirect to the dashboard.
            response = client.get(f"/admin/pages/{naskah.pk}/edit/")
            harap = "200" if username in UBAH.get(kunci, set()) else "refused"
            dapat = "200" if response.status_code == 200 else "refused"
            if dapat != harap:
                salah.append((username, nama(kunci), "wagtail edit", harap, f"{dapat} (HTTP {response.status_code})"))
            if dapat == "200" and naskah.rahasia:  # opening a secret letter in the editor is logged too
                log_harap[(username, naskah.pk, "sunting")] += 1
            bocor(username, "wagtail edit", _isi(response))

        for path, (url, tabel) in KOTAK_PATH.items():
            isi = _isi(client.get(url))
            for kunci, naskah in surat.items():
                harap = "listed" if username in tabel.get(kunci, set()) else "absent"
                dapat = "listed" if f'href="/admin/naskah/{naskah.pk}/"' in isi else "absent"
                if dapat != harap:
                    salah.append((username, nama(kunci), path, harap, dapat))
            bocor(username, path, isi)

        # Wagtail's explorer (the year folder) and page search: by the perihal word, and
        # for R/SR also by the neutral title (a search hit is a page link in the results).
        cari: list[tuple[str, str, str, tuple[str, str] | None]] = [
            ("wagtail explorer", f"/admin/pages/{folder.pk}/", "", None)
        ]
        for kunci, naskah in surat.items():
            q = kata_sandi(*kunci)
            cari.append(("wagtail search perihal", "/admin/pages/search/?" + urlencode({"q": q}), q, kunci))
            if naskah.rahasia:
                q = naskah.judul_aman()
                cari.append(("wagtail search title", "/admin/pages/search/?" + urlencode({"q": q}), q, kunci))
        for path, url, q, dicari in cari:
            isi = _isi(client.get(url))
            for kunci, naskah in surat.items():
                if dicari is not None and kunci != dicari:
                    continue
                cocok = dicari is None  # the explorer only: search never lists letters
                harap = "listed" if cocok and username in WAGTAIL.get(kunci, set()) else "absent"
                dapat = "listed" if f"/admin/pages/{naskah.pk}/" in isi else "absent"
                if dapat != harap:
                    salah.append((username, nama(kunci), path, harap, dapat))
            bocor(username, path, isi, kecuali=q)

    # Every allowed read or download of a secret letter is logged once (with the
    # client's address); of a B/T letter, never.
    pengguna = dict(get_user_model().objects.values_list("pk", "username"))
    per_id = {n.pk: kunci for kunci, n in surat.items()}
    baris = LogAkses.objects.filter(naskah_id__in=per_id).values_list("user_id", "naskah_id", "aksi", "alamat_ip")
    log_dapat = Counter((pengguna[user_id], naskah_id, aksi) for user_id, naskah_id, aksi, _ip in baris)
    for kunci in sorted(log_harap.keys() | log_dapat.keys()):
        if log_harap[kunci] != log_dapat[kunci]:
            username, naskah_id, aksi = kunci
            harap, dapat = f"{log_harap[kunci]} row(s)", f"{log_dapat[kunci]} row(s)"
            salah.append((username, nama(per_id[naskah_id]), f"LogAkses {aksi}", harap, dapat))
    for user_id, naskah_id, aksi, ip in baris:
        if ip != "127.0.0.1":
            salah.append((pengguna[user_id], nama(per_id[naskah_id]), f"LogAkses {aksi}", "127.0.0.1", repr(ip)))

    ringkas = "\n".join(" | ".join(b) for b in salah)
    assert not salah, f"{len(salah)} access mismatch(es) (user | letter | path | expected | got):\n{ringkas}"
