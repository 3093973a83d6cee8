"""What every Lontar database has for letter templates, kept in step after each
`migrate` (idempotent): the Permendagri 1/2023 jenis naskah, the "Template Surat"
folder outside every Site, and the "Persetujuan template" workflow on it."""

from __future__ import annotations

from typing import Any

from django.apps import AppConfig
from django.contrib.auth.models import Group
from django.db import transaction
from wagtail.models import GroupApprovalTask, Page, Workflow, WorkflowPage, WorkflowTask

from .dokumen import TataLetak
from .models import JenisNaskah, TemplateSuratIndexPage

S, J = TataLetak.SURAT.value, TataLetak.JUDUL.value

# (kode, nama, tata letak, judul cetak) — Permendagri 1/2023 tentang Tata Naskah Dinas.
# Naskah with a printed title and a centred number (berita acara, surat keterangan…)
# use the title layout; letters addressed to someone (Yth.) use the correspondence one.
JENIS_NASKAH: list[tuple[str, str, str, str]] = [
    ("SD", "Surat Dinas", S, ""),
    ("ND", "Nota Dinas", S, "NOTA DINAS"),
    ("MEMO", "Memo", S, "MEMO"),
    ("UND", "Surat Undangan", S, ""),
    ("SKET", "Surat Keterangan", J, "SURAT KETERANGAN"),
    ("SPENG", "Surat Pengantar", S, "SURAT PENGANTAR"),
    ("SKU", "Surat Kuasa", J, "SURAT KUASA"),
    ("SPGL", "Surat Panggilan", S, "SURAT PANGGILAN"),
    ("TS", "Telaahan Staf", S, "TELAAHAN STAF"),
    ("LAP", "Laporan", J, "LAPORAN"),
    ("BA", "Berita Acara", J, "BERITA ACARA"),
    ("PENG", "Pengumuman", J, "PENGUMUMAN"),
    ("NOT", "Notula", J, "NOTULA"),
    ("REK", "Rekomendasi", J, "REKOMENDASI"),
    ("SERT", "Sertifikat/Piagam", J, "SERTIFIKAT"),
    ("PER", "Peraturan", J, "PERATURAN"),
    ("KEP", "Keputusan", J, "KEPUTUSAN"),
    ("INS", "Instruksi", J, "INSTRUKSI"),
    ("SE", "Surat Edaran", J, "SURAT EDARAN"),
    ("SPRIN", "Surat Perintah", J, "SURAT PERINTAH"),
    ("ST", "Surat Tugas", J, "SURAT TUGAS"),
    ("SOP", "Standar Operasional Prosedur", J, "STANDAR OPERASIONAL PROSEDUR"),
]

SLUG_INDEKS = "template-surat"
NAMA_ALUR = "Persetujuan template"
NAMA_TUGAS = "Persetujuan template oleh Administrator"
GRUP_PENYETUJU = "Administrator"


def pastikan_jenis_naskah() -> None:
    for urutan, (kode, nama, tata_letak, judul) in enumerate(JENIS_NASKAH, start=1):
        JenisNaskah.objects.get_or_create(
            kode=kode, defaults={"nama": nama, "tata_letak": tata_letak, "judul_cetak": judul, "urutan": urutan}
        )


def pastikan_indeks() -> TemplateSuratIndexPage:
    indeks = TemplateSuratIndexPage.objects.first()
    if indeks is None:
        root = Page.get_first_root_node()
        indeks = root.add_child(instance=TemplateSuratIndexPage(title="Template Surat", slug=SLUG_INDEKS))
    return indeks


def pastikan_alur(indeks: TemplateSuratIndexPage) -> Workflow:
    alur, _created = Workflow.objects.get_or_create(name=NAMA_ALUR, defaults={"active": True})
    tugas = GroupApprovalTask.objects.filter(name=NAMA_TUGAS).first()
    if tugas is None:
        tugas = GroupApprovalTask.objects.create(name=NAMA_TUGAS)
        tugas.groups.set([Group.objects.get_or_create(name=GRUP_PENYETUJU)[0]])
    WorkflowTask.objects.get_or_create(workflow=alur, task=tugas, defaults={"sort_order": 0})
    WorkflowPage.objects.update_or_create(page=indeks, defaults={"workflow": alur})
    return alur


@transaction.atomic
def pastikan_struktur() -> TemplateSuratIndexPage:
    pastikan_jenis_naskah()
    indeks = pastikan_indeks()
    pastikan_alur(indeks)
    return indeks


def pastikan_struktur_setelah_migrate(sender: AppConfig, **kwargs: Any) -> None:
    from organisasi.peran import siapkan_peran

    if Page.get_first_root_node() is None:  # an emptied database (test flush): nothing to hang pages on
        pastikan_jenis_naskah()
        return
    pastikan_struktur()
    siapkan_peran(using=kwargs.get("using", "default"))
