"""Roles (peran) as Wagtail groups, with their permissions declared here in code.

`siapkan_peran()` is idempotent and runs after every `migrate` (see
signal_handlers.py) and from `manage.py siapkan_peran`: the groups always match
this file. Later apps add their permissions by extending `IZIN_MODEL`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from django.contrib.auth.models import Group, Permission
from django.db import transaction

if TYPE_CHECKING:
    from wagtail.models import Collection

OPERATOR = "Operator"
PEJABAT = "Pejabat"
STAF = "Staf"
ARSIPARIS = "Arsiparis"
HUMAS = "Humas"
ADMINISTRATOR = "Administrator"

SEMUA_PERAN = [OPERATOR, PEJABAT, STAF, ARSIPARIS, HUMAS, ADMINISTRATOR]

# The media collection the public site and its API serve from (publik.api). Humas' image and
# document permissions sit on it once it exists (made by `manage.py siapkan_publikasi`), so
# what they upload is public media; before that, on the root collection.
KOLEKSI_PUBLIK = "Publik"
KOLEKSI_PERAN = {HUMAS: KOLEKSI_PUBLIK}

_LIHAT_ORGANISASI = [
    "organisasi.view_unit",
    "organisasi.view_jabatan",
    "organisasi.view_pegawai",
    "organisasi.view_delegasi",
]
_KELOLA_ORGANISASI = [
    f"organisasi.{aksi}_{model}"
    for model in ("unit", "jabatan", "pegawai", "delegasi")
    for aksi in ("add", "change", "delete", "view")
]

_KELOLA_TEMPLATE = [
    *(
        f"templates_surat.{aksi}_{model}"
        for model in ("jenisnaskah", "kopsurat", "polanomor")
        for aksi in ("add", "change", "delete", "view")
    ),
    "templates_surat.view_nomorterbit",
    "templates_surat.change_nomorterbit",
    "templates_surat.buat_naskah",
]

# The arsiparis: the retention report (view_arsip), recording transfers/disposals
# (add_tindakanarsip) and keeping the klasifikasi list with its JRA rules.
_KELOLA_ARSIP = [
    "naskah.view_arsip",
    "naskah.add_tindakanarsip",
    "naskah.view_klasifikasi",
    "naskah.add_klasifikasi",
    "naskah.change_klasifikasi",
]

# PPID (ppid app): Humas keep the Daftar Informasi Publik and handle requests, and alone
# see requesters' personal data (ppid.lihat_data_pemohon); the Administrator handles
# requests with masked personal data and answers objections as atasan PPID.
_KELOLA_DIP = [f"ppid.{aksi}_informasipublik" for aksi in ("add", "change", "delete", "view")]
_PPID_HUMAS = [
    *_KELOLA_DIP,
    "ppid.view_permohonaninformasi",
    "ppid.change_permohonaninformasi",
    "ppid.lihat_data_pemohon",
    "ppid.view_keberatan",
]
_PPID_ADMINISTRATOR = [
    *_KELOLA_DIP,
    "ppid.view_permohonaninformasi",
    "ppid.change_permohonaninformasi",
    "ppid.view_keberatan",
    "ppid.tanggapi_keberatan",
]

# Public site (publik app): Humas keep the news categories and the site menu/footer.
_SITUS_HUMAS = [
    "publik.add_kategoriberita",
    "publik.change_kategoriberita",
    "publik.view_kategoriberita",
    "publik.change_navigasisitus",
]

# Model permissions per role ("app_label.codename").
IZIN_MODEL: dict[str, list[str]] = {
    OPERATOR: ["wagtailadmin.access_admin", *_LIHAT_ORGANISASI, "templates_surat.buat_naskah"],
    PEJABAT: ["wagtailadmin.access_admin", *_LIHAT_ORGANISASI, "templates_surat.buat_naskah"],
    STAF: ["wagtailadmin.access_admin"],
    ARSIPARIS: ["wagtailadmin.access_admin", *_LIHAT_ORGANISASI, *_KELOLA_ARSIP],
    HUMAS: ["wagtailadmin.access_admin", *_SITUS_HUMAS, *_PPID_HUMAS],
    ADMINISTRATOR: [
        "wagtailadmin.access_admin",
        *_KELOLA_ORGANISASI,
        *_KELOLA_TEMPLATE,
        "auth.add_user",
        "auth.change_user",
        "auth.delete_user",
        "auth.add_group",
        "auth.change_group",
        "auth.delete_group",
        "wagtailcore.add_site",
        "wagtailcore.change_site",
        "wagtailcore.delete_site",
        "search.kelola_indeks",
        "naskah.change_pengaturantte",
        "naskah.view_sertifikatpegawai",
        "naskah.add_sertifikatpegawai",
        "naskah.change_sertifikatpegawai",
        "wagtailcore.add_workflow",
        "wagtailcore.change_workflow",
        "wagtailcore.delete_workflow",
        "wagtailcore.add_task",
        "wagtailcore.change_task",
        "wagtailcore.delete_task",
        "wagtailredirects.add_redirect",
        "wagtailredirects.change_redirect",
        "wagtailredirects.delete_redirect",
        *_PPID_ADMINISTRATOR,
        *_SITUS_HUMAS,
        "publik.delete_kategoriberita",
    ],
}

# Page permissions per role on the top-level pages (children of the root, found by
# slug so this app needs no import of the apps that create them): the public site
# (Beranda) and the letter templates. Humas edit and submit for moderation; nobody
# publishes a template directly: only approving the "Persetujuan template" workflow does.
IZIN_HALAMAN: dict[str, dict[str, list[str]]] = {
    "beranda": {
        HUMAS: ["add_page", "change_page", "lock_page", "unlock_page"],
        ADMINISTRATOR: ["add_page", "change_page", "publish_page", "bulk_delete_page", "lock_page", "unlock_page"],
    },
    "template-surat": {
        # publish_page is what approving the workflow's task needs; direct publishing of
        # templates is refused by templates_surat's hooks.
        ADMINISTRATOR: ["add_page", "change_page", "publish_page", "lock_page", "unlock_page"],
    },
}

# Image/document permissions on the root collection per role.
IZIN_KOLEKSI: dict[str, list[str]] = {
    HUMAS: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.choose_document",
    ],
    ADMINISTRATOR: [
        "wagtailimages.add_image",
        "wagtailimages.change_image",
        "wagtailimages.delete_image",
        "wagtailimages.choose_image",
        "wagtaildocs.add_document",
        "wagtaildocs.change_document",
        "wagtaildocs.delete_document",
        "wagtaildocs.choose_document",
        "wagtailcore.add_collection",
        "wagtailcore.change_collection",
        "wagtailcore.delete_collection",
    ],
}


def _izin(kode: str, using: str) -> Permission:
    app_label, codename = kode.split(".", 1)
    return Permission.objects.db_manager(using).get(content_type__app_label=app_label, codename=codename)


def siapkan_peran(using: str = "default") -> dict[str, Group]:
    """Create or update the role groups so their permissions are exactly those above."""
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    grup: dict[str, Group] = {}
    with transaction.atomic(using=using):
        for nama in SEMUA_PERAN:
            group, _created = Group.objects.db_manager(using).get_or_create(name=nama)
            group.permissions.set([_izin(kode, using) for kode in IZIN_MODEL[nama]])
            grup[nama] = group

        for slug, per_peran in IZIN_HALAMAN.items():
            halaman = Page.objects.db_manager(using).filter(depth=2, slug=slug).first()
            if halaman is None:
                continue  # created later by its own app, which calls siapkan_peran() again
            for nama in SEMUA_PERAN:
                izin = Permission.objects.db_manager(using).filter(
                    content_type__app_label="wagtailcore", codename__in=per_peran.get(nama, [])
                )
                GroupPagePermission.objects.db_manager(using).filter(group=grup[nama], page=halaman).exclude(
                    permission__in=izin
                ).delete()
                for permission in izin:
                    GroupPagePermission.objects.db_manager(using).get_or_create(
                        group=grup[nama], page=halaman, permission=permission
                    )

        akar_koleksi = Collection.get_first_root_node()
        if akar_koleksi is not None:
            for nama, kode_list in IZIN_KOLEKSI.items():
                koleksi = akar_koleksi
                if nama in KOLEKSI_PERAN:
                    koleksi = akar_koleksi.get_children().filter(name=KOLEKSI_PERAN[nama]).first() or akar_koleksi
                izin_list = [_izin(kode, using) for kode in kode_list]
                # on the root and the role's collection the permissions are exactly these
                GroupCollectionPermission.objects.db_manager(using).filter(
                    group=grup[nama], collection__in=[akar_koleksi, koleksi]
                ).exclude(collection=koleksi, permission__in=izin_list).delete()
                for permission in izin_list:
                    GroupCollectionPermission.objects.db_manager(using).get_or_create(
                        group=grup[nama], collection=koleksi, permission=permission
                    )
    return grup


def pastikan_koleksi_publik() -> Collection:
    """The public media collection (made when missing), with Humas' permissions moved onto it."""
    from wagtail.models import Collection

    akar = Collection.get_first_root_node()
    if akar is None:
        akar = Collection.add_root(name="Root")
    koleksi = akar.get_children().filter(name=KOLEKSI_PUBLIK).first()
    if koleksi is None:
        koleksi = akar.add_child(name=KOLEKSI_PUBLIK)
    siapkan_peran()
    return koleksi
