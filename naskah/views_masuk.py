"""Incoming letter views (thin): register, list, the letter page with its disposition
tree and timeline, the disposition actions, downloads, and "Disposisi untuk saya".

Every view finds the letter through `selectors_masuk.naskah_masuk_terbaca` (the
access rule): a letter the user may not read is a 404."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from templates_surat.models import TemplateSuratPage

from . import akses, layanan_masuk, selectors_masuk
from .filters_masuk import DisposisiFilter, NaskahMasukFilter
from .forms_masuk import BatalkanForm, DisposisiForm, RegistrasiForm, SelesaiLampiranForm
from .layanan import GalatNaskah
from .models import Disposisi, JejakNaskah, NaskahMasukPage, StatusDisposisi, StatusMasuk
from .views_kotak import PER_HALAMAN, PaginatorTerbatas

LABEL_JEJAK = {
    "diterima": _("Diterima dan dicatat"),
    "dibaca": _("Dibaca"),
    "disposisikan": _("Didisposisikan"),
    "teruskan": _("Diteruskan"),
    "selesai": _("Ditindaklanjuti / selesai"),
    "batalkan": _("Disposisi dibatalkan"),
    "balasan": _("Naskah balasan dibuat"),
    "ditutup": _("Ditutup tanpa disposisi lanjutan"),
    "selesai_naskah": _("Naskah selesai dan diarsipkan"),
}


def _masuk(request: HttpRequest, pk: int, aksi: str = "lihat") -> NaskahMasukPage:
    naskah = selectors_masuk.naskah_masuk_terbaca(request.user, pk)
    if naskah is None:
        raise Http404(_("Naskah tidak ditemukan."))
    akses.catat_akses(request.user, naskah, aksi, request)
    return naskah


def daftar(request: HttpRequest) -> HttpResponse:
    filter_ = NaskahMasukFilter(request.GET or None, queryset=selectors_masuk.naskah_masuk(request.user))
    halaman = PaginatorTerbatas(filter_.qs, PER_HALAMAN).get_page(request.GET.get("p"))
    parameter = request.GET.copy()
    parameter.pop("p", None)
    return render(
        request,
        "naskah/masuk/daftar.html",
        {
            "filter": filter_,
            "halaman": halaman,
            "parameter": parameter.urlencode(),
            "boleh_catat": request.user.has_perm(akses.IZIN_BUAT) and bool(akses.opd_ids(request.user)),
        },
    )


@require_http_methods(["GET", "POST"])
def registrasi(request: HttpRequest) -> HttpResponse:
    opd = akses.opd_ids(request.user)
    if not request.user.has_perm(akses.IZIN_BUAT) or not opd:
        raise PermissionDenied
    form = RegistrasiForm(request.POST or None, request.FILES or None, opd_ids=opd)
    duplikat: list[NaskahMasukPage] = []
    if request.method == "POST" and form.is_valid():
        data = dict(form.cleaned_data)
        try:
            naskah = layanan_masuk.daftarkan(request.user, **data)
        except GalatNaskah as exc:
            duplikat = getattr(exc, "duplikat", [])
            for nama, pesan in exc.galat.items():
                if nama in form.fields:
                    for p in pesan:
                        form.add_error(nama, p)
            if duplikat:
                data_form = request.POST.copy()
                data_form["abaikan_duplikat"] = "on"
                form.data = data_form
            messages.error(request, exc.pesan)
        else:
            messages.success(
                request,
                _("Naskah masuk dicatat dengan nomor agenda %(agenda)s dan diteruskan kepada %(tujuan)s.")
                % {"agenda": naskah.agenda, "tujuan": naskah.tujuan.nama},
            )
            return redirect("naskah:detail_masuk", naskah.pk)
    return render(request, "naskah/masuk/registrasi.html", {"form": form, "duplikat": duplikat})


def _pohon_dengan_izin(simpul: list[dict[str, Any]], user: Any) -> list[dict[str, Any]]:
    for s in simpul:
        d: Disposisi = s["d"]
        s["milik"] = d.status == StatusDisposisi.AKTIF and layanan_masuk.memegang(user, d)
        s["boleh_batal"] = d.status == StatusDisposisi.AKTIF and d.dibaca_pada is None and d.dari_user_id == user.pk
        _pohon_dengan_izin(s["anak"], user)
    return simpul


def detail(request: HttpRequest, pk: int) -> HttpResponse:
    naskah = _masuk(request, pk)
    layanan_masuk.tandai_dibaca(naskah, request.user)
    user = request.user
    dipegang = layanan_masuk.disposisi_dipegang(naskah, user)
    pemegang_tujuan = naskah.tujuan_id in akses.jabatan_ids(user)
    selesai = naskah.status == StatusMasuk.SELESAI
    ada_aktif = naskah.disposisi.filter(status=StatusDisposisi.AKTIF).exists()
    jejak = JejakNaskah.objects.filter(naskah_id=naskah.pk).select_related("user__pegawai", "jabatan")
    templates = TemplateSuratPage.objects.live().select_related("jenis").order_by("jenis__urutan", "title")
    return render(
        request,
        "naskah/masuk/detail.html",
        {
            "naskah": naskah,
            "asal_terbaca": bool(naskah.asal_id) and akses.dapat_melihat(user, naskah.asal),
            "pohon": _pohon_dengan_izin(selectors_masuk.pohon(naskah), user),
            "jejak": [(j, LABEL_JEJAK.get(j.aksi, j.aksi)) for j in jejak],
            "form_disposisi": DisposisiForm(user=user) if (pemegang_tujuan or dipegang) and not selesai else None,
            "boleh_disposisi": pemegang_tujuan and not selesai,
            "dipegang": dipegang,
            "form_selesai": SelesaiLampiranForm() if dipegang else None,
            "boleh_tutup": pemegang_tujuan and not selesai and not ada_aktif and not dipegang,
            "form_batal": BatalkanForm(user=user, naskah=naskah),
            "templates": templates if dipegang and user.has_perm(akses.IZIN_BUAT) else [],
            "boleh_ubah": akses.dapat_ubah_registrasi(user, naskah),
            "hari_ini": timezone.localdate(),
        },
    )


def _disposisi_milik(naskah: NaskahMasukPage, request: HttpRequest) -> Disposisi:
    d = naskah.disposisi.filter(pk=request.POST.get("disposisi") or 0).first()
    if d is None:
        raise GalatNaskah(_("Disposisi tidak ditemukan."), status=404)
    return d


@require_POST
def aksi(request: HttpRequest, pk: int, aksi: str) -> HttpResponse:
    naskah = _masuk(request, pk, aksi)
    user = request.user
    try:
        if aksi in ("disposisikan", "teruskan"):
            form = DisposisiForm(request.POST, user=user)
            if not form.is_valid():
                raise GalatNaskah(_("Periksa kembali isian disposisi: %(galat)s") % {"galat": form.errors.as_text()})
            data = form.cleaned_data
            isi = {
                "kepada_jabatan": list(data["kepada_jabatan"]),
                "kepada_user": [p.user for p in data["kepada_pegawai"]],
                "instruksi": data["instruksi"],
                "catatan": data["catatan"],
                "batas_waktu": data["batas_waktu"],
            }
            induk = _disposisi_milik(naskah, request) if aksi == "teruskan" else None
            baru = layanan_masuk.disposisikan(naskah, user, induk=induk, **isi)
            messages.success(
                request, _("Disposisi dikirim kepada %(kepada)s.") % {"kepada": ", ".join(d.kepada_label for d in baru)}
            )
        elif aksi == "selesai":
            form_selesai = SelesaiLampiranForm(request.POST, request.FILES)
            if not form_selesai.is_valid():
                raise GalatNaskah(_("Tuliskan laporan tindak lanjut."), {"tindak_lanjut": [_("Wajib diisi.")]})
            layanan_masuk.selesaikan(
                _disposisi_milik(naskah, request),
                user,
                tindak_lanjut=form_selesai.cleaned_data["tindak_lanjut"],
                lampiran=form_selesai.cleaned_data.get("lampiran"),
            )
            messages.success(request, _("Tindak lanjut dicatat."))
        elif aksi == "batalkan":
            layanan_masuk.batalkan(_disposisi_milik(naskah, request), user, request.POST.get("alasan", ""))
            messages.success(request, _("Disposisi dibatalkan."))
        elif aksi == "tutup":
            layanan_masuk.selesaikan_naskah(naskah, user, request.POST.get("catatan", ""))
            messages.success(request, _("Naskah diselesaikan dan diarsipkan."))
        elif aksi == "balas":
            template = TemplateSuratPage.objects.live().filter(pk=request.POST.get("template") or 0).first()
            if template is None:
                raise GalatNaskah(_("Pilih template naskah balasan."))
            konsep = layanan_masuk.mulai_balasan(_disposisi_milik(naskah, request), user, template)
            messages.success(request, _("Konsep balasan dibuat dan ditautkan ke disposisi Anda."))
            return redirect("wagtailadmin_pages:edit", konsep.pk)
        else:
            raise Http404
    except GalatNaskah as exc:
        messages.error(request, exc.pesan)
    return redirect("naskah:detail_masuk", naskah.pk)


def _berkas(berkas: Any, nama: str) -> HttpResponseBase:
    if not berkas:
        raise Http404(_("Berkas tidak ada."))
    return FileResponse(berkas.open("rb"), as_attachment=True, filename=nama)


def scan(request: HttpRequest, pk: int) -> HttpResponseBase:
    naskah = _masuk(request, pk, "unduh")
    ekstensi = (naskah.scan.name or "").rsplit(".", 1)[-1]
    return _berkas(naskah.scan, f"surat-masuk-{naskah.tahun_agenda}-{naskah.nomor_agenda}.{ekstensi}")


def lampiran_disposisi(request: HttpRequest, pk: int, disposisi_id: int) -> HttpResponseBase:
    naskah = _masuk(request, pk, "unduh")
    d = naskah.disposisi.filter(pk=disposisi_id).first()
    if d is None:
        raise Http404
    return _berkas(d.lampiran, (d.lampiran.name or "lampiran").rsplit("/", 1)[-1])


def disposisi_saya(request: HttpRequest) -> HttpResponse:
    filter_ = DisposisiFilter(request.GET, queryset=selectors_masuk.disposisi_untuk(request.user))
    halaman = PaginatorTerbatas(filter_.qs, PER_HALAMAN).get_page(request.GET.get("p"))
    parameter = request.GET.copy()
    parameter.pop("p", None)
    return render(
        request,
        "naskah/masuk/disposisi_saya.html",
        {"filter": filter_, "halaman": halaman, "parameter": parameter.urlencode(), "hari_ini": timezone.localdate()},
    )


def arahkan(pk: int) -> str:
    return reverse("naskah:detail_masuk", args=[pk])
