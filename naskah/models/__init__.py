from .alur import AlurNaskah, ParafTask, TandaTanganTask
from .catatan import AksesNaskah, Bacaan, Kiriman, LogAkses, Notifikasi, PeranKiriman
from .halaman import (
    FolderTahunPage,
    FolderUnitPage,
    LampiranNaskah,
    NaskahIndexPage,
    NaskahKeluarPage,
    PemarafNaskah,
    Sifat,
    StatusNaskah,
    Urgensi,
)

__all__ = [
    "AksesNaskah",
    "AlurNaskah",
    "Bacaan",
    "FolderTahunPage",
    "FolderUnitPage",
    "Kiriman",
    "LampiranNaskah",
    "LogAkses",
    "NaskahIndexPage",
    "NaskahKeluarPage",
    "Notifikasi",
    "ParafTask",
    "PemarafNaskah",
    "PeranKiriman",
    "Sifat",
    "StatusNaskah",
    "TandaTanganTask",
    "Urgensi",
]
