"""Texts of the demo public site (fictional Kota Sukamaju), kept apart from the code that
loads them (publik.demo). Written for the demo; CC0."""

from __future__ import annotations

from typing import Any

ALAMAT = "Balai Kota Sukamaju\nJl. Merdeka No. 1, Sukamaju 46111\nJawa Barat"

HERO_GAMBAR = ("Ilustrasi beranda Kota Sukamaju", "Kota Sukamaju — melayani sepenuh hati", "biru", "beranda-hero.jpg")

LAYANAN_UNGGULAN = [
    ("Mal Pelayanan Publik", "Perizinan, kependudukan dan perpajakan daerah di satu gedung, Senin–Sabtu."),
    ("Layanan kesehatan 24 jam", "Puskesmas rawat inap dan ambulans gratis melalui nomor darurat 112."),
    ("Sukamaju Digital", "Cek status permohonan izin dan bayar PBB secara daring."),
    ("Permohonan informasi publik", "PPID melayani permohonan informasi dengan tenggat 10 hari kerja."),
]

KATEGORI = [
    ("pemerintahan", "Pemerintahan", "Kebijakan, rapat dan kegiatan pemerintah kota."),
    ("kesehatan", "Kesehatan", "Layanan kesehatan, imunisasi dan pencegahan penyakit."),
    ("pendidikan", "Pendidikan", "Sekolah, beasiswa dan literasi."),
    ("infrastruktur", "Infrastruktur", "Jalan, drainase, air bersih dan ruang publik."),
]

HALAMAN: list[dict[str, Any]] = [
    {
        "slug": "profil",
        "judul": "Profil Kota Sukamaju",
        "intro": "Kota Sukamaju terletak di kaki Gunung Salak, dengan 7 kecamatan, 42 kelurahan dan sekitar "
        "412 ribu penduduk.",
        "isi": [
            ("judul", {"teks": "Letak dan wilayah", "tingkat": "h2"}),
            (
                "paragraf",
                "<p>Kota Sukamaju memiliki luas 118,5 km² pada ketinggian 190–330 meter di atas permukaan laut. "
                "Udara sejuk dan curah hujan tinggi menjadikannya kota hijau dengan banyak taman.</p>",
            ),
            (
                "gambar",
                {
                    "judul": "Ilustrasi profil kota",
                    "teks": "Taman kota Sukamaju",
                    "palet": "hijau",
                    "berkas": "profil-taman.jpg",
                    "keterangan": "Ilustrasi taman kota (gambar buatan, CC0).",
                },
            ),
            ("judul", {"teks": "Penduduk", "tingkat": "h2"}),
            (
                "tabel",
                {
                    "caption": "Penduduk per kecamatan, 2025",
                    "columns": [{"type": "teks", "heading": "Kecamatan"}, {"type": "angka", "heading": "Penduduk"}],
                    "rows": [
                        {"values": ["Sukamaju Utara", "68210"]},
                        {"values": ["Sukamaju Selatan", "71544"]},
                        {"values": ["Cibeureum", "55032"]},
                        {"values": ["Cisarua", "49870"]},
                        {"values": ["Pasirjaya", "58116"]},
                        {"values": ["Tanjungsari", "52407"]},
                        {"values": ["Mekarwangi", "56931"]},
                    ],
                },
            ),
        ],
    },
    {
        "slug": "sejarah",
        "induk": "profil",
        "judul": "Sejarah Kota",
        "intro": "Dari kota kecamatan menjadi daerah otonom pada tahun 2001.",
        "isi": [
            (
                "paragraf",
                "<p>Sukamaju tumbuh sebagai pusat perdagangan hasil kebun teh sejak awal abad ke-20. Status kota "
                "otonom diperoleh melalui undang-undang pembentukan pada tahun 2001.</p><p>Hari jadi kota "
                "diperingati setiap 12 Juni.</p>",
            ),
        ],
    },
    {
        "slug": "visi-dan-misi",
        "judul": "Visi dan Misi",
        "intro": "Visi dan misi Wali Kota Sukamaju periode 2025–2030.",
        "isi": [
            ("judul", {"teks": "Visi", "tingkat": "h2"}),
            ("paragraf", "<p><b>Sukamaju yang sejahtera, hijau, dan melayani.</b></p>"),
            ("judul", {"teks": "Misi", "tingkat": "h2"}),
            (
                "paragraf",
                "<ol><li>Meningkatkan kualitas layanan publik yang cepat dan terbuka.</li>"
                "<li>Membangun infrastruktur yang merata dan ramah lingkungan.</li>"
                "<li>Memperkuat kesehatan dan pendidikan warga.</li>"
                "<li>Menumbuhkan ekonomi lokal dan UMKM.</li></ol>",
            ),
        ],
    },
    {
        "slug": "struktur-organisasi",
        "judul": "Struktur Organisasi",
        "intro": "Perangkat daerah Pemerintah Kota Sukamaju.",
        "isi": [
            (
                "tabel",
                {
                    "caption": "Perangkat daerah dan pimpinannya",
                    "columns": [
                        {"type": "teks", "heading": "Perangkat daerah"},
                        {"type": "teks", "heading": "Pimpinan"},
                    ],
                    "rows": [
                        {"values": ["Sekretariat Daerah", "Sekretaris Daerah"]},
                        {"values": ["Dinas Komunikasi dan Informatika", "Kepala Dinas"]},
                        {"values": ["Dinas Kesehatan", "Kepala Dinas"]},
                        {"values": ["Dinas Pendidikan", "Kepala Dinas"]},
                        {"values": ["Dinas Pekerjaan Umum dan Penataan Ruang", "Kepala Dinas"]},
                        {"values": ["Badan Perencanaan Pembangunan Daerah", "Kepala Badan"]},
                    ],
                },
            ),
        ],
    },
    {
        "slug": "layanan-publik",
        "judul": "Layanan Publik",
        "intro": "Layanan yang dapat diakses warga, di loket maupun daring.",
        "isi": [
            (
                "paragraf",
                "<p>Mal Pelayanan Publik di Jl. Merdeka No. 5 buka Senin–Jumat pukul 08.00–15.00 dan Sabtu "
                "pukul 08.00–12.00.</p><ul><li>Kartu identitas anak dan KTP elektronik</li>"
                "<li>Perizinan berusaha dan persetujuan bangunan gedung</li><li>Pajak bumi dan bangunan</li>"
                "<li>Permohonan informasi publik (PPID)</li></ul>",
            ),
            (
                "ajakan",
                {
                    "judul": "Cek status permohonan izin",
                    "teks": "Masukkan nomor registrasi pada portal Sukamaju Digital.",
                    "tombol": {"label": "Buka Sukamaju Digital", "halaman": None, "url": "https://sukamajukota.go.id/"},
                },
            ),
        ],
    },
    {
        "slug": "kontak",
        "judul": "Kontak",
        "intro": "Hubungi Pemerintah Kota Sukamaju.",
        "isi": [
            (
                "paragraf",
                "<p>Balai Kota Sukamaju, Jl. Merdeka No. 1, Sukamaju 46111.</p><p>Telepon (0263) 555-0123, "
                'surel <a href="mailto:humas@sukamajukota.go.id">humas@sukamajukota.go.id</a>.</p>',
            ),
        ],
    },
]


def _b(slug: str, judul: str, kategori: str, hari: int, palet: str, intro: str, *isi: str, **lain: Any) -> dict:
    return {
        "slug": slug,
        "judul": judul,
        "kategori": kategori,
        "hari_lalu": hari,
        "palet": palet,
        "intro": intro,
        "isi": list(isi) or [intro],
        **lain,
    }


BERITA: list[dict[str, Any]] = [
    _b(
        "wali-kota-resmikan-mal-pelayanan-publik",
        "Wali Kota Resmikan Mal Pelayanan Publik",
        "pemerintahan",
        1,
        "biru",
        "Sebanyak 214 jenis layanan kini tersedia di satu gedung di Jl. Merdeka.",
        "Wali Kota Sukamaju meresmikan Mal Pelayanan Publik yang menghimpun layanan 14 perangkat daerah dan "
        "instansi vertikal.",
        "Warga cukup mengambil satu nomor antrean untuk beberapa layanan sekaligus.",
        tag=["layanan publik", "mpp"],
    ),
    _b(
        "imunisasi-campak-rubela-sasar-30-ribu-anak",
        "Imunisasi Campak-Rubela Sasar 30 Ribu Anak",
        "kesehatan",
        2,
        "hijau",
        "Dinas Kesehatan menggelar bulan imunisasi di 24 puskesmas dan seluruh posyandu.",
        "Orang tua diimbau membawa buku KIA saat datang ke posyandu.",
        tag=["imunisasi", "anak"],
    ),
    _b(
        "perbaikan-jalan-siliwangi-rampung",
        "Perbaikan Jalan Siliwangi Rampung Lebih Cepat",
        "infrastruktur",
        3,
        "jingga",
        "Ruas sepanjang 2,4 km kini dilengkapi trotoar dan saluran drainase baru.",
        "Pekerjaan selesai dua minggu lebih cepat dari jadwal kontrak.",
        tag=["jalan", "drainase"],
    ),
    _b(
        "beasiswa-sukamaju-cerdas-dibuka",
        "Beasiswa Sukamaju Cerdas Tahun Ini Dibuka",
        "pendidikan",
        4,
        "ungu",
        "Pendaftaran beasiswa bagi 1.200 pelajar dan mahasiswa dibuka hingga akhir bulan.",
        "Syarat dan formulir tersedia di laman Dinas Pendidikan.",
        tag=["beasiswa"],
    ),
    _b(
        "musrenbang-kota-tetapkan-prioritas",
        "Musrenbang Kota Tetapkan Lima Prioritas Pembangunan",
        "pemerintahan",
        6,
        "teal",
        "Air bersih, drainase, layanan kesehatan, UMKM dan ruang terbuka hijau menjadi prioritas.",
        tag=["musrenbang", "perencanaan"],
    ),
    _b(
        "puskesmas-cisarua-buka-layanan-malam",
        "Puskesmas Cisarua Buka Layanan Malam",
        "kesehatan",
        7,
        "hijau",
        "Layanan rawat jalan kini buka hingga pukul 21.00 pada hari kerja.",
        tag=["puskesmas"],
    ),
    _b(
        "taman-literasi-pasirjaya-dibuka",
        "Taman Literasi Pasirjaya Dibuka untuk Umum",
        "pendidikan",
        9,
        "ungu",
        "Taman baca terbuka dengan 5.000 koleksi buku anak dan remaja.",
        tag=["literasi", "taman"],
    ),
    _b(
        "normalisasi-sungai-cibeureum",
        "Normalisasi Sungai Cibeureum Kurangi Genangan",
        "infrastruktur",
        10,
        "teal",
        "Pengerukan sedimen sepanjang 3 km menurunkan titik genangan di lima kelurahan.",
        tag=["banjir", "drainase"],
    ),
    _b(
        "apbd-perubahan-disahkan",
        "DPRD dan Pemkot Sahkan APBD Perubahan",
        "pemerintahan",
        12,
        "biru",
        "Belanja kesehatan dan pendidikan naik masing-masing 6 dan 4 persen.",
        tag=["apbd", "anggaran"],
    ),
    _b(
        "gerakan-cuci-tangan-di-sekolah",
        "Gerakan Cuci Tangan Pakai Sabun di 120 Sekolah",
        "kesehatan",
        13,
        "hijau",
        "Siswa sekolah dasar belajar kebiasaan hidup bersih bersama kader kesehatan.",
        tag=["sekolah", "phbs"],
    ),
    _b(
        "penerimaan-peserta-didik-baru-daring",
        "Penerimaan Peserta Didik Baru Sepenuhnya Daring",
        "pendidikan",
        15,
        "ungu",
        "Pendaftaran SD dan SMP negeri dilakukan melalui portal resmi tanpa datang ke sekolah.",
        tag=["ppdb"],
    ),
    _b(
        "penerangan-jalan-tenaga-surya",
        "Seribu Lampu Jalan Tenaga Surya Terpasang",
        "infrastruktur",
        16,
        "jingga",
        "Lampu hemat energi menerangi jalan lingkungan di tujuh kecamatan.",
        tag=["energi", "jalan"],
    ),
    _b(
        "rapat-koordinasi-kesiapsiagaan-bencana",
        "Rapat Koordinasi Kesiapsiagaan Musim Hujan",
        "pemerintahan",
        18,
        "teal",
        "Pemkot menyiagakan posko dan peralatan di titik rawan longsor.",
        tag=["bencana"],
    ),
    _b(
        "posyandu-lansia-diperluas",
        "Posyandu Lansia Diperluas ke Semua Kelurahan",
        "kesehatan",
        20,
        "hijau",
        "Pemeriksaan tekanan darah dan gula darah gratis setiap bulan.",
        tag=["lansia", "posyandu"],
    ),
    _b(
        "guru-ikuti-pelatihan-literasi-digital",
        "Ratusan Guru Ikuti Pelatihan Literasi Digital",
        "pendidikan",
        22,
        "ungu",
        "Pelatihan membekali guru untuk mengajarkan keamanan berinternet.",
        tag=["guru", "literasi"],
    ),
    _b(
        "air-bersih-untuk-mekarwangi",
        "Jaringan Air Bersih Menjangkau Mekarwangi",
        "infrastruktur",
        24,
        "biru",
        "Sebanyak 3.400 rumah tangga kini tersambung jaringan air minum.",
        tag=["air bersih"],
    ),
    _b(
        "penghargaan-keterbukaan-informasi",
        "Sukamaju Raih Predikat Informatif",
        "pemerintahan",
        26,
        "biru",
        "Komisi Informasi menilai PPID kota informatif untuk ketiga kalinya.",
        tag=["ppid", "keterbukaan"],
    ),
    _b(
        "pemeriksaan-kesehatan-gratis-hut-kota",
        "Pemeriksaan Kesehatan Gratis Meriahkan Hari Jadi",
        "kesehatan",
        28,
        "hijau",
        "Lebih dari dua ribu warga memeriksakan kesehatan di alun-alun.",
        tag=["hari jadi"],
    ),
    _b(
        "sekolah-adiwiyata-bertambah",
        "Sekolah Adiwiyata Bertambah Menjadi 38",
        "pendidikan",
        30,
        "teal",
        "Sekolah peduli lingkungan mengelola sampah dan kebun sekolah sendiri.",
        tag=["lingkungan", "sekolah"],
    ),
    _b(
        "trotoar-ramah-disabilitas",
        "Trotoar Ramah Disabilitas di Pusat Kota",
        "infrastruktur",
        33,
        "jingga",
        "Ubin pemandu dan ram landai dipasang di sepanjang koridor Jl. Merdeka.",
        tag=["disabilitas", "trotoar"],
    ),
    _b(
        "pelantikan-pejabat-administrator",
        "Wali Kota Lantik 24 Pejabat Administrator",
        "pemerintahan",
        35,
        "ungu",
        "Pelantikan mengisi jabatan yang kosong di sejumlah perangkat daerah.",
        tag=["kepegawaian"],
    ),
    _b(
        "cegah-demam-berdarah-3m-plus",
        "Cegah Demam Berdarah dengan 3M Plus",
        "kesehatan",
        37,
        "jingga",
        "Warga diajak menguras, menutup dan mendaur ulang barang bekas setiap pekan.",
        tag=["dbd"],
    ),
    _b(
        "perpustakaan-keliling-sambangi-desa",
        "Perpustakaan Keliling Sambangi Kelurahan Pinggiran",
        "pendidikan",
        40,
        "biru",
        "Mobil perpustakaan hadir dua kali sepekan dengan jadwal tetap.",
        tag=["literasi"],
    ),
]

AGENDA: list[dict[str, Any]] = [
    {
        "slug": "sosialisasi-pajak-daerah",
        "judul": "Sosialisasi Pajak Daerah bagi Pelaku UMKM",
        "hari_lagi": 3,
        "jam": (9, 0),
        "durasi_jam": 3,
        "tempat": "Aula Balai Kota Sukamaju",
        "penyelenggara": "Badan Pendapatan Daerah",
        "deskripsi": "<p>Penjelasan tata cara pelaporan dan pembayaran pajak daerah secara daring.</p>",
    },
    {
        "slug": "pelayanan-keliling-kependudukan",
        "judul": "Pelayanan Kependudukan Keliling",
        "hari_lagi": 5,
        "jam": (8, 0),
        "durasi_jam": 6,
        "tempat": "Kantor Kelurahan Tanjungsari",
        "penyelenggara": "Dinas Kependudukan dan Pencatatan Sipil",
        "deskripsi": "<p>Perekaman KTP elektronik, kartu identitas anak dan akta kelahiran di tempat.</p>",
    },
    {
        "slug": "senam-sehat-bersama-wali-kota",
        "judul": "Senam Sehat Bersama Wali Kota",
        "hari_lagi": 8,
        "jam": (6, 30),
        "durasi_jam": 2,
        "tempat": "Alun-alun Sukamaju",
        "penyelenggara": "Dinas Kesehatan",
        "deskripsi": "<p>Senam bersama dilanjutkan pemeriksaan kesehatan gratis.</p>",
    },
    {
        "slug": "forum-konsultasi-publik-rkpd",
        "judul": "Forum Konsultasi Publik Rencana Kerja Pemerintah Daerah",
        "hari_lagi": 12,
        "jam": (13, 0),
        "durasi_jam": 3,
        "tempat": "Gedung Bappeda, Jl. Pahlawan No. 8",
        "penyelenggara": "Badan Perencanaan Pembangunan Daerah",
        "deskripsi": "<p>Warga dan komunitas menyampaikan masukan rancangan rencana kerja tahun depan.</p>",
    },
    {
        "slug": "festival-literasi-anak",
        "judul": "Festival Literasi Anak",
        "hari_lagi": 19,
        "jam": (9, 0),
        "durasi_jam": 7,
        "tempat": "Taman Literasi Pasirjaya",
        "penyelenggara": "Dinas Perpustakaan dan Kearsipan",
        "deskripsi": "<p>Dongeng, lomba membaca dan pameran buku untuk anak dan keluarga.</p>",
    },
]
