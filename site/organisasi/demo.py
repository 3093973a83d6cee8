"""Demo organisation: Pemerintah Kota Sukamaju with three OPD, their officials and
staff, one account per role in Diskominfo and a Plh delegation.

Loaded by `manage.py muat_demo` through the same factories the tests use; every
row is looked up by its natural key first, so loading twice changes nothing.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from . import peran as P  # noqa: N812 - short alias keeps the demo table readable
from .factories import DelegasiFactory, JabatanFactory, PegawaiFactory, UnitFactory, UserFactory
from .models import Golongan, Jabatan, JenisDelegasi, JenisJabatan, JenisUnit, Unit


@dataclass(frozen=True)
class AkunDemo:
    username: str
    nama: str
    nip: str
    golongan: str
    jabatan: str  # key into the jabatan table below
    peran: tuple[str, ...]
    catatan: str = ""


@dataclass(frozen=True)
class JabatanDemo:
    kunci: str
    nama: str
    unit: str  # unit kode path, e.g. "DISKOMINFO/IKP"
    jenis: str
    atasan: str | None = None
    kepala_unit: bool = False
    dapat_menandatangani: bool = False


@dataclass
class HasilDemo:
    akun: list[AkunDemo] = field(default_factory=list)


PEMKOT = ("Pemerintah Kota Sukamaju", "PEMKOT")

# (kode path, nama, nama singkat, jenis)
UNIT: list[tuple[str, str, str, str]] = [
    ("SETDA", "Sekretariat Daerah", "Setda", JenisUnit.OPD),
    ("SETDA/UMUM", "Bagian Umum", "Bag. Umum", JenisUnit.BIDANG),
    ("SETDA/UMUM/TU", "Subbagian Tata Usaha dan Kearsipan", "Subbag TU", JenisUnit.SEKSI),
    ("SETDA/HUKUM", "Bagian Hukum", "Bag. Hukum", JenisUnit.BIDANG),
    ("DISKOMINFO", "Dinas Komunikasi dan Informatika", "Diskominfo", JenisUnit.OPD),
    ("DISKOMINFO/SEKRE", "Sekretariat Dinas Komunikasi dan Informatika", "Sekretariat", JenisUnit.BIDANG),
    ("DISKOMINFO/IKP", "Bidang Informasi dan Komunikasi Publik", "Bidang IKP", JenisUnit.BIDANG),
    ("DISKOMINFO/IKP/PIP", "Seksi Pengelolaan Informasi Publik", "Seksi PIP", JenisUnit.SEKSI),
    ("DISKOMINFO/APTIKA", "Bidang Aplikasi Informatika", "Bidang Aptika", JenisUnit.BIDANG),
    ("DINKES", "Dinas Kesehatan", "Dinkes", JenisUnit.OPD),
    ("DINKES/SEKRE", "Sekretariat Dinas Kesehatan", "Sekretariat", JenisUnit.BIDANG),
    ("DINKES/YANKES", "Bidang Pelayanan Kesehatan", "Bidang Yankes", JenisUnit.BIDANG),
    ("DINKES/P2P", "Bidang Pencegahan dan Pengendalian Penyakit", "Bidang P2P", JenisUnit.BIDANG),
]

J = JenisJabatan
JABATAN: list[JabatanDemo] = [
    JabatanDemo("sekda", "Sekretaris Daerah", "SETDA", J.JPT, None, True, True),
    JabatanDemo("kabag_umum", "Kepala Bagian Umum", "SETDA/UMUM", J.ADMINISTRATOR, "sekda", True, True),
    JabatanDemo(
        "kasubbag_tu", "Kepala Subbagian Tata Usaha dan Kearsipan", "SETDA/UMUM/TU", J.PENGAWAS, "kabag_umum", True
    ),
    JabatanDemo("kabag_hukum", "Kepala Bagian Hukum", "SETDA/HUKUM", J.ADMINISTRATOR, "sekda", True, True),
    JabatanDemo("pengadm_setda", "Pengadministrasi Perkantoran", "SETDA/UMUM/TU", J.PELAKSANA, "kasubbag_tu"),
    JabatanDemo("arsiparis_setda", "Arsiparis Ahli Pertama", "SETDA/UMUM/TU", J.FUNGSIONAL, "kasubbag_tu"),
    JabatanDemo("kadiskominfo", "Kepala Dinas Komunikasi dan Informatika", "DISKOMINFO", J.JPT, "sekda", True, True),
    JabatanDemo(
        "sekdiskominfo",
        "Sekretaris Dinas Komunikasi dan Informatika",
        "DISKOMINFO/SEKRE",
        J.ADMINISTRATOR,
        "kadiskominfo",
        True,
        True,
    ),
    JabatanDemo(
        "kabid_ikp",
        "Kepala Bidang Informasi dan Komunikasi Publik",
        "DISKOMINFO/IKP",
        J.ADMINISTRATOR,
        "kadiskominfo",
        True,
        True,
    ),
    JabatanDemo(
        "kasi_pip", "Kepala Seksi Pengelolaan Informasi Publik", "DISKOMINFO/IKP/PIP", J.PENGAWAS, "kabid_ikp", True
    ),
    JabatanDemo(
        "kabid_aptika",
        "Kepala Bidang Aplikasi Informatika",
        "DISKOMINFO/APTIKA",
        J.ADMINISTRATOR,
        "kadiskominfo",
        True,
        True,
    ),
    JabatanDemo("pengadm_kominfo", "Pengadministrasi Perkantoran", "DISKOMINFO/SEKRE", J.PELAKSANA, "sekdiskominfo"),
    JabatanDemo("arsiparis_kominfo", "Arsiparis Ahli Muda", "DISKOMINFO/SEKRE", J.FUNGSIONAL, "sekdiskominfo"),
    JabatanDemo(
        "pranata_humas", "Pranata Hubungan Masyarakat Ahli Muda", "DISKOMINFO/IKP/PIP", J.FUNGSIONAL, "kasi_pip"
    ),
    JabatanDemo("pranata_komputer", "Pranata Komputer Ahli Pertama", "DISKOMINFO/APTIKA", J.FUNGSIONAL, "kabid_aptika"),
    JabatanDemo("kadinkes", "Kepala Dinas Kesehatan", "DINKES", J.JPT, "sekda", True, True),
    JabatanDemo("sekdinkes", "Sekretaris Dinas Kesehatan", "DINKES/SEKRE", J.ADMINISTRATOR, "kadinkes", True, True),
    JabatanDemo(
        "kabid_yankes", "Kepala Bidang Pelayanan Kesehatan", "DINKES/YANKES", J.ADMINISTRATOR, "kadinkes", True, True
    ),
    JabatanDemo(
        "kabid_p2p",
        "Kepala Bidang Pencegahan dan Pengendalian Penyakit",
        "DINKES/P2P",
        J.ADMINISTRATOR,
        "kadinkes",
        True,
        True,
    ),
    JabatanDemo("pengadm_dinkes", "Pengadministrasi Perkantoran", "DINKES/SEKRE", J.PELAKSANA, "sekdinkes"),
    JabatanDemo("epidemiolog", "Epidemiolog Kesehatan Ahli Pertama", "DINKES/P2P", J.FUNGSIONAL, "kabid_p2p"),
]

G = Golongan
AKUN: list[AkunDemo] = [
    # One account per role in Diskominfo.
    AkunDemo(
        "operator",
        "Rina Marlina, A.Md.",
        "199203152015032004",
        G.II_D,
        "pengadm_kominfo",
        (P.OPERATOR,),
        "membuat dan mengirim naskah",
    ),
    AkunDemo(
        "pejabat",
        "Dr. Ahmad Fauzi, S.Kom., M.T.",
        "197508172000031002",
        G.IV_C,
        "kadiskominfo",
        (P.PEJABAT,),
        "Kepala Diskominfo: memaraf, menandatangani, mendisposisikan",
    ),
    AkunDemo(
        "staf",
        "Dimas Prasetyo, S.Kom.",
        "199606202020121003",
        G.III_A,
        "pranata_komputer",
        (P.STAF,),
        "menindaklanjuti disposisi",
    ),
    AkunDemo(
        "arsiparis",
        "Sri Wahyuni, S.Sos.",
        "198811092010012005",
        G.III_C,
        "arsiparis_kominfo",
        (P.ARSIPARIS,),
        "arsip dan retensi",
    ),
    AkunDemo(
        "humas",
        "Putri Lestari, S.I.Kom.",
        "199104282014022003",
        G.III_B,
        "pranata_humas",
        (P.HUMAS,),
        "situs publik dan PPID",
    ),
    AkunDemo(
        "admin",
        "Bayu Nugroho, S.T.",
        "198502142009011006",
        G.III_D,
        "kabid_aptika",
        (P.ADMINISTRATOR, P.PEJABAT),
        "Administrator: organisasi, pengguna, template",
    ),
    # More officials and staff per OPD.
    AkunDemo("sekda", "Drs. H. Suryadi Wibowo, M.Si.", "196812101994031005", G.IV_D, "sekda", (P.PEJABAT,)),
    AkunDemo("kabag.umum", "Hendra Gunawan, S.H., M.H.", "197702232003121004", G.IV_A, "kabag_umum", (P.PEJABAT,)),
    AkunDemo("operator.setda", "Yuli Astuti", "199407112019032006", G.II_C, "pengadm_setda", (P.OPERATOR,)),
    AkunDemo("sek.diskominfo", "Nurhayati, S.E., M.M.", "197910052005012007", G.IV_A, "sekdiskominfo", (P.PEJABAT,)),
    AkunDemo("kabid.ikp", "Agus Setiawan, S.Sos., M.Si.", "198003182006041008", G.IV_A, "kabid_ikp", (P.PEJABAT,)),
    AkunDemo("kasi.pip", "Rina Marlina, S.I.Kom.", "198807152011012011", G.III_C, "kasi_pip", (P.PEJABAT,)),
    AkunDemo("kadinkes", "dr. Siti Rahmawati, M.Kes.", "197204121999032003", G.IV_C, "kadinkes", (P.PEJABAT,)),
    AkunDemo("sek.dinkes", "Bambang Hartono, S.K.M., M.Kes.", "197609262002121002", G.IV_A, "sekdinkes", (P.PEJABAT,)),
    AkunDemo("kabid.yankes", "drg. Lina Kartika", "198105172008012009", G.III_D, "kabid_yankes", (P.PEJABAT,)),
    AkunDemo("operator.dinkes", "Eko Saputra", "199512302020121005", G.II_B, "pengadm_dinkes", (P.OPERATOR,)),
    AkunDemo("staf.dinkes", "Maya Sari, S.K.M.", "199308222019032008", G.III_A, "epidemiolog", (P.STAF,)),
]

# Sekretaris Dinkes acts as Plh Kepala Dinkes for a week from the day the demo is loaded.
PLH = ("kadinkes", "sek.dinkes", JenisDelegasi.PLH, 7, "800.1.11.1/12/DINKES/2026")


@transaction.atomic
def muat(password: str) -> HasilDemo:
    pemkot = UnitFactory(nama=PEMKOT[0], kode=PEMKOT[1], jenis=JenisUnit.PEMDA, induk=None, urutan=0)
    units: dict[str, Unit] = {}
    for urutan, (path, nama, singkat, jenis) in enumerate(UNIT, start=1):
        *induk_path, kode = path.split("/")
        induk = units["/".join(induk_path)] if induk_path else pemkot
        units[path] = UnitFactory.create(
            nama=nama, nama_singkat=singkat, kode=kode, jenis=jenis, induk=induk, urutan=urutan
        )

    jabatan: dict[str, Jabatan] = {}
    for j in JABATAN:
        jabatan[j.kunci] = JabatanFactory.create(
            nama=j.nama,
            unit=units[j.unit],
            jenis=j.jenis,
            atasan=jabatan[j.atasan] if j.atasan else None,
            kepala_unit=j.kepala_unit,
            dapat_menandatangani=j.dapat_menandatangani,
        )

    pegawai = {}
    for akun in AKUN:
        depan, _, belakang = akun.nama.partition(" ")
        user = UserFactory(
            username=akun.username,
            first_name=depan[:150],
            last_name=belakang[:150],
            email=f"{akun.username}@sukamajukota.go.id",
            password=password,
            peran=list(akun.peran),
        )
        pegawai[akun.username] = PegawaiFactory(
            user=user, nip=akun.nip, nama=akun.nama, golongan=akun.golongan, jabatan=jabatan[akun.jabatan]
        )

    kunci_jabatan, username, jenis, hari, dasar = PLH
    mulai = timezone.localdate()
    DelegasiFactory(
        jabatan=jabatan[kunci_jabatan],
        pegawai=pegawai[username],
        jenis=jenis,
        mulai=mulai,
        selesai=mulai + datetime.timedelta(days=hari),
        dasar=dasar,
        keterangan="Kepala Dinas Kesehatan menjalankan tugas kedinasan di luar daerah.",
    )
    return HasilDemo(akun=AKUN)
