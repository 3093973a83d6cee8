"""Demo letterheads, numbering patterns and eight ready, published templates.

Called by `manage.py muat_demo` after the organisation demo; idempotent (looked
up by natural keys; an existing template is left as the admins changed it)."""

from __future__ import annotations

import io
from typing import Any

from django.core.files.images import ImageFile
from django.db import transaction
from wagtail.images.models import Image

from organisasi.models import Unit

from .models import JenisNaskah, KopSurat, PolaNomor, TemplateSuratPage
from .struktur import pastikan_struktur

NIP_KADIS = "197508172000031002"  # Kepala Diskominfo in the organisation demo
NIP_STAF = "199606202020121003"

KOP = {
    "SETDA": (
        "SEKRETARIAT DAERAH",
        "Jalan Merdeka Nomor 1, Sukamaju 41111",
        "(0267) 555-0100",
        "setda@sukamajukota.go.id",
    ),
    "DISKOMINFO": (
        "DINAS KOMUNIKASI DAN INFORMATIKA",
        "Jalan Veteran Nomor 7, Sukamaju 41112",
        "(0267) 555-0101",
        "diskominfo@sukamajukota.go.id",
    ),
    "DINKES": (
        "DINAS KESEHATAN",
        "Jalan Dr. Sutomo Nomor 12, Sukamaju 41113",
        "(0267) 555-0102",
        "dinkes@sukamajukota.go.id",
    ),
}

POLA = {
    "Umum": ("{klasifikasi}/{urut}/{unit}/{tahun}", 0),
    "Dengan bulan": ("{klasifikasi}/{urut:3}/{unit}/{bulan_romawi}/{tahun}", 0),
}


def _p(teks: str) -> dict[str, Any]:
    return {"type": "paragraf", "value": teks}


def _kolom(tipe: str, nama: str, label: str, wajib: bool = True, bantuan: str = "", **extra: Any) -> dict[str, Any]:
    return {"type": tipe, "value": {"nama": nama, "label": label, "wajib": wajib, "bantuan": bantuan, **extra}}


def _ttd(atas_nama: str = "") -> dict[str, Any]:
    return {"type": "tanda_tangan", "value": {"atas_nama": atas_nama}}


_STANDAR = {
    "sifat": "Biasa",
    "lampiran": "-",
    "tanggal": "2026-11-24",
    "penandatangan": NIP_KADIS,
}

TEMPLATE: list[dict[str, Any]] = [
    {
        "slug": "surat-dinas",
        "title": "Surat Dinas",
        "jenis": "SD",
        "pola": "Umum",
        "klasifikasi": "000.5.2",
        "ringkasan": "Surat dinas umum kepada instansi lain (permohonan, pemberitahuan, jawaban).",
        "tembusan": "Wali Kota Sukamaju (sebagai laporan)\nSekretaris Daerah Kota Sukamaju",
        "kolom": [
            _kolom("teks_panjang", "dasar", "Dasar/rujukan", bantuan="Mis. surat yang dijawab atau peraturan."),
            _kolom("teks_panjang", "isi_pokok", "Isi pokok surat"),
            _kolom("tanggal", "batas_waktu", "Batas waktu tanggapan", wajib=False),
        ],
        "isi": [
            _p("<p>Menindaklanjuti {{ dasar }}, dengan hormat kami sampaikan hal sebagai berikut.</p>"),
            _p("<p>{{ isi_pokok }}</p>"),
            _p(
                "<p>{% if batas_waktu %}Kami mohon tanggapan paling lambat tanggal "
                "<b>{{ batas_waktu|tanggal }}</b>. {% endif %}Atas perhatian dan kerja sama Saudara, "
                "kami ucapkan terima kasih.</p>"
            ),
            _ttd(),
        ],
        "contoh": {
            "hal": "Permohonan Data Layanan Publik Tahun 2026",
            "kepada": ["Kepala Dinas Kesehatan Kota Sukamaju", "di Sukamaju"],
            "dasar": "Peraturan Wali Kota Sukamaju Nomor 12 Tahun 2025 tentang Satu Data Sukamaju",
            "isi_pokok": "Dalam rangka pemutakhiran portal Satu Data Kota Sukamaju, kami mohon Saudara "
            "menyampaikan data jumlah layanan puskesmas per kecamatan tahun 2026 dalam format XLSX.",
            "batas_waktu": "2026-12-05",
        },
    },
    {
        "slug": "nota-dinas",
        "title": "Nota Dinas",
        "jenis": "ND",
        "pola": "Umum",
        "klasifikasi": "000.1.2",
        "ringkasan": "Naskah internal kepada atasan/pejabat lain di lingkungan Pemda.",
        "tembusan": "",
        "kolom": [
            _kolom("teks_panjang", "isi_pokok", "Isi nota"),
            _kolom(
                "pilihan", "tindak_lanjut", "Tindak lanjut yang diminta", pilihan=["Arahan", "Persetujuan", "Informasi"]
            ),
        ],
        "isi": [
            _p("<p>{{ isi_pokok }}</p>"),
            _p("<p>Demikian kami sampaikan untuk mendapatkan <b>{{ tindak_lanjut|lower }}</b> lebih lanjut.</p>"),
            _ttd(),
        ],
        "contoh": {
            "hal": "Laporan Gangguan Layanan Jaringan Intra Pemerintah",
            "kepada": ["Sekretaris Daerah Kota Sukamaju"],
            "isi_pokok": "Pada tanggal 20 November 2026 terjadi gangguan jaringan intra pemerintah selama 3 jam "
            "akibat kerusakan perangkat inti di pusat data. Perangkat cadangan telah dipasang dan layanan pulih.",
            "tindak_lanjut": "Arahan",
        },
    },
    {
        "slug": "surat-undangan",
        "title": "Surat Undangan",
        "jenis": "UND",
        "pola": "Umum",
        "klasifikasi": "000.1.4",
        "ringkasan": "Undangan rapat atau kegiatan dengan rincian hari, waktu dan tempat.",
        "tembusan": "Wali Kota Sukamaju (sebagai laporan)",
        "kolom": [
            _kolom("teks", "acara", "Acara"),
            _kolom("tanggal", "tanggal_acara", "Hari/tanggal acara"),
            _kolom("teks", "waktu", "Waktu", bantuan="Mis. 09.00 WIB s.d. selesai"),
            _kolom("teks", "tempat", "Tempat"),
            _kolom("teks", "pakaian", "Pakaian", wajib=False),
        ],
        "isi": [
            _p(
                "<p>Dengan hormat, kami mengundang Saudara untuk menghadiri {{ acara }} "
                "yang akan dilaksanakan pada:</p>"
            ),
            {
                "type": "rincian",
                "value": [
                    {"label": "hari/tanggal", "nilai": "{{ tanggal_acara|hari }}, {{ tanggal_acara|tanggal }}"},
                    {"label": "waktu", "nilai": "{{ waktu }}"},
                    {"label": "tempat", "nilai": "{{ tempat }}"},
                    {"label": "pakaian", "nilai": "{{ pakaian or 'Pakaian dinas harian' }}"},
                ],
            },
            _p("<p>Mengingat pentingnya acara tersebut, kami mohon kehadiran Saudara tepat pada waktunya.</p>"),
            _ttd(),
        ],
        "contoh": {
            "hal": "Undangan Rapat Koordinasi Satu Data",
            "kepada": ["Kepala Perangkat Daerah se-Kota Sukamaju", "di Sukamaju"],
            "acara": "Rapat Koordinasi Satu Data Kota Sukamaju",
            "tanggal_acara": "2026-12-01",
            "waktu": "09.00 WIB s.d. selesai",
            "tempat": "Ruang Rapat Diskominfo, Jalan Veteran Nomor 7",
        },
    },
    {
        "slug": "surat-edaran",
        "title": "Surat Edaran",
        "jenis": "SE",
        "pola": "Umum",
        "klasifikasi": "000.9",
        "ringkasan": "Pemberitahuan tentang hal tertentu yang dianggap penting dan mendesak.",
        "tembusan": "Wali Kota Sukamaju",
        "kolom": [
            _kolom("teks_panjang", "latar", "Latar belakang"),
            _kolom("teks_panjang", "ketentuan_1", "Ketentuan 1"),
            _kolom("teks_panjang", "ketentuan_2", "Ketentuan 2"),
            _kolom("teks_panjang", "ketentuan_3", "Ketentuan 3"),
        ],
        "isi": [
            _p("<p>Yth. Kepala Perangkat Daerah di lingkungan Pemerintah Kota Sukamaju.</p>"),
            _p("<p>{{ latar }}</p>"),
            _p("<p>Sehubungan dengan hal tersebut, diminta kepada Saudara untuk:</p>"),
            {
                "type": "daftar",
                "value": {
                    "bernomor": True,
                    "butir": ["{{ ketentuan_1 }};", "{{ ketentuan_2 }}; dan", "{{ ketentuan_3 }}."],
                },
            },
            _p("<p>Demikian surat edaran ini untuk dilaksanakan dengan penuh tanggung jawab.</p>"),
            _ttd(),
        ],
        "contoh": {
            "hal": "Penggunaan Tanda Tangan Elektronik dalam Naskah Dinas",
            "latar": "Dalam rangka percepatan layanan administrasi pemerintahan berbasis elektronik, seluruh "
            "naskah dinas keluar ditandatangani secara elektronik melalui aplikasi Lontar.",
            "ketentuan_1": "memastikan setiap pejabat penandatangan memiliki sertifikat elektronik yang aktif",
            "ketentuan_2": "tidak lagi mencetak naskah dinas untuk ditandatangani basah",
            "ketentuan_3": "melaporkan kendala penggunaan kepada Dinas Komunikasi dan Informatika",
        },
    },
    {
        "slug": "surat-tugas",
        "title": "Surat Tugas",
        "jenis": "ST",
        "pola": "Dengan bulan",
        "klasifikasi": "800.1.11.1",
        "ringkasan": "Penugasan pegawai untuk melaksanakan kegiatan tertentu.",
        "tembusan": "",
        "kolom": [
            _kolom("teks_panjang", "dasar", "Dasar"),
            _kolom(
                "tabel",
                "peserta",
                "Pegawai yang ditugaskan",
                kolom=[
                    {"nama": "nama", "label": "Nama"},
                    {"nama": "nip", "label": "NIP"},
                    {"nama": "jabatan", "label": "Jabatan"},
                ],
            ),
            _kolom("teks_panjang", "untuk", "Untuk"),
            _kolom("tanggal", "mulai", "Tanggal mulai"),
            _kolom("tanggal", "selesai", "Tanggal selesai"),
            _kolom("teks", "tempat", "Tempat"),
        ],
        "isi": [
            {"type": "rincian", "value": [{"label": "Dasar", "nilai": "{{ dasar }}"}]},
            {"type": "judul", "value": "MENUGASKAN:"},
            _p("<p>Kepada:</p>"),
            {"type": "tabel", "value": {"sumber": "peserta", "nomor_urut": True}},
            {
                "type": "rincian",
                "value": [
                    {"label": "Untuk", "nilai": "{{ untuk }}"},
                    {
                        "label": "Waktu",
                        "nilai": "{{ mulai|hari }}, {{ mulai|tanggal }} s.d. {{ selesai|hari }}, {{ selesai|tanggal }}",
                    },
                    {"label": "Tempat", "nilai": "{{ tempat }}"},
                ],
            },
            _p("<p>Demikian surat tugas ini untuk dilaksanakan dengan penuh tanggung jawab.</p>"),
            _ttd(),
        ],
        "contoh": {
            "hal": "",
            "dasar": "Surat Kementerian Komunikasi dan Digital Nomor B-1234/DJAI/2026 perihal Bimbingan Teknis SPBE",
            "peserta": [
                {"nama": "Dimas Prasetyo, S.Kom.", "nip": NIP_STAF, "jabatan": "Pranata Komputer Ahli Pertama"},
                {"nama": "Putri Lestari, S.I.Kom.", "nip": "199104282014022003", "jabatan": "Pranata Humas Ahli Muda"},
            ],
            "untuk": "Mengikuti Bimbingan Teknis Arsitektur SPBE Pemerintah Daerah",
            "mulai": "2026-12-08",
            "selesai": "2026-12-10",
            "tempat": "Bandung",
        },
    },
    {
        "slug": "surat-keputusan",
        "title": "Surat Keputusan",
        "jenis": "KEP",
        "pola": "Umum",
        "klasifikasi": "100.3.3",
        "ringkasan": "Keputusan kepala perangkat daerah (penetapan tim, pedoman, dan sebagainya).",
        "tembusan": "Wali Kota Sukamaju\nInspektur Kota Sukamaju",
        "kolom": [
            _kolom("teks_panjang", "menimbang", "Menimbang"),
            _kolom("teks_panjang", "mengingat", "Mengingat"),
            _kolom("teks_panjang", "kesatu", "KESATU"),
            _kolom("teks_panjang", "kedua", "KEDUA"),
        ],
        "isi": [
            {
                "type": "rincian",
                "value": [
                    {"label": "Menimbang", "nilai": "{{ menimbang }}"},
                    {"label": "Mengingat", "nilai": "{{ mengingat }}"},
                ],
            },
            {"type": "judul", "value": "MEMUTUSKAN:"},
            {
                "type": "rincian",
                "value": [
                    {"label": "Menetapkan", "nilai": "KEPUTUSAN KEPALA DINAS TENTANG {{ hal|upper }}."},
                    {"label": "KESATU", "nilai": "{{ kesatu }}"},
                    {"label": "KEDUA", "nilai": "{{ kedua }}"},
                    {"label": "KETIGA", "nilai": "Keputusan ini mulai berlaku pada tanggal ditetapkan."},
                ],
            },
            _ttd(),
        ],
        "contoh": {
            "hal": "Pembentukan Tim Pengelola Satu Data",
            "menimbang": "bahwa untuk mewujudkan tata kelola data yang akurat dan terpadu perlu membentuk Tim "
            "Pengelola Satu Data Kota Sukamaju",
            "mengingat": "Peraturan Presiden Nomor 39 Tahun 2019 tentang Satu Data Indonesia",
            "kesatu": "Membentuk Tim Pengelola Satu Data dengan susunan sebagaimana tercantum dalam Lampiran.",
            "kedua": "Tim bertugas menyusun daftar data dan memutakhirkan portal Satu Data setiap triwulan.",
        },
    },
    {
        "slug": "berita-acara",
        "title": "Berita Acara",
        "jenis": "BA",
        "pola": "Umum",
        "klasifikasi": "000.5.1",
        "ringkasan": "Catatan resmi suatu kejadian/kegiatan yang ditandatangani para pihak.",
        "tembusan": "",
        "kolom": [
            _kolom("tanggal", "tanggal_kegiatan", "Tanggal kegiatan"),
            _kolom("teks", "tempat", "Tempat"),
            _kolom("teks_panjang", "uraian", "Uraian kejadian/kegiatan"),
            _kolom(
                "tabel",
                "pihak",
                "Pihak yang hadir",
                kolom=[{"nama": "nama", "label": "Nama"}, {"nama": "jabatan", "label": "Jabatan"}],
            ),
        ],
        "isi": [
            _p(
                "<p>Pada hari ini {{ tanggal_kegiatan|hari }} tanggal {{ tanggal_kegiatan|tanggal }}, "
                "bertempat di {{ tempat }}, telah dilaksanakan {{ hal|lower }} dengan uraian sebagai berikut.</p>"
            ),
            _p("<p>{{ uraian }}</p>"),
            _p("<p>Pihak yang hadir:</p>"),
            {"type": "tabel", "value": {"sumber": "pihak", "nomor_urut": True}},
            _p("<p>Demikian berita acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana mestinya.</p>"),
            _ttd(),
        ],
        "contoh": {
            "hal": "Serah Terima Perangkat Jaringan",
            "kepada": [],
            "tanggal_kegiatan": "2026-11-20",
            "tempat": "Pusat Data Pemerintah Kota Sukamaju",
            "uraian": "Penyedia telah menyerahkan 2 (dua) unit perangkat switch inti dalam keadaan baik dan "
            "berfungsi sesuai spesifikasi kontrak.",
            "pihak": [
                {"nama": "Agus Setiawan, S.Sos., M.Si.", "jabatan": "Kepala Bidang IKP"},
                {"nama": "Dimas Prasetyo, S.Kom.", "jabatan": "Pranata Komputer Ahli Pertama"},
            ],
        },
    },
    {
        "slug": "surat-keterangan",
        "title": "Surat Keterangan",
        "jenis": "SKET",
        "pola": "Umum",
        "klasifikasi": "800.1.2",
        "ringkasan": "Keterangan tentang seorang pegawai (aktif bekerja, dan sebagainya).",
        "tembusan": "",
        "kolom": [
            _kolom("pegawai", "pegawai", "Pegawai yang diterangkan"),
            _kolom("teks", "keperluan", "Keperluan"),
        ],
        "isi": [
            _p("<p>Yang bertanda tangan di bawah ini menerangkan bahwa:</p>"),
            {
                "type": "rincian",
                "value": [
                    {"label": "Nama", "nilai": "{{ pegawai.nama }}"},
                    {"label": "NIP", "nilai": "{{ pegawai.nip }}"},
                    {"label": "Pangkat/golongan", "nilai": "{{ pegawai.pangkat }}"},
                    {"label": "Jabatan", "nilai": "{{ pegawai.jabatan }}"},
                    {"label": "Unit kerja", "nilai": "{{ pegawai.unit }}"},
                ],
            },
            _p(
                "<p>adalah benar pegawai aktif pada {{ unit.nama }} Kota Sukamaju. Surat keterangan ini dibuat "
                "untuk keperluan <b>{{ keperluan }}</b>.</p>"
            ),
            _ttd(),
        ],
        "contoh": {
            "hal": "",
            "kepada": [],
            "pegawai": NIP_STAF,
            "keperluan": "pengajuan kredit pemilikan rumah",
        },
    },
]


def _logo() -> Image:
    """A simple generated emblem (no third-party artwork ships with Lontar)."""
    image = Image.objects.filter(title="Lambang Kota Sukamaju (demo)").first()
    if image is not None:
        return image
    from PIL import Image as PILImage
    from PIL import ImageDraw

    kanvas = PILImage.new("RGBA", (240, 280), (255, 255, 255, 0))
    gambar = ImageDraw.Draw(kanvas)
    gambar.polygon([(20, 10), (220, 10), (220, 160), (120, 270), (20, 160)], fill=(11, 83, 148), outline=(212, 175, 55))
    gambar.polygon([(45, 35), (195, 35), (195, 150), (120, 235), (45, 150)], fill=(255, 255, 255))
    gambar.ellipse([(85, 60), (155, 130)], fill=(212, 175, 55))
    gambar.rectangle([(70, 150), (170, 175)], fill=(11, 83, 148))
    buffer = io.BytesIO()
    kanvas.save(buffer, format="PNG")
    return Image.objects.create(
        title="Lambang Kota Sukamaju (demo)", file=ImageFile(io.BytesIO(buffer.getvalue()), name="lambang-sukamaju.png")
    )


@transaction.atomic
def muat() -> list[TemplateSuratPage]:
    indeks = pastikan_struktur()
    logo = _logo()
    kop: dict[str, KopSurat] = {}
    for kode, (nama_opd, alamat, telepon, email) in KOP.items():
        unit = Unit.objects.get(kode=kode, induk__kode="PEMKOT")
        kop[kode], _created = KopSurat.objects.get_or_create(
            unit=unit,
            defaults={
                "logo": logo,
                "baris_instansi": f"PEMERINTAH KOTA SUKAMAJU\n{nama_opd}",
                "alamat": alamat,
                "telepon": telepon,
                "email": email,
                "website": "sukamajukota.go.id",
                "tempat": "Sukamaju",
            },
        )
    pola = {
        nama: PolaNomor.objects.get_or_create(nama=nama, defaults={"pola": p, "digit_urut": d})[0]
        for nama, (p, d) in POLA.items()
    }
    hasil = []
    for data in TEMPLATE:
        page = TemplateSuratPage.objects.filter(slug=data["slug"]).first()
        if page is None:
            page = TemplateSuratPage(
                title=data["title"],
                slug=data["slug"],
                jenis=JenisNaskah.objects.get(kode=data["jenis"]),
                kop=kop["DISKOMINFO"],
                pola_nomor=pola[data["pola"]],
                klasifikasi_bawaan=data["klasifikasi"],
                tembusan_bawaan=data["tembusan"],
                ringkasan=data["ringkasan"],
                kolom=data["kolom"],
                isi=data["isi"],
                isian_contoh={
                    **_STANDAR,
                    "tembusan": [t for t in data["tembusan"].splitlines() if t],
                    **data["contoh"],
                },
            )
            page.full_clean(exclude=["path", "depth"])  # the checks the admin form runs (tree fields come next)
            indeks.add_child(instance=page)
            page.save_revision().publish()
        hasil.append(page)
    return hasil
