"""Bulk seeding of outgoing letters for benchmarks and query-count tests.

Creating letters through `naskah.layanan.buat_konsep` takes a treebeard insert, a revision
and an access recomputation each (~tens of ms): fine for tens of letters, hours for 200,000.
`tanam` writes the same rows in batches instead:

- `wagtailcore_page` rows under the unit's year folder (made by `layanan._folder`), with
  treebeard paths allocated after the folder's last child, `content_type` NaskahKeluarPage;
- the `naskah_naskahkeluarpage` child rows (multi-table inheritance: one raw INSERT per batch);
- `PemarafNaskah`, `Kiriman` and `AksesNaskah` rows; the access tokens come from
  `naskah.akses.token_naskah` itself (called on a stand-in with the letter's state).

No revision is created and no signal is sent (no search indexing, no notifications): the
rows are what the inbox lists read. Every letter has template, template_revisi (the
template's live revision), unit, pembuat and latest_revision_created_at.

    from bench.seed import Rencana, tanam, campuran
"""

from __future__ import annotations

import datetime
import random
import uuid
from collections import defaultdict
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from itertools import islice
from types import SimpleNamespace
from typing import Any

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page

from naskah import akses, layanan
from naskah.models import (
    AksesNaskah,
    FolderTahunPage,
    Kiriman,
    NaskahKeluarPage,
    PemarafNaskah,
    PeranKiriman,
    Sifat,
    StatusNaskah,
    Urgensi,
)
from naskah.models.halaman import SIFAT_RAHASIA
from organisasi.models import Jabatan, Unit
from templates_surat.models import TemplateSuratPage

BATCH = 5000
_ALFABET = Page.alphabet
_STEPLEN = Page.steplen
STATUS_BERNOMOR = {StatusNaskah.MENUNGGU_TTE, StatusNaskah.TERKIRIM}


@dataclass
class Rencana:
    """One letter to seed. `kiriman`: (jabatan id, peran) for terkirim letters;
    `pemaraf`: jabatan ids in order (they read the letter from submission on)."""

    unit_id: int
    pembuat_id: int
    waktu: datetime.datetime
    status: str = StatusNaskah.KONSEP
    sifat: str = Sifat.BIASA
    urgensi: str = Urgensi.BIASA
    perihal: str = "Naskah uji"
    klasifikasi: str = "000.1.2.3"
    nomor: str = ""
    penandatangan_id: int | None = None
    tugas_jabatan_id: int | None = None
    pemaraf: tuple[int, ...] = ()
    kiriman: tuple[tuple[int, str], ...] = ()


def _ke_path(angka: int) -> str:
    hasil = ""
    while angka:
        angka, sisa = divmod(angka, len(_ALFABET))
        hasil = _ALFABET[sisa] + hasil
    if len(hasil) > _STEPLEN:
        raise ValueError("folder penuh")
    return hasil.rjust(_STEPLEN, _ALFABET[0])


class _Folder:
    """A year folder and the next free treebeard step below it."""

    def __init__(self, folder: FolderTahunPage) -> None:
        self.folder = folder
        terakhir = (
            Page.objects.filter(path__startswith=folder.path, depth=folder.depth + 1)
            .order_by("-path")
            .values_list("path", flat=True)
            .first()
        )
        self.berikut = int(terakhir[-_STEPLEN:], len(_ALFABET)) + 1 if terakhir else 1
        self.tambahan = 0

    def path(self) -> str:
        path = self.folder.path + _ke_path(self.berikut)
        self.berikut += 1
        self.tambahan += 1
        return path


class _Konteks:
    """What every batch needs, read once: template, content type, units and their chain."""

    def __init__(self, template: TemplateSuratPage | None) -> None:
        self.template = template or TemplateSuratPage.objects.get(slug="surat-dinas")
        if self.template.live_revision_id is None:
            raise ValueError("template belum terbit")
        self.ct = ContentType.objects.get_for_model(NaskahKeluarPage)
        units = {u.pk: u for u in Unit.objects.all()}
        self.unit = units
        self.jalur: dict[int, list[Any]] = {}
        for pk in units:
            rantai, node = [], units[pk]
            while node is not None:
                rantai.append(SimpleNamespace(pk=node.pk))
                node = units.get(node.induk_id) if node.induk_id else None
            self.jalur[pk] = rantai[::-1]
        self.folder: dict[tuple[int, int], _Folder] = {}

    def folder_untuk(self, unit_id: int, tahun: int) -> _Folder:
        unit = self.unit[unit_id]
        opd = unit.opd or unit
        kunci = (opd.pk, tahun)
        if kunci not in self.folder:
            with transaction.atomic():
                self.folder[kunci] = _Folder(layanan._folder(opd, tahun))
        return self.folder[kunci]


def _token(k: _Konteks, r: Rencana) -> dict[str, str]:
    """naskah.akses.token_naskah on a stand-in carrying the planned state (no queries)."""
    tiruan = SimpleNamespace(
        pembuat_id=r.pembuat_id,
        rahasia=r.sifat in SIFAT_RAHASIA,
        unit_id=r.unit_id,
        unit=SimpleNamespace(jalur=k.jalur[r.unit_id]),
        status=r.status,
        pemaraf=SimpleNamespace(all=lambda: [SimpleNamespace(jabatan_id=j) for j in r.pemaraf]),
        penandatangan_id=r.penandatangan_id,
        kiriman=SimpleNamespace(all=lambda: [SimpleNamespace(jabatan_id=j, peran=p) for j, p in r.kiriman]),
    )
    return akses.token_naskah(tiruan)  # type: ignore[arg-type]


def _sisip_anak(baris: list[dict[str, Any]]) -> None:
    """INSERT the NaskahKeluarPage rows (the Page rows exist): one executemany per batch."""
    kolom = NaskahKeluarPage._meta.local_concrete_fields
    qn = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names from the model, values bound
        qn(NaskahKeluarPage._meta.db_table),
        ", ".join(qn(f.column) for f in kolom),
        ", ".join(["%s"] * len(kolom)),
    )
    nilai = [
        [f.get_db_prep_save(b[f.attname] if f.attname in b else f.get_default(), connection) for f in kolom]
        for b in baris
    ]
    with connection.cursor() as cur:
        cur.executemany(sql, nilai)


def _tanam_batch(k: _Konteks, rencana: list[Rencana]) -> list[int]:
    halaman: list[Page] = []
    folder_batch: dict[int, _Folder] = {}
    for r in rencana:
        folder = k.folder_untuk(r.unit_id, r.waktu.year)
        folder_batch[id(folder)] = folder
        slug = f"n-{uuid.uuid4().hex[:16]}"
        judul = r.perihal or "Konsep naskah"
        bernomor = r.status in STATUS_BERNOMOR
        halaman.append(
            Page(
                path=folder.path(),
                depth=folder.folder.depth + 1,
                numchild=0,
                translation_key=uuid.uuid4(),
                locale_id=folder.folder.locale_id,
                live=bernomor,  # a letter goes live when it is signed
                has_unpublished_changes=not bernomor,
                first_published_at=r.waktu if bernomor else None,
                last_published_at=r.waktu if bernomor else None,
                title=judul,
                draft_title=judul,
                slug=slug,
                content_type_id=k.ct.pk,
                url_path=f"{folder.folder.url_path}{slug}/",
                owner_id=r.pembuat_id,
                latest_revision_created_at=r.waktu,
            )
        )
    Page.objects.bulk_create(halaman)
    ids = [h.pk for h in halaman]
    anak, pemaraf, kiriman, izin = [], [], [], []
    judul_rahasia: list[tuple[int, str]] = []
    for pk, r in zip(ids, rencana, strict=True):
        bernomor = r.status in STATUS_BERNOMOR
        anak.append(
            {
                "page_ptr_id": pk,
                "perihal": r.perihal,
                "sifat": r.sifat,
                "urgensi": r.urgensi,
                "klasifikasi": r.klasifikasi,
                "isian": {},
                "penandatangan_id": r.penandatangan_id,
                "template_id": k.template.pk,
                "template_revisi_id": k.template.live_revision_id,
                "unit_id": r.unit_id,
                "pembuat_id": r.pembuat_id,
                "status": r.status,
                "nomor": r.nomor,
                "tanggal_naskah": r.waktu.date() if bernomor else None,
                "ditandatangani_pada": r.waktu if bernomor else None,
                "terkirim_pada": r.waktu if r.status == StatusNaskah.TERKIRIM else None,
                "tugas_jabatan_id": r.tugas_jabatan_id,
            }
        )
        pemaraf += [PemarafNaskah(naskah_id=pk, jabatan_id=j, sort_order=i) for i, j in enumerate(r.pemaraf)]
        if r.status == StatusNaskah.TERKIRIM:
            kiriman += [Kiriman(naskah_id=pk, jabatan_id=j, peran=p, dikirim_pada=r.waktu) for j, p in r.kiriman]
        izin += [AksesNaskah(naskah_id=pk, token=t, sumber=s) for t, s in _token(k, r).items()]
        if r.sifat in SIFAT_RAHASIA:  # the neutral title carries the id (NaskahKeluarPage.judul_aman)
            judul_rahasia.append((pk, f"{Sifat(r.sifat).label} #{pk}"))
    _sisip_anak(anak)
    PemarafNaskah.objects.bulk_create(pemaraf, batch_size=BATCH)
    Kiriman.objects.bulk_create(kiriman, batch_size=BATCH)
    AksesNaskah.objects.bulk_create(izin, batch_size=BATCH)
    if judul_rahasia:
        with connection.cursor() as cur:
            tabel = connection.ops.quote_name(Page._meta.db_table)
            cur.executemany(
                f"UPDATE {tabel} SET title = %s, draft_title = %s WHERE id = %s",  # noqa: S608 - values bound
                [(judul, judul, pk) for pk, judul in judul_rahasia],
            )
    for folder in folder_batch.values():
        if folder.tambahan:
            Page.objects.filter(pk=folder.folder.pk).update(numchild=F("numchild") + folder.tambahan)
            folder.tambahan = 0
    return ids


def tanam(rencana: Iterable[Rencana], *, template: TemplateSuratPage | None = None, batch: int = BATCH) -> list[int]:
    """Insert the planned letters in batches (one transaction each); returns their ids."""
    k = _Konteks(template)
    ids: list[int] = []
    rencana = iter(rencana)
    while potongan := list(islice(rencana, batch)):
        with transaction.atomic():
            ids += _tanam_batch(k, potongan)
    return ids


# --- a realistic mix over the demo organisation ----------------------------------------------

STATUS_BOBOT = {
    StatusNaskah.KONSEP: 20,
    StatusNaskah.DIAJUKAN: 15,
    StatusNaskah.DIKEMBALIKAN: 5,
    StatusNaskah.MENUNGGU_TTE: 5,
    StatusNaskah.TERKIRIM: 55,
}
SIFAT_BOBOT = {Sifat.BIASA: 70, Sifat.TERBATAS: 15, Sifat.RAHASIA: 10, Sifat.SANGAT_RAHASIA: 5}
PERIHAL = [
    "Undangan rapat koordinasi",
    "Permohonan data",
    "Laporan kegiatan",
    "Pemberitahuan jadwal",
    "Permohonan narasumber",
    "Penyampaian hasil evaluasi",
]


# The first letters of the stream are the "current" ones (drafts, under approval) dated
# within the last 30 days; every later one is signed and sent, so the pending work a
# pejabat sees stays realistic whatever the size of the archive.
SEDANG_BERJALAN = 600


def campuran(n: int, *, acak: int = 0, tahun: Sequence[int] | None = None) -> Iterator[Rencana]:
    """`n` letters spread over the demo units (drafted by their staff), statuses, sifat and
    urgency, dated over the last years; sent letters go to 1–3 heads of unit, submitted ones
    wait on a pemaraf or the penandatangan of the drafting OPD."""
    rng = random.Random(acak)  # noqa: S311 - reproducible test data, not secrets
    tahun = list(tahun or range(timezone.localdate().year - 2, timezone.localdate().year + 1))
    pegawai = defaultdict(list)
    for user_id, unit_id in (
        get_user_model().objects.filter(pegawai__jabatan__isnull=False).values_list("pk", "pegawai__jabatan__unit_id")
    ):
        pegawai[unit_id].append(user_id)
    unit = {u.pk: u for u in Unit.objects.all()}
    jabatan = list(Jabatan.objects.filter(aktif=True).values("pk", "unit_id", "kepala_unit", "dapat_menandatangani"))
    kepala = [j["pk"] for j in jabatan if j["kepala_unit"]]

    def opd(unit_id: int) -> int:
        u = unit[unit_id]
        return (u.opd or u).pk

    ttd_opd = {
        opd(j["unit_id"]): j["pk"] for j in jabatan if j["kepala_unit"] and unit[j["unit_id"]].opd == unit[j["unit_id"]]
    }
    pemaraf_opd = defaultdict(list)
    for j in jabatan:
        if j["kepala_unit"] and j["pk"] not in ttd_opd.values():
            pemaraf_opd[opd(j["unit_id"])].append(j["pk"])
    unit_pembuat = sorted(pegawai)
    status, bobot_status = zip(*STATUS_BOBOT.items(), strict=True)
    sifat, bobot_sifat = zip(*SIFAT_BOBOT.items(), strict=True)
    urgensi = list(Urgensi)
    awal = {t: datetime.datetime(t, 1, 1, 8, tzinfo=datetime.UTC) for t in tahun}
    sekarang = timezone.now()
    for i in range(n):
        unit_id = rng.choice(unit_pembuat)
        o = opd(unit_id)
        st = rng.choices(status, bobot_status)[0]
        t = rng.choice(tahun)
        waktu = awal[t] + datetime.timedelta(minutes=rng.randrange(360 * 24 * 60))
        if i >= SEDANG_BERJALAN and st not in STATUS_BERNOMOR:
            st = StatusNaskah.TERKIRIM  # work in progress does not grow with the archive
        elif i < SEDANG_BERJALAN and st not in STATUS_BERNOMOR:
            t, waktu = tahun[-1], sekarang - datetime.timedelta(minutes=rng.randrange(30 * 24 * 60))
        ttd = ttd_opd.get(o)
        paraf = tuple(rng.sample(pemaraf_opd[o], min(len(pemaraf_opd[o]), rng.randint(0, 2))))
        tugas = None
        if st == StatusNaskah.DIAJUKAN:
            tugas = rng.choice([*paraf, ttd]) if ttd else None
        kiriman: tuple[tuple[int, str], ...] = ()
        if st == StatusNaskah.TERKIRIM:
            tujuan = rng.sample(kepala, rng.randint(1, 3))
            kiriman = tuple(
                (j, PeranKiriman.PENERIMA if x == 0 else PeranKiriman.TEMBUSAN) for x, j in enumerate(tujuan)
            )
        yield Rencana(
            unit_id=unit_id,
            pembuat_id=rng.choice(pegawai[unit_id]),
            waktu=waktu,
            status=st,
            sifat=rng.choices(sifat, bobot_sifat)[0],
            urgensi=rng.choice(urgensi),
            perihal=f"{rng.choice(PERIHAL)} {i + 1}",
            nomor=f"000.1.2.3/{i + 1}/{unit[o].kode}/{t}" if st in STATUS_BERNOMOR else "",
            penandatangan_id=ttd,
            tugas_jabatan_id=tugas,
            pemaraf=paraf,
            kiriman=kiriman,
        )
