"""The public headless API (/api/v2/): only live, public pages of the public site and media in
public collections, whatever the caller asks for (listing, detail, find, ?type=, ?search=,
?site=, a logged-in session)."""

from __future__ import annotations

from typing import Any

import pytest
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site

from naskah import layanan
from naskah.models import NaskahKeluarPage
from publik.models import HomePage
from templates_surat.models import TemplateSuratPage

pytestmark = pytest.mark.django_db

KATA = "Zamrudwangi"  # a word no demo text contains: searches find only what the test made


def _beranda() -> HomePage:
    return Site.objects.get(is_default_site=True).root_page.specific


def _halaman(judul: str, *, live: bool = True, induk: Page | None = None) -> Page:
    """A content page of the public site (publik.HalamanPage)."""
    model = apps.get_model("publik", "HalamanPage")
    halaman = (induk or _beranda()).add_child(instance=model(title=judul, live=False))
    if live:
        halaman.save_revision().publish()
    else:
        halaman.save_revision()
    return halaman


def _naskah_live() -> NaskahKeluarPage:
    """A letter, made live in the tree (as sent letters are): the API must refuse it by type and
    place, not merely because it is a draft."""
    user = get_user_model()
    jabatan: dict[str, Any] = {
        u.username: u.pegawai.jabatan for u in user.objects.filter(username__in=["kadinkes", "pejabat"])
    }
    naskah = layanan.buat_konsep(
        user.objects.get(username="operator"),
        TemplateSuratPage.objects.get(slug="surat-dinas"),
        perihal=f"Rahasia {KATA}",
        isian={"dasar": "Rencana kerja 2026.", "isi_pokok": "Isi rahasia."},
        penerima=[jabatan["kadinkes"]],
        pemaraf=[],
        penandatangan=jabatan["pejabat"],
    )
    Page.objects.filter(pk=naskah.pk).update(live=True, title=f"Rahasia {KATA}")
    return naskah


def _koleksi(nama: str) -> Collection:
    akar = Collection.get_first_root_node()
    ada = akar.get_children().filter(name=nama).first()
    return ada or akar.add_child(name=nama)


def _ids(client: Client, url: str, **params: Any) -> set[int]:
    """Ids of every item of a listing, page by page (the API caps `limit` at 20)."""
    ids: set[int] = set()
    while True:
        respons = client.get(url, {**params, "limit": 20, "offset": len(ids)})
        assert respons.status_code == 200, respons.content
        data = respons.json()
        ids |= {item["id"] for item in data["items"]}
        if not data["items"] or len(ids) >= data["meta"]["total_count"]:
            return ids


@pytest.fixture
def konten(demo: None) -> dict[str, Page]:
    publik = _halaman(f"Pengumuman {KATA}")
    draf = _halaman(f"Draf {KATA}", live=False)
    privat = _halaman(f"Privat {KATA}")
    PageViewRestriction.objects.create(page=privat, restriction_type=PageViewRestriction.PASSWORD, password="x")
    anak_privat = _halaman(f"Anak privat {KATA}", induk=privat)
    template = TemplateSuratPage.objects.get(slug="surat-dinas")
    Page.objects.filter(pk=template.pk).update(title=f"Template {KATA}")
    return {
        "publik": publik,
        "draf": draf,
        "privat": privat,
        "anak_privat": anak_privat,
        "naskah": _naskah_live(),
        "template": template,
    }


def test_daftar_halaman_hanya_halaman_publik_live(konten: dict[str, Page], client: Client) -> None:
    ids = _ids(client, "/api/v2/pages/")
    assert _beranda().pk in ids
    assert konten["publik"].pk in ids
    for kunci in ("draf", "privat", "anak_privat", "naskah", "template"):
        assert konten[kunci].pk not in ids, kunci
    # everything listed is a page of the site, of a public page type
    root_path = _beranda().path
    for page in Page.objects.filter(pk__in=ids).select_related("content_type"):
        assert page.path.startswith(root_path)
        assert page.content_type.app_label in {"publik", "ppid"}
        assert page.live


@pytest.mark.parametrize("kunci", ["draf", "privat", "anak_privat", "naskah", "template"])
def test_halaman_tidak_publik_404(konten: dict[str, Page], client: Client, kunci: str) -> None:
    pk = konten[kunci].pk
    assert client.get(f"/api/v2/pages/{pk}/").status_code == 404
    assert client.get("/api/v2/pages/find/", {"id": pk}).status_code == 404
    assert client.get(f"/api/v2/pages/{pk}/", {"type": "wagtailcore.Page"}).status_code == 404


def test_halaman_publik_detail_dan_find(konten: dict[str, Page], client: Client) -> None:
    pk = konten["publik"].pk
    detail = client.get(f"/api/v2/pages/{pk}/")
    assert detail.status_code == 200
    data = detail.json()
    assert data["title"] == f"Pengumuman {KATA}"
    assert data["meta"]["type"] == "publik.HalamanPage"
    assert data["meta"]["parent"]["id"] == _beranda().pk
    find = client.get("/api/v2/pages/find/", {"id": pk})
    assert find.status_code == 302
    assert f"/api/v2/pages/{pk}/" in find["Location"]
    by_path = client.get("/api/v2/pages/find/", {"html_path": konten["publik"].slug})
    assert by_path.status_code == 302


def test_pencarian_hanya_menemukan_halaman_publik(konten: dict[str, Page], client: Client) -> None:
    ids = _ids(client, "/api/v2/pages/", search=KATA)
    assert ids == {konten["publik"].pk}


def test_filter_type_tidak_membuka_naskah_atau_template(konten: dict[str, Page], client: Client) -> None:
    assert _ids(client, "/api/v2/pages/", type="naskah.NaskahKeluarPage") == set()
    assert _ids(client, "/api/v2/pages/", type="templates_surat.TemplateSuratPage") == set()
    ids = _ids(client, "/api/v2/pages/", type="publik.HalamanPage", fields="title")
    assert konten["publik"].pk in ids
    assert konten["draf"].pk not in ids and konten["privat"].pk not in ids
    assert client.get("/api/v2/pages/", {"type": "tidak.Ada"}).status_code == 400


def test_field_dan_child_of(konten: dict[str, Page], client: Client) -> None:
    respons = client.get("/api/v2/pages/", {"child_of": _beranda().pk, "fields": "title,slug", "limit": 20})
    assert respons.status_code == 200
    items = respons.json()["items"]
    assert {"title", "meta"} <= set(items[0])
    ids = {item["id"] for item in items}
    assert konten["publik"].pk in ids and konten["privat"].pk not in ids
    # the root of the tree (parent of letters and templates) cannot be walked from the API
    akar = Page.get_first_root_node()
    assert client.get("/api/v2/pages/", {"child_of": akar.pk}).status_code == 400
    assert client.get("/api/v2/pages/", {"descendant_of": konten["naskah"].get_parent().pk}).status_code == 400
    assert client.get("/api/v2/pages/", {"fields": "tidak_ada"}).status_code == 400


def test_sesi_login_tidak_memperluas_hasil(konten: dict[str, Page], client: Client) -> None:
    """A logged-in administrator sees exactly what a citizen sees."""
    anonim = _ids(client, "/api/v2/pages/")
    client.force_login(get_user_model().objects.get(username="admin"))
    assert _ids(client, "/api/v2/pages/") == anonim
    assert client.get(f"/api/v2/pages/{konten['naskah'].pk}/").status_code == 404


def test_site_lain_tidak_membuka_pohon_lain(konten: dict[str, Page], client: Client) -> None:
    """Another Site whose root is the letters' folder: ?site= must not reach it."""
    folder = konten["naskah"].get_parent()
    Site.objects.create(hostname="naskah.example", port=80, root_page=folder, is_default_site=False)
    assert konten["naskah"].pk not in _ids(client, "/api/v2/pages/", site="naskah.example")
    assert konten["naskah"].pk not in _ids(client.__class__(HTTP_HOST="naskah.example"), "/api/v2/pages/")


def test_gambar_dan_dokumen_hanya_koleksi_publik(demo: None, client: Client) -> None:
    publik = _koleksi("Publik")
    album = publik.add_child(name="Album kegiatan")
    internal = _koleksi("Internal")
    terbatas = publik.add_child(name="Terbatas")
    CollectionViewRestriction.objects.create(
        collection=terbatas, restriction_type=CollectionViewRestriction.PASSWORD, password="x"
    )
    image = get_image_model()
    gambar = {
        nama: image.objects.create(title=f"{nama} {KATA}", file=get_test_image_file(), collection=koleksi)
        for nama, koleksi in [
            ("publik", publik),
            ("album", album),
            ("internal", internal),
            ("root", Collection.get_first_root_node()),
            ("terbatas", terbatas),
        ]
    }
    document = get_document_model()
    dok = {
        nama: document.objects.create(
            title=f"{nama} {KATA}", file=ContentFile(b"%PDF-1.4\n", name=f"{nama}.pdf"), collection=koleksi
        )
        for nama, koleksi in [
            ("publik", publik),
            ("internal", internal),
            ("root", Collection.get_first_root_node()),
            ("terbatas", terbatas),
            ("template", publik),
        ]
    }
    # a letter template's uploaded .docx is internal even when filed in the public collection
    TemplateSuratPage.objects.filter(slug="surat-dinas").update(berkas_docx=dok["template"])

    # the listings hold the demo's public media too: every item must sit in the public tree
    terlihat = _ids(client, "/api/v2/images/")
    assert {gambar["publik"].pk, gambar["album"].pk} <= terlihat
    dok_terlihat = _ids(client, "/api/v2/documents/")
    assert dok["publik"].pk in dok_terlihat
    boleh = {publik.pk, album.pk}
    assert set(image.objects.filter(pk__in=terlihat).values_list("collection", flat=True)) <= boleh
    assert set(document.objects.filter(pk__in=dok_terlihat).values_list("collection", flat=True)) <= boleh
    assert dok["template"].pk not in dok_terlihat
    assert _ids(client, "/api/v2/images/", search=KATA) == {gambar["publik"].pk, gambar["album"].pk}
    assert _ids(client, "/api/v2/documents/", search=KATA) == {dok["publik"].pk}
    for nama in ("internal", "root", "terbatas"):
        assert client.get(f"/api/v2/images/{gambar[nama].pk}/").status_code == 404, nama
        assert client.get(f"/api/v2/documents/{dok[nama].pk}/").status_code == 404, nama
    assert client.get(f"/api/v2/documents/{dok['template'].pk}/").status_code == 404
    assert client.get("/api/v2/documents/find/", {"id": dok["internal"].pk}).status_code == 404
    detail = client.get(f"/api/v2/images/{gambar['publik'].pk}/", {"fields": "title,width"}).json()
    assert detail["title"] == f"publik {KATA}" and detail["width"] == 640


def test_api_tanpa_login_dan_hanya_baca(demo: None, client: Client) -> None:
    assert client.get("/api/v2/pages/").status_code == 200
    assert client.post("/api/v2/pages/", {}).status_code == 405


def test_endpoint_informasi_publik_terdaftar(demo: None, client: Client) -> None:
    """The PPID's DIP endpoint sits on the same anonymous router."""
    respons = client.get("/api/v2/informasi-publik/")
    assert respons.status_code == 200
    assert "items" in respons.json()


def _unggahan(nama: str, isi: bytes) -> Any:
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile(nama, isi)


def test_unggahan_humas_masuk_koleksi_publik_dan_api(masuk_sebagai: Any) -> None:
    """Humas' image and document permissions sit on the "Publik" collection (moved off the root
    by `siapkan_publikasi`): what they upload in the admin is served by the public API."""
    from django.urls import reverse
    from wagtail.models import GroupCollectionPermission

    from organisasi.peran import HUMAS, KOLEKSI_PUBLIK

    publik = _koleksi(KOLEKSI_PUBLIK)
    izin_humas = GroupCollectionPermission.objects.filter(group__name=HUMAS)
    assert set(izin_humas.values_list("collection", flat=True)) == {publik.pk}

    client = masuk_sebagai("humas")
    jawab = client.post(
        reverse("wagtailimages:add"),
        {"title": f"Foto kegiatan {KATA}", "file": _unggahan("kegiatan.png", get_test_image_file().file.getvalue())},
    )
    assert jawab.status_code == 302, jawab.context["form"].errors if jawab.context else jawab.status_code
    gambar = get_image_model().objects.get(title=f"Foto kegiatan {KATA}")
    assert gambar.collection_id == publik.pk
    jawab = client.post(
        reverse("wagtaildocs:add"),
        {"title": f"Laporan {KATA}", "file": _unggahan("laporan.pdf", b"%PDF-1.4\n")},
    )
    assert jawab.status_code == 302, jawab.context["form"].errors if jawab.context else jawab.status_code
    dokumen = get_document_model().objects.get(title=f"Laporan {KATA}")
    assert dokumen.collection_id == publik.pk

    anonim = Client()
    assert _ids(anonim, "/api/v2/images/", search=KATA) == {gambar.pk}
    assert _ids(anonim, "/api/v2/documents/", search=KATA) == {dokumen.pk}
    # an upload aimed at the root collection is refused (not one of Humas' collections)
    jawab = client.post(
        reverse("wagtailimages:add"),
        {
            "title": f"Ke akar {KATA}",
            "file": _unggahan("akar.png", get_test_image_file().file.getvalue()),
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert jawab.status_code in (200, 302)
    dibuat = get_image_model().objects.filter(title=f"Ke akar {KATA}")
    assert all(g.collection_id == publik.pk for g in dibuat)
