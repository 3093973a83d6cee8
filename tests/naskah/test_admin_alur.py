"""The chain through the admin screens with Django's test client: Wagtail's page
editor (generated isian fields, pemaraf inline, submit action), Wagtail's own
workflow action view, and Lontar's letter page (paraf, kembalikan, ajukan)."""

from __future__ import annotations

import pytest
from wagtail.models import TaskState
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from naskah import layanan
from naskah.models import NaskahKeluarPage, StatusNaskah
from templates_surat.models import TemplateSuratPage

pytestmark = pytest.mark.django_db


def _data_editor(
    jab, *, perihal: str, dasar: str, ajukan: bool, penandatangan: str | None = "pejabat", naskah=None
) -> dict:
    """The editor's POST; with `naskah`, its saved pemaraf rows are posted back with their ids."""
    pemaraf = [{"jabatan": jab("kabid.ikp").pk}, {"jabatan": jab("sek.diskominfo").pk}]
    ada = list(naskah.get_latest_revision_as_object().pemaraf.all()) if naskah is not None else []
    for baris, simpanan in zip(pemaraf, ada, strict=False):
        baris["id"] = simpanan.pk
    data = nested_form_data(
        {
            "perihal": perihal,
            "sifat": "B",
            "urgensi": "segera",
            "klasifikasi": "000.7.2",
            "penerima_luar": "",
            "tembusan_luar": "",
            "isian__dasar": dasar,
            "isian__isi_pokok": "Kami mohon dukungan publikasi kegiatan vaksinasi massal.",
            "isian__batas_waktu": "",
            "penandatangan": jab(penandatangan).pk if penandatangan else "",
            "merujuk": "",
            "pemaraf": inline_formset(pemaraf, initial=len(ada)),
            "lampiran": inline_formset([]),
            "comments": inline_formset([]),
        }
    )
    data["penerima"] = [jab("kadinkes").pk]  # multiple choice: a list, not a nested form
    data["tembusan"] = [jab("sekda").pk]
    if ajukan:
        data["action-submit"] = "1"
    return data


def test_rantai_lewat_admin(demo, u, jab, client, commit) -> None:
    client.force_login(u("operator"))
    template = TemplateSuratPage.objects.get(slug="surat-dinas")
    with commit():
        respons = client.post(f"/admin/naskah/baru/{template.pk}/")
    naskah = NaskahKeluarPage.objects.get(pembuat=u("operator"))
    assert respons["Location"] == f"/admin/pages/{naskah.pk}/edit/"

    # submitting without a penandatangan: a clear error, nothing submitted
    respons = client.post(
        f"/admin/pages/{naskah.pk}/edit/",
        _data_editor(jab, perihal="Dukungan publikasi", dasar="Surat 1", ajukan=True, penandatangan=None),
    )
    assert respons.status_code == 200
    assert "Pilih penandatangan sebelum mengajukan." in respons.content.decode()
    assert NaskahKeluarPage.objects.get(pk=naskah.pk).status == StatusNaskah.KONSEP

    with commit():
        respons = client.post(
            f"/admin/pages/{naskah.pk}/edit/",
            _data_editor(jab, perihal="Dukungan publikasi vaksinasi", dasar="Surat Dinkes 400.7/88", ajukan=True),
        )
    assert respons.status_code == 302, (
        respons.context["form"].errors,
        [f.errors for f in respons.context["form"].formsets.values()],
    )
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.DIAJUKAN
    assert naskah.isian.get("dasar") == "Surat Dinkes 400.7/88", (
        naskah.isian,
        naskah.get_latest_revision().content["isian"],
    )
    assert naskah.tugas_jabatan == jab("kabid.ikp")

    # paraf through Wagtail's own workflow action view
    client.force_login(u("kabid.ikp"))
    assert f"/admin/naskah/{naskah.pk}/" in client.get("/admin/naskah/tindakan/").content.decode()
    ts = layanan.tugas_aktif(naskah)
    with commit():
        respons = client.post(f"/admin/pages/workflow/action/{naskah.pk}/approve/{ts.pk}/", {"comment": ""})
    assert respons.status_code == 302
    # a second click on the same task: refused, nothing approved twice
    with commit():
        client.post(f"/admin/pages/workflow/action/{naskah.pk}/approve/{ts.pk}/", {"comment": ""})
    assert TaskState.objects.filter(workflow_state__object_id=str(naskah.pk), status="approved").count() == 1

    # kembalikan on Lontar's letter page: the note is required
    client.force_login(u("sek.diskominfo"))
    respons = client.post(f"/admin/naskah/{naskah.pk}/aksi/kembalikan/", {"catatan": ""}, follow=True)
    assert "Catatan wajib diisi" in respons.content.decode()
    with commit():
        client.post(f"/admin/naskah/{naskah.pk}/aksi/kembalikan/", {"catatan": "Lengkapi nomor surat dasar."})
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.DIKEMBALIKAN

    # the drafter sees it, revises in the editor and resubmits from the letter page
    client.force_login(u("operator"))
    assert f"/admin/naskah/{naskah.pk}/" in client.get("/admin/naskah/tindakan/").content.decode()
    with commit():
        client.post(
            f"/admin/pages/{naskah.pk}/edit/",
            _data_editor(
                jab,
                perihal="Dukungan publikasi vaksinasi",
                dasar="Surat Dinkes 400.7/88/2026",
                ajukan=False,
                naskah=naskah,
            ),
        )
    with commit():
        respons = client.post(f"/admin/naskah/{naskah.pk}/aksi/ajukan/", follow=True)
    naskah.refresh_from_db()
    assert "Naskah diajukan untuk persetujuan." in respons.content.decode(), [
        str(m) for m in respons.context["messages"]
    ]
    assert naskah.status == StatusNaskah.DIAJUKAN
    assert naskah.tugas_jabatan == jab("sek.diskominfo")

    client.force_login(u("sek.diskominfo"))
    with commit():
        client.post(f"/admin/naskah/{naskah.pk}/aksi/setujui/", {"catatan": ""})
    client.force_login(u("pejabat"))
    with commit():
        client.post(f"/admin/naskah/{naskah.pk}/aksi/setujui/", {"catatan": "Setuju."})
    naskah.refresh_from_db()
    assert naskah.status == StatusNaskah.TERKIRIM, naskah.galat_tte
    assert naskah.revisi_final.content["isian"]["dasar"] == "Surat Dinkes 400.7/88/2026"

    # no edit after signing, even for the drafter
    client.force_login(u("operator"))
    assert client.get(f"/admin/pages/{naskah.pk}/edit/").status_code in (302, 403)

    # recipient and tembusan: in Kotak masuk, unread in bold until opened; signed PDF download
    for penerima in ("kadinkes", "sekda"):
        client.force_login(u(penerima))
        kotak = client.get("/admin/naskah/masuk/").content.decode()
        assert naskah.nomor in kotak and "lontar-belum-dibaca" in kotak
        assert client.get(f"/admin/naskah/{naskah.pk}/").status_code == 200
        assert "lontar-belum-dibaca" not in client.get("/admin/naskah/masuk/").content.decode()
        pdf = client.get(f"/admin/naskah/{naskah.pk}/unduh/pdf/")
        assert b"".join(pdf.streaming_content).startswith(b"%PDF")

    # the history shows every step with the return note
    client.force_login(u("operator"))
    halaman = client.get(f"/admin/naskah/{naskah.pk}/").content.decode()
    assert "Lengkapi nomor surat dasar." in halaman
    assert naskah.nomor in halaman
