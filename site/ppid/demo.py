"""Demo PPID data (idempotent, a second run changes nothing): the Daftar Informasi Publik
page under the Beranda with items in all four categories, and two requests — one answered,
one past its deadline. Needs the demo organisation and accounts (organisasi.demo)."""

from __future__ import annotations

import datetime

from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from wagtail.documents import get_document_model

from organisasi.demo import PEMKOT
from organisasi.hari_kerja import tambah_hari_kerja
from organisasi.models import Unit
from publik.models import HomePage

from . import layanan
from .models import (
    CaraMemperoleh,
    CaraSalinan,
    DaftarInformasiPublikPage,
    DokumenInformasi,
    FormatInformasi,
    InformasiPublik,
    JenisIdentitas,
    KategoriInformasi,
    PasalPengecualian,
    PermohonanInformasi,
)

K = KategoriInformasi
INTRO = (
    "<p>Daftar Informasi Publik (DIP) Pemerintah Kota Sukamaju sesuai UU Nomor 14 Tahun 2008 tentang "
    "Keterbukaan Informasi Publik dan Peraturan Komisi Informasi Nomor 1 Tahun 2021.</p>"
)
# (judul, kategori, kode unit, tahun, format, penyimpanan, pasal, alasan, dokumen?)
ITEM: list[tuple[str, str, str, int, str, str, str, str, bool]] = [
    ("LKPJ Wali Kota Sukamaju Tahun 2025", K.BERKALA, "SETDA", 2026, "keduanya", "Permanen", "", "", True),
    (
        "Ringkasan APBD Kota Sukamaju Tahun Anggaran 2026",
        K.BERKALA,
        "SETDA",
        2026,
        "softcopy",
        "10 tahun",
        "",
        "",
        True,
    ),
    (
        "Ringkasan APBD Kota Sukamaju Tahun Anggaran 2025",
        K.BERKALA,
        "SETDA",
        2025,
        "softcopy",
        "10 tahun",
        "",
        "",
        False,
    ),
    (
        "Data kependudukan agregat per kecamatan semester II 2025",
        K.BERKALA,
        "DISKOMINFO",
        2025,
        "softcopy",
        "5 tahun",
        "",
        "",
        False,
    ),
    (
        "Peringatan dini dan informasi kejadian luar biasa demam berdarah",
        K.SERTA_MERTA,
        "DINKES",
        2026,
        "softcopy",
        "Selama berlaku",
        "",
        "",
        False,
    ),
    (
        "Jalur evakuasi dan titik kumpul bencana banjir",
        K.SERTA_MERTA,
        "SETDA",
        2025,
        "keduanya",
        "Selama berlaku",
        "",
        "",
        False,
    ),
    (
        "SOP pelayanan permohonan informasi publik",
        K.SETIAP_SAAT,
        "DISKOMINFO",
        2025,
        "softcopy",
        "Selama berlaku",
        "",
        "",
        False,
    ),
    (
        "SOP pelayanan kesehatan di puskesmas",
        K.SETIAP_SAAT,
        "DINKES",
        2024,
        "hardcopy",
        "Selama berlaku",
        "",
        "",
        False,
    ),
    (
        "Peraturan Wali Kota tentang standar pelayanan publik",
        K.SETIAP_SAAT,
        "SETDA/HUKUM",
        2024,
        "softcopy",
        "Permanen",
        "",
        "",
        False,
    ),
    (
        "Data pribadi pegawai (NIK, alamat, riwayat kesehatan, penilaian kinerja)",
        K.DIKECUALIKAN,
        "SETDA",
        2026,
        "keduanya",
        "Sesuai JRA kepegawaian",
        PasalPengecualian.H,
        "Membuka data ini mengungkap rahasia pribadi pegawai; konsekuensi: pelanggaran hak atas perlindungan data "
        "pribadi lebih besar daripada manfaat bagi publik.",
        False,
    ),
    (
        "Rekam medis pasien rumah sakit daerah",
        K.DIKECUALIKAN,
        "DINKES",
        2025,
        "keduanya",
        "25 tahun",
        PasalPengecualian.H,
        "Rekam medis adalah rahasia pribadi pasien (Pasal 17 huruf h angka 2).",
        False,
    ),
]


def _unit(kode_path: str) -> Unit:
    """A demo unit by its code path under the Pemkot (e.g. "DINKES/P2P")."""
    unit = Unit.objects.get(induk__isnull=True, kode=PEMKOT[1])
    for kode in kode_path.split("/"):
        unit = Unit.objects.get(induk=unit, kode=kode)
    return unit


def _dokumen(judul: str) -> object:
    dokumen_model = get_document_model()
    dok = dokumen_model.objects.filter(title=judul).first()
    if dok is None:
        dok = dokumen_model(title=judul)
        isi = f"{judul}\nPemerintah Kota Sukamaju — dokumen contoh.\n".encode()
        dok.file.save(f"{judul[:40].lower().replace(' ', '-')}.txt", ContentFile(isi), save=False)
        dok.save()
    return dok


def _halaman() -> DaftarInformasiPublikPage:
    halaman = DaftarInformasiPublikPage.objects.filter(slug="informasi-publik").first()
    if halaman is None:
        beranda = HomePage.objects.first()
        if beranda is None:
            raise RuntimeError("Beranda belum ada: jalankan publik.demo.pastikan_beranda() dulu.")
        halaman = DaftarInformasiPublikPage(title="Daftar Informasi Publik", slug="informasi-publik", intro=INTRO)
        beranda.add_child(instance=halaman)
        halaman.save_revision().publish()
    return halaman


def _item() -> int:
    dibuat = 0
    for judul, kategori, unit, tahun, fmt, simpan, pasal, alasan, berdokumen in ITEM:
        if InformasiPublik.objects.filter(judul=judul).exists():
            continue
        item = InformasiPublik.objects.create(
            judul=judul,
            kategori=kategori,
            unit=_unit(unit),
            tahun=tahun,
            format=FormatInformasi(fmt),
            jangka_waktu_penyimpanan=simpan,
            pasal_pengecualian=pasal,
            alasan_pengecualian=alasan,
            terbit=True,
        )
        if berdokumen:
            DokumenInformasi.objects.create(informasi=item, dokumen=_dokumen(judul))
        dibuat += 1
    return dibuat


def _mundurkan(p: PermohonanInformasi, hari: int) -> PermohonanInformasi:
    """Backdate a demo request `hari` working days (demo only: real requests are never moved)."""
    tanggal = tambah_hari_kerja(timezone.localdate(), -hari)
    tenggat = tambah_hari_kerja(tanggal, 10)
    waktu = timezone.make_aware(datetime.datetime.combine(tanggal, datetime.time(9, 0)))
    PermohonanInformasi.objects.filter(pk=p.pk).update(
        diajukan_pada=waktu, tanggal_diterima=tanggal, tenggat_awal=tenggat, tenggat=tenggat
    )
    p.riwayat.update(waktu=waktu)
    p.refresh_from_db()
    return p


def _permohonan() -> int:
    if PermohonanInformasi.objects.filter(email__endswith="@contoh.id").exists():
        return 0
    humas = get_user_model().objects.get(username="humas")
    umum = {
        "jenis_identitas": JenisIdentitas.NIK,
        "cara_memperoleh": CaraMemperoleh.SOFTCOPY,
        "cara_salinan": CaraSalinan.EMAIL,
    }
    p1, _t = layanan.ajukan_permohonan(
        nama="Andi Wijaya",
        nomor_identitas="3273011204900003",
        alamat="Jl. Merdeka No. 12, Kecamatan Sukamaju Utara",
        email="andi.wijaya@contoh.id",
        telepon="081234567801",
        rincian="Salinan Ringkasan APBD Kota Sukamaju Tahun Anggaran 2026 beserta rincian belanja per OPD.",
        tujuan="Bahan penelitian skripsi tentang transparansi anggaran daerah.",
        **umum,
    )
    p1 = _mundurkan(p1, 8)
    layanan.tugaskan(humas, p1, _unit("SETDA"), "Mohon disiapkan oleh Bagian Keuangan.")
    layanan.jawab(humas, p1, "Informasi yang Anda minta kami lampirkan dan tersedia juga di Daftar Informasi Publik.")
    p2, _t = layanan.ajukan_permohonan(
        nama="Siti Nurhaliza",
        nomor_identitas="3273015507880002",
        alamat="Perumahan Griya Asri Blok C-7, Kecamatan Sukamaju Selatan",
        email="siti.nurhaliza@contoh.id",
        telepon="085712345602",
        rincian="Jumlah kasus demam berdarah per kelurahan tahun 2025 dan anggaran fogging.",
        tujuan="Advokasi kesehatan lingkungan oleh karang taruna.",
        **umum,
    )
    p2 = _mundurkan(p2, 14)  # past the 10-working-day deadline: flagged overdue
    layanan.tugaskan(humas, p2, _unit("DINKES/P2P"), "Data surveilans DBD.")
    return 2


@transaction.atomic
def muat() -> dict[str, int]:
    _halaman()
    return {"informasi": _item(), "permohonan": _permohonan()}
