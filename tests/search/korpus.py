"""A seeded corpus of letters of the (fictional) Pemerintah Kota Sukamaju for the shared
behavioural search suite: every engine gets exactly these `Dokumen` objects.

Letters are written as `K(...)` (keluar: sent by a Perangkat Daerah) and `M(...)` (masuk:
registered by the receiving unit). Their principal tokens follow naskah.akses: a letter
that is not secret carries its unit, the unit's head and `admin`; a secret one (R/SR)
only named people (drafter, signer, recipients / addressee, registrar, disposition
holders). Secret letters reach the index like search.sumber builds them: no body and no
parties; what they really say is kept in `ISI_RAHASIA` so tests can search for it.

`korpus()` is deterministic: objek_id is the position in `SURAT` (1..N).
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass
from typing import Any

from search.mesin.dasar import Dokumen, Hasil, Mesin, Permintaan
from search.teks import dasar

UNIT: dict[int, tuple[str, str]] = {
    1: ("Sekretariat Daerah", "SETDA"),
    2: ("Dinas Komunikasi dan Informatika", "DISKOMINFO"),
    3: ("Dinas Kesehatan", "DINKES"),
    4: ("Badan Kepegawaian dan Pengembangan Sumber Daya Manusia", "BKPSDM"),
    5: ("Badan Penanggulangan Bencana Daerah", "BPBD"),
    6: ("Dinas Pendidikan dan Kebudayaan", "DISDIKBUD"),
    7: ("Badan Pengelolaan Keuangan dan Aset Daerah", "BPKAD"),
}
# Posts inside the government (principal token j:<id>): 10*unit+1 heads the unit,
# 10*unit+2 is its secretary (pemaraf of outgoing letters, disposition holder).
JABATAN: dict[int, str] = {
    11: "Sekretaris Daerah",
    12: "Kepala Bagian Umum Sekretariat Daerah",
    21: "Kepala Dinas Komunikasi dan Informatika",
    22: "Sekretaris Dinas Komunikasi dan Informatika",
    31: "Kepala Dinas Kesehatan",
    32: "Sekretaris Dinas Kesehatan",
    41: "Kepala Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    42: "Sekretaris Badan Kepegawaian dan Pengembangan Sumber Daya Manusia",
    51: "Kepala Pelaksana Badan Penanggulangan Bencana Daerah",
    52: "Sekretaris Badan Penanggulangan Bencana Daerah",
    61: "Kepala Dinas Pendidikan dan Kebudayaan",
    62: "Sekretaris Dinas Pendidikan dan Kebudayaan",
    71: "Kepala Badan Pengelolaan Keuangan dan Aset Daerah",
    72: "Sekretaris Badan Pengelolaan Keuangan dan Aset Daerah",
}
RAHASIA = {"R", "SR"}
MASUK = "Naskah masuk"

# Openings and closings round the bodies out to a real letter's length; their words are
# deliberately not among the words the tests search for.
PEMBUKA = (
    "Dengan hormat,",
    "Menindaklanjuti arahan Wali Kota Sukamaju,",
    "Sehubungan dengan program kerja tahun berjalan,",
    "Dalam rangka tertib administrasi pemerintahan,",
    "Berdasarkan ketentuan peraturan perundang-undangan yang berlaku,",
)
PENUTUP = (
    "Demikian disampaikan, atas perhatian dan kerja samanya diucapkan terima kasih.",
    "Atas perhatian Saudara, kami sampaikan terima kasih.",
    "Demikian untuk menjadi perhatian dan dilaksanakan sebagaimana mestinya.",
    "Narahubung kegiatan dapat dihubungi melalui sekretariat pada jam kerja.",
)


@dataclass(frozen=True)
class Surat:
    nomor: str
    tanggal: str
    unit: int
    jenis: str
    sifat: str
    status: str
    perihal: str
    penerima: tuple[int | str, ...]  # jabatan ids (internal) or names (outside the government)
    isi: str
    pengirim: str = ""  # incoming letters only; outgoing ones are sent by their unit
    klasifikasi: str = ""  # default: the nomor up to the first "/"
    pembuat: int = 0  # user id of the drafter / registrar; default 100 + unit

    @property
    def arah(self) -> str:
        return "masuk" if self.jenis == MASUK else "keluar"


# fmt: off
def K(nomor: str, tanggal: str, unit: int, jenis: str, sifat: str, status: str, perihal: str,  # noqa: N802
      penerima: tuple[int | str, ...], isi: str, **lain: object) -> Surat:
    return Surat(nomor, tanggal, unit, jenis, sifat, status, perihal, penerima, isi, **lain)  # type: ignore[arg-type]


def M(nomor: str, tanggal: str, unit: int, tujuan: int, sifat: str, status: str, pengirim: str,  # noqa: N802
      perihal: str, isi: str, klasifikasi: str) -> Surat:
    return Surat(nomor, tanggal, unit, MASUK, sifat, status, perihal, (tujuan,), isi, pengirim, klasifikasi)
# fmt: on


def _laporan_panjang() -> str:
    """A PPID annual report: a body of some 20,000 characters, one rare word at the end."""
    bulan = ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus")
    bulan += ("September", "Oktober", "November", "Desember")
    bagian = []
    for i, b in enumerate(bulan):
        bagian.append(
            f"Pada bulan {b} layanan informasi menerima {12 + 3 * i} permintaan melalui loket, {20 + i} melalui "
            f"laman resmi dan {5 + i} melalui surat elektronik; seluruhnya dijawab dalam jangka waktu sepuluh hari "
            f"kerja, kecuali {i % 3} permintaan yang memerlukan perpanjangan waktu karena dokumen yang diminta "
            "tersimpan di arsip inaktif. Keberatan yang diajukan pemohon pada bulan ini diselesaikan oleh atasan "
            "pejabat pengelola tanpa berlanjut menjadi sengketa. Uji konsekuensi dilakukan terhadap informasi "
            "yang dikecualikan, dan daftar informasi publik diperbarui setelah rapat evaluasi bulanan bersama "
            "pejabat fungsional pranata humas serta pengelola laman resmi masing-masing perangkat daerah."
        )
    bagian.append(
        "Capaian indeks keterbukaan informasi meningkat dibanding tahun sebelumnya; kendala utama adalah "
        "keterbatasan petugas di perangkat daerah dan belum seragamnya klasifikasi dokumen elektronik."
    )
    teks = " ".join(bagian)
    while len(teks) < 20_000:
        teks += " " + " ".join(bagian[:6])
    return teks + " Tabel rekapitulasi per perangkat daerah disajikan pada lampiran laporan ini."


SCRIPT = "<script>alert(1)</script>"

# fmt: off
SURAT: list[Surat] = [
    # --- Sekretariat Daerah ------------------------------------------------------------------
    K("100.3.4/21/SETDA/2025", "2025-01-14", 1, "Surat Edaran", "B", "terkirim",
      "Surat edaran libur nasional dan cuti bersama tahun 2025",
      ("Para Kepala Perangkat Daerah", "Camat se-Kota Sukamaju"),
      "Sesuai keputusan bersama menteri, hari libur nasional dan cuti bersama tahun 2025 ditetapkan sebagaimana "
      "tercantum dalam lampiran. Pelayanan publik yang bersifat mendesak seperti rumah sakit, pemadam kebakaran dan "
      "pengelolaan sampah tetap berjalan dengan pengaturan piket. Kepala perangkat daerah agar menyusun jadwal piket "
      "pegawai dan melaporkannya kepada Bagian Organisasi paling lambat tujuh hari sebelum libur."),
    K("000.5.2/88/SETDA/2025", "2025-03-05", 1, "Surat Undangan", "B", "terkirim",
      "Undangan rapat koordinasi penanganan stunting", (31, 61, "Camat se-Kota Sukamaju"),
      "Dalam rangka percepatan penurunan stunting, kami mengundang Bapak/Ibu untuk menghadiri rapat koordinasi "
      "tim percepatan pada hari Selasa pukul 09.00 WIB di Ruang Rapat Wali Kota. Agenda rapat meliputi evaluasi "
      "data balita berisiko, intervensi gizi spesifik di posyandu, dan pembagian peran kecamatan. Peserta dimohon "
      "membawa data capaian wilayah masing-masing."),
    K("100.3.4/40/SETDA/2026", "2026-01-09", 1, "Surat Edaran", "B", "terkirim",
      "Surat edaran libur nasional dan cuti bersama tahun 2026", ("Para Kepala Perangkat Daerah",),
      "Menindaklanjuti keputusan bersama tiga menteri, hari libur nasional dan cuti bersama tahun 2026 berlaku "
      "bagi seluruh aparatur. Cuti bersama mengurangi hak cuti tahunan pegawai. Unit layanan langsung kepada "
      "masyarakat tetap buka dengan petugas piket yang ditunjuk kepala perangkat daerah."),
    K("000.1.4/12/SETDA/2025", "2025-05-19", 1, "Nota Dinas", "B", "terkirim",
      "Penyampaian jadwal apel gabungan hari kesadaran nasional", (12,),
      "Apel gabungan hari kesadaran nasional dilaksanakan setiap tanggal tujuh belas di halaman Balai Kota. "
      "Seluruh pegawai mengenakan pakaian dinas upacara. Bagian Umum diminta menyiapkan pengeras suara, "
      "tenda peserta dan petugas protokol, serta berkoordinasi dengan satuan polisi pamong praja."),
    K("094/31/SETDA/2025", "2025-08-21", 1, "Surat Tugas", "B", "terkirim",
      "Penugasan pendampingan kunjungan kerja gubernur", (12,),
      "Kepala Bagian Umum ditugaskan mendampingi rombongan gubernur selama kunjungan kerja ke pasar tradisional, "
      "rumah sakit umum daerah dan kawasan industri. Biaya perjalanan dibebankan pada anggaran Sekretariat Daerah. "
      "Laporan pelaksanaan tugas disampaikan paling lambat tiga hari setelah kegiatan."),
    K("800.1.6.3/4/SETDA/2025", "2025-10-02", 1, "Surat Dinas", "R", "terkirim",
      "Evaluasi kinerja pejabat pimpinan tinggi pratama", (11,), ""),
    K("360/19/SETDA/2026", "2026-01-27", 1, "Surat Undangan", "B", "terkirim",
      "Undangan rapat koordinasi penanganan banjir", (51, 31, "Camat se-Kota Sukamaju"),
      "Curah hujan tinggi sepekan terakhir menyebabkan genangan dan banjir di empat kelurahan. Rapat koordinasi "
      "membahas pendirian posko pengungsian, dapur umum, layanan kesehatan bagi pengungsi serta pembersihan "
      "saluran drainase. Kehadiran pimpinan perangkat daerah sangat diharapkan tanpa diwakilkan."),
    K("300.1.4/7/SETDA/2025", "2025-06-11", 1, "Surat Dinas", "B", "terkirim",
      "Permohonan fasilitasi pengamanan kegiatan hari jadi kota", ("Kepala Kepolisian Resor Sukamaju",),
      "Pemerintah Kota akan menyelenggarakan pawai budaya dan pesta rakyat dalam rangka hari jadi kota. Kami "
      "memohon dukungan personel pengamanan dan pengaturan lalu lintas di sepanjang rute pawai dari alun-alun "
      "menuju stadion. Rapat teknis bersama panitia akan dijadwalkan kemudian."),
    K("000.3.2/56/SETDA/2026", "2026-02-16", 1, "Nota Dinas", "B", "terkirim",
      "Pemberitahuan pemadaman listrik di kompleks perkantoran", ("Para Kepala Perangkat Daerah",),
      "PT PLN akan melakukan pemeliharaan gardu distribusi sehingga aliran listrik di kompleks perkantoran Balai "
      "Kota padam pada hari Sabtu pukul 08.00 sampai 15.00 WIB. Pengelola ruang server diminta mematikan perangkat "
      "secara terkendali dan memastikan genset siap digunakan untuk layanan yang tidak boleh berhenti."),
    # --- Dinas Komunikasi dan Informatika -------------------------------------------------------
    K("000.8.3.3/15/DISKOMINFO/2026", "2026-03-03", 2, "Surat Dinas", "B", "terkirim",
      "Permohonan data kepegawaian untuk sistem informasi terpadu", (41,),
      "Dalam rangka integrasi aplikasi layanan administrasi pemerintahan, kami memohon Bapak/Ibu berkenan "
      "menyampaikan data kepegawaian berupa nomor induk pegawai, jabatan, unit kerja dan pangkat dalam format "
      "elektronik. Data akan disinkronkan melalui antarmuka pemrograman aplikasi dengan pengamanan sesuai standar "
      "keamanan informasi.", pembuat=7),
    K("000.8.3.3/15/DISKOMINFO/2025", "2025-02-04", 2, "Surat Dinas", "B", "terkirim",
      "Pemberitahuan pemeliharaan pusat data", ("Para Kepala Perangkat Daerah",),
      "Pusat data pemerintah kota akan menjalani pemeliharaan perangkat penyimpanan dan pembaruan sistem operasi "
      "server. Selama pemeliharaan, aplikasi surat elektronik dan portal layanan tidak dapat diakses kurang lebih "
      "enam jam. Mohon pengguna menyimpan pekerjaan sebelum waktu pemeliharaan dimulai."),
    K("000.8.3.3/31/DISKOMINFO/2026", "2026-04-08", 2, "Surat Undangan", "B", "terkirim",
      "Undangan sosialisasi tanda tangan elektronik", ("Para Kepala Perangkat Daerah",),
      "Penggunaan tanda tangan elektronik tersertifikasi wajib bagi pejabat penandatangan naskah dinas. Kegiatan "
      "sosialisasi menghadirkan narasumber dari balai sertifikasi elektronik dan akan dilanjutkan dengan "
      "pendaftaran sertifikat. Setiap perangkat daerah mengirim dua orang operator persuratan."),
    K("000.9.2/7/DISKOMINFO/2026", "2026-03-20", 2, "Surat Dinas", "B", "terkirim",
      "Jawaban permohonan informasi publik anggaran", ("Lembaga Swadaya Masyarakat Pantau Anggaran",),
      "Menjawab permohonan informasi Saudara, PPID Kota Sukamaju menyampaikan salinan dokumen pelaksanaan "
      "anggaran belanja perangkat daerah tahun 2025 dalam bentuk elektronik. Rincian belanja pegawai per orang "
      "termasuk informasi yang dikecualikan berdasarkan uji konsekuensi. Apabila Saudara keberatan, keberatan "
      "dapat diajukan kepada atasan PPID dalam tiga puluh hari kerja."),
    K("000.8.2/44/DISKOMINFO/2025", "2025-07-07", 2, "Surat Edaran", "B", "terkirim",
      "Surat edaran keamanan kata sandi akun pemerintahan", ("Para Kepala Perangkat Daerah",),
      "Setiap pegawai wajib mengganti kata sandi akun surat elektronik dinas secara berkala, menggunakan paling "
      "sedikit dua belas karakter, dan tidak membagikannya kepada siapa pun. Autentikasi dua langkah diaktifkan "
      "bertahap mulai bulan depan. Kebocoran kata sandi dilaporkan segera kepada tim tanggap insiden siber."),
    K("000.7.2/61/DISKOMINFO/2025", "2025-09-15", 2, "Surat Undangan", "B", "terkirim",
      "Undangan rapat koordinasi publikasi kegiatan vaksinasi", (31, 11),
      "Untuk menyukseskan pekan imunisasi, diperlukan publikasi terpadu melalui media sosial, videotron dan radio "
      "pemerintah. Rapat koordinasi membahas jadwal peliputan, materi edukasi vaksinasi yang telah diverifikasi "
      "tenaga kesehatan, serta penanganan hoaks seputar vaksin."),
    K("400.14.2/3/DISKOMINFO/2025", "2025-11-24", 2, "Surat Dinas", "SR", "terkirim",
      "Laporan insiden keamanan siber pada server layanan publik", (11,), ""),
    K("000.7.3/70/DISKOMINFO/2025", "2025-10-20", 2, "Surat Tugas", "B", "terkirim",
      "Penugasan peliputan pencanangan vaksinasi", (22,),
      "Menugaskan tim pranata humas untuk meliput pencanangan vaksinasi oleh Wali Kota di alun-alun. Tim "
      "menyiapkan siaran pers, dokumentasi foto dan video, serta unggahan media sosial resmi pada hari yang sama. "
      "Kendaraan operasional disediakan oleh sekretariat dinas.", pembuat=7),
    K("000.8.4/9/DISKOMINFO/2026", "2026-05-06", 2, "Nota Dinas", "T", "diajukan",
      "Laporan uji penetrasi aplikasi pengaduan masyarakat", (21,),
      "Pengujian keamanan menemukan celah XSS pada kolom komentar aplikasi pengaduan: masukan "
      f"{SCRIPT} dijalankan oleh peramban petugas yang membuka aduan. Celah telah ditutup dengan penyaringan "
      "masukan dan pengodean keluaran. Tim pengembang juga memperbarui pustaka pihak ketiga yang sudah usang "
      "dan menambahkan pengujian otomatis sebelum setiap rilis."),
    K("000.9.5/2/DISKOMINFO/2026", "2026-01-30", 2, "Surat Dinas", "B", "terkirim",
      "Penyampaian laporan tahunan layanan informasi dan dokumentasi", (11,), _laporan_panjang()),
    K("000.8.3.3/27/DISKOMINFO/2026", "2026-04-22", 2, "Surat Dinas", "B", "konsep",
      "Permohonan dukungan jaringan internet untuk sekolah", (61,),
      "Program kota cerdas memerlukan koneksi internet yang andal di sekolah dasar negeri. Kami mohon data lokasi "
      "sekolah yang belum terhubung beserta titik koordinat dan kebutuhan perangkat. Data ini menjadi dasar "
      "usulan pembangunan menara dan jaringan serat optik tahun anggaran berikutnya.", pembuat=7),
    # --- Dinas Kesehatan ---------------------------------------------------------------------
    K("400.7/88/DINKES/2026", "2026-02-10", 3, "Surat Dinas", "B", "terkirim",
      "Permohonan dukungan publikasi kegiatan vaksinasi", (21,),
      "Dinas Kesehatan akan melaksanakan vaksinasi campak rubela bagi anak usia sekolah. Dimohon dukungan "
      "Dinas Komunikasi dan Informatika untuk menyebarluaskan jadwal dan lokasi pos pelayanan melalui kanal "
      "media resmi pemerintah kota, termasuk infografis yang mudah dipahami orang tua."),
    K("400.7/12/DINKES/2025", "2025-01-28", 3, "Surat Edaran", "B", "terkirim",
      "Surat edaran kewaspadaan demam berdarah dengue", ("Para Kepala Puskesmas", "Camat se-Kota Sukamaju"),
      "Memasuki musim penghujan, kasus demam berdarah dengue cenderung meningkat. Puskesmas diminta menggiatkan "
      "pemberantasan sarang nyamuk, pemeriksaan jentik berkala dan pelaporan kasus dalam dua puluh empat jam. "
      "Masyarakat dianjurkan menguras dan menutup tempat penampungan air."),
    K("400.7.2/19/DINKES/2026", "2026-03-12", 3, "Surat Undangan", "B", "terkirim",
      "Undangan pelatihan kader posyandu", ("Para Kepala Puskesmas",),
      "Pelatihan kader posyandu meliputi pengukuran tinggi dan berat badan balita, pengisian kartu menuju sehat, "
      "serta konseling pemberian makan bayi dan anak. Setiap puskesmas mengirim lima kader terpilih. Pelatihan "
      "berlangsung dua hari di aula dinas dengan konsumsi disediakan panitia."),
    K("440/301/DINKES/2025", "2025-08-05", 3, "Surat Dinas", "B", "terkirim",
      "Pemberitahuan jadwal vaksinasi campak dan rubela di sekolah", (61,),
      "Vaksinasi campak dan rubela akan dilaksanakan di seluruh sekolah dasar sesuai jadwal terlampir. Kepala "
      "sekolah dimohon menyiapkan ruang kelas sebagai pos layanan dan menyampaikan surat persetujuan kepada "
      "orang tua murid paling lambat satu minggu sebelumnya."),
    K("027/45/DINKES/2025", "2025-04-15", 3, "Nota Dinas", "B", "terkirim",
      "Permohonan pengadaan alat kesehatan puskesmas", (32,),
      "Puskesmas rawat inap membutuhkan tambahan alat kesehatan berupa tensimeter digital, timbangan bayi dan "
      "lemari pendingin vaksin. Pengadaan barang dan jasa diusulkan melalui katalog elektronik dengan pagu dana "
      "alokasi khusus. Spesifikasi teknis telah disusun oleh bidang pelayanan kesehatan."),
    K("360/23/DINKES/2026", "2026-01-29", 3, "Surat Tugas", "B", "terkirim",
      "Penugasan tenaga kesehatan ke posko banjir", (32,),
      "Menugaskan dokter, perawat dan bidan dari puskesmas terdekat untuk bertugas bergiliran di posko pengungsian "
      "korban banjir. Tim menyediakan layanan pengobatan dasar, pemeriksaan ibu hamil dan pemantauan penyakit "
      "diare serta infeksi saluran pernapasan pada pengungsi."),
    K("400.7.4/6/DINKES/2025", "2025-12-03", 3, "Surat Dinas", "R", "terkirim",
      "Data pasien penyakit menular tertentu", (11,), ""),
    K("400.7.2/33/DINKES/2026", "2026-04-14", 3, "Surat Dinas", "B", "terkirim",
      "Laporan cakupan imunisasi dasar lengkap", (11,),
      "Cakupan imunisasi dasar lengkap triwulan pertama mencapai delapan puluh tujuh persen. Kelurahan dengan "
      "capaian rendah mendapat pendampingan petugas surveilans. Penurunan stunting juga dipantau melalui "
      "penimbangan bulanan di posyandu."),
    K("445/17/DINKES/2026", "2026-05-18", 3, "Surat Dinas", "T", "menunggu_tte",
      "Permohonan penambahan formasi tenaga kesehatan", (41,),
      "Rasio dokter dan perawat terhadap jumlah penduduk di wilayah pinggiran masih di bawah standar. Kami "
      "mengusulkan tambahan formasi aparatur sipil negara untuk jabatan dokter, perawat, bidan dan tenaga "
      "sanitasi lingkungan dalam pengadaan pegawai tahun depan."),
    # --- BKPSDM -------------------------------------------------------------------------------
    K("800.1.11.1/203/BKPSDM/2025", "2025-09-02", 4, "Surat Edaran", "B", "terkirim",
      "Pemutakhiran data kepegawaian melalui aplikasi SIASN", ("Para Kepala Perangkat Daerah",),
      "Setiap aparatur sipil negara wajib memutakhirkan data riwayat pendidikan, jabatan dan keluarga secara "
      "mandiri melalui aplikasi SIASN. Pengelola kepegawaian perangkat daerah memverifikasi usulan perubahan "
      "paling lambat akhir bulan. Data yang tidak mutakhir berpengaruh pada kenaikan pangkat dan pensiun."),
    K("800.1.11.1/57/BKPSDM/2026", "2026-02-24", 4, "Surat Dinas", "B", "terkirim",
      "Permohonan data kepegawaian untuk penyusunan formasi", ("Para Kepala Perangkat Daerah",),
      "Penyusunan kebutuhan formasi memerlukan analisis jabatan dan beban kerja dari setiap perangkat daerah. "
      "Kami mohon data pegawai yang akan pensiun, pegawai yang mutasi serta jabatan yang kosong. Isian "
      "dikirimkan dalam format tabel yang telah disediakan."),
    K("800.2.3/14/BKPSDM/2026", "2026-03-25", 4, "Surat Undangan", "B", "terkirim",
      "Undangan seleksi terbuka jabatan pimpinan tinggi pratama", ("Para Kepala Perangkat Daerah",),
      "Panitia seleksi membuka kesempatan bagi pegawai yang memenuhi syarat untuk mengikuti seleksi terbuka. "
      "Tahapan meliputi seleksi administrasi, penulisan makalah, asesmen kompetensi dan wawancara akhir. Berkas "
      "lamaran diunggah melalui laman resmi paling lambat dua minggu sejak pengumuman."),
    K("800.1.12/5/BKPSDM/2025", "2025-06-30", 4, "Surat Edaran", "B", "terkirim",
      "Surat edaran disiplin jam kerja aparatur sipil negara", ("Para Kepala Perangkat Daerah",),
      "Kehadiran pegawai direkam melalui presensi elektronik berbasis lokasi. Pegawai yang terlambat tanpa alasan "
      "sah dikenai pemotongan tambahan penghasilan sesuai peraturan wali kota. Atasan langsung bertanggung "
      "jawab membina disiplin bawahan dan melaporkan pelanggaran berat."),
    K("800.1.6.4/2/BKPSDM/2025", "2025-11-11", 4, "Surat Dinas", "SR", "diajukan",
      "Hasil pemeriksaan dugaan pelanggaran disiplin pegawai", (11,), ""),
    K("800.3.2/88/BKPSDM/2025", "2025-04-02", 4, "Surat Tugas", "B", "terkirim",
      "Penugasan mengikuti pelatihan kepemimpinan administrator", (42,),
      "Menugaskan pegawai yang namanya tercantum dalam lampiran untuk mengikuti pelatihan kepemimpinan "
      "administrator di badan pengembangan sumber daya manusia provinsi selama empat bulan. Biaya kontribusi "
      "dan perjalanan ditanggung anggaran badan."),
    K("800.1.3.2/40/BKPSDM/2026", "2026-01-15", 4, "Nota Dinas", "B", "konsep",
      "Penyampaian usulan kenaikan pangkat periode April", (41,),
      "Usulan kenaikan pangkat periode April dari perangkat daerah telah diverifikasi. Sebanyak tiga puluh dua "
      "pegawai memenuhi syarat, sedangkan empat usulan dikembalikan karena kekurangan penilaian kinerja dan "
      "ijazah terakhir. Daftar nominatif terlampir untuk ditetapkan."),
    # --- BPBD ---------------------------------------------------------------------------------
    K("300.2/45/BPBD/2025", "2025-02-18", 5, "Surat Dinas", "B", "terkirim",
      "Pemberitahuan status siaga darurat banjir", ("Para Kepala Perangkat Daerah", "Camat se-Kota Sukamaju"),
      "Berdasarkan peringatan dini cuaca dan tinggi muka air sungai, Wali Kota menetapkan status siaga darurat "
      "banjir selama empat belas hari. Perangkat daerah menyiagakan personel dan peralatan, sedangkan camat "
      "memastikan jalur evakuasi dan tempat pengungsian sementara siap digunakan."),
    K("300.2/46/BPBD/2025", "2025-02-19", 5, "Surat Undangan", "B", "terkirim",
      "Undangan rapat koordinasi kesiapsiagaan bencana", (11, 31, 61),
      "Rapat membahas rencana kontinjensi, kesiapan gudang logistik, serta pembagian tugas klaster pengungsian, "
      "kesehatan dan pendidikan pada masa tanggap darurat. Setiap perangkat daerah menyampaikan daftar personel "
      "siaga dan nomor telepon yang dapat dihubungi selama dua puluh empat jam."),
    K("300.2.1/9/BPBD/2026", "2026-02-02", 5, "Surat Edaran", "B", "terkirim",
      "Surat edaran kewaspadaan cuaca ekstrem", ("Para Kepala Perangkat Daerah", "Lurah se-Kota Sukamaju"),
      "Prakiraan cuaca menunjukkan potensi hujan lebat disertai angin kencang dan petir. Masyarakat diimbau "
      "memangkas dahan pohon yang rapuh, menghindari bantaran sungai dan lereng curam, serta segera melapor ke "
      "pusat pengendalian operasi bila terjadi kejadian darurat."),
    K("360/77/BPBD/2026", "2026-01-31", 5, "Surat Dinas", "B", "terkirim",
      "Permohonan bantuan logistik korban banjir", ("Kepala Dinas Sosial Provinsi Jawa Barat",),
      "Banjir yang melanda empat kelurahan mengakibatkan lebih dari seribu jiwa mengungsi. Persediaan beras, "
      "selimut, tikar, perlengkapan bayi dan air bersih di gudang daerah menipis. Kami memohon dukungan "
      "logistik dari pemerintah provinsi untuk kebutuhan dua minggu ke depan."),
    K("360/80/BPBD/2026", "2026-02-05", 5, "Nota Dinas", "T", "terkirim",
      "Laporan kaji cepat kerusakan akibat tanah longsor", (51,),
      "Tim kaji cepat mencatat tiga rumah rusak berat dan satu ruas jalan lingkungan tertutup material longsor "
      "di lereng bukit. Tidak ada korban jiwa. Diperlukan alat berat untuk membuka akses jalan dan terpal untuk "
      "menutup retakan tanah agar tidak kemasukan air hujan."),
    K("360/81/BPBD/2026", "2026-02-06", 5, "Surat Tugas", "B", "terkirim",
      "Penugasan tim reaksi cepat ke lokasi banjir", (52,),
      "Menugaskan tim reaksi cepat yang terdiri atas petugas evakuasi, operator perahu karet dan petugas "
      "logistik untuk bergerak ke lokasi banjir di Kelurahan Mekarsari. Tim melaporkan perkembangan setiap enam "
      "jam kepada pusat pengendalian operasi."),
    # --- Dinas Pendidikan dan Kebudayaan ----------------------------------------------------------
    K("400.3/77/DISDIKBUD/2025", "2025-05-26", 6, "Surat Edaran", "B", "terkirim",
      "Surat edaran penerimaan peserta didik baru", ("Kepala Sekolah se-Kota Sukamaju",),
      "Penerimaan peserta didik baru jenjang sekolah dasar dan sekolah menengah pertama dilaksanakan secara daring "
      "melalui jalur domisili, afirmasi, mutasi orang tua dan prestasi. Sekolah dilarang memungut biaya "
      "pendaftaran dan wajib mengumumkan hasil seleksi secara terbuka."),
    K("400.3.5/12/DISDIKBUD/2025", "2025-07-22", 6, "Surat Undangan", "B", "terkirim",
      "Undangan sosialisasi kurikulum merdeka", ("Kepala Sekolah se-Kota Sukamaju",),
      "Kegiatan sosialisasi ditujukan bagi kepala sekolah dan pengawas untuk memahami pembelajaran berdiferensiasi, "
      "projek penguatan profil pelajar Pancasila dan asesmen formatif. Peserta membawa laptop dan dokumen kurikulum "
      "operasional satuan pendidikan."),
    K("400.3.8/30/DISDIKBUD/2026", "2026-03-09", 6, "Surat Dinas", "B", "terkirim",
      "Permohonan data siswa untuk program makan bergizi", (31,),
      "Program makan bergizi di sekolah bertujuan mencegah stunting dan meningkatkan konsentrasi belajar. Kami "
      "mohon data status gizi siswa hasil penjaringan kesehatan sekolah oleh puskesmas sebagai dasar penentuan "
      "sasaran dan menu bagi setiap sekolah."),
    K("400.3.1/41/DISDIKBUD/2025", "2025-12-12", 6, "Surat Dinas", "T", "terkirim",
      "Pemberitahuan libur semester ganjil", ("Kepala Sekolah se-Kota Sukamaju",),
      "Kegiatan belajar mengajar semester ganjil berakhir pada pekan ketiga Desember dan dilanjutkan dengan "
      "libur semester selama dua minggu. Rapor dibagikan kepada orang tua sebelum libur. Guru tetap melaksanakan "
      "tugas administrasi dan persiapan semester genap."),
    K("400.10.2/8/DISDIKBUD/2026", "2026-04-27", 6, "Surat Dinas", "B", "diajukan",
      "Permohonan izin penggunaan gedung kesenian", (12,),
      "Dewan kesenian kota akan menggelar festival tari tradisional yang melibatkan sanggar dan pelajar. Kami "
      "memohon izin penggunaan gedung kesenian beserta tata suara dan tata cahaya selama tiga hari. Panitia "
      "menjamin kebersihan dan keamanan gedung selama kegiatan."),
    # --- BPKAD --------------------------------------------------------------------------------
    K("900.1.3/112/BPKAD/2025", "2025-11-27", 7, "Surat Edaran", "B", "terkirim",
      "Surat edaran batas akhir pengajuan surat perintah membayar", ("Para Kepala Perangkat Daerah",),
      "Dalam rangka penutupan tahun anggaran, batas akhir pengajuan surat perintah membayar langsung ditetapkan "
      "tanggal dua puluh Desember. Bendahara pengeluaran wajib menyetorkan sisa uang persediaan dan pajak yang "
      "dipungut sebelum akhir tahun. Keterlambatan menjadi tanggung jawab pengguna anggaran."),
    K("900.1.3/9/BPKAD/2026", "2026-01-20", 7, "Surat Undangan", "B", "terkirim",
      "Undangan rapat penyusunan rancangan anggaran perubahan", ("Para Kepala Perangkat Daerah",),
      "Tim anggaran pemerintah daerah akan membahas rancangan perubahan anggaran pendapatan dan belanja daerah. "
      "Perangkat daerah menyiapkan usulan pergeseran belanja beserta alasan dan dampaknya pada capaian kinerja. "
      "Rapat dipimpin langsung oleh Sekretaris Daerah."),
    K("900.1.15/21/BPKAD/2025", "2025-03-18", 7, "Surat Dinas", "B", "terkirim",
      "Permohonan rekonsiliasi aset tetap", ("Para Kepala Perangkat Daerah",),
      "Menjelang penyusunan laporan keuangan, diperlukan rekonsiliasi nilai aset tetap berupa tanah, gedung, "
      "peralatan dan kendaraan dinas antara pengurus barang dan bidang aset. Kami memohon kehadiran pengurus "
      "barang dengan membawa kartu inventaris barang dan berita acara mutasi."),
    K("900.1.3/60/BPKAD/2025", "2025-04-22", 7, "Nota Dinas", "B", "terkirim",
      "Penyampaian realisasi anggaran triwulan pertama", (11,),
      "Realisasi pendapatan daerah triwulan pertama mencapai dua puluh dua persen dari target, sedangkan realisasi "
      "belanja baru tujuh belas persen. Rendahnya penyerapan terutama pada belanja modal karena proses lelang "
      "yang belum selesai. Perlu percepatan penandatanganan kontrak."),
    K("700.1.2/3/BPKAD/2026", "2026-02-26", 7, "Surat Dinas", "R", "terkirim",
      "Hasil audit investigatif pengelolaan kas daerah", (11,), ""),
    K("000.3.3/25/BPKAD/2026", "2026-03-16", 7, "Surat Dinas", "B", "terkirim",
      "Pemberitahuan pengadaan barang dan jasa melalui katalog elektronik", ("Para Kepala Perangkat Daerah",),
      "Mulai triwulan kedua, pengadaan barang dan jasa dengan nilai sampai dua ratus juta rupiah diutamakan "
      "melalui katalog elektronik lokal. Pejabat pembuat komitmen wajib mengutamakan produk usaha mikro dan "
      "kecil. Pendampingan teknis tersedia di layanan pengadaan secara elektronik."),
    # --- incoming letters -----------------------------------------------------------------------
    M("400.7/1120/KEMENKES/2025", "2025-07-29", 3, 31, "B", "didisposisi", "Kementerian Kesehatan Republik Indonesia",
      "Pemberitahuan pelaksanaan bulan imunisasi anak nasional",
      "Bulan imunisasi anak nasional dilaksanakan serentak untuk melengkapi imunisasi rutin yang tertinggal. "
      "Dinas kesehatan kabupaten dan kota agar menyiapkan logistik vaksin, rantai dingin dan tenaga vaksinator, "
      "serta melaporkan capaian harian melalui aplikasi pencatatan.", "400.7"),
    M("07/LSM-PA/III/2026", "2026-03-06", 2, 21, "B", "selesai", "Lembaga Swadaya Masyarakat Pantau Anggaran",
      "Permohonan informasi publik anggaran",
      "Berdasarkan Undang-Undang Keterbukaan Informasi Publik, kami memohon salinan dokumen pelaksanaan anggaran "
      "seluruh perangkat daerah tahun 2025 beserta rincian belanja perjalanan dinas. Informasi tersebut akan "
      "digunakan untuk kajian partisipasi warga dalam pengawasan keuangan daerah. Kami menunggu jawaban PPID.",
      "000.9.2"),
    M("0231/PLN/UP3-SKM/2026", "2026-02-12", 1, 11, "B", "selesai", "PT PLN (Persero) UP3 Sukamaju",
      "Pemberitahuan pemadaman listrik terencana",
      "Sehubungan dengan pekerjaan pemeliharaan jaringan tegangan menengah, akan dilakukan pemadaman listrik "
      "terencana di wilayah pusat kota termasuk kompleks Balai Kota. Kami mohon maaf atas ketidaknyamanan dan "
      "menyarankan pelanggan menyiapkan sumber daya cadangan.", "000.3.2"),
    M("B-122/KSUK/2026", "2026-01-26", 5, 51, "B", "didisposisi", "Stasiun Meteorologi Sukamaju",
      "Peringatan dini cuaca ekstrem",
      "Hasil analisis dinamika atmosfer menunjukkan potensi hujan sedang hingga lebat yang dapat disertai kilat "
      "dan angin kencang selama sepekan. Kami meminta pemerintah daerah meningkatkan kesiapsiagaan terhadap "
      "genangan, tanah longsor dan pohon tumbang.", "300.2"),
    M("800.2.3/455/KR.III/2025", "2025-08-13", 4, 41, "B", "selesai",
      "Kantor Regional III Badan Kepegawaian Negara", "Penyampaian jadwal uji kompetensi",
      "Uji kompetensi bagi pegawai yang akan naik jabatan fungsional dilaksanakan dengan metode berbasis "
      "komputer di gedung asesmen kantor regional. Peserta wajib membawa kartu tanda peserta dan hadir satu jam "
      "sebelum ujian dimulai.", "800.2.3"),
    M("12/PIP/2025", "2025-10-08", 2, 21, "B", "didisposisi", "Sdr. Ahmad Fauzi",
      "Permohonan informasi publik daftar penerima bantuan sosial",
      "Saya selaku warga Kelurahan Mekarsari memohon daftar penerima bantuan sosial tunai di kelurahan kami "
      "untuk memastikan penyalurannya tepat sasaran. Saya bersedia menanggung biaya penggandaan dokumen sesuai "
      "ketentuan. Mohon PPID memberikan jawaban dalam jangka waktu yang ditentukan.", "000.9.2"),
    M("045/KI-JB/XI/2025", "2025-11-05", 2, 21, "B", "baru", "Komisi Informasi Provinsi Jawa Barat",
      "Undangan sidang sengketa informasi publik",
      "Komisi Informasi menjadwalkan sidang ajudikasi sengketa antara pemohon informasi dan PPID Kota Sukamaju. "
      "Termohon diminta hadir dengan membawa surat kuasa, dokumen yang disengketakan dan bukti jawaban atas "
      "keberatan pemohon.", "000.9.2"),
    M("B/1123/VIII/2025/RES-SKM", "2025-08-27", 1, 11, "B", "selesai", "Kepolisian Resor Sukamaju",
      "Pemberitahuan pengamanan kegiatan unjuk rasa",
      "Akan ada penyampaian pendapat di muka umum oleh aliansi buruh di depan Balai Kota. Kepolisian akan "
      "menurunkan personel pengamanan dan mengatur pengalihan arus lalu lintas. Pemerintah kota diharapkan "
      "menyiapkan perwakilan untuk menerima aspirasi peserta.", "300.1.4"),
    M("PS-88/BSSN/2026", "2026-03-30", 2, 21, "R", "didisposisi", "Badan Siber dan Sandi Negara",
      "Pemberitahuan hasil pemindaian kerentanan aplikasi", "", "400.14.2"),
    M("UN/2290/FKM/2025", "2025-09-24", 3, 31, "B", "baru", "Universitas Sukamaju",
      "Permohonan izin penelitian mahasiswa",
      "Mahasiswa program magister kesehatan masyarakat akan melakukan penelitian tentang kepatuhan minum obat "
      "pasien tuberkulosis di lima puskesmas. Kami memohon izin pengambilan data rekam medis secara anonim dan "
      "wawancara dengan petugas program.", "000.9.3"),
    M("690/77/TIRTA/2026", "2026-04-03", 1, 11, "B", "didisposisi", "Perumda Air Minum Tirta Sukamaju",
      "Pemberitahuan gangguan distribusi air bersih",
      "Perbaikan pipa transmisi yang bocor di jalan provinsi mengakibatkan aliran air bersih ke pelanggan di "
      "wilayah utara terhenti sekitar dua belas jam. Mobil tangki disiagakan untuk fasilitas umum, sekolah dan "
      "rumah sakit.", "600.3"),
    M("400.5/908/BAPPEDA-JB/2025", "2025-03-27", 3, 31, "B", "selesai", "Pemerintah Provinsi Jawa Barat",
      "Undangan rapat koordinasi penanganan stunting tingkat provinsi",
      "Rapat evaluasi aksi konvergensi stunting membahas hasil survei status gizi, pemanfaatan dana desa untuk "
      "intervensi gizi, dan praktik baik kabupaten dan kota. Kepala dinas diminta memaparkan capaian delapan aksi "
      "konvergensi di wilayahnya.", "400.5"),
    M("31/PWI-SKM/2026", "2026-04-16", 2, 21, "B", "baru", "Persatuan Wartawan Indonesia Kota Sukamaju",
      "Permohonan narasumber pelatihan jurnalistik",
      "Kami akan menyelenggarakan pelatihan jurnalistik dasar bagi pelajar dan pengelola media komunitas. Kami "
      "mengharapkan kesediaan pejabat dinas menjadi narasumber dengan materi etika bermedia sosial dan "
      "penanganan berita bohong.", "000.7.3"),
    M("360/41/KEC-SKT/2026", "2026-01-28", 5, 51, "B", "selesai", "Camat Sukamaju Timur",
      "Laporan kejadian banjir di Kelurahan Mekarsari",
      "Hujan deras sejak dini hari menyebabkan sungai meluap dan merendam tiga rukun warga setinggi satu meter. "
      "Sebanyak dua ratus kepala keluarga dievakuasi ke balai kelurahan. Warga membutuhkan makanan siap saji, "
      "air bersih dan obat-obatan.", "360"),
    M("005/612/DPRD/2026", "2026-05-11", 7, 71, "B", "baru", "Sekretariat DPRD Kota Sukamaju",
      "Permintaan data realisasi anggaran pendidikan",
      "Dalam rangka rapat kerja komisi bidang kesejahteraan rakyat, pimpinan dewan meminta data realisasi belanja "
      "fungsi pendidikan dua tahun terakhir beserta capaian keluaran per program. Data disampaikan sebelum rapat "
      "kerja dimulai.", "900.1.3"),
    M("R-17/INSP-JB/2026", "2026-04-29", 1, 11, "SR", "didisposisi", "Inspektorat Provinsi Jawa Barat",
      "Laporan dugaan gratifikasi pengadaan", "", "700.1.1"),
    M("31/LHP/XVIII.BDG/2026", "2026-05-21", 7, 71, "B", "didisposisi", "BPK RI Perwakilan Provinsi Jawa Barat",
      "Penyampaian rekomendasi hasil pemeriksaan keuangan",
      "Laporan hasil pemeriksaan atas laporan keuangan pemerintah daerah memuat temuan kelebihan pembayaran "
      "pekerjaan konstruksi dan penatausahaan persediaan yang belum tertib. Rekomendasi wajib ditindaklanjuti "
      "dalam enam puluh hari setelah laporan diterima.", "700.1.2"),
    M("421.2/19/SDN4/2025", "2025-10-14", 6, 61, "B", "baru", "SD Negeri 4 Sukamaju",
      "Permohonan bantuan rehabilitasi ruang kelas",
      "Tiga ruang kelas mengalami kerusakan atap dan plafon sehingga tidak dapat digunakan pada musim hujan. "
      "Murid kelas empat dan lima terpaksa belajar bergantian. Kami memohon bantuan rehabilitasi melalui "
      "anggaran dinas atau dana alokasi khusus fisik.", "400.3.11"),
    M("PW.01/3312/DPR-RI/2026", "2026-02-20", 3, 31, "B", "selesai", "Sekretariat Jenderal DPR RI",
      "Pemberitahuan kunjungan kerja Komisi IX",
      "Komisi IX akan melakukan kunjungan kerja spesifik untuk meninjau kesiapan layanan jaminan kesehatan dan "
      "ketersediaan obat di rumah sakit daerah. Kami mohon pemerintah daerah menyiapkan paparan dan menghadirkan "
      "direktur rumah sakit.", "000.1.2"),
    M("800.1.15/901/KR.III/2026", "2026-03-18", 4, 41, "T", "didisposisi",
      "Kantor Regional III Badan Kepegawaian Negara", "Penyampaian data pegawai yang memasuki batas usia pensiun",
      "Terlampir daftar pegawai yang mencapai batas usia pensiun pada tahun depan. Pengelola kepegawaian diminta "
      "menyiapkan usul pemberhentian dengan hak pensiun paling lambat satu tahun sebelumnya agar surat keputusan "
      "terbit tepat waktu.", "800.1.15"),
    M("556/40/DISPAR-JB/2025", "2025-06-03", 6, 61, "B", "selesai", "Dinas Pariwisata dan Kebudayaan Provinsi",
      "Undangan festival budaya pelajar",
      "Festival budaya pelajar tingkat provinsi menampilkan tari, musik tradisional dan teater. Setiap kota "
      "mengirimkan satu kontingen beranggotakan paling banyak dua puluh pelajar beserta dua pendamping. "
      "Pendaftaran kontingen ditutup akhir bulan.", "400.3.13"),
    # --- more outgoing, in every state --------------------------------------------------------
    K("000.8.3.3/90/DISKOMINFO/2025", "2025-12-22", 2, "Surat Dinas", "B", "terkirim",
      "Permohonan pemutakhiran daftar informasi publik", ("Para Kepala Perangkat Daerah",),
      "Dalam rangka evaluasi keterbukaan informasi, kami mohon perangkat daerah memperbarui daftar informasi "
      "publik, informasi yang wajib tersedia setiap saat dan informasi yang dikecualikan. Pembaruan diunggah ke "
      "laman PPID pembantu masing-masing.", pembuat=7),
    K("300.2/12/BPBD/2026", "2026-05-27", 5, "Surat Dinas", "B", "konsep",
      "Permohonan data kependudukan wilayah rawan bencana", ("Kepala Dinas Kependudukan dan Pencatatan Sipil",),
      "Penyusunan kajian risiko bencana memerlukan data jumlah penduduk per kelurahan beserta kelompok rentan "
      "seperti lanjut usia, penyandang disabilitas, ibu hamil dan balita. Kami mohon data tersebut dalam bentuk "
      "tabel elektronik."),
    K("900.1.3/71/BPKAD/2026", "2026-05-29", 7, "Nota Dinas", "T", "diajukan",
      "Laporan penggunaan belanja tidak terduga untuk banjir", (11,),
      "Belanja tidak terduga digunakan untuk pemenuhan kebutuhan dasar pengungsi banjir, sewa tenda dan perahu "
      "karet, serta perbaikan darurat tanggul. Pertanggungjawaban disusun sesuai ketentuan pengelolaan keuangan "
      "daerah dan diperiksa inspektorat."),
    K("400.7/150/DINKES/2026", "2026-05-04", 3, "Surat Edaran", "B", "terkirim",
      "Surat edaran pencegahan penyakit pascabanjir", ("Para Kepala Puskesmas",),
      "Setelah air surut, risiko penyakit leptospirosis, diare dan penyakit kulit meningkat. Puskesmas agar "
      "membagikan kaporit, melakukan penyuluhan kebersihan lingkungan dan membuka layanan kesehatan keliling di "
      "permukiman terdampak."),
    K("800.1.2.4/15/BKPSDM/2026", "2026-06-02", 4, "Surat Undangan", "B", "terkirim",
      "Undangan pelantikan pejabat administrator dan pengawas", ("Para Kepala Perangkat Daerah",),
      "Pelantikan dan pengambilan sumpah jabatan dilaksanakan di Pendopo Balai Kota. Pejabat yang dilantik "
      "mengenakan pakaian sipil lengkap dan hadir satu jam sebelum acara untuk gladi. Kepala perangkat daerah "
      "diharapkan mendampingi pejabat di lingkungannya."),
    K("000.1.4/30/SETDA/2026", "2026-06-05", 1, "Nota Dinas", "B", "menunggu_tte",
      "Permohonan penggunaan aula untuk kegiatan pelatihan", (12,),
      "Bagian Organisasi akan menyelenggarakan pelatihan penyusunan standar pelayanan bagi pengelola layanan "
      "perangkat daerah. Kami mohon izin penggunaan aula lantai tiga beserta proyektor dan pengeras suara selama "
      "dua hari."),
]
# fmt: on

# What secret letters say (never given to an engine: see module docstring).
ISI_RAHASIA: dict[str, str] = {
    "800.1.6.3/4/SETDA/2025": "Penilaian menunjukkan kinerja kepala dinas perhubungan di bawah target dan "
    "direkomendasikan rotasi ke jabatan lain setelah klarifikasi tertutup.",
    "400.14.2/3/DISKOMINFO/2025": "Penyerang mengeksploitasi kerentanan injeksi kueri pada server portal perizinan "
    "dan mengunduh basis data pemohon. Kata sandi administrator telah diganti.",
    "400.7.4/6/DINKES/2025": "Daftar nama pasien tuberkulosis resisten obat beserta alamat dan riwayat pengobatan "
    "untuk pelacakan kontak erat.",
    "800.1.6.4/2/BKPSDM/2025": "Terperiksa terbukti memalsukan presensi dan menerima imbalan dari penyedia; "
    "diusulkan hukuman disiplin berat berupa penurunan jabatan.",
    "700.1.2/3/BPKAD/2026": "Auditor menemukan selisih kas bendahara sebesar empat ratus juta rupiah dan transfer ke "
    "rekening pribadi yang tidak didukung bukti.",
    "PS-88/BSSN/2026": "Ditemukan kerentanan injeksi kueri dan kredensial bawaan pada aplikasi perizinan yang dapat "
    "dieksploitasi dari internet.",
    "R-17/INSP-JB/2026": "Pelapor menyebut panitia lelang menerima uang pelicin dari rekanan pemenang proyek jalan "
    "lingkar utara.",
}


def _token(s: Surat) -> list[str]:
    """Principal tokens as naskah.akses computes them for the letter's state."""
    pembuat = s.pembuat or 100 + s.unit
    token = {f"u:{pembuat}"}
    rahasia = s.sifat in RAHASIA
    if not rahasia:
        token |= {f"unit:{s.unit}", f"kepala:{s.unit}", "admin"}
    if s.arah == "masuk":
        token.add(f"j:{s.penerima[0]}")
        if s.status != "baru":  # disposed to the unit's secretary
            token.add(f"j:{10 * s.unit + 2}")
        return sorted(token)
    if s.status in ("diajukan", "menunggu_tte", "terkirim"):
        token |= {f"j:{10 * s.unit + 1}", f"j:{10 * s.unit + 2}"}
    if s.status == "terkirim":
        token |= {f"j:{p}" for p in s.penerima if isinstance(p, int)}
    return sorted(token)


def _isi(i: int, s: Surat) -> str:
    if s.sifat in RAHASIA:
        return ""
    if len(s.isi) > 5_000:
        return s.isi
    return f"{PEMBUKA[i % len(PEMBUKA)]} {s.isi} {PENUTUP[i % len(PENUTUP)]}"


def _dokumen(i: int, s: Surat) -> Dokumen:
    rahasia = s.sifat in RAHASIA
    nama_unit = UNIT[s.unit][0]
    penerima = "; ".join(JABATAN[p] if isinstance(p, int) else p for p in s.penerima)
    isi = _isi(i, s)
    return Dokumen(
        koleksi="naskah",
        objek_id=i,
        judul=s.perihal,
        url=f"/admin/naskah/{i}/" if s.arah == "keluar" else f"/admin/naskah/masuk/{i}/",
        nomor=s.nomor,
        perihal=s.perihal,
        isi=isi,
        pengirim="" if rahasia else (s.pengirim if s.arah == "masuk" else nama_unit),
        penerima="" if rahasia else penerima,
        unit_id=s.unit,
        unit=nama_unit,
        jenis=s.jenis,
        arah=s.arah,
        sifat=s.sifat,
        status=s.status,
        klasifikasi=s.klasifikasi or s.nomor.split("/")[0],
        tanggal=datetime.date.fromisoformat(s.tanggal),
        rahasia=rahasia,
        prinsipal=_token(s),
        kata_dasar=dasar(s.perihal, isi),
    )


def korpus() -> list[Dokumen]:
    """The corpus, objek_id 1..N in `SURAT` order (a fresh list of fresh objects)."""
    return [_dokumen(i, s) for i, s in enumerate(SURAT, start=1)]


def semua_token() -> list[str]:
    """Every principal token of the corpus (a reader who may see everything)."""
    return sorted({t for d in korpus() for t in d.prinsipal})


def menurut_nomor() -> dict[str, Dokumen]:
    return {d.nomor: d for d in korpus()}


SEMUA = semua_token()


def teks_rahasia(nomor: str) -> str:
    """Everything a secret letter says that must never reach an engine: its body and its
    parties (sender, addressees)."""
    s = next(s for s in SURAT if s.nomor == nomor)
    pihak = [s.pengirim or UNIT[s.unit][0], *(JABATAN[p] if isinstance(p, int) else p for p in s.penerima)]
    return " ".join([ISI_RAHASIA[nomor], *pihak])


def cari(mesin: Mesin, q: str = "", token: list[str] | None = None, **filters: Any) -> Hasil:
    """Ask `mesin` as a reader holding `token` (default: every token of the corpus)."""
    return mesin.cari(Permintaan(token=list(SEMUA if token is None else token), q=q, **filters))
