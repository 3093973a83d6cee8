"""PPID models: the Daftar Informasi Publik (informasi.py) and the request/objection
records with their append-only history (permohonan.py)."""

from .informasi import (
    DaftarInformasiPublikPage,
    DokumenInformasi,
    FormatInformasi,
    InformasiPublik,
    KategoriInformasi,
    PasalPengecualian,
)
from .permohonan import (
    AksiRiwayat,
    AlasanKeberatan,
    AlasanPenolakan,
    BerkasJawaban,
    CaraMemperoleh,
    CaraSalinan,
    HasilKeberatan,
    JenisIdentitas,
    Keberatan,
    PenghitungNomor,
    PermohonanInformasi,
    RiwayatPermohonan,
    StatusKeberatan,
    StatusPermohonan,
)

__all__ = [
    "AksiRiwayat",
    "AlasanKeberatan",
    "AlasanPenolakan",
    "BerkasJawaban",
    "CaraMemperoleh",
    "CaraSalinan",
    "DaftarInformasiPublikPage",
    "DokumenInformasi",
    "FormatInformasi",
    "HasilKeberatan",
    "InformasiPublik",
    "JenisIdentitas",
    "KategoriInformasi",
    "Keberatan",
    "PasalPengecualian",
    "PenghitungNomor",
    "PermohonanInformasi",
    "RiwayatPermohonan",
    "StatusKeberatan",
    "StatusPermohonan",
]
