"""The database engine: no server to run. Documents live in `DokumenCari`; full text in
an FTS5 table on SQLite and a weighted tsvector (config "simple") on PostgreSQL, both fed
the same pre-split words, so the two behave alike. Roots (Sastrawi) are indexed beside
the words; typos are corrected against the perihal vocabulary (`KosakataCari`)."""

from __future__ import annotations

import datetime
import json
import math
from collections import Counter
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import F, Max, Min, QuerySet
from django.db.models.expressions import RawSQL

from .. import teks
from ..models import DokumenCari, KosakataCari, ProsesIndeks, StatusProses
from .dasar import FACET, LABEL_SIFAT, Dokumen, Faset, GalatMesin, Hasil, Hit, Permintaan, adalah_nomor

MAKS_VARIAN = 6
MIN_SALAH_KETIK = 5  # words this long or longer tolerate one typo
KOLOM_FTS = ("nomor", "perihal", "pihak", "isi", "dasar")
BOBOT_BM25 = "8.0, 6.0, 2.0, 1.0, 1.5"
MAKS_FASET = 30
BATAS_PASTI = 1000  # exact counts and facets up to this many matches
JENDELA_AWAL_HARI = 31  # the newest matches are looked for in at least the index's last month …
JENDELA_MAKS_HARI = 3 * 366  # … in windows sized by their density, up to three years, then everywhere
LANGSUNG_SEMUA = 3  # estimated matches up to this many times BATAS_PASTI: no window
KOLOM_RINGKAS = ("pk", "tanggal", "jenis", "unit_id", "unit", "sifat", "tahun")  # what count and facets need
# One UPDATE per batch; {tempat} is only "(%s, …)" placeholders, values are bound.
SQL_VEKTOR = (
    "UPDATE search_dokumencari d SET vektor = "
    "setweight(to_tsvector('simple', v.nomor), 'A') || setweight(to_tsvector('simple', v.perihal), 'A')"
    " || setweight(to_tsvector('simple', v.pihak), 'B') || setweight(to_tsvector('simple', v.isi), 'C')"
    " || setweight(to_tsvector('simple', v.dasar), 'D')"
    " FROM (VALUES {tempat}) AS v(id, nomor, perihal, pihak, isi, dasar) WHERE d.id = v.id::bigint"
)


def _kata_indeks(teks_asli: str) -> str:
    """Words as every full-text backend will see them (no parser surprises with numbers
    like 000.8.3.3/15 or file-path-looking tokens)."""
    return " ".join(k for k in teks.kata(teks_asli) if len(k) <= 60)


def kata_dikenal(kata: str) -> bool:
    """A perihal word the index has seen: such words are not typo-corrected (both engines)."""
    return KosakataCari.objects.filter(kata=kata).exists()


def _pg() -> bool:
    return connection.vendor == "postgresql"


def _cuplikan(d: DokumenCari, sorot: list[str]) -> str:
    """From the body where it matches, else the perihal (secret letters: perihal only)."""
    if d.isi and not d.rahasia:
        dari_isi = teks.tandai(d.isi, sorot)
        if "<mark>" in dari_isi or not sorot:
            return dari_isi
    return teks.tandai(d.perihal, sorot)


class MesinDatabase:
    nama = "database"

    # --- writing -----------------------------------------------------------------------
    def simpan(self, dokumen: list[Dokumen]) -> None:
        per_koleksi: dict[str, list[Dokumen]] = {}
        for d in dokumen:
            per_koleksi.setdefault(d.koleksi, []).append(d)
        for koleksi, daftar in per_koleksi.items():
            self._tulis(daftar, self._generasi_tulis(koleksi))

    def hapus(self, kunci: list[str]) -> None:
        with transaction.atomic():
            ids = list(DokumenCari.objects.filter(kunci__in=kunci).values_list("pk", flat=True))
            if ids:
                self._hapus_fts(ids)
                DokumenCari.objects.filter(pk__in=ids).delete()

    def _generasi_tulis(self, koleksi: str) -> int:
        """Live writes during a rebuild go to the generation being built."""
        berjalan = (
            ProsesIndeks.objects.filter(koleksi=koleksi, status__in=[StatusProses.ANTRI, StatusProses.BERJALAN])
            .exclude(generasi=0)
            .values_list("generasi", flat=True)
            .first()
        )
        if berjalan:
            return berjalan
        return DokumenCari.objects.filter(koleksi=koleksi).aggregate(g=Max("generasi"))["g"] or 1

    def _tulis(self, dokumen: list[Dokumen], generasi: int) -> None:
        kolom = [
            "koleksi", "objek_id", "judul", "url", "nomor", "nomor_kunci", "perihal", "isi", "pengirim",
            "penerima", "unit_id", "unit", "jenis", "arah", "sifat", "status", "klasifikasi", "tanggal",
            "tahun", "rahasia", "kata_dasar", "prinsipal", "generasi",
        ]  # fmt: skip
        baris = [
            DokumenCari(
                kunci=d.kunci,
                koleksi=d.koleksi,
                objek_id=d.objek_id,
                judul=d.judul[:255],
                url=d.url[:255],
                nomor=d.nomor[:200],
                nomor_kunci=d.nomor.lower()[:200],
                perihal=d.perihal,
                isi=d.isi,
                pengirim=d.pengirim,
                penerima=d.penerima,
                unit_id=d.unit_id,
                unit=d.unit[:200],
                jenis=d.jenis[:100],
                arah=d.arah,
                sifat=d.sifat,
                status=d.status[:20],
                klasifikasi=d.klasifikasi[:30],
                tanggal=d.tanggal,
                tahun=d.tahun,
                rahasia=d.rahasia,
                kata_dasar=d.kata_dasar,
                prinsipal=sorted(set(d.prinsipal)),
                generasi=generasi,
            )
            for d in dokumen
        ]
        with transaction.atomic():
            DokumenCari.objects.bulk_create(baris, update_conflicts=True, unique_fields=["kunci"], update_fields=kolom)
            ids = dict(DokumenCari.objects.filter(kunci__in=[d.kunci for d in dokumen]).values_list("kunci", "pk"))
            kosakata = {k for d in dokumen for k in teks.kata(d.perihal) if MIN_SALAH_KETIK <= len(k) <= 60}
            KosakataCari.objects.bulk_create(
                [KosakataCari(kata=k, panjang=len(k)) for k in kosakata], ignore_conflicts=True
            )
            self._tulis_fts([(ids[d.kunci], d) for d in dokumen])

    def _tulis_fts(self, pasangan: list[tuple[int, Dokumen]]) -> None:
        nilai = [
            (
                pk,
                _kata_indeks(d.nomor),
                _kata_indeks(d.perihal + " " + d.judul if d.judul != d.perihal else d.perihal),
                _kata_indeks(d.pengirim + " " + d.penerima),
                _kata_indeks(d.isi),
                d.kata_dasar,
            )
            for pk, d in pasangan
        ]
        with connection.cursor() as c:
            if _pg():
                tempat = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(nilai))
                sql = SQL_VEKTOR.format(tempat=tempat)
                c.execute(sql, [x for baris in nilai for x in baris])
            else:
                self._hapus_fts([n[0] for n in nilai])
                c.executemany(
                    "INSERT INTO search_fts(rowid, nomor, perihal, pihak, isi, dasar) VALUES (%s, %s, %s, %s, %s, %s)",
                    nilai,
                )

    def _hapus_fts(self, ids: Iterable[int]) -> None:
        if _pg():
            return  # the tsvector lives in the row
        ids = list(ids)
        with connection.cursor() as c:
            for i in range(0, len(ids), 500):
                bagian = ids[i : i + 500]
                tempat = ", ".join(["%s"] * len(bagian))
                c.execute(f"DELETE FROM search_fts WHERE rowid IN ({tempat})", bagian)  # noqa: S608 - placeholders only

    # --- rebuild (zero downtime: old documents answer until the new generation is whole) --
    def mulai_bangun(self, koleksi: str) -> str:
        g = DokumenCari.objects.filter(koleksi=koleksi).aggregate(g=Max("generasi"))["g"] or 0
        return str(g + 1)

    def simpan_bangun(self, target: str, dokumen: list[Dokumen]) -> None:
        if dokumen:
            self._tulis(dokumen, int(target))

    def selesai_bangun(self, koleksi: str, target: str) -> None:
        usang = DokumenCari.objects.filter(koleksi=koleksi, generasi__lt=int(target))
        while True:
            ids = list(usang.values_list("pk", flat=True)[:2000])
            if not ids:
                break
            with transaction.atomic():
                self._hapus_fts(ids)
                DokumenCari.objects.filter(pk__in=ids).delete()

    def jumlah(self, koleksi: str) -> int:
        return DokumenCari.objects.filter(koleksi=koleksi).count()

    def sehat(self) -> bool:
        try:
            DokumenCari.objects.exists()
        except Exception:  # noqa: BLE001
            return False
        return True

    # --- reading ---------------------------------------------------------------------------
    def _varian(self, kata: str) -> list[str]:
        """The word, its root, and perihal words one typo away."""
        hasil = [kata, teks.stem(kata)]
        if len(kata) >= MIN_SALAH_KETIK and kata.isalpha() and not kata_dikenal(kata):
            calon = KosakataCari.objects.filter(panjang__in=[len(kata) - 1, len(kata), len(kata) + 1]).values_list(
                "kata", flat=True
            )
            mirip = [c for c in calon.iterator(chunk_size=2000) if c != kata and teks.satu_salah_ketik(kata, c)]
            hasil += sorted(mirip)[:MAKS_VARIAN]
        return list(dict.fromkeys(hasil))

    def _saring(self, p: Permintaan) -> QuerySet:
        qs = DokumenCari.objects.filter(prinsipal__salah_satu=sorted(p.token))
        sama = {
            "koleksi": p.koleksi, "jenis": p.jenis, "unit_id": p.unit, "sifat": p.sifat,
            "status": p.status, "arah": p.arah, "tahun": p.tahun,
        }  # fmt: skip
        qs = qs.filter(**{k: v for k, v in sama.items() if v is not None})
        if p.klasifikasi:
            qs = qs.filter(klasifikasi__startswith=p.klasifikasi)
        if p.pengirim:
            qs = qs.filter(pengirim__icontains=p.pengirim)
        if p.penerima:
            qs = qs.filter(penerima__icontains=p.penerima)
        if p.nomor:
            qs = qs.filter(nomor_kunci__startswith=p.nomor.strip().lower())
        if p.tahun:  # the same letters as tahun=…, through the date index (bitmap AND with the words)
            qs = qs.filter(tanggal__range=(datetime.date(p.tahun, 1, 1), datetime.date(p.tahun, 12, 31)))
        if p.dari:
            qs = qs.filter(tanggal__gte=p.dari)
        if p.sampai:
            qs = qs.filter(tanggal__lte=p.sampai)
        return qs

    def _cocokkan(self, qs: QuerySet, kelompok: list[list[str]]) -> tuple[QuerySet, Any]:
        """The matching documents and the relevance expression to annotate them with."""
        if _pg():
            from django.contrib.postgres.search import SearchQuery, SearchRank

            ekspresi = " & ".join("(" + " | ".join(f"'{v}'" for v in g) + ")" for g in kelompok)
            query = SearchQuery(ekspresi, search_type="raw", config="simple")
            return qs.filter(vektor=query), SearchRank(F("vektor"), query)
        ekspresi = " AND ".join("(" + " OR ".join(f'"{v}"' for v in g) + ")" for g in kelompok)
        skor = RawSQL(  # noqa: S611 - the query text is a bound parameter
            f"SELECT -bm25(search_fts, {BOBOT_BM25}) FROM search_fts "  # noqa: S608 - constant weights
            "WHERE search_fts MATCH %s AND search_fts.rowid = search_dokumencari.id",
            [ekspresi],
        )
        return qs.filter(pk__in=RawSQL("SELECT rowid FROM search_fts WHERE search_fts MATCH %s", [ekspresi])), skor

    def cari(self, p: Permintaan) -> Hasil:
        if not p.token:
            return Hasil(total=0, hits=[], faset={f: [] for f in FACET}, halaman=p.halaman, mesin=self.nama)
        try:
            return self._cari(p)
        except Exception as exc:  # a database error is reported as "unavailable"
            if isinstance(exc, GalatMesin):
                raise
            raise GalatMesin(str(exc)) from exc

    def _cari(self, p: Permintaan) -> Hasil:
        qs = self._saring(p)
        kata = p.kata
        for w in (w for w in kata if adalah_nomor(w)):
            qs = qs.filter(nomor_kunci__startswith=w)
        biasa = [w for w in kata if not adalah_nomor(w)]
        kelompok = [self._varian(w) for w in biasa]
        skor = None
        # each word alone: the planner's estimate for a word is good, for several words
        # it assumes they are independent, and the words of a query rarely are
        per_kata = [self._cocokkan(qs, [g])[0] for g in kelompok] or [qs]
        if kelompok:
            qs, skor = self._cocokkan(qs, kelompok)
        # Bounded work for frequent words: one query takes the newest matches up to
        # BATAS_PASTI (+1 tells "more than") with what the count, the facets and the
        # ranking need (on PostgreSQL the relevance too: the row is read anyway); only
        # the page's rows are then read whole. A word found in most letters costs what a
        # rare one does.
        qs = qs.order_by(F("tanggal").desc(nulls_last=True), "-pk")
        dengan_skor = skor is not None and _pg()
        if dengan_skor:
            qs = qs.annotate(skor=skor)
        ringkas = qs.values_list(*KOLOM_RINGKAS, *(["skor"] if dengan_skor else []))
        ujung = [t for t in (p.sampai, datetime.date(p.tahun, 12, 31) if p.tahun else None) if t]
        pangkal = [t for t in (p.dari, datetime.date(p.tahun, 1, 1) if p.tahun else None) if t]
        baris = self._terbaru(
            ringkas, BATAS_PASTI + 1, min(ujung) if ujung else None, max(pangkal) if pangkal else None, per_kata
        )
        pasti = len(baris) <= BATAS_PASTI
        baris = baris[:BATAS_PASTI]
        if dengan_skor:
            nilai = {b[0]: float(b[-1] or 0) for b in baris}
        elif skor is not None:
            nilai = self._skor([b[0] for b in baris], skor)
        else:
            nilai = {}
        if nilai and p.urut == "relevansi":  # stable: equal scores keep the newest first
            baris = sorted(baris, key=lambda b: -nilai.get(b[0], 0.0))
        awal = (p.halaman - 1) * p.per_halaman
        halaman = [b[0] for b in baris[awal : awal + p.per_halaman]]
        dokumen = DokumenCari.objects.in_bulk(halaman)
        sorot = [v for g in kelompok for v in g]
        hits = [
            Hit(
                kunci=d.kunci,
                koleksi=d.koleksi,
                objek_id=d.objek_id,
                judul=d.judul,
                url=d.url,
                nomor=d.nomor,
                perihal=d.perihal,
                tanggal=d.tanggal,
                unit=d.unit,
                jenis=d.jenis,
                sifat=d.sifat,
                status=d.status,
                cuplikan=_cuplikan(d, sorot),
                skor=nilai.get(d.pk, 0.0),
            )
            for d in (dokumen[pk] for pk in halaman if pk in dokumen)
        ]
        return Hasil(
            total=len(baris),
            hits=hits,
            faset=_faset(baris),
            halaman=p.halaman,
            per_halaman=p.per_halaman,
            mesin=self.nama,
            total_pasti=pasti,
        )

    def _skor(self, ids: list[int], skor: Any) -> dict[int, float]:
        """Relevance of the given documents (SQLite: bm25 of the FTS5 match)."""
        if not ids:
            return {}
        hasil = DokumenCari.objects.filter(pk__in=ids).annotate(skor=skor).values_list("pk", "skor")
        return {pk: float(n or 0) for pk, n in hasil}

    def _terbaru(
        self,
        qs: QuerySet,
        batas: int,
        ujung: datetime.date | None = None,
        pangkal: datetime.date | None = None,
        per_kata: list[QuerySet] | None = None,
    ) -> list[tuple[Any, ...]]:
        """The newest `batas` matching rows (qs is ordered newest first; from the request's
        filters, no match is dated after `ujung` or before `pangkal`).

        On PostgreSQL a frequent word matches tens of thousands of letters, and reading
        each of them to sort by date was the cost. The newest matches lie in the newest
        dates, so the query looks within a window of the newest days: when it holds
        `batas` matches the answer is the same (every newer letter is inside the window)
        after reading a few thousand rows instead of all. The window is sized from the
        planner's estimate of the matches (twice what that density says is enough, at
        least a month); a window that held too few grows by its own density (a few
        steps), then the query runs over everything. Rare matches go straight to it.
        The estimate is the smallest of the words' own (`per_kata`: each word with the
        filters and the reader's access) — an upper bound: "pengadaan barang jasa" was
        estimated at 1,200 matches as independent words and has 20,000.

        No sequential scan for this query (the planner underestimates detoasting every
        tsvector of a frequent word; measured with bench/search.py)."""
        if not _pg():
            return list(qs[:batas])
        with transaction.atomic(), connection.cursor() as c:
            c.execute("SET LOCAL enable_seqscan = off")
            rentang = DokumenCari.objects.aggregate(awal=Min("tanggal"), akhir=Max("tanggal"))
            akhir, awal = rentang["akhir"], rentang["awal"]
            if akhir is not None and ujung is not None:
                akhir = min(akhir, ujung)
            if awal is not None and pangkal is not None:
                awal = max(awal, pangkal)
            perkiraan = min(_perkiraan(c, q) for q in (per_kata or [qs]))
            if akhir is None or awal is None or akhir <= awal or perkiraan <= LANGSUNG_SEMUA * batas:
                return list(qs[:batas])
            rentang_hari = (akhir - awal).days + 1
            hari = max(JENDELA_AWAL_HARI, math.ceil(rentang_hari * batas * 2 / perkiraan))
            for _ in range(4):
                if hari >= min(rentang_hari, JENDELA_MAKS_HARI):
                    break
                baris = list(qs.filter(tanggal__gte=akhir - datetime.timedelta(days=hari))[:batas])
                if len(baris) >= batas:
                    return baris
                if not baris:
                    break
                # twice what this window's density says is enough
                hari = math.ceil(hari * batas * 2 / len(baris))
            return list(qs[:batas])


def _perkiraan(c: Any, qs: QuerySet) -> float:
    """The planner's estimate of how many rows the query matches (EXPLAIN, not run)."""
    sql, param = qs.order_by().query.sql_with_params()
    c.execute("EXPLAIN (FORMAT JSON) " + sql, param)
    rencana = c.fetchone()[0]
    if isinstance(rencana, str):
        rencana = json.loads(rencana)
    return float(rencana[0]["Plan"]["Plan Rows"])


def _faset(baris: list[tuple[Any, ...]]) -> dict[str, list[Faset]]:
    """The four facets over the matched rows (KOLOM_RINGKAS tuples): most frequent first,
    ties by value; years newest first."""
    jenis: Counter[str] = Counter()
    unit: Counter[int] = Counter()
    nama_unit: dict[int, str] = {}
    sifat: Counter[str] = Counter()
    tahun: Counter[int] = Counter()
    for _pk, _tanggal, j, u_id, u, sf, th, *_ in baris:
        if j:
            jenis[j] += 1
        if u_id is not None:
            unit[u_id] += 1
            nama_unit[u_id] = max(nama_unit.get(u_id, ""), u or "")
        if sf:
            sifat[sf] += 1
        if th is not None:
            tahun[th] += 1
    urut_jenis = sorted(jenis.items(), key=lambda r: (-r[1], r[0]))[:MAKS_FASET]
    urut_unit = sorted(unit.items(), key=lambda r: (-r[1], nama_unit[r[0]]))[:MAKS_FASET]
    urut_sifat = sorted(sifat.items(), key=lambda r: (-r[1], r[0]))
    urut_tahun = sorted(tahun.items(), reverse=True)[:MAKS_FASET]
    return {
        "jenis": [Faset(j, j, n) for j, n in urut_jenis],
        "unit": [Faset(str(u_id), nama_unit[u_id], n) for u_id, n in urut_unit],
        "sifat": [Faset(sf, LABEL_SIFAT.get(sf, sf), n) for sf, n in urut_sifat],
        "tahun": [Faset(str(th), str(th), n) for th, n in urut_tahun],
    }
