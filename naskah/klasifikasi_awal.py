"""The initial klasifikasi arsip (Permendagri 83/2022, the codes a Pemda uses most) with a
JRA rule each: retensi aktif and inaktif in years, and nasib akhir.

The ten top levels carry "dinilai kembali": a letter filed under a code that is not
listed falls back to its nearest listed ancestor (`layanan_arsip.cari_klasifikasi`),
and when that is a top level the arsiparis judges its fate. Group codes carry the
rule most of their sub-codes share. The arsiparis edits the list in the admin
("Arsip" → "Klasifikasi arsip") to match the region's own JRA.

Loaded by migration 0004 and, when the table is empty (a flushed database), after
every migrate and by `muat_demo`: letters cannot be submitted without a known code."""

from __future__ import annotations

from typing import Any

M, P, D = "musnah", "permanen", "dinilai_kembali"

# (kode, nama, retensi aktif, retensi inaktif, nasib akhir)
KLASIFIKASI: list[tuple[str, str, int, int, str]] = [
    ("000", "Umum", 2, 3, D),
    ("100", "Pemerintahan", 2, 3, D),
    ("200", "Politik", 2, 3, D),
    ("300", "Ketenteraman dan Ketertiban Umum serta Perlindungan Masyarakat", 2, 3, D),
    ("400", "Kesejahteraan Rakyat", 2, 3, D),
    ("500", "Perekonomian", 2, 3, D),
    ("600", "Pekerjaan Umum dan Ketenagaan", 2, 3, D),
    ("700", "Pengawasan", 2, 3, D),
    ("800", "Kepegawaian", 2, 3, D),
    ("900", "Keuangan", 2, 3, D),
    # 000 Umum
    ("000.1", "Ketatausahaan dan Kerumahtanggaan", 2, 3, M),
    ("000.1.1", "Telekomunikasi", 1, 1, M),
    ("000.1.2", "Perjalanan Dinas Dalam Negeri", 5, 3, M),
    ("000.1.2.1", "Perjalanan Dinas Kepala Daerah", 5, 3, M),
    ("000.1.2.3", "Perjalanan Dinas Pegawai", 5, 3, M),
    ("000.1.3", "Perjalanan Dinas Luar Negeri", 5, 3, M),
    ("000.1.4", "Penggunaan Fasilitas Kantor (ruang rapat, gedung, kendaraan, rumah dinas)", 2, 3, M),
    ("000.1.5", "Rapat Pimpinan (notula/risalah rapat)", 2, 4, M),
    ("000.1.6", "Penyediaan Konsumsi", 2, 1, M),
    ("000.1.7", "Pengurusan Kendaraan Dinas", 2, 1, M),
    ("000.1.8", "Pemeliharaan Gedung, Taman, dan Peralatan Kantor", 2, 1, M),
    ("000.2", "Perlengkapan", 2, 3, M),
    ("000.2.4", "Penghapusan Barang Milik Daerah", 3, 7, P),
    ("000.3", "Pengadaan", 2, 3, M),
    ("000.4", "Perpustakaan", 2, 3, M),
    ("000.5", "Kearsipan", 2, 3, M),
    ("000.5.1", "Kebijakan di Bidang Kearsipan", 2, 3, P),
    ("000.5.2", "Pembinaan Kearsipan", 2, 3, M),
    ("000.5.3", "Pengelolaan Arsip Dinamis", 2, 3, M),
    ("000.5.6", "Penyusutan Arsip", 1, 1, M),
    ("000.5.6.2", "Pemusnahan Arsip (penetapan, berita acara, daftar arsip yang dimusnahkan)", 1, 1, P),
    ("000.5.6.3", "Penyerahan Arsip Statis", 1, 1, P),
    ("000.6", "Persandian", 2, 3, M),
    ("000.7", "Perencanaan Pembangunan", 2, 3, P),
    ("000.7.1", "Musyawarah Perencanaan Pembangunan (Musrenbang)", 3, 7, P),
    ("000.7.2", "Perencanaan Pembangunan Daerah", 2, 3, P),
    ("000.7.2.6", "Program Kerja Tahunan", 2, 3, P),
    ("000.7.2.8", "Laporan Berkala", 1, 1, M),
    ("000.8", "Organisasi dan Tata Laksana", 2, 3, P),
    ("000.8.3", "Ketatalaksanaan", 2, 3, P),
    ("000.8.3.3", "Standar Operasional Prosedur", 2, 3, P),
    ("000.9", "Penelitian, Pengkajian, dan Pengembangan", 2, 3, P),
    ("000.9.10", "Seminar, Lokakarya, Temu Karya, Workshop", 2, 3, M),
    # 100 Pemerintahan
    ("100.1", "Otonomi Daerah", 2, 3, D),
    ("100.1.2", "Penyelenggaraan Pemerintahan Daerah (fasilitasi, monitoring, evaluasi)", 2, 3, M),
    ("100.2", "Pemerintahan Umum", 2, 3, D),
    ("100.3", "Hukum", 2, 3, D),
    ("100.3.2", "Rancangan Peraturan Perundang-undangan", 2, 3, P),
    ("100.3.3", "Keputusan/Ketetapan Pimpinan", 2, 3, P),
    ("100.3.3.2", "Keputusan/Ketetapan Bupati/Wali Kota", 2, 3, P),
    ("100.3.4", "Instruksi/Surat Edaran", 2, 3, P),
    ("100.3.5", "Surat Perintah", 2, 3, M),
    ("100.3.7", "Nota Kesepakatan/Perjanjian Kerja Sama", 2, 5, P),
    # 200-700
    ("200.1", "Kesatuan Bangsa dan Politik", 2, 3, D),
    ("300.1", "Satuan Polisi Pamong Praja", 2, 3, D),
    ("300.2", "Penanggulangan Bencana, Pencarian, dan Pertolongan", 2, 3, P),
    ("400.3", "Pendidikan", 2, 3, D),
    ("400.7", "Kesehatan", 2, 3, D),
    ("400.9", "Sosial", 2, 3, D),
    ("400.12", "Kependudukan dan Pencatatan Sipil", 2, 3, D),
    ("400.14", "Hubungan Masyarakat", 2, 3, M),
    ("400.14.9", "Publikasi melalui Media Cetak dan Elektronik", 2, 3, M),
    ("400.14.12", "Ucapan Terima Kasih, Ucapan Selamat, Belasungkawa", 1, 1, M),
    ("500.12", "Komunikasi dan Informatika", 2, 3, D),
    ("500.15", "Ketenagakerjaan", 2, 3, D),
    ("600.1", "Pekerjaan Umum", 2, 3, D),
    ("600.4", "Lingkungan Hidup", 2, 3, D),
    ("700.1", "Pengawasan Internal", 2, 3, D),
    ("700.1.2", "Pelaksanaan Pengawasan (laporan hasil pemeriksaan)", 3, 7, P),
    # 800 Kepegawaian
    ("800.1", "Sumber Daya Manusia", 2, 3, D),
    ("800.1.2", "Pengadaan Pegawai", 2, 3, M),
    ("800.1.3", "Mutasi Pegawai", 2, 3, M),
    ("800.1.11", "Administrasi Pegawai", 2, 3, M),
    ("800.1.11.1", "Surat Perintah Dinas/Surat Tugas", 2, 3, M),
    ("800.1.11.4", "Cuti Tahunan", 1, 1, M),
    ("800.2", "Pendidikan dan Pelatihan", 2, 3, M),
    # 900 Keuangan
    ("900.1", "Keuangan Daerah", 2, 3, D),
    ("900.1.1", "Rancangan APBD dan APBD Perubahan", 2, 3, P),
    ("900.1.2", "Penyusunan Anggaran", 2, 3, P),
    ("900.1.3", "Pelaksanaan Anggaran", 2, 10, M),
]


def _kedalaman(kode: str) -> int:
    return kode.count(".")


def isi(model: Any, using: str = "default", *, timpa: bool = True) -> int:
    """Create (or, with `timpa`, update) every listed code with its nearest listed ancestor
    as induk. Returns how many rows were created."""
    ada: dict[str, Any] = {}
    dibuat = 0
    for kode, nama, aktif, inaktif, nasib in sorted(KLASIFIKASI, key=lambda k: (_kedalaman(k[0]), k[0])):
        induk = None
        calon = kode
        while "." in calon and induk is None:  # nearest listed ancestor
            calon = calon.rsplit(".", 1)[0]
            induk = ada.get(calon)
        nilai = {"nama": nama, "induk": induk, "retensi_aktif": aktif, "retensi_inaktif": inaktif, "nasib_akhir": nasib}
        if timpa:
            obj, baru = model.objects.using(using).update_or_create(kode=kode, defaults=nilai)
        else:
            obj, baru = model.objects.using(using).get_or_create(kode=kode, defaults=nilai)
        ada[kode] = obj
        dibuat += int(baru)
    return dibuat


def pastikan() -> int:
    """Load the list into an empty table (never touches codes an arsiparis edited)."""
    from .models import Klasifikasi

    if Klasifikasi.objects.exists():
        return 0
    return isi(Klasifikasi, timpa=False)
