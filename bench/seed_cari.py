"""Incoming letters with varied Indonesian text, for the search benchmark (bench/search.py).

`bench.seed_masuk.campuran_masuk` plans realistic letters (units, sifat, dispositions, access)
but all of them share six perihal and six senders and have no ringkasan: useless to measure a
full-text search. `rencana_cari` takes that stream and rewrites the text of every letter:

- perihal: a letter type ("Undangan Rapat Koordinasi", "Permohonan", "Laporan", …) + one of
  ~60 topics (pengadaan barang dan jasa, penurunan stunting, vaksinasi, banjir, anggaran,
  PPID, mutasi pegawai, …; Zipf-weighted, so some words are in a quarter of the letters, the
  rarest in well under 1%), sometimes a place (kecamatan, kelurahan, puskesmas, school) or a
  budget year;
- pengirim: ~140 senders (ministries, agencies, kecamatan/kelurahan, puskesmas, schools,
  companies), and the nomor rebuilt with the sender's code (klasifikasi kept as the prefix);
- ringkasan: 30–80 words of letter prose (an opening with an Indonesian verb form — memohon,
  mengundang, melaporkan, menyampaikan…, details drawn from the topic's own vocabulary,
  places, dates, regulations, a contact, a closing).

Everything is deterministic for a given `acak`. `tanam_cari` seeds the plans with
`bench.seed_masuk.tanam_masuk` in batches and then writes each batch's ringkasan with one
bulk UPDATE (RencanaMasuk has no ringkasan field).

Search reads letters and their access rows, never the disposition tree. With
`rencana_cari(…, disposisi=False)` the planned tree is dropped and only its holders are kept
(`RencanaCari.token_disposisi`, the tokens `akses._token_disposisi` would add: every
disposition not withdrawn, to a post `j:<id>` or a person `u:<id>`); `tanam_cari` writes them
as AksesNaskah rows (reason "disposisi", a token the letter already has keeps its reason, as
`setdefault` does in naskah.akses). The access rows are the same as with the tree, the letter
status is the planned one, and seeding skips ~3 Disposisi and ~6 JejakNaskah rows per letter
(1.5–2× faster; the rows compared equal on a 3,000-letter seed).

    from bench.seed_cari import rencana_cari, tanam_cari
    ids = tanam_cari(rencana_cari(200_000))
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, fields
from itertools import islice

from django.db import connection

from bench.seed import BATCH
from bench.seed_masuk import RencanaMasuk, campuran_masuk, tanam_masuk
from naskah.models import AksesNaskah, NaskahMasukPage, StatusDisposisi


@dataclass
class RencanaCari(RencanaMasuk):
    """A planned incoming letter with its summary (written after the insert)."""

    ringkasan: str = ""
    token_disposisi: tuple[str, ...] = ()  # holders of a dropped disposition tree


# --- vocabulary -------------------------------------------------------------------------------

# (perihal prefix, weight, verb phrase of the opening sentence)
JENIS: list[tuple[str, int, str]] = [
    ("Undangan", 14, "mengundang Bapak/Ibu untuk menghadiri kegiatan"),
    ("Undangan Rapat Koordinasi", 10, "mengundang Bapak/Ibu dalam rapat koordinasi"),
    ("Permohonan", 12, "memohon dukungan dan fasilitasi dalam"),
    ("Permohonan Narasumber", 4, "memohon kesediaan Bapak/Ibu menjadi narasumber"),
    ("Pemberitahuan", 9, "memberitahukan pelaksanaan"),
    ("Laporan", 8, "melaporkan perkembangan"),
    ("Laporan Hasil Evaluasi", 3, "menyampaikan laporan hasil evaluasi"),
    ("Permintaan Data", 7, "meminta data pendukung"),
    ("Surat Edaran", 4, "mengedarkan ketentuan pelaksanaan"),
    ("Penyampaian", 6, "menyampaikan dokumen"),
    ("Usulan", 4, "mengusulkan kegiatan"),
    ("Tanggapan atas", 2, "menanggapi surat mengenai"),
    ("Konfirmasi", 2, "mengonfirmasi jadwal"),
    ("Rekomendasi", 2, "merekomendasikan tindak lanjut"),
    ("Klarifikasi", 2, "meminta klarifikasi mengenai"),
    ("Pengantar", 3, "mengantarkan berkas"),
    ("Sosialisasi", 4, "menyelenggarakan sosialisasi"),
    ("Monitoring dan Evaluasi", 3, "melaksanakan monitoring dan evaluasi"),
    ("Bimbingan Teknis", 3, "menyelenggarakan bimbingan teknis"),
    ("Pendampingan", 2, "memberikan pendampingan"),
]

# (topic, its own words) in order of frequency (Zipf weights below)
TOPIK: list[tuple[str, tuple[str, ...]]] = [
    ("pengadaan barang dan jasa", ("tender", "penyedia", "kontrak", "katalog elektronik", "pokja pemilihan")),
    ("penurunan stunting", ("gizi", "posyandu", "balita", "ibu hamil", "kader", "intervensi spesifik")),
    ("vaksinasi", ("imunisasi", "dosis", "puskesmas", "sasaran", "vaksinator", "rantai dingin")),
    ("penanggulangan banjir", ("pengungsi", "logistik", "tanggap darurat", "posko", "curah hujan", "tanggul")),
    ("penyusunan anggaran", ("pagu", "rencana kerja", "DPA", "belanja", "pergeseran", "efisiensi")),
    ("realisasi anggaran", ("serapan", "belanja", "triwulan", "SPJ", "pendapatan", "SP2D")),
    ("layanan PPID", ("informasi publik", "keberatan", "daftar informasi", "sengketa informasi", "pemohon")),
    ("mutasi pegawai", ("rotasi", "penempatan", "formasi", "surat keputusan", "analisis jabatan")),
    ("kenaikan pangkat", ("golongan", "angka kredit", "berkas usulan", "periode", "pertimbangan teknis")),
    ("administrasi kepegawaian", ("data pegawai", "absensi", "disiplin", "tunjangan kinerja", "SKP")),
    ("penilaian kinerja pegawai", ("SKP", "target", "capaian", "ekspektasi", "umpan balik")),
    ("pengembangan kompetensi ASN", ("pelatihan", "diklat", "sertifikasi", "jam pelajaran", "kurikulum")),
    ("keamanan informasi", ("insiden siber", "kerentanan", "sertifikat elektronik", "kata sandi", "CSIRT")),
    ("sistem pemerintahan berbasis elektronik", ("SPBE", "aplikasi", "interoperabilitas", "arsitektur")),
    ("pengelolaan situs web", ("domain", "hosting", "konten", "subdomain", "pemeliharaan")),
    ("jaringan internet", ("bandwidth", "fiber optik", "gangguan", "wifi publik", "menara")),
    ("satu data", ("metadata", "walidata", "produsen data", "portal data", "standar data")),
    ("pengendalian demam berdarah", ("fogging", "jentik", "abatisasi", "kasus", "pemberantasan sarang nyamuk")),
    ("penanggulangan tuberkulosis", ("TBC", "pengobatan", "kontak erat", "skrining", "obat")),
    ("pelayanan kesehatan", ("rumah sakit", "rujukan", "BPJS", "tenaga kesehatan", "klinik")),
    ("kesehatan ibu dan anak", ("persalinan", "bidan", "posyandu", "buku KIA", "kunjungan nifas")),
    ("bantuan sosial", ("penerima manfaat", "DTKS", "verifikasi", "penyaluran", "sembako")),
    ("perizinan berusaha", ("OSS", "NIB", "persetujuan bangunan", "pelaku usaha", "investasi")),
    ("pajak daerah", ("PBB", "retribusi", "wajib pajak", "penagihan", "target pendapatan")),
    ("pengelolaan aset daerah", ("inventarisasi", "barang milik daerah", "penghapusan", "sertifikat tanah")),
    ("pemeriksaan BPK", ("temuan", "rekomendasi", "tindak lanjut", "auditor", "laporan keuangan")),
    ("pengawasan inspektorat", ("reviu", "audit", "probity", "manajemen risiko", "SPIP")),
    ("hari jadi kota", ("upacara", "pawai", "panitia", "lomba", "malam puncak")),
    ("peringatan hari kemerdekaan", ("upacara", "gladi", "paskibraka", "lomba", "dekorasi")),
    ("musyawarah perencanaan pembangunan", ("musrenbang", "usulan", "prioritas", "RKPD", "kelurahan")),
    ("pemilihan umum", ("KPU", "Bawaslu", "TPS", "logistik pemilu", "netralitas ASN")),
    ("ketertiban umum", ("Satpol PP", "razia", "pedagang kaki lima", "penertiban", "reklame")),
    ("pengelolaan persampahan", ("bank sampah", "TPS3R", "armada", "retribusi sampah", "kerja bakti")),
    ("penyediaan air bersih", ("PDAM", "sumur bor", "kekeringan", "distribusi", "kualitas air")),
    ("pemeliharaan jalan", ("perbaikan", "jalan rusak", "drainase", "jembatan", "pengaspalan")),
    ("penerimaan peserta didik baru", ("sekolah", "guru", "PPDB", "zonasi", "beasiswa")),
    ("ketahanan pangan", ("beras", "harga pangan", "cadangan pangan", "pasar murah", "lumbung")),
    ("pengendalian inflasi", ("harga", "komoditas", "operasi pasar", "TPID", "stok")),
    ("pengelolaan kearsipan", ("arsip", "retensi", "pemusnahan", "penyusutan", "jadwal retensi")),
    ("kehumasan", ("siaran pers", "media sosial", "konferensi pers", "publikasi", "narasi tunggal")),
    ("peliputan kegiatan", ("wartawan", "dokumentasi", "foto", "video", "siaran langsung")),
    ("kerja sama daerah", ("nota kesepahaman", "perjanjian", "mitra", "pihak ketiga", "naskah kerja sama")),
    ("penanganan pengaduan masyarakat", ("SP4N LAPOR", "aduan", "tindak lanjut", "respons", "pelapor")),
    ("reformasi birokrasi", ("zona integritas", "WBK", "inovasi", "survei kepuasan", "maturitas")),
    ("perjalanan dinas", ("SPPD", "uang harian", "penginapan", "tiket", "laporan perjalanan")),
    ("pemeliharaan kendaraan dinas", ("servis", "BBM", "pajak kendaraan", "suku cadang", "peminjaman")),
    ("penanggulangan kebakaran", ("damkar", "hidran", "evakuasi", "kerugian", "alat pemadam")),
    ("kesiapsiagaan gempa bumi", ("mitigasi", "simulasi", "jalur evakuasi", "BMKG", "titik kumpul")),
    ("tanah longsor", ("lereng", "relokasi", "kajian risiko", "curah hujan", "retakan")),
    ("lingkungan hidup", ("AMDAL", "pencemaran", "penghijauan", "limbah", "kualitas udara")),
    ("pemberdayaan UMKM", ("pelaku usaha", "sertifikasi halal", "pameran", "permodalan", "koperasi")),
    ("promosi pariwisata", ("festival", "destinasi", "wisatawan", "homestay", "pemandu wisata")),
    ("administrasi kependudukan", ("KTP elektronik", "akta kelahiran", "kartu keluarga", "perekaman")),
    ("pembinaan olahraga", ("turnamen", "atlet", "porprov", "stadion", "pelatih")),
    ("program keluarga berencana", ("akseptor", "penyuluh", "kontrasepsi", "bonus demografi")),
    ("rapat kerja", ("evaluasi program", "capaian", "rencana tindak lanjut", "arah kebijakan")),
    ("magang mahasiswa", ("praktik kerja lapangan", "mahasiswa", "universitas", "pembimbing")),
    ("izin penelitian", ("survei", "kuesioner", "responden", "skripsi", "tesis")),
    ("perlindungan anak", ("kekerasan", "pendampingan", "forum anak", "kota layak anak", "psikolog")),
    ("penanganan COVID-19", ("protokol kesehatan", "isolasi", "pelacakan", "varian", "karantina")),
]
BOBOT_TOPIK = [1 / (i + 1) ** 0.9 for i in range(len(TOPIK))]

KECAMATAN = [
    "Sukamaju Utara", "Sukamaju Selatan", "Cibeureum", "Karanganyar", "Tanjungsari", "Mekarwangi",
    "Sumberjaya", "Kalijati", "Bojongsoang", "Pasirjambu", "Rawamerta", "Cempakasari",
]  # fmt: skip
_AWAL = ["Suka", "Karang", "Sumber", "Tanjung", "Mekar", "Kali", "Banyu", "Jati", "Rawa", "Bojong", "Pasir", "Sido"]
_AKHIR = ["maju", "jaya", "sari", "mulya", "asih", "rejo", "wangi", "makmur", "indah", "baru", "laksana", "mukti"]
KELURAHAN = [a + b for a in _AWAL for b in _AKHIR]  # 144 one-word names
TEMPAT = [
    "Aula Balai Kota Sukamaju", "Ruang Rapat Sekretariat Daerah", "Gedung Serba Guna", "Hotel Grand Sukamaju",
    "Aula Diskominfo", "Ruang Command Center", "Pendopo Wali Kota", "Gedung Olahraga Sukamaju",
    "Alun-alun Kota", "Aula Dinas Kesehatan", "Ruang Rapat Bappeda", "Kantor Kecamatan",
]  # fmt: skip
PENGIRIM_TETAP = [
    ("Kementerian Dalam Negeri", "KEMENDAGRI"), ("Kementerian Kesehatan", "KEMENKES"),
    ("Kementerian Komunikasi dan Digital", "KOMDIGI"), ("Kementerian Keuangan", "KEMENKEU"),
    ("Kementerian Pendayagunaan Aparatur Negara dan Reformasi Birokrasi", "KEMENPANRB"),
    ("Badan Kepegawaian Negara", "BKN"), ("Badan Pusat Statistik", "BPS"),
    ("Badan Meteorologi, Klimatologi, dan Geofisika", "BMKG"), ("Badan Nasional Penanggulangan Bencana", "BNPB"),
    ("Badan Siber dan Sandi Negara", "BSSN"), ("Arsip Nasional Republik Indonesia", "ANRI"),
    ("Pemerintah Provinsi", "PEMPROV"), ("Badan Pemeriksa Keuangan Perwakilan Provinsi", "BPK"),
    ("Inspektorat Provinsi", "ITPROV"), ("Sekretariat DPRD Kota Sukamaju", "DPRD"),
    ("Komisi Pemilihan Umum Kota Sukamaju", "KPU"), ("Badan Pengawas Pemilihan Umum Kota Sukamaju", "BAWASLU"),
    ("Kepolisian Resor Sukamaju", "POLRES"), ("Komando Distrik Militer 0612", "KODIM"),
    ("Kejaksaan Negeri Sukamaju", "KEJARI"), ("Universitas Sukamaju", "UNSUKA"),
    ("Politeknik Negeri Sukamaju", "POLTEK"), ("Perumda Air Minum Tirta Sukamaju", "PDAM"),
    ("RSUD Kota Sukamaju", "RSUD"), ("Badan Perencanaan Pembangunan Daerah", "BAPPEDA"),
    ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"), ("Dinas Pendidikan", "DISDIK"),
    ("Dinas Sosial", "DINSOS"), ("Dinas Lingkungan Hidup", "DLH"), ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    ("Ombudsman Republik Indonesia Perwakilan Provinsi", "ORI"), ("Komisi Informasi Provinsi", "KIP"),
]  # fmt: skip
_USAHA = ["Karya", "Mitra", "Sinar", "Cahaya", "Bina", "Putra", "Mandiri", "Sentosa", "Nusantara", "Abadi"]
PENGIRIM = (
    PENGIRIM_TETAP
    + [(f"Kecamatan {k}", "KEC") for k in KECAMATAN]
    + [(f"Kelurahan {k}", "KEL") for k in KELURAHAN[::3]]
    + [(f"Puskesmas {k}", "PKM") for k in KELURAHAN[1::6]]
    + [(f"SD Negeri {i} {k}", "SDN") for i, k in enumerate(KELURAHAN[2::9], start=1)]
    + [(f"{b} {u} {v}", "SWASTA") for b, u, v in zip(["CV", "PT"] * 6, _USAHA, _USAHA[3:] + _USAHA[:3], strict=False)]
)
REGULASI = [
    "Peraturan Menteri Dalam Negeri Nomor 77 Tahun 2020",
    "Peraturan Pemerintah Nomor 94 Tahun 2021 tentang Disiplin Pegawai Negeri Sipil",
    "Peraturan Presiden Nomor 95 Tahun 2018 tentang Sistem Pemerintahan Berbasis Elektronik",
    "Undang-Undang Nomor 14 Tahun 2008 tentang Keterbukaan Informasi Publik",
    "Peraturan Presiden Nomor 72 Tahun 2021 tentang Percepatan Penurunan Stunting",
    "Peraturan Presiden Nomor 12 Tahun 2021 tentang Pengadaan Barang/Jasa Pemerintah",
    "Peraturan Wali Kota Sukamaju Nomor 15 Tahun 2023",
    "Instruksi Wali Kota Sukamaju Nomor 3 Tahun 2024",
    "Surat Edaran Menteri PANRB Nomor 8 Tahun 2022",
]
HARI = ["Senin", "Selasa", "Rabu", "Kamis", "Jumat"]
BULAN = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
         "November", "Desember"]  # fmt: skip
LAMPIRAN = ["daftar nama peserta", "kerangka acuan kegiatan", "jadwal acara", "format isian data", "rekapitulasi"]
PESERTA = ["kader", "camat", "lurah", "kepala sekolah", "kepala puskesmas", "pejabat pengelola"]
KONTAK = ["Sdr. Andi", "Sdri. Rina", "Sdr. Bagus", "Sdri. Wulan", "Sdr. Hendra", "Sdri. Dewi", "Sdr. Fajar"]
PENUTUP = [
    "Atas perhatian dan kerja sama Bapak/Ibu, kami ucapkan terima kasih.",
    "Demikian disampaikan, atas perhatiannya diucapkan terima kasih.",
    "Demikian kami sampaikan untuk dapat dilaksanakan sebagaimana mestinya.",
    "Demikian surat ini kami sampaikan, atas kerja samanya diucapkan terima kasih.",
]
_KECIL = {"dan", "di", "atas", "ke", "dari", "untuk", "tentang"}


def _judul(teks: str) -> str:
    """Title case for a perihal, keeping acronyms and small words."""
    return " ".join(
        k if k.isupper() or any(c.isdigit() for c in k) else (k if k in _KECIL else k[:1].upper() + k[1:])
        for k in teks.split()
    )


# --- text ----------------------------------------------------------------------------------------


class _Penulis:
    """Writes perihal, ringkasan and sender of one letter from a seeded random generator."""

    def __init__(self, acak: int) -> None:
        self.rng = random.Random(acak)  # noqa: S311 - reproducible test data, not secrets
        self.jenis = list(JENIS)
        self.bobot_jenis = [j[1] for j in JENIS]

    def tempat(self) -> str:
        rng = self.rng
        pilih = rng.random()
        if pilih < 0.35:
            return f"Kecamatan {rng.choice(KECAMATAN)}"
        if pilih < 0.6:
            return f"Kelurahan {rng.choice(KELURAHAN)}"
        if pilih < 0.75:
            return f"Puskesmas {rng.choice(KELURAHAN)}"
        if pilih < 0.85:
            return f"SD Negeri {rng.randint(1, 12)} {rng.choice(KELURAHAN)}"
        return rng.choice(TEMPAT)

    def tanggal(self, tahun: int) -> str:
        return f"{self.rng.randint(1, 28)} {self.rng.choice(BULAN)} {tahun}"

    def tulis(self, tahun: int) -> tuple[str, str, tuple[str, str]]:
        """(perihal, ringkasan, (sender, sender code)) of one letter."""
        rng = self.rng
        jenis, _bobot, kerja = rng.choices(self.jenis, self.bobot_jenis)[0]
        topik, kata = rng.choices(TOPIK, BOBOT_TOPIK)[0]
        pengirim = rng.choice(PENGIRIM)
        tempat = self.tempat()
        bentuk = rng.random()
        if bentuk < 0.35:
            perihal = f"{jenis} {_judul(topik)}"
        elif bentuk < 0.65:
            perihal = f"{jenis} {_judul(topik)} di {tempat}"
        elif bentuk < 0.85:
            perihal = f"{jenis} {_judul(topik)} Tahun Anggaran {tahun}"
        else:
            perihal = f"{jenis} {_judul(topik)}: {_judul(rng.choice(kata))}"
        w = rng.sample(kata, min(3, len(kata)))
        while len(w) < 3:
            w.append(rng.choice(kata))
        pembuka = rng.choice(
            [
                f"Dengan hormat, bersama ini {pengirim[0]} {kerja} {topik} di {tempat}.",
                f"Menindaklanjuti surat kami sebelumnya, dengan ini kami {kerja} {topik} tahun {tahun}.",
                f"Sehubungan dengan program {topik} tahun {tahun}, kami {kerja} {topik}, khususnya terkait {w[0]}.",
                f"Dalam rangka percepatan {topik}, {pengirim[0]} {kerja} {w[0]} dan {w[1]}.",
            ]
        )
        telepon = f"08{rng.randint(10**9, 10**10 - 1)}"
        rincian = [
            f"Kegiatan dilaksanakan pada hari {rng.choice(HARI)}, {self.tanggal(tahun)} pukul "
            f"{rng.randint(8, 14):02d}.{rng.choice(['00', '30'])} WIB bertempat di {rng.choice(TEMPAT)}.",
            f"Adapun pokok bahasan meliputi {w[0]}, {w[1]} dan {w[2]}.",
            f"Data {w[0]} dan {w[1]} agar disampaikan paling lambat tanggal {self.tanggal(tahun)} melalui surel resmi.",
            f"Dimohon kesediaan Bapak/Ibu menugaskan {rng.randint(1, 3)} orang pejabat yang membidangi {w[2]}.",
            f"Berdasarkan hasil pemantauan di {self.tempat()}, terdapat {rng.randint(2, 60)} laporan terkait "
            f"{w[1]} yang perlu segera ditindaklanjuti.",
            f"Sebagai bahan pertimbangan, terlampir {rng.choice(LAMPIRAN)} beserta rincian {w[2]}.",
            f"Hal ini sesuai dengan {rng.choice(REGULASI)}.",
            f"Biaya kegiatan dibebankan pada anggaran masing-masing perangkat daerah tahun {tahun}.",
            f"Koordinasi lebih lanjut dapat menghubungi {rng.choice(KONTAK)} melalui nomor {telepon}.",
            f"Kami mengharapkan partisipasi aktif seluruh {rng.choice(PESERTA)} dalam mendukung {topik}.",
        ]
        rng.shuffle(rincian)
        target = rng.randint(30, 80)
        kalimat = [pembuka]
        penutup = rng.choice(PENUTUP)
        jumlah = len(pembuka.split()) + len(penutup.split())
        for k in rincian:
            if jumlah >= target:
                break
            if jumlah + len(k.split()) <= 80:
                kalimat.append(k)
                jumlah += len(k.split())
        kalimat.append(penutup)
        return perihal[:255], " ".join(kalimat), pengirim


def rencana_cari(n: int, *, acak: int = 0, disposisi: bool = True) -> Iterator[RencanaCari]:
    """`campuran_masuk(n, acak=acak)` with varied perihal, sender, nomor and a ringkasan;
    without `disposisi`, the trees are replaced by their holders' tokens (module docstring)."""
    penulis = _Penulis(acak + 7919)
    nama_field = [f.name for f in fields(RencanaMasuk)]
    for i, r in enumerate(campuran_masuk(n, acak=acak)):
        tahun = r.tanggal_terima.year
        perihal, ringkasan, (pengirim, kode) = penulis.tulis(tahun)
        data = {f: getattr(r, f) for f in nama_field}
        data.update(
            perihal=perihal,
            pengirim=pengirim,
            nomor_surat=f"{r.klasifikasi}/{i + 1}/{kode}/{tahun}",
            ringkasan=ringkasan,
        )
        if not disposisi:
            token: dict[str, None] = {}
            for d in r.disposisi:
                if d.status == StatusDisposisi.DIBATALKAN:
                    continue
                if d.kepada_jabatan_id:
                    token[f"j:{d.kepada_jabatan_id}"] = None
                if d.kepada_user_id:
                    token[f"u:{d.kepada_user_id}"] = None
            data.update(disposisi=(), token_disposisi=tuple(token))
        yield RencanaCari(**data)


def tanam_cari(
    rencana: Iterable[RencanaCari], *, batch: int = BATCH, kemajuan: Callable[[int], None] | None = None
) -> list[int]:
    """Seed the planned letters (bench.seed_masuk.tanam_masuk), then their ringkasan with one
    bulk UPDATE per batch; `kemajuan(letters so far)` after each batch. Returns the ids in
    plan order."""
    tabel = connection.ops.quote_name(NaskahMasukPage._meta.db_table)
    ids: list[int] = []
    rencana = iter(rencana)
    while potongan := list(islice(rencana, batch)):
        baru = tanam_masuk(potongan, batch=batch)
        with connection.cursor() as cur:
            if connection.vendor == "postgresql":
                cur.execute(
                    f"UPDATE {tabel} AS t SET ringkasan = v.r "  # noqa: S608 - table name from the model
                    "FROM unnest(%s::integer[], %s::text[]) AS v(id, r) WHERE t.page_ptr_id = v.id",
                    [baru, [r.ringkasan for r in potongan]],
                )
            else:
                cur.executemany(
                    f"UPDATE {tabel} SET ringkasan = %s WHERE page_ptr_id = %s",  # noqa: S608 - values bound
                    [(r.ringkasan, pk) for pk, r in zip(baru, potongan, strict=True)],
                )
        tambahan = [
            AksesNaskah(naskah_id=pk, token=t, sumber="disposisi")
            for pk, r in zip(baru, potongan, strict=True)
            for t in r.token_disposisi
        ]
        AksesNaskah.objects.bulk_create(tambahan, batch_size=batch, ignore_conflicts=True)
        ids += baru
        if kemajuan is not None:
            kemajuan(len(ids))
    return ids
