"""The database engine: no server to run. Documents live in `DokumenCari`; full text in
an FTS5 table on SQLite and a weighted tsvector (config "simple") on PostgreSQL, both fed
the same pre-split words, so the two behave alike. Roots (Sastrawi) are indexed beside
the words; typos are corrected against the perihal vocabulary (`KosakataCari`)."""

from __future__ import annotations

import datetime
import math
from collections.abc import Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, Exists, F, Max, OuterRef, QuerySet
from django.db.models.expressions import RawSQL

from .. import teks
from ..models import DokumenCari, KosakataCari, PrinsipalCari, ProsesIndeks, StatusProses
from .dasar import FACET, LABEL_SIFAT, Dokumen, Faset, GalatMesin, Hasil, Hit, Permintaan, adalah_nomor

MAKS_VARIAN = 6
MIN_SALAH_KETIK = 5  # words this long or longer tolerate one typo
KOLOM_FTS = ("nomor", "perihal", "pihak", "isi", "dasar")
BOBOT_BM25 = "8.0, 6.0, 2.0, 1.0, 1.5"
MAKS_FASET = 30
BATAS_PASTI = 1000  # exact counts and facets up to this many matches
JENDELA_AWAL_HARI = 31  # newest matches are first looked for in the index's last month …
JENDELA_MAKS_HARI = 3 * 366  # … then in windows sized by their density, up to three years
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
            "tahun", "rahasia", "kata_dasar", "generasi",
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
                generasi=generasi,
            )
            for d in dokumen
        ]
        with transaction.atomic():
            DokumenCari.objects.bulk_create(baris, update_conflicts=True, unique_fields=["kunci"], update_fields=kolom)
            ids = dict(DokumenCari.objects.filter(kunci__in=[d.kunci for d in dokumen]).values_list("kunci", "pk"))
            PrinsipalCari.objects.filter(dokumen_id__in=ids.values()).delete()
            PrinsipalCari.objects.bulk_create(
                [PrinsipalCari(dokumen_id=ids[d.kunci], token=t) for d in dokumen for t in set(d.prinsipal)],
                ignore_conflicts=True,
            )
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
        qs = DokumenCari.objects.filter(
            Exists(PrinsipalCari.objects.filter(dokumen_id=OuterRef("pk"), token__in=p.token))
        )
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
        if kelompok:
            qs, skor = self._cocokkan(qs, kelompok)
        # Bounded work for frequent words: one query takes the newest matches up to
        # BATAS_PASTI (+1 tells "more than"); count, facets and ranking then work on those
        # ids, so a word found in most letters costs what a rare one does.
        terbaru = (F("tanggal").desc(nulls_last=True), "-pk")
        ujung = [t for t in (p.sampai, datetime.date(p.tahun, 12, 31) if p.tahun else None) if t]
        ids = self._id_terbaru(
            qs.order_by(*terbaru).values_list("pk", flat=True), BATAS_PASTI + 1, min(ujung) if ujung else None
        )
        pasti = len(ids) <= BATAS_PASTI
        ids = ids[:BATAS_PASTI]
        total = len(ids)
        qs = DokumenCari.objects.filter(pk__in=ids)
        faset = (self._faset_pg(ids) if _pg() else self._faset(qs)) if total else {f: [] for f in FACET}
        if skor is not None:
            qs = qs.annotate(skor=skor)
        urutan: tuple[Any, ...] = terbaru
        if skor is not None and p.urut == "relevansi":
            urutan = (F("skor").desc(nulls_last=True), *terbaru)
        awal = (p.halaman - 1) * p.per_halaman
        baris = list(qs.order_by(*urutan)[awal : awal + p.per_halaman])
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
                skor=float(getattr(d, "skor", 0) or 0),
            )
            for d in baris
        ]
        return Hasil(
            total=total,
            hits=hits,
            faset=faset,
            halaman=p.halaman,
            per_halaman=p.per_halaman,
            mesin=self.nama,
            total_pasti=pasti,
        )

    def _id_terbaru(self, qs: QuerySet, batas: int, ujung: datetime.date | None = None) -> list[int]:
        """The newest `batas` matching ids (qs is ordered newest first; `ujung`: no match
        is dated after it, from the request's filters).

        On PostgreSQL a frequent word matches tens of thousands of letters, and reading
        each of them to sort by date was the cost. The newest matches lie in the newest
        dates, so the query first looks within the last month of the index; when that
        holds enough matches the answer is the same (every newer letter is inside the
        window) after reading a few thousand rows instead of all. Otherwise the window
        grows to twice what the last one's density says is enough (a few steps), then
        to everything. Rare words go straight to the full query when the month holds none.

        The GIN bitmap scan is forced (no sequential scan): the planner underestimates
        reading every tsvector (TOAST) for a frequent word (measured with bench/search.py)."""
        if not _pg():
            return list(qs[:batas])
        with transaction.atomic(), connection.cursor() as c:
            c.execute("SET LOCAL enable_seqscan = off")
            terbaru = DokumenCari.objects.aggregate(m=Max("tanggal"))["m"]
            if terbaru is not None and ujung is not None:
                terbaru = min(terbaru, ujung)
            if terbaru is not None:
                hari = JENDELA_AWAL_HARI
                for _ in range(4):
                    ids = list(qs.filter(tanggal__gte=terbaru - datetime.timedelta(days=hari))[:batas])
                    if len(ids) >= batas:
                        return ids
                    if not ids or hari >= JENDELA_MAKS_HARI:
                        break
                    # twice what this window's density says is enough, at most three years
                    hari = min(JENDELA_MAKS_HARI, math.ceil(hari * batas * 2 / len(ids)))
            return list(qs[:batas])

    def _faset_pg(self, ids: list[int]) -> dict[str, list[Faset]]:
        """The four facets in one pass over the matched rows (GROUPING SETS), the same
        values and order as `_faset`."""
        sql = (
            "SELECT GROUPING(jenis), GROUPING(unit_id), GROUPING(sifat), jenis, unit_id, MAX(unit), sifat, tahun, "
            "COUNT(*) FROM search_dokumencari WHERE id = ANY(%s) "
            "GROUP BY GROUPING SETS ((jenis), (unit_id), (sifat), (tahun))"
        )
        jenis: list[tuple[int, str]] = []
        unit: list[tuple[int, str, int]] = []
        sifat: list[tuple[int, str]] = []
        tahun: list[int] = []
        jumlah_tahun: dict[int, int] = {}
        with connection.cursor() as c:
            c.execute(sql, [list(ids)])
            for g_jenis, g_unit, g_sifat, j, u_id, u, sf, th, n in c.fetchall():
                if not g_jenis:
                    if j:
                        jenis.append((n, j))
                elif not g_unit:
                    if u_id is not None:
                        unit.append((n, u or "", u_id))
                elif not g_sifat:
                    if sf:
                        sifat.append((n, sf))
                elif th is not None:
                    tahun.append(th)
                    jumlah_tahun[th] = n
        jenis.sort(key=lambda r: (-r[0], r[1]))
        unit.sort(key=lambda r: (-r[0], r[1]))
        sifat.sort(key=lambda r: (-r[0], r[1]))
        tahun.sort(reverse=True)
        return {
            "jenis": [Faset(j, j, n) for n, j in jenis[:MAKS_FASET]],
            "unit": [Faset(str(u_id), u, n) for n, u, u_id in unit[:MAKS_FASET]],
            "sifat": [Faset(sf, LABEL_SIFAT.get(sf, sf), n) for n, sf in sifat],
            "tahun": [Faset(str(th), str(th), jumlah_tahun[th]) for th in tahun[:MAKS_FASET]],
        }

    def _faset(self, qs: QuerySet) -> dict[str, list[Faset]]:
        qs = qs.order_by()
        hasil: dict[str, list[Faset]] = {}
        jenis = qs.exclude(jenis="").values("jenis").annotate(n=Count("pk")).order_by("-n", "jenis")[:MAKS_FASET]
        hasil["jenis"] = [Faset(r["jenis"], r["jenis"], r["n"]) for r in jenis]
        unit = (
            qs.filter(unit_id__isnull=False)
            .values("unit_id", "unit")
            .annotate(n=Count("pk"))
            .order_by("-n", "unit")[:MAKS_FASET]
        )
        hasil["unit"] = [Faset(str(r["unit_id"]), r["unit"], r["n"]) for r in unit]
        sifat = qs.exclude(sifat="").values("sifat").annotate(n=Count("pk")).order_by("-n", "sifat")
        hasil["sifat"] = [Faset(r["sifat"], LABEL_SIFAT.get(r["sifat"], r["sifat"]), r["n"]) for r in sifat]
        tahun = qs.filter(tahun__isnull=False).values("tahun").annotate(n=Count("pk")).order_by("-tahun")[:MAKS_FASET]
        hasil["tahun"] = [Faset(str(r["tahun"]), str(r["tahun"]), r["n"]) for r in tahun]
        return hasil
