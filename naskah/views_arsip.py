"""Archive views for the arsiparis (thin): the retention report (records due for transfer
or final disposition), one record's action page, and its berita acara download.

Records are those of the arsiparis' own Perangkat Daerah (`layanan_arsip.arsip_terlihat`);
a record outside them is a 404. Titles are `judul_aman()`: never the perihal of a Rahasia
letter."""

from __future__ import annotations

from typing import Any, cast

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db.models import Case, F, Q, QuerySet, When
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_GET, require_http_methods
from wagtail.admin.widgets import AdminDateInput

from organisasi.models import Unit

from . import layanan_arsip
from .layanan import GalatNaskah
from .models import AksiArsip, Arsip, NasibAkhir, NaskahKeluarPage, NaskahMasukPage, StatusArsip, TindakanArsip
from .views_kotak import PER_HALAMAN, PaginatorTerbatas

STATUS_TEMPO = [
    (StatusArsip.AKTIF.value, gettext_lazy("Menunggu pemindahan ke inaktif")),
    (StatusArsip.INAKTIF.value, gettext_lazy("Menunggu nasib akhir")),
]
JENIS = [("keluar", gettext_lazy("Naskah keluar")), ("masuk", gettext_lazy("Naskah masuk"))]


class ArsipFilter(django_filters.FilterSet):
    sampai = django_filters.DateFilter(
        label=gettext_lazy("Jatuh tempo sampai"), method="jatuh_tempo", widget=AdminDateInput
    )
    unit = django_filters.ModelChoiceFilter(label=gettext_lazy("Unit"), queryset=Unit.objects.none())
    status = django_filters.ChoiceFilter(label=gettext_lazy("Tahap"), choices=STATUS_TEMPO)
    nasib_akhir = django_filters.ChoiceFilter(label=gettext_lazy("Nasib akhir"), choices=NasibAkhir.choices)
    klasifikasi = django_filters.CharFilter(label=gettext_lazy("Kode klasifikasi (awalan)"), method="awalan_kode")
    jenis = django_filters.ChoiceFilter(label=gettext_lazy("Jenis"), choices=JENIS)

    class Meta:
        model = Arsip
        fields = ["sampai", "unit", "status", "nasib_akhir", "klasifikasi", "jenis"]

    def __init__(self, *args: Any, units: QuerySet[Unit], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.filters["unit"].queryset = units

    def jatuh_tempo(self, queryset: QuerySet[Arsip], name: str, value: Any) -> QuerySet[Arsip]:
        return layanan_arsip.jatuh_tempo(value, queryset)

    def awalan_kode(self, queryset: QuerySet[Arsip], name: str, value: str) -> QuerySet[Arsip]:
        """A code and everything under it: "000.1" matches 000.1 and 000.1.2.3, not 000.10."""
        kode = value.strip().rstrip(".")
        if not kode:
            return queryset
        return queryset.filter(Q(kode_klasifikasi=kode) | Q(kode_klasifikasi__startswith=f"{kode}."))


def _wajib_laporan(request: HttpRequest) -> None:
    if not layanan_arsip.boleh_lihat_laporan(request.user):
        raise PermissionDenied


def _lengkapi(daftar: list[Arsip]) -> list[Arsip]:
    """Attach each record's letter (two queries for a page of rows): a neutral title,
    number and agenda for the listing."""
    ids = [a.naskah_id for a in daftar]
    halaman: dict[int, Any] = {n.pk: n for n in NaskahKeluarPage.objects.filter(pk__in=ids)}
    halaman.update({n.pk: n for n in NaskahMasukPage.objects.filter(pk__in=ids)})
    for a in daftar:
        naskah = halaman.get(a.naskah_id)
        a.judul = naskah.judul_aman() if naskah is not None else _("Naskah #%(pk)s") % {"pk": a.naskah_id}  # type: ignore[attr-defined]
        a.rahasia = bool(naskah is not None and naskah.rahasia)  # type: ignore[attr-defined]
        if isinstance(naskah, NaskahMasukPage):
            a.nomor = naskah.nomor_surat  # type: ignore[attr-defined]
            a.agenda = naskah.agenda  # type: ignore[attr-defined]
        else:
            a.nomor = getattr(naskah, "nomor", "")  # type: ignore[attr-defined]
            a.agenda = ""  # type: ignore[attr-defined]
    return daftar


@require_GET
def laporan(request: HttpRequest) -> HttpResponse:
    """Laporan retensi arsip: what is due by a date (today unless chosen)."""
    _wajib_laporan(request)
    terlihat = layanan_arsip.arsip_terlihat(request.user)
    data = request.GET.copy()
    if not data.get("sampai"):
        data["sampai"] = timezone.localdate().isoformat()
    units = Unit.objects.filter(pk__in=terlihat.values("unit_id")).order_by("nama")
    filter_ = ArsipFilter(data, queryset=terlihat, units=units)
    qs = filter_.qs if filter_.is_valid() else layanan_arsip.jatuh_tempo(qs=terlihat)
    qs = (
        qs.annotate(
            tempo=Case(When(status=StatusArsip.AKTIF, then=F("jatuh_tempo_aktif")), default=F("jatuh_tempo_inaktif"))
        )
        .select_related("unit", "klasifikasi")
        .order_by("tempo", "pk")
    )
    halaman = PaginatorTerbatas(qs, PER_HALAMAN).get_page(request.GET.get("p"))
    halaman.object_list = _lengkapi(list(halaman.object_list))
    parameter = data.copy()
    parameter.pop("p", None)
    return render(
        request,
        "naskah/arsip/laporan.html",
        {
            "filter": filter_,
            "halaman": halaman,
            "parameter": parameter.urlencode(),
            "boleh_bertindak": layanan_arsip.boleh_bertindak(request.user),
        },
    )


class TindakanForm(forms.Form):
    aksi = forms.ChoiceField(label=gettext_lazy("Tindakan"), choices=AksiArsip.choices)
    nomor_berita_acara = forms.CharField(
        label=gettext_lazy("Nomor berita acara"),
        required=False,
        max_length=120,
        help_text=gettext_lazy("Wajib untuk pemusnahan."),
    )
    berita_acara = forms.FileField(
        label=gettext_lazy("Berkas berita acara (PDF)"),
        required=False,
        widget=forms.ClearableFileInput(attrs={"accept": "application/pdf,.pdf"}),
        help_text=gettext_lazy("Wajib untuk pemusnahan."),
    )
    catatan = forms.CharField(label=gettext_lazy("Catatan"), required=False, widget=forms.Textarea(attrs={"rows": 3}))

    def __init__(self, *args: Any, tersedia: list[str] | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if tersedia is not None:  # offer what is due; a POST is checked by the service
            field = cast(forms.ChoiceField, self.fields["aksi"])
            field.choices = [(k, v) for k, v in AksiArsip.choices if k in tersedia]


def _arsip(request: HttpRequest, pk: int) -> Arsip:
    _wajib_laporan(request)
    arsip = layanan_arsip.arsip_terlihat(request.user).select_related("unit", "klasifikasi").filter(pk=pk).first()
    if arsip is None:
        raise Http404(_("Arsip tidak ditemukan."))
    _lengkapi([arsip])
    return arsip


@require_http_methods(["GET", "POST"])
def tindakan(request: HttpRequest, pk: int) -> HttpResponse:
    """One record: its retention data, the action form (multipart) and its action history."""
    arsip = _arsip(request, pk)
    boleh = layanan_arsip.boleh_bertindak(request.user)
    tersedia = layanan_arsip.aksi_tersedia(arsip)
    status = 200
    if request.method == "POST":
        if not boleh:
            raise PermissionDenied
        form = TindakanForm(request.POST, request.FILES)
        if form.is_valid():
            try:
                layanan_arsip.catat_tindakan(
                    arsip,
                    request.user,
                    form.cleaned_data["aksi"],
                    nomor_berita_acara=form.cleaned_data["nomor_berita_acara"],
                    berita_acara=form.cleaned_data["berita_acara"],
                    catatan=form.cleaned_data["catatan"],
                )
            except GalatNaskah as exc:
                status = exc.status
                for kolom, pesan in exc.galat.items():
                    form.add_error(kolom if kolom in form.fields else None, pesan)
                if not exc.galat:
                    form.add_error(None, exc.pesan)
                messages.error(request, exc.pesan)
            else:
                messages.success(request, _("Tindakan arsip dicatat."))
                return redirect("naskah:arsip_tindakan", arsip.pk)
        else:
            status = 400
    else:
        form = TindakanForm(tersedia=tersedia)
    riwayat = TindakanArsip.objects.filter(arsip=arsip).select_related("user").order_by("waktu", "pk")
    return render(
        request,
        "naskah/arsip/tindakan.html",
        {"arsip": arsip, "form": form, "boleh": boleh, "tersedia": tersedia, "riwayat": riwayat},
        status=status,
    )


@require_GET
def berita_acara(request: HttpRequest, pk: int, tindakan_id: int) -> HttpResponseBase:
    arsip = _arsip(request, pk)
    baris = TindakanArsip.objects.filter(arsip=arsip, pk=tindakan_id).first()
    if baris is None or not baris.berita_acara:
        raise Http404(_("Berita acara tidak ditemukan."))
    nama = (baris.nomor_berita_acara or f"berita-acara-{baris.pk}").replace("/", "-")
    return FileResponse(baris.berita_acara.open("rb"), as_attachment=True, filename=f"{nama}.pdf")
