"""The remote BSrE-style signer (naskah.tte.bsre) against the fake service
(naskah.tte.bsre_palsu) on loopback: a real letter is signed and validates with
pyHanko; passphrase, certificate and outage errors map to GalatSandi /
GalatSertifikat / GalatPenanda; the circuit breaker stops calls and recovers; the
passphrase never shows in logs or exception text."""

from __future__ import annotations

import io
import logging
import time
from typing import Any

import palsu_bsre_bantu as bantu
import pytest
import requests
from palsu_bsre_bantu import NIK_KEDALUWARSA, NIK_PEJABAT, SANDI, PosisiUji

from naskah.penanda import GalatPenanda, GalatSandi, GalatSertifikat
from naskah.tte import bsre
from naskah.tte.bsre import PenandaBsre
from naskah.tte.bsre_palsu import LayananPalsu, Pengguna, muat_pengguna

pytestmark = pytest.mark.django_db

# The fixtures live in the helper module (tests/tte/conftest.py belongs to the local signer).
layanan_bsre = bantu.layanan_bsre
naskah_bsre = bantu.naskah_bsre
pdf_bsre = bantu.pdf_bsre


def _tandatangani(pdf: bytes, naskah: Any, sandi: str = SANDI) -> bytes:
    return PenandaBsre().tandatangani(pdf, naskah=naskah, sandi=sandi, posisi=PosisiUji())


def test_surat_ditandatangani_dan_lolos_validasi_pyhanko(
    layanan_bsre: LayananPalsu, naskah_bsre: Any, pdf_bsre: bytes
) -> None:
    from pyhanko.pdf_utils.reader import PdfFileReader
    from pyhanko.sign.validation import validate_pdf_signature
    from pyhanko_certvalidator import ValidationContext

    hasil = _tandatangani(pdf_bsre, naskah_bsre)

    assert hasil.startswith(pdf_bsre) and len(hasil) > len(pdf_bsre)
    assert layanan_bsre.tanda_tangan[NIK_PEJABAT] == 1
    dikirim = layanan_bsre.bidang_terakhir
    assert dikirim["nik"] == NIK_PEJABAT
    assert dikirim["tampilan"] == "visible"
    assert dikirim["linkQR"] == "https://sukamaju.example/verifikasi/BSREUJI0001/"
    assert (dikirim["page"], dikirim["xAxis"], dikirim["yAxis"], dikirim["width"], dikirim["height"]) == (
        "1",
        "320.00",
        "90.00",
        "220.00",
        "70.00",
    )

    pembaca = PdfFileReader(io.BytesIO(hasil))
    (tanda,) = pembaca.embedded_signatures
    assert tanda.sig_object["/SubFilter"] == "/ETSI.CAdES.detached"  # PAdES
    status = validate_pdf_signature(tanda, ValidationContext(trust_roots=[layanan_bsre.ca_sertifikat]))
    assert status.intact and status.valid and status.trusted, status.pretty_print_details()
    assert status.signing_cert.subject.native["common_name"] == "Dr. Ahmad Fauzi, S.Kom., M.T."

    widget = tanda.sig_field
    x1, y1, x2, y2 = (float(v) for v in widget["/Rect"])
    assert (round(x1), round(y1), round(x2), round(y2)) == (320, 90, 540, 160)
    assert widget["/P"].get_object() == pembaca.root["/Pages"]["/Kids"][0].get_object()
    assert "/AP" in widget  # a visible appearance, not an empty field

    # The service's own verification endpoint agrees.
    ringkasan = PenandaBsre().verifikasi(hasil)
    assert ringkasan["conclusion"] == "VALID" and ringkasan["jumlah_signature"] == 1


def test_posisi_dari_template_dipakai_bila_tersedia(
    layanan_bsre: LayananPalsu, naskah_bsre: Any, pdf_bsre: bytes
) -> None:
    """Without an explicit position the adapter sends the template's signature block
    (naskah.tte.posisi) to the service."""
    from naskah.tte.posisi import posisi_ttd

    harapan = posisi_ttd(pdf_bsre)
    PenandaBsre().tandatangani(pdf_bsre, naskah=naskah_bsre, sandi=SANDI)
    assert layanan_bsre.bidang_terakhir["page"] == str(harapan.halaman + 1)
    assert float(layanan_bsre.bidang_terakhir["xAxis"]) == pytest.approx(
        min(harapan.kotak[0], harapan.kotak[2]), abs=0.01
    )


def test_passphrase_salah_galat_sandi_tanpa_tanda_tangan(
    layanan_bsre: LayananPalsu, naskah_bsre: Any, pdf_bsre: bytes
) -> None:
    with pytest.raises(GalatSandi):
        _tandatangani(pdf_bsre, naskah_bsre, sandi="bukan-ini")
    assert sum(layanan_bsre.tanda_tangan.values()) == 0
    # A refused passphrase is an answer, not an outage: the breaker does not count it.
    assert bsre.status_layanan()["gagal_berturut"] == 0


def test_nik_tidak_dikenal_dan_sertifikat_tidak_aktif(
    layanan_bsre: LayananPalsu, naskah_bsre: Any, pdf_bsre: bytes
) -> None:
    from organisasi.models import Pegawai

    Pegawai.objects.filter(user__username="pejabat").update(nik="3273019999999999")
    with pytest.raises(GalatSertifikat, match="tidak terdaftar"):
        _tandatangani(pdf_bsre, naskah_bsre)
    Pegawai.objects.filter(user__username="pejabat").update(nik=NIK_KEDALUWARSA)
    with pytest.raises(GalatSertifikat, match="tidak aktif"):
        _tandatangani(pdf_bsre, naskah_bsre)
    assert sum(layanan_bsre.tanda_tangan.values()) == 0


def test_periksa_sandi_memeriksa_nik_dan_status_sertifikat(layanan_bsre: LayananPalsu, demo: None) -> None:
    from organisasi.models import Pegawai

    pegawai = Pegawai.objects.get(user__username="pejabat")
    penanda = PenandaBsre()
    assert penanda.butuh_sandi and penanda.nama == "bsre"

    pegawai.nik = ""
    with pytest.raises(GalatSertifikat, match="NIK"):
        penanda.periksa_sandi(pegawai, SANDI)
    pegawai.nik = NIK_PEJABAT
    penanda.periksa_sandi(pegawai, SANDI)  # active certificate: no error
    pegawai.nik = NIK_KEDALUWARSA
    with pytest.raises(GalatSertifikat, match="kedaluwarsa"):
        penanda.periksa_sandi(pegawai, SANDI)
    pegawai.nik = "3273019999999999"
    with pytest.raises(GalatSertifikat, match="tidak terdaftar"):
        penanda.periksa_sandi(pegawai, SANDI)
    pegawai.nik = NIK_PEJABAT
    layanan_bsre.berhenti()
    with pytest.raises(GalatPenanda) as galat:
        penanda.periksa_sandi(pegawai, SANDI)
    assert type(galat.value) is GalatPenanda


def test_layanan_mati_atau_tidak_terjangkau_galat_penanda(
    layanan_bsre: LayananPalsu, naskah_bsre: Any, pdf_bsre: bytes
) -> None:
    layanan_bsre.mati = True
    with pytest.raises(GalatPenanda, match="HTTP 503") as galat:
        _tandatangani(pdf_bsre, naskah_bsre)
    assert type(galat.value) is GalatPenanda  # retried, neither GalatSandi nor GalatSertifikat

    layanan_bsre.berhenti()  # connection refused
    with pytest.raises(GalatPenanda, match="tidak dapat dihubungi") as galat:
        _tandatangani(pdf_bsre, naskah_bsre)
    assert type(galat.value) is GalatPenanda


def test_layanan_lambat_diputus_oleh_batas_waktu(
    layanan_bsre: LayananPalsu, naskah_bsre: Any, pdf_bsre: bytes, settings: Any
) -> None:
    settings.LONTAR_BSRE_TIMEOUT = 0.3
    layanan_bsre.latensi_ms = 3000
    mulai = time.perf_counter()
    with pytest.raises(GalatPenanda, match="tidak menjawab"):
        _tandatangani(pdf_bsre, naskah_bsre)
    assert time.perf_counter() - mulai < 1.5


def test_akun_aplikasi_salah(layanan_bsre: LayananPalsu, naskah_bsre: Any, pdf_bsre: bytes, settings: Any) -> None:
    settings.LONTAR_BSRE_PASSWORD = "salah"
    with pytest.raises(GalatPenanda, match="LONTAR_BSRE_USER"):
        _tandatangani(pdf_bsre, naskah_bsre)


def test_respons_bukan_pembaruan_inkremental_ditolak(
    layanan_bsre: LayananPalsu, naskah_bsre: Any, pdf_bsre: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    from weasyprint import HTML

    lain = HTML(string="<p>dokumen lain</p>").write_pdf()
    monkeypatch.setattr(LayananPalsu, "_tanda_pdf", lambda self, pdf, **kw: lain)
    with pytest.raises(GalatPenanda, match="respons tidak sah"):
        _tandatangani(pdf_bsre, naskah_bsre)
    # The original plus junk is not a signature either.
    monkeypatch.setattr(LayananPalsu, "_tanda_pdf", lambda self, pdf, **kw: pdf + b"\n% bukan tanda tangan\n")
    with pytest.raises(GalatPenanda, match="respons tidak sah"):
        _tandatangani(pdf_bsre, naskah_bsre)


def test_pemutus_sirkuit_terbuka_setengah_terbuka_lalu_tertutup(
    layanan_bsre: LayananPalsu, naskah_bsre: Any, pdf_bsre: bytes, settings: Any
) -> None:
    settings.LONTAR_BSRE_BATAS_GAGAL = 3
    settings.LONTAR_BSRE_JEDA = 1
    layanan_bsre.mati = True
    for _ in range(3):
        with pytest.raises(GalatPenanda, match="HTTP 503"):
            _tandatangani(pdf_bsre, naskah_bsre)
    assert layanan_bsre.panggilan == 3
    status = bsre.status_layanan()
    assert status["keadaan"] == "terbuka" and status["terbuka"] and status["gagal_berturut"] == 3
    assert status["terbuka_sampai"] is not None

    # Open: refused at once, the service is not called.
    for _ in range(5):
        with pytest.raises(GalatPenanda, match="tidak tersedia sampai"):
            _tandatangani(pdf_bsre, naskah_bsre)
    assert layanan_bsre.panggilan == 3

    # Half-open after the pause: one trial; it fails, so the breaker opens again.
    time.sleep(1.1)
    assert bsre.status_layanan()["keadaan"] == "setengah terbuka"
    with pytest.raises(GalatPenanda, match="HTTP 503"):
        _tandatangani(pdf_bsre, naskah_bsre)
    assert layanan_bsre.panggilan == 4
    with pytest.raises(GalatPenanda, match="tidak tersedia sampai"):
        _tandatangani(pdf_bsre, naskah_bsre)
    assert layanan_bsre.panggilan == 4

    # The service recovers: the next trial succeeds and closes the breaker.
    layanan_bsre.mati = False
    time.sleep(1.1)
    hasil = _tandatangani(pdf_bsre, naskah_bsre)
    assert hasil.startswith(pdf_bsre)
    assert layanan_bsre.panggilan == 5
    status = bsre.status_layanan()
    assert status["keadaan"] == "tertutup" and status["gagal_berturut"] == 0 and status["terbuka_sampai"] is None


def test_passphrase_tidak_pernah_muncul_di_log_atau_galat(
    layanan_bsre: LayananPalsu, naskah_bsre: Any, pdf_bsre: bytes, settings: Any, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)  # urllib3 and requests included
    galat: list[BaseException] = []

    def coba(sandi: str) -> None:
        try:
            _tandatangani(pdf_bsre, naskah_bsre, sandi=sandi)
        except GalatPenanda as exc:
            galat.append(exc)

    coba(SANDI)  # success
    coba(SANDI + "x")  # wrong passphrase
    layanan_bsre.mati = True
    coba(SANDI)  # 503
    layanan_bsre.mati = False
    settings.LONTAR_BSRE_TIMEOUT = 0.2
    layanan_bsre.latensi_ms = 1000
    coba(SANDI)  # timeout
    layanan_bsre.berhenti()
    coba(SANDI)  # refused
    assert len(galat) == 4
    for exc in galat:
        rantai: BaseException | None = exc
        while rantai is not None:
            assert SANDI not in str(rantai) and SANDI not in repr(rantai)
            assert not isinstance(rantai, requests.RequestException)  # its .request.body holds the passphrase
            rantai = rantai.__cause__ or rantai.__context__
    assert SANDI not in caplog.text
    assert SANDI not in repr(PenandaBsre())


def test_pesan_layanan_yang_menggemakan_passphrase_disamarkan() -> None:
    respons = requests.Response()
    respons.status_code = 400
    respons._content = b'{"error": "Sertifikat untuk passphrase Rahasia#BSrE-7q! diblokir", "status_code": 2099}'
    galat = PenandaBsre._galat_dari_respons(respons, SANDI)
    assert isinstance(galat, GalatSandi | GalatSertifikat)
    assert SANDI not in str(galat)
    respons._content = b'{"error": "Sertifikat diblokir: Rahasia#BSrE-7q!", "status_code": 2099}'
    galat = PenandaBsre._galat_dari_respons(respons, SANDI)
    assert isinstance(galat, GalatSertifikat) and SANDI not in str(galat) and "***" in str(galat)


def test_pengguna_dari_berkas_json_dan_dari_pegawai(tmp_path: Any, demo: None, settings: Any) -> None:
    from naskah.tte.bsre_palsu import pengguna_dari_pegawai
    from organisasi.models import Pegawai

    berkas = tmp_path / "pengguna.json"
    berkas.write_text('{"3273010101800001": {"nama": "A", "passphrase": "p", "status": "REVOKE"}}')
    assert muat_pengguna(berkas) == {"3273010101800001": Pengguna("A", "p", "REVOKE")}

    Pegawai.objects.filter(user__username="pejabat").update(nik=NIK_PEJABAT)
    demo_pengguna = pengguna_dari_pegawai()
    assert demo_pengguna[NIK_PEJABAT].passphrase == settings.LONTAR_DEMO_PASSWORD
