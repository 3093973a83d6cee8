"""Render a letter (one revision of it) with the template version it was made from:
the same renderer as the template preview, with the letter's own fields filled in."""

from __future__ import annotations

import datetime
from typing import TYPE_CHECKING, Any

from django.http import FileResponse, HttpResponse
from django.http.response import HttpResponseBase
from django.utils import timezone
from django.utils.translation import gettext as _

from organisasi.models import Pegawai
from templates_surat import layanan as layanan_template
from templates_surat.models import KopSurat

if TYPE_CHECKING:
    from templates_surat.layanan import Berkas

    from .models import NaskahKeluarPage

# The letter itself is always in Indonesian, whatever the reader's admin language.
TEKS_SIFAT = {"B": "Biasa", "T": "Terbatas", "R": "Rahasia", "SR": "Sangat Rahasia"}


def _baris(teks: str) -> list[str]:
    return [b.strip() for b in (teks or "").splitlines() if b.strip()]


def penandatangan_nip(naskah: NaskahKeluarPage, penanda: Any = None) -> str:
    """The NIP printed under the signature: who signed (when known and allowed to sign),
    else the definitive holder of the penandatangan jabatan."""
    if penanda is not None and getattr(penanda, "jabatan", None) is not None and penanda.jabatan.dapat_menandatangani:
        return penanda.nip
    if naskah.penandatangan_id is None:
        return ""
    pemegang = Pegawai.objects.aktif().filter(jabatan_id=naskah.penandatangan_id).order_by("pk").first()
    return pemegang.nip if pemegang else ""


def isian_lengkap(
    naskah: NaskahKeluarPage, *, tanggal: datetime.date | None = None, penanda: Any = None
) -> dict[str, Any]:
    """The template's isian plus the standard letter parts taken from the letter's fields."""
    jumlah_lampiran = len(naskah.lampiran.all())
    return {
        **(naskah.isian or {}),
        "hal": naskah.perihal,
        "sifat": TEKS_SIFAT.get(naskah.sifat, "Biasa"),
        "lampiran": f"{jumlah_lampiran} berkas" if jumlah_lampiran else "-",
        "kepada": [j.nama for j in naskah.penerima.all()] + _baris(naskah.penerima_luar),
        "tembusan": [j.nama for j in naskah.tembusan.all()] + _baris(naskah.tembusan_luar),
        "tanggal": (tanggal or naskah.tanggal_naskah or timezone.localdate()).isoformat(),
        "penandatangan": penandatangan_nip(naskah, penanda),
    }


def template_naskah(naskah: NaskahKeluarPage) -> Any:
    """The template exactly as it was when the letter was started, with the kop of the
    letter's own Perangkat Daerah when it has one."""
    template = layanan_template.template_versi(naskah.template_revisi_id)
    unit = naskah.unit
    opd = unit.opd or unit
    kop = KopSurat.objects.filter(unit=opd).first()
    if kop is not None:
        template.kop = kop
    return template


def konten(naskah: NaskahKeluarPage) -> NaskahKeluarPage:
    """What the letter says: the signed revision once final, else the latest konsep."""
    if naskah.revisi_final is not None:
        return naskah.revisi_final.as_object()
    return naskah.get_latest_revision_as_object()


def respons_unduhan(naskah: NaskahKeluarPage, format: str) -> HttpResponseBase:
    """The download of a letter: the signed (or final) PDF as stored, else rendered now
    (KONSEP until signed; a signed letter's DOCX is named as an unsigned copy).
    Raises the renderer's GalatIsian/GalatTemplate/GalatRender."""
    nama_dasar = (naskah.nomor or f"konsep-{naskah.pk}").replace("/", "-")
    tersimpan = naskah.berkas_ttd or naskah.berkas_final
    if format == "pdf" and tersimpan:
        return FileResponse(tersimpan.open("rb"), as_attachment=True, filename=f"{nama_dasar}.pdf")
    hasil = render_naskah(konten(naskah), format, final=bool(naskah.revisi_final_id))
    salinan = bool(naskah.revisi_final_id) and format == "docx"
    akhiran = "-salinan-tanpa-ttd" if salinan else ""
    isi = tandai_salinan(hasil.isi, naskah) if salinan else hasil.isi
    response = HttpResponse(isi, content_type=hasil.content_type)
    response["Content-Disposition"] = f'attachment; filename="{nama_dasar}{akhiran}.{format}"'
    return response


def tandai_salinan(docx: bytes, naskah: NaskahKeluarPage) -> bytes:
    """A signed letter's DOCX says on its first line that it is an unsigned copy, and
    where the signed original is verified."""
    import io

    from django.conf import settings
    from docx import Document
    from docx.shared import Pt, RGBColor

    dokumen = Document(io.BytesIO(docx))
    teks = str(_("SALINAN TANPA TANDA TANGAN ELEKTRONIK — dokumen sah adalah PDF bertanda tangan"))
    if naskah.kode_verifikasi:
        teks += f" ({settings.LONTAR_URL_PUBLIK}/verifikasi/{naskah.kode_verifikasi}/)"
    pertama = dokumen.paragraphs[0] if dokumen.paragraphs else dokumen.add_paragraph()
    tanda = pertama.insert_paragraph_before()
    run = tanda.add_run(teks + ".")
    run.bold = True
    run.font.size = Pt(9)
    run.font.color.rgb = RGBColor(0xB0, 0x00, 0x20)
    keluar = io.BytesIO()
    dokumen.save(keluar)
    return keluar.getvalue()


def render_naskah(
    naskah: NaskahKeluarPage,
    format: str,
    *,
    final: bool = False,
    nomor: str | None = None,
    tanggal: datetime.date | None = None,
    penanda: Any = None,
) -> Berkas:
    """Raises templates_surat's GalatIsian/GalatTemplate/GalatRender like the template renderer."""
    template = template_naskah(naskah)
    isian = isian_lengkap(naskah, tanggal=tanggal, penanda=penanda)
    return layanan_template.render(template, isian, format, nomor=nomor or naskah.nomor or None, konsep=not final)
