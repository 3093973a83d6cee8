"""Bulk seeding of incoming letters and their dispositions for benchmarks.

Registering a letter through `naskah.layanan_masuk.daftarkan` and disposing it through
`disposisikan` costs a treebeard insert, a revision, a workflow start, history rows and an
access recomputation per step: fine for the demo, hours for 100,000 letters. `tanam_masuk`
writes the same rows in batches instead:

- `wagtailcore_page` rows under the receiving OPD's year folder (made by `layanan._folder`
  for the year of receipt), treebeard paths allocated after the folder's last child
  (`bench.seed._Folder`), content type NaskahMasukPage, title `judul_aman()` (the neutral
  "Rahasia #id" for secret letters), the folder's numchild moved on;
- the `naskah_naskahmasukpage` child rows (one executemany per batch), agenda numbers
  continuing each unit's PenghitungAgenda counter for the year (the counter is moved on, so
  letters registered later through the service stay unique);
- Disposisi trees (roots first, then each level pointing at its induk) and the JejakNaskah
  rows the services leave for every step (diterima, disposisikan/teruskan, dibaca, selesai,
  batalkan, ditutup, selesai_naskah);
- AksesNaskah rows: `naskah.akses.token_naskah_masuk` itself, called on a stand-in without a
  pk (its disposition query is then empty and reaches no database), plus the disposition
  holders added as `akses._token_disposisi` adds them. `periksa_akses` compares a sample of
  stored letters with the real function.

No revision, workflow state or Arsip row is created and no signal is sent: the rows are what
the incoming-letter screens read. `pohon_dalam` makes one letter with a deep disposition tree
through the real services instead (registration, dispositions, forwards, reports, a
cancellation), so the letter page is measured on a letter made the way users make them.

    from bench.seed_masuk import campuran_masuk, periksa_akses, pohon_dalam, tanam_masuk
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
from django.db.models import F, Model
from django.utils import timezone
from wagtail.models import Page

from bench.seed import BATCH, _Folder
from naskah import akses, layanan, layanan_masuk
from naskah.models import (
    AksesNaskah,
    Disposisi,
    Instruksi,
    JejakNaskah,
    NaskahMasukPage,
    PenghitungAgenda,
    Sifat,
    StatusDisposisi,
    StatusMasuk,
    Urgensi,
)
from naskah.models.halaman import SIFAT_RAHASIA
from organisasi.models import Jabatan, JenisJabatan, JenisUnit, Pegawai, Unit


@dataclass
class RencanaDisposisi:
    """One disposition of a planned letter. `induk`: index of the parent in the letter's
    list (parents come first); `pemegang_id`: the user who reads and finishes it."""

    dari_jabatan_id: int
    dari_user_id: int
    kepada_jabatan_id: int | None
    kepada_user_id: int | None
    pemegang_id: int
    dibuat_pada: datetime.datetime
    induk: int | None = None
    status: str = StatusDisposisi.AKTIF
    batas_waktu: datetime.date | None = None
    instruksi: tuple[str, ...] = (Instruksi.DITINDAKLANJUTI,)
    dibaca_pada: datetime.datetime | None = None
    selesai_pada: datetime.datetime | None = None


@dataclass
class RencanaMasuk:
    """One incoming letter to seed (`unit_id`: the receiving OPD)."""

    unit_id: int
    tujuan_id: int
    waktu: datetime.datetime  # registered
    pencatat_id: int | None = None
    status: str = StatusMasuk.BARU
    sifat: str = Sifat.BIASA
    urgensi: str = Urgensi.BIASA
    perihal: str = "Naskah masuk uji"
    pengirim: str = "Instansi uji"
    nomor_surat: str = "000/1/UJI"
    klasifikasi: str = "000.1.2.3"
    selesai_pada: datetime.datetime | None = None
    disposisi: tuple[RencanaDisposisi, ...] = ()

    @property
    def tanggal_terima(self) -> datetime.date:
        return timezone.localdate(self.waktu)


class _Konteks:
    """What every batch needs, read once: content type, units and their chain, names,
    folders and agenda counters."""

    def __init__(self) -> None:
        self.ct = ContentType.objects.get_for_model(NaskahMasukPage)
        self.unit = {u.pk: u for u in Unit.objects.all()}
        self.jalur: dict[int, list[Any]] = {}
        for pk in self.unit:
            rantai: list[Any] = []
            node: Unit | None = self.unit[pk]
            while node is not None:
                rantai.append(SimpleNamespace(pk=node.pk))
                node = self.unit.get(node.induk_id) if node.induk_id else None
            self.jalur[pk] = rantai[::-1]
        self.jabatan = {j["pk"]: j for j in Jabatan.objects.values("pk", "unit_id", "nama")}
        self.pegawai = {
            p["user_id"]: p for p in Pegawai.objects.values("user_id", "jabatan_id", "nama") if p["user_id"]
        }
        self.folder: dict[tuple[int, int], _Folder] = {}
        self.agenda = {(p.unit_id, p.tahun): p.terakhir for p in PenghitungAgenda.objects.all()}
        self.agenda_berubah: set[tuple[int, int]] = set()

    def folder_untuk(self, unit_id: int, tahun: int) -> _Folder:
        kunci = (unit_id, tahun)
        if kunci not in self.folder:
            with transaction.atomic():
                self.folder[kunci] = _Folder(layanan._folder(self.unit[unit_id], tahun))
        return self.folder[kunci]

    def nomor_agenda(self, unit_id: int, tahun: int) -> int:
        kunci = (unit_id, tahun)
        self.agenda[kunci] = self.agenda.get(kunci, 0) + 1
        self.agenda_berubah.add(kunci)
        return self.agenda[kunci]

    def simpan_agenda(self) -> None:
        for unit_id, tahun in sorted(self.agenda_berubah):
            PenghitungAgenda.objects.update_or_create(
                unit_id=unit_id, tahun=tahun, defaults={"terakhir": self.agenda[unit_id, tahun]}
            )
        self.agenda_berubah.clear()

    def label(self, d: RencanaDisposisi) -> str:
        if d.kepada_user_id:
            return str(self.pegawai[d.kepada_user_id]["nama"])
        return str(self.jabatan[d.kepada_jabatan_id]["nama"]) if d.kepada_jabatan_id else "-"


def _token(k: _Konteks, r: RencanaMasuk) -> dict[str, str]:
    """naskah.akses.token_naskah_masuk on a stand-in (no pk: no disposition query), then the
    holders of the planned dispositions as akses._token_disposisi adds them."""
    unit_tujuan = k.jabatan[r.tujuan_id]["unit_id"]
    tiruan = SimpleNamespace(
        pk=None,
        tujuan_id=r.tujuan_id,
        pencatat_id=r.pencatat_id,
        rahasia=r.sifat in SIFAT_RAHASIA,
        unit_id=r.unit_id,
        tujuan=SimpleNamespace(unit_id=unit_tujuan, unit=SimpleNamespace(jalur=k.jalur[unit_tujuan])),
    )
    token = akses.token_naskah_masuk(tiruan)
    for d in r.disposisi:
        if d.status == StatusDisposisi.DIBATALKAN:
            continue
        if d.kepada_jabatan_id:
            token.setdefault(f"j:{d.kepada_jabatan_id}", "disposisi")
        if d.kepada_user_id:
            token.setdefault(f"u:{d.kepada_user_id}", "disposisi")
    return token


def _sisip(model: type[Model], baris: list[dict[str, Any]]) -> None:
    """INSERT the child rows of a multi-table model (the parent rows exist): one executemany."""
    kolom = model._meta.local_concrete_fields
    qn = connection.ops.quote_name
    sql = "INSERT INTO {} ({}) VALUES ({})".format(  # noqa: S608 - names from the model, values bound
        qn(str(model._meta.db_table)), ", ".join(qn(str(f.column)) for f in kolom), ", ".join(["%s"] * len(kolom))
    )
    nilai = [
        [f.get_db_prep_save(b[f.attname] if f.attname in b else f.get_default(), connection) for f in kolom]
        for b in baris
    ]
    with connection.cursor() as cur:
        cur.executemany(sql, nilai)


def _kedalaman(disposisi: Sequence[RencanaDisposisi]) -> list[int]:
    dalam: list[int] = []
    for d in disposisi:
        dalam.append(0 if d.induk is None else dalam[d.induk] + 1)
    return dalam


def _jejak(k: _Konteks, pk: int, r: RencanaMasuk, agenda: str, objek: list[Disposisi]) -> list[JejakNaskah]:
    """The history rows the services would have written for this letter."""
    pencatat = k.pegawai.get(r.pencatat_id) if r.pencatat_id else None
    hasil = [
        JejakNaskah(
            naskah_id=pk,
            aksi="diterima",
            user_id=r.pencatat_id,
            jabatan_id=pencatat["jabatan_id"] if pencatat else None,
            waktu=r.waktu,
            data={"kepada": k.jabatan[r.tujuan_id]["nama"], "agenda": agenda, "sumber": "luar"},
        )
    ]
    terakhir = None
    for d, obj in zip(r.disposisi, objek, strict=True):
        hasil.append(
            JejakNaskah(
                naskah_id=pk,
                disposisi=obj,
                aksi=layanan_masuk.AKSI_TERUSKAN if d.induk is not None else layanan_masuk.AKSI_DISPOSISIKAN,
                user_id=d.dari_user_id,
                jabatan_id=d.dari_jabatan_id,
                waktu=d.dibuat_pada,
                data={
                    "kepada": k.label(d),
                    "instruksi": list(d.instruksi),
                    "batas_waktu": d.batas_waktu.isoformat() if d.batas_waktu else None,
                },
            )
        )
        if d.dibaca_pada and (d.selesai_pada is None or d.dibaca_pada < d.selesai_pada):
            hasil.append(
                JejakNaskah(
                    naskah_id=pk,
                    disposisi=obj,
                    aksi="dibaca",
                    user_id=d.pemegang_id,
                    jabatan_id=d.kepada_jabatan_id,
                    waktu=d.dibaca_pada,
                )
            )
        if d.status == StatusDisposisi.SELESAI and d.selesai_pada:
            hasil.append(
                JejakNaskah(
                    naskah_id=pk,
                    disposisi=obj,
                    aksi=layanan_masuk.AKSI_SELESAI,
                    user_id=d.pemegang_id,
                    jabatan_id=d.kepada_jabatan_id,
                    waktu=d.selesai_pada,
                    data={"tindak_lanjut": "Sudah ditindaklanjuti.", "lampiran": False, "balasan": None},
                )
            )
            terakhir = d.pemegang_id
        elif d.status == StatusDisposisi.DIBATALKAN:
            hasil.append(
                JejakNaskah(
                    naskah_id=pk,
                    disposisi=obj,
                    aksi=layanan_masuk.AKSI_BATALKAN,
                    user_id=d.dari_user_id,
                    jabatan_id=d.dari_jabatan_id,
                    waktu=d.dibuat_pada + datetime.timedelta(hours=1),
                    data={"alasan": ""},
                )
            )
    if r.status == StatusMasuk.SELESAI and r.selesai_pada:
        if terakhir is None:  # closed by the addressee without disposition
            terakhir = next((u for u, p in k.pegawai.items() if p["jabatan_id"] == r.tujuan_id), None)
            hasil.append(
                JejakNaskah(
                    naskah_id=pk,
                    aksi="ditutup",
                    user_id=terakhir,
                    jabatan_id=r.tujuan_id,
                    waktu=r.selesai_pada,
                    data={"catatan": "Cukup diketahui dan diarsipkan."},
                )
            )
        hasil.append(JejakNaskah(naskah_id=pk, aksi="selesai_naskah", user_id=terakhir, waktu=r.selesai_pada))
    return hasil


def _tanam_batch(k: _Konteks, rencana: list[RencanaMasuk]) -> list[int]:
    halaman: list[Page] = []
    folder_batch: dict[int, _Folder] = {}
    for r in rencana:
        folder = k.folder_untuk(r.unit_id, r.tanggal_terima.year)
        folder_batch[id(folder)] = folder
        slug = f"m-{uuid.uuid4().hex[:16]}"
        halaman.append(
            Page(
                path=folder.path(),
                depth=folder.folder.depth + 1,
                numchild=0,
                translation_key=uuid.uuid4(),
                locale_id=folder.folder.locale_id,
                live=False,
                has_unpublished_changes=True,
                title=r.perihal,
                draft_title=r.perihal,
                slug=slug,
                content_type_id=k.ct.pk,
                url_path=f"{folder.folder.url_path}{slug}/",
                owner_id=None,
                latest_revision_created_at=r.waktu,
            )
        )
    Page.objects.bulk_create(halaman)
    ids = [h.pk for h in halaman]
    anak, izin, jejak = [], [], []
    judul_rahasia: list[tuple[int, str]] = []
    objek: dict[int, list[Disposisi | None]] = {
        pk: [None] * len(r.disposisi) for pk, r in zip(ids, rencana, strict=True)
    }
    agenda: dict[int, str] = {}
    for pk, r in zip(ids, rencana, strict=True):
        tahun = r.tanggal_terima.year
        nomor = k.nomor_agenda(r.unit_id, tahun)
        agenda[pk] = f"{nomor}/{tahun}"
        anak.append(
            {
                "page_ptr_id": pk,
                "nomor_surat": r.nomor_surat,
                "tanggal_surat": r.tanggal_terima - datetime.timedelta(days=pk % 5),
                "pengirim": r.pengirim,
                "perihal": r.perihal,
                "sifat": r.sifat,
                "urgensi": r.urgensi,
                "klasifikasi": r.klasifikasi,
                "unit_id": r.unit_id,
                "tujuan_id": r.tujuan_id,
                "tahun_agenda": tahun,
                "nomor_agenda": nomor,
                "tanggal_terima": r.tanggal_terima,
                "pencatat_id": r.pencatat_id,
                "status": r.status,
                "selesai_pada": r.selesai_pada,
            }
        )
        izin += [AksesNaskah(naskah_id=pk, token=t, sumber=s) for t, s in _token(k, r).items()]
        if r.sifat in SIFAT_RAHASIA:  # the neutral title carries the id (NaskahMasukPage.judul_aman)
            judul_rahasia.append((pk, f"{Sifat(r.sifat).label} #{pk}"))
    _sisip(NaskahMasukPage, anak)
    # dispositions level by level: a forward needs its parent's id
    dalam = {pk: _kedalaman(r.disposisi) for pk, r in zip(ids, rencana, strict=True)}
    tingkat = 0
    while True:
        baru: list[Disposisi] = []
        for pk, r in zip(ids, rencana, strict=True):
            for i, d in enumerate(r.disposisi):
                if dalam[pk][i] != tingkat:
                    continue
                induk = objek[pk][d.induk] if d.induk is not None else None
                obj = Disposisi(
                    naskah_id=pk,
                    induk_id=induk.pk if induk is not None else None,
                    dari_user_id=d.dari_user_id,
                    dari_jabatan_id=d.dari_jabatan_id,
                    kepada_jabatan_id=d.kepada_jabatan_id,
                    kepada_user_id=d.kepada_user_id,
                    instruksi=list(d.instruksi),
                    batas_waktu=d.batas_waktu,
                    dibuat_pada=d.dibuat_pada,
                    status=d.status,
                    dibaca_pada=d.dibaca_pada,
                    dibaca_oleh_id=d.pemegang_id if d.dibaca_pada else None,
                    selesai_pada=d.selesai_pada,
                    selesai_oleh_id=d.pemegang_id if d.selesai_pada else None,
                    tindak_lanjut="Sudah ditindaklanjuti." if d.status == StatusDisposisi.SELESAI else "",
                    dibatalkan_pada=(
                        d.dibuat_pada + datetime.timedelta(hours=1) if d.status == StatusDisposisi.DIBATALKAN else None
                    ),
                )
                objek[pk][i] = obj
                baru.append(obj)
        if not baru:
            break
        Disposisi.objects.bulk_create(baru, batch_size=BATCH)
        tingkat += 1
    for pk, r in zip(ids, rencana, strict=True):
        jejak += _jejak(k, pk, r, agenda[pk], [d for d in objek[pk] if d is not None])
    AksesNaskah.objects.bulk_create(izin, batch_size=BATCH)
    JejakNaskah.objects.bulk_create(jejak, batch_size=BATCH)
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
    k.simpan_agenda()
    return ids


def tanam_masuk(rencana: Iterable[RencanaMasuk], *, batch: int = BATCH) -> list[int]:
    """Insert the planned letters in batches (one transaction each); returns their ids."""
    k = _Konteks()
    kueri: list[str] = []

    def catat(execute: Any, sql: str, params: Any, many: bool, context: Any) -> Any:
        kueri.append(sql)
        return execute(sql, params, many, context)

    with connection.execute_wrapper(catat):  # the stand-in must not reach the database
        _token(k, RencanaMasuk(unit_id=next(iter(k.unit)), tujuan_id=next(iter(k.jabatan)), waktu=timezone.now()))
    if kueri:
        raise RuntimeError("token_naskah_masuk menjalankan kueri pada tiruan: periksa bench.seed_masuk._token")
    ids: list[int] = []
    rencana = iter(rencana)
    while potongan := list(islice(rencana, batch)):
        with transaction.atomic():
            ids += _tanam_batch(k, potongan)
    return ids


def periksa_akses(ids: Sequence[int], *, sampel: int = 200, acak: int = 0) -> int:
    """Compare the stored access rows of a sample of letters with akses.token_naskah on the
    real letter (token and reason); raises AssertionError on a difference. Returns the size."""
    pilih = random.Random(acak).sample(list(ids), min(sampel, len(ids)))  # noqa: S311 - test data
    for naskah in NaskahMasukPage.objects.filter(pk__in=pilih).select_related("tujuan__unit"):
        tersimpan = dict(AksesNaskah.objects.filter(naskah_id=naskah.pk).values_list("token", "sumber"))
        benar = akses.token_naskah(naskah)
        if tersimpan != benar:
            raise AssertionError(f"akses naskah masuk {naskah.pk} berbeda: tertanam {tersimpan}, seharusnya {benar}")
    return len(pilih)


# --- a realistic mix over the demo organisation ----------------------------------------------

SIFAT_BOBOT = {Sifat.BIASA: 70, Sifat.TERBATAS: 15, Sifat.RAHASIA: 10, Sifat.SANGAT_RAHASIA: 5}
PERIHAL = [
    "Undangan rapat koordinasi",
    "Permintaan data",
    "Pemberitahuan kegiatan",
    "Permohonan narasumber",
    "Edaran",
    "Laporan hasil pemeriksaan",
]
PENGIRIM = [
    ("Kementerian Dalam Negeri", "KEMENDAGRI"),
    ("Pemerintah Provinsi", "PEMPROV"),
    ("Badan Perencanaan Pembangunan Daerah", "BAPPEDA"),
    ("Sekretariat DPRD Kota", "DPRD"),
    ("Badan Siber dan Sandi Negara", "BSSN"),
    ("Universitas Sukamaju", "UNSUKA"),
]

# The first letters of the stream are the current ones: received in the last 30 days, some
# not disposed yet, dispositions open (some overdue), read or not. Every later one is an
# archive letter, finished with every disposition reported; so the open work an official
# sees stays realistic whatever the size of the archive (as bench.seed.SEDANG_BERJALAN).
SEDANG_BERJALAN = 600


class _Organisasi:
    """The demo organisation as plain maps: who holds which post, who reports to whom."""

    def __init__(self) -> None:
        unit = {u.pk: u for u in Unit.objects.all()}
        jabatan = list(Jabatan.objects.filter(aktif=True).values("pk", "unit_id", "atasan_id", "kepala_unit", "jenis"))
        self.pemegang: dict[int, int] = {}
        for user_id, jabatan_id in (
            Pegawai.objects.filter(aktif=True, jabatan__isnull=False)
            .order_by("pk")
            .values_list("user_id", "jabatan_id")
        ):
            self.pemegang.setdefault(jabatan_id, user_id)
        self.bawahan: dict[int, list[int]] = defaultdict(list)  # only posts someone holds
        for j in jabatan:
            if j["atasan_id"] and j["pk"] in self.pemegang:
                self.bawahan[j["atasan_id"]].append(j["pk"])

        def opd(unit_id: int) -> int:
            u = unit[unit_id]
            return (u.opd or u).pk

        self.kepala_opd = {
            j["unit_id"]: j["pk"]
            for j in jabatan
            if j["kepala_unit"] and unit[j["unit_id"]].jenis == JenisUnit.OPD and j["pk"] in self.pemegang
        }
        self.opd = sorted(o for o in self.kepala_opd if self.bawahan[self.kepala_opd[o]])
        self.pencatat: dict[int, int] = {}
        for j in jabatan:
            if j["jenis"] == JenisJabatan.PELAKSANA and j["pk"] in self.pemegang:
                self.pencatat.setdefault(opd(j["unit_id"]), self.pemegang[j["pk"]])


def _pohon(
    rng: random.Random, org: _Organisasi, tujuan: int, waktu: datetime.datetime, berjalan: bool
) -> list[RencanaDisposisi]:
    """A disposition tree from the addressee down the atasan chain (≈3 nodes on average)."""
    sekarang = timezone.now()
    hasil: list[RencanaDisposisi] = []
    antre: list[tuple[int, int, int, datetime.datetime, datetime.date | None]] = []

    def beri(induk: int | None, dari_jabatan: int, dari_user: int, mulai: datetime.datetime, batas_induk: Any) -> None:
        calon = org.bawahan.get(dari_jabatan, [])
        for kepada in rng.sample(calon, min(len(calon), rng.choice((1, 2, 2, 3)))):
            dibuat = max(mulai, min(mulai + datetime.timedelta(minutes=rng.randrange(30, 48 * 60)), sekarang))
            batas = batas_induk  # a forward keeps its parent's due date (layanan_masuk.disposisikan)
            if induk is None and rng.random() < 0.7:
                batas = timezone.localdate(dibuat) + datetime.timedelta(days=rng.randint(3, 14))
            pemegang = org.pemegang[kepada]
            ke_orang = not org.bawahan.get(kepada) and rng.random() < 0.2  # staff are also named in person
            hasil.append(
                RencanaDisposisi(
                    dari_jabatan_id=dari_jabatan,
                    dari_user_id=dari_user,
                    kepada_jabatan_id=None if ke_orang else kepada,
                    kepada_user_id=pemegang if ke_orang else None,
                    pemegang_id=pemegang,
                    dibuat_pada=dibuat,
                    induk=induk,
                    batas_waktu=batas,
                    instruksi=tuple(rng.sample(list(Instruksi.values), rng.randint(1, 2))),
                )
            )
            antre.append((len(hasil) - 1, kepada, pemegang, dibuat, batas))

    beri(None, tujuan, org.pemegang[tujuan], waktu, None)
    while antre:
        i, jabatan, user, dibuat, batas = antre.pop(0)
        if hasil[i].kepada_jabatan_id and rng.random() < (0.8 if hasil[i].induk is None else 0.5):
            beri(i, jabatan, user, dibuat, batas)
    # state, leaves first: a branch is done once everything below it is done
    anak: dict[int, list[int]] = defaultdict(list)
    for i, d in enumerate(hasil):
        if d.induk is not None:
            anak[d.induk].append(i)
    for i in reversed(range(len(hasil))):
        d = hasil[i]
        kemudian = max([hasil[a].selesai_pada or d.dibuat_pada for a in anak[i]], default=d.dibuat_pada)
        if anak[i]:
            d.dibaca_pada = min(hasil[a].dibuat_pada for a in anak[i])  # forwarding reads it
        if not anak[i] and rng.random() < 0.05:
            d.status = StatusDisposisi.DIBATALKAN  # withdrawn before it was opened
            continue
        semua_selesai = all(hasil[a].status != StatusDisposisi.AKTIF for a in anak[i])
        if semua_selesai and (not berjalan or rng.random() < 0.4):
            d.status = StatusDisposisi.SELESAI
            d.selesai_pada = min(kemudian + datetime.timedelta(minutes=rng.randrange(30, 72 * 60)), sekarang)
            d.dibaca_pada = d.dibaca_pada or d.selesai_pada
        elif d.dibaca_pada is None and rng.random() < 0.5:
            d.dibaca_pada = min(sekarang, d.dibuat_pada + datetime.timedelta(hours=rng.randint(1, 24)))
    return hasil


def campuran_masuk(n: int, *, acak: int = 0, tahun: Sequence[int] | None = None) -> Iterator[RencanaMasuk]:
    """`n` external letters received by the demo OPD (registered by their operators), most
    addressed to the head of the OPD, some to a head of division; archive letters dated over
    the last years, the first SEDANG_BERJALAN within the last 30 days."""
    rng = random.Random(acak)  # noqa: S311 - reproducible test data, not secrets
    org = _Organisasi()
    if not org.opd:
        raise ValueError("organisasi demo belum dimuat")
    hari_ini = timezone.localdate()
    tahun = list(tahun or range(hari_ini.year - 2, hari_ini.year + 1))
    sekarang = timezone.now()
    awal = {t: datetime.datetime(t, 1, 1, 8, tzinfo=datetime.UTC) for t in tahun}
    sifat, bobot_sifat = zip(*SIFAT_BOBOT.items(), strict=True)
    urgensi = list(Urgensi)
    for i in range(n):
        berjalan = i < SEDANG_BERJALAN
        opd = rng.choice(org.opd)
        kepala = org.kepala_opd[opd]
        tujuan = kepala if rng.random() < 0.85 else rng.choice(org.bawahan[kepala])
        if berjalan:
            waktu = sekarang - datetime.timedelta(minutes=rng.randrange(30 * 24 * 60))
        else:
            t = rng.choice(tahun)
            waktu = min(awal[t] + datetime.timedelta(minutes=rng.randrange(360 * 24 * 60)), sekarang)
        pohon = [] if rng.random() < (0.15 if berjalan else 0.1) else _pohon(rng, org, tujuan, waktu, berjalan)
        terbuka = [d for d in pohon if d.status != StatusDisposisi.DIBATALKAN]
        if any(d.status == StatusDisposisi.AKTIF for d in terbuka):
            status, selesai = StatusMasuk.DIDISPOSISI, None
        elif terbuka or not berjalan:  # every branch reported, or closed without disposition
            status = StatusMasuk.SELESAI
            selesai = max([d.selesai_pada or waktu for d in terbuka], default=waktu + datetime.timedelta(days=1))
            selesai = min(selesai, sekarang)
        else:
            status, selesai = StatusMasuk.BARU, None
        nama, singkat = rng.choice(PENGIRIM)
        klasifikasi = rng.choice(["000.1.2.3", "000.7.2", "400.14", "443.1"])
        yield RencanaMasuk(
            unit_id=opd,
            tujuan_id=tujuan,
            waktu=waktu,
            pencatat_id=org.pencatat.get(opd),
            status=status,
            sifat=rng.choices(sifat, bobot_sifat)[0],
            urgensi=rng.choice(urgensi),
            perihal=f"{rng.choice(PERIHAL)} {i + 1}",
            pengirim=nama,
            nomor_surat=f"{klasifikasi}/{i + 1}/{singkat}/{timezone.localdate(waktu).year}",
            klasifikasi=klasifikasi,
            selesai_pada=selesai,
            disposisi=tuple(pohon),
        )


# --- one letter with a deep tree, through the services ----------------------------------------


def pohon_dalam(putaran: int = 3) -> NaskahMasukPage:
    """An external letter to the head of Diskominfo ("pejabat"), disposed in `putaran` rounds:
    each round the head disposes to the secretary and both heads of division; the Kabid IKP
    forwards to the Kasi PIP and a pranata humas, the Kasi forwards to the humas officer in
    person, who reports; the secretary forwards to two staff, one reports; the Kabid Aptika
    forwards to a programmer, who reports, and reports himself; a last disposition to the
    Kabid Aptika is withdrawn unread. The Kabid IKP's own dispositions stay open."""
    user = {u.username: u for u in get_user_model().objects.select_related("pegawai__jabatan")}

    def jabatan(username: str) -> Jabatan:
        hasil = user[username].pegawai.jabatan
        assert hasil is not None, username
        return hasil

    batas = timezone.localdate() + datetime.timedelta(days=7)

    def beri(naskah: Any, dari: str, kepada: list[str], induk: Any = None, orang: bool = False) -> list[Disposisi]:
        return layanan_masuk.disposisikan(
            naskah,
            user[dari],
            induk=induk,
            kepada_jabatan=[] if orang else [jabatan(k) for k in kepada],
            kepada_user=[user[k] for k in kepada] if orang else [],
            instruksi=[Instruksi.DITINDAKLANJUTI, Instruksi.KOORDINASIKAN],
            catatan="Mohon segera ditindaklanjuti dan dilaporkan.",
            batas_waktu=batas,
        )

    def lapor(d: Disposisi, username: str) -> None:
        layanan_masuk.selesaikan(d, user[username], tindak_lanjut=f"Sudah ditindaklanjuti oleh {username}.")

    with transaction.atomic():
        naskah = layanan_masuk.daftarkan(
            user["operator"],
            tujuan=jabatan("pejabat"),
            nomor_surat="000.1.2.3/999/BENCH/POHON",
            tanggal_surat=timezone.localdate(),
            pengirim="Kementerian Dalam Negeri",
            perihal="Koordinasi penyusunan laporan kinerja (pohon disposisi dalam)",
            abaikan_duplikat=True,
        )
        for _ in range(putaran):
            sek, ikp, aptika = beri(naskah, "pejabat", ["sek.diskominfo", "kabid.ikp", "admin"])
            kasi, humas = beri(naskah, "kabid.ikp", ["kasi.pip", "humas"], induk=ikp)
            (orang,) = beri(naskah, "kasi.pip", ["humas"], induk=kasi, orang=True)
            lapor(orang, "humas")
            lapor(humas, "humas")
            lapor(kasi, "kasi.pip")
            arsiparis, _operator = beri(naskah, "sek.diskominfo", ["arsiparis", "operator"], induk=sek)
            lapor(arsiparis, "arsiparis")
            (programmer,) = beri(naskah, "admin", ["staf"], induk=aptika)
            lapor(programmer, "staf")
            lapor(aptika, "admin")
            (batal,) = beri(naskah, "pejabat", ["admin"])
            layanan_masuk.batalkan(batal, user["pejabat"], "Keliru tujuan.")
    return NaskahMasukPage.objects.get(pk=naskah.pk)
