"""PPID staff views in the Wagtail admin (thin): request list (filters: status, overdue,
unit) with a CSV export, request detail with its timeline and the action forms
(assign, extend, answer, reject), the objection list/detail for the atasan PPID, and
answer-file downloads.

Personal data goes through `privasi.data_pemohon` everywhere, the export included."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import FileResponse, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from . import ekspor, layanan, privasi
from .filters import KeberatanFilter, PermohonanFilter
from .forms import JawabForm, PerpanjangForm, TanggapiKeberatanForm, TolakForm, TugaskanForm
from .models import BerkasJawaban, Keberatan, PermohonanInformasi, StatusKeberatan

IZIN_LIHAT = "ppid.view_permohonaninformasi"
IZIN_LIHAT_KEBERATAN = "ppid.view_keberatan"
PER_HALAMAN = 30

# action name → (form, service call with the cleaned data)
AKSI: dict[str, tuple[type, Callable[[Any, PermohonanInformasi, dict[str, Any]], Any]]] = {
    "tugaskan": (TugaskanForm, lambda u, p, d: layanan.tugaskan(u, p, d["unit"], d["catatan"])),
    "perpanjang": (PerpanjangForm, lambda u, p, d: layanan.perpanjang(u, p, d["alasan"])),
    "jawab": (JawabForm, lambda u, p, d: layanan.jawab(u, p, d["jawaban"], d["berkas"])),
    "tolak": (TolakForm, lambda u, p, d: layanan.tolak(u, p, d["alasan"], d["catatan"], d["pasal"])),
}
PESAN_AKSI = {
    "tugaskan": gettext_lazy("Permohonan diteruskan ke unit."),
    "perpanjang": gettext_lazy("Jangka waktu diperpanjang 7 hari kerja."),
    "jawab": gettext_lazy("Jawaban disimpan dan pemohon diberi tahu."),
    "tolak": gettext_lazy("Penolakan disimpan dan pemohon diberi tahu."),
}


def _wajib(request: HttpRequest, izin: str) -> None:
    if not request.user.has_perm(izin):
        raise PermissionDenied


def _saring(request: HttpRequest) -> PermohonanFilter:
    qs = PermohonanInformasi.objects.select_related("unit").order_by("-diajukan_pada", "-pk")
    return PermohonanFilter(request.GET or None, queryset=qs)


@require_GET
def daftar(request: HttpRequest) -> HttpResponse:
    _wajib(request, IZIN_LIHAT)
    saring = _saring(request)
    halaman = Paginator(saring.qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    kueri = request.GET.copy()
    kueri.pop("halaman", None)
    return render(
        request,
        "ppid/admin/daftar.html",
        {
            "saring": saring,
            "halaman": halaman,
            "kueri": kueri.urlencode(),
            "jumlah_terlambat": PermohonanInformasi.objects.terlambat().count(),
        },
    )


@require_GET
def ekspor_permohonan(request: HttpRequest) -> HttpResponse:
    """The filtered list as CSV; contact data masked unless the user may see it."""
    _wajib(request, IZIN_LIHAT)
    kepala = [
        _("Nomor"),
        _("Tanggal diterima"),
        _("Nama"),
        _("Jenis identitas"),
        _("Nomor identitas"),
        _("E-mail"),
        _("Telepon"),
        _("Status"),
        _("Unit"),
        _("Tenggat"),
        _("Terlambat"),
    ]

    def isi() -> Any:
        for p in _saring(request).qs[: ekspor.MAKS_BARIS]:
            data = privasi.data_pemohon(request.user, p)
            yield [
                p.nomor,
                p.tanggal_diterima.isoformat(),
                p.nama,
                str(p.get_jenis_identitas_display()),
                data["nomor_identitas"],
                data["email"],
                data["telepon"],
                str(p.get_status_display()),
                p.unit.nama if p.unit else "",
                p.tenggat.isoformat(),
                _("ya") if p.terlambat() else "",
            ]

    respons = HttpResponse(ekspor.sebagai_csv(kepala, isi()), content_type="text/csv; charset=utf-8")
    respons["Content-Disposition"] = 'attachment; filename="permohonan-informasi.csv"'
    return respons


def _render_detail(
    request: HttpRequest, p: PermohonanInformasi, forms: dict[str, Any] | None = None, status: int = 200
) -> HttpResponse:
    boleh_kelola = request.user.has_perm(layanan.IZIN_KELOLA) and p.terbuka
    formulir: dict[str, Any] = {}
    if boleh_kelola:
        formulir = {nama: kelas(prefix=nama) for nama, (kelas, _fn) in AKSI.items()}
        if p.diperpanjang:
            formulir.pop("perpanjang")
        formulir.update(forms or {})
    return render(
        request,
        "ppid/admin/detail.html",
        {
            "p": p,
            "data": privasi.data_pemohon(request.user, p),
            "boleh_data": privasi.boleh_lihat_data(request.user),
            "riwayat": p.riwayat.select_related("user"),
            "berkas": p.berkas.all(),
            "keberatan": Keberatan.objects.filter(permohonan=p).first(),
            "formulir": formulir,
        },
        status=status,
    )


@require_GET
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    _wajib(request, IZIN_LIHAT)
    return _render_detail(request, get_object_or_404(PermohonanInformasi.objects.select_related("unit"), pk=pk))


@require_POST
def aksi(request: HttpRequest, pk: int, nama: str) -> HttpResponse:
    _wajib(request, layanan.IZIN_KELOLA)
    p = get_object_or_404(PermohonanInformasi, pk=pk)
    if nama not in AKSI:
        return redirect("ppid_admin:detail", pk=p.pk)
    kelas, fungsi = AKSI[nama]
    form = kelas(request.POST, request.FILES, prefix=nama)
    if not form.is_valid():
        return _render_detail(request, p, {nama: form}, status=400)
    try:
        fungsi(request.user, p, form.cleaned_data)
    except layanan.GalatPPID as exc:
        for kolom, pesan in exc.galat.items():
            form.add_error(kolom if kolom in form.fields else None, pesan)
        if not exc.galat:
            form.add_error(None, exc.pesan)
        return _render_detail(request, p, {nama: form}, status=exc.status)
    messages.success(request, PESAN_AKSI[nama])
    return redirect("ppid_admin:detail", pk=p.pk)


@require_GET
def berkas(request: HttpRequest, pk: int) -> FileResponse:
    b = get_object_or_404(BerkasJawaban, pk=pk)
    if not (request.user.has_perm(IZIN_LIHAT) or request.user.has_perm(IZIN_LIHAT_KEBERATAN)):
        raise PermissionDenied
    return FileResponse(b.berkas.open("rb"), as_attachment=True, filename=b.nama)


# --- keberatan -----------------------------------------------------------------------


@require_GET
def keberatan_daftar(request: HttpRequest) -> HttpResponse:
    _wajib(request, IZIN_LIHAT_KEBERATAN)
    qs = Keberatan.objects.select_related("permohonan").order_by("-diajukan_pada", "-pk")
    saring = KeberatanFilter(request.GET or None, queryset=qs)
    halaman = Paginator(saring.qs, PER_HALAMAN).get_page(request.GET.get("halaman"))
    kueri = request.GET.copy()
    kueri.pop("halaman", None)
    return render(
        request,
        "ppid/admin/keberatan_daftar.html",
        {
            "saring": saring,
            "halaman": halaman,
            "kueri": kueri.urlencode(),
            "jumlah_terlambat": Keberatan.objects.terlambat().count(),
        },
    )


@require_http_methods(["GET", "POST"])
def keberatan_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _wajib(request, IZIN_LIHAT_KEBERATAN)
    k = get_object_or_404(Keberatan.objects.select_related("permohonan"), pk=pk)
    boleh = request.user.has_perm(layanan.IZIN_TANGGAPI_KEBERATAN) and k.status == StatusKeberatan.DIAJUKAN
    form = TanggapiKeberatanForm(prefix="tanggapi") if boleh else None
    status = 200
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied
        form = TanggapiKeberatanForm(request.POST, request.FILES, prefix="tanggapi")
        if form.is_valid():
            d = form.cleaned_data
            try:
                layanan.tanggapi_keberatan(request.user, k, d["hasil"], d["tanggapan"], d["berkas"])
            except layanan.GalatPPID as exc:
                form.add_error(None, exc.pesan)
                status = exc.status
            else:
                messages.success(request, _("Tanggapan keberatan disimpan dan pemohon diberi tahu."))
                return redirect("ppid_admin:keberatan_detail", pk=k.pk)
        else:
            status = 400
    return render(
        request,
        "ppid/admin/keberatan_detail.html",
        {
            "k": k,
            "p": k.permohonan,
            "data": privasi.data_pemohon(request.user, k.permohonan),
            "berkas": k.berkas.all(),
            "riwayat": k.permohonan.riwayat.select_related("user"),
            "form": form,
        },
        status=status,
    )
