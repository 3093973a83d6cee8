"""Headless API of the public website (Wagtail API v2 at /api/v2/).

Lontar keeps letters (`naskah`) and letter templates (`templates_surat`) as Wagtail pages in the
same tree as the public site, and Wagtail's stock endpoints would happily list any live page
(`?site=` picks any Site; a logged-in session passes login view restrictions). The public API
must never become a side door to them, so the rule is enforced in the querysets every listing,
detail, `find`, `?type=`, `?search=`, `child_of` and `parent` lookup starts from:

* pages: live, of a public-site page type (apps in `APP_HALAMAN_PUBLIK`), under the default
  Site's root (inclusive), and neither restricted themselves nor below a page with any
  `PageViewRestriction` (whoever asks: the API answers every caller alike);
* images and documents: in a public collection (`KOLEKSI_PUBLIK` and its descendants), not
  under a `CollectionViewRestriction`, and never a letter template's uploaded .docx.

The endpoints are anonymous and read-only (no session, no token): what they show is what a
citizen sees. The router is mounted in `lontar.urls`, which also adds the PPID endpoint.
"""

from __future__ import annotations

from typing import Any

from django.apps import apps
from django.contrib.contenttypes.models import ContentType
from django.db.models import Q, QuerySet
from rest_framework.permissions import AllowAny
from wagtail.api.v2.router import WagtailAPIRouter
from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.documents import get_document_model
from wagtail.documents.api.v2.views import DocumentsAPIViewSet
from wagtail.images import get_image_model
from wagtail.images.api.v2.views import ImagesAPIViewSet
from wagtail.models import Collection, CollectionViewRestriction, Page, PageViewRestriction, Site

from organisasi import peran

# Apps whose page types make up the public website. An allow-list, not a deny-list: a new page
# type elsewhere (letters, templates, whatever comes next) stays out until it is added here.
APP_HALAMAN_PUBLIK: tuple[str, ...] = ("publik", "ppid")

# Top-level collections whose images and documents are public (descendants included). Media in
# other collections (the root "Root", uploads for letter templates and letterheads) stay out.
KOLEKSI_PUBLIK: tuple[str, ...] = (peran.KOLEKSI_PUBLIK,)


def _jalur_terbatas(model: type[Any], field: str) -> list[str]:
    """Tree paths of every page/collection carrying a view restriction (of any kind)."""
    return list(model.objects.values_list(f"{field}__path", flat=True))


def _tanpa_cabang(qs: QuerySet[Any], jalur: list[str], prefix: str = "") -> QuerySet[Any]:
    """Exclude the subtrees rooted at `jalur` (treebeard materialised paths)."""
    if not jalur:
        return qs
    kondisi = Q()
    for path in jalur:
        kondisi |= Q(**{f"{prefix}path__startswith": path})
    return qs.exclude(kondisi)


def halaman_publik() -> QuerySet[Page]:
    """Every page the public API may show: see the module docstring.

    Only filters that Wagtail's search backends accept (path, live, content_type) are used, so
    `?search=` keeps working on the result with the database and Elasticsearch backends alike.
    """
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if site is None:
        return Page.objects.none()
    tipe = [
        ct.pk
        for ct in ContentType.objects.filter(app_label__in=APP_HALAMAN_PUBLIK)
        if (model := ct.model_class()) is not None and issubclass(model, Page)
    ]
    qs = Page.objects.live().descendant_of(site.root_page, inclusive=True).filter(content_type__in=tipe)
    return _tanpa_cabang(qs, _jalur_terbatas(PageViewRestriction, "page"))


def koleksi_publik() -> list[int]:
    """Ids of the public collections (see `KOLEKSI_PUBLIK`) minus any subtree with a view
    restriction. A list, not a subquery: search backends filter on plain values."""
    akar = list(Collection.objects.filter(depth=2, name__in=KOLEKSI_PUBLIK).values_list("path", flat=True))
    if not akar:
        return []
    kondisi = Q()
    for path in akar:
        kondisi |= Q(path__startswith=path)
    qs = _tanpa_cabang(Collection.objects.filter(kondisi), _jalur_terbatas(CollectionViewRestriction, "collection"))
    return list(qs.values_list("pk", flat=True))


def _dokumen_template() -> list[int]:
    """Documents uploaded as letter-template .docx files: internal even if filed in a public
    collection by mistake. Looked up through the app registry: publik does not import
    templates_surat (DESIGN.md, "Who may import whom")."""
    if not apps.is_installed("templates_surat"):
        return []
    template = apps.get_model("templates_surat", "TemplateSuratPage")
    return list(template.objects.exclude(berkas_docx__isnull=True).values_list("berkas_docx_id", flat=True).distinct())


class _Publik:
    """Anonymous, read-only: no authentication (a session must not widen what is shown) and no
    login requirement (the project's REST default is IsAuthenticated for /api/v1/)."""

    authentication_classes: list[Any] = []
    permission_classes = [AllowAny]


class HalamanAPIViewSet(_Publik, PagesAPIViewSet):
    """Pages of the public website only; everything else is a 404."""

    def get_base_queryset(self) -> QuerySet[Page]:
        return halaman_publik()


class GambarAPIViewSet(_Publik, ImagesAPIViewSet):
    """Images in public collections only."""

    def get_queryset(self) -> QuerySet[Any]:
        return get_image_model().objects.filter(collection__in=koleksi_publik()).order_by("id")


class DokumenAPIViewSet(_Publik, DocumentsAPIViewSet):
    """Documents in public collections only, never a letter template's .docx."""

    def get_queryset(self) -> QuerySet[Any]:
        return (
            get_document_model()
            .objects.filter(collection__in=koleksi_publik())
            .exclude(pk__in=_dokumen_template())
            .order_by("id")
        )


def buat_router() -> WagtailAPIRouter:
    """The /api/v2/ router with the pages, images and documents endpoints (namespace
    "wagtailapi", the name Wagtail's serializers use for detail URLs)."""
    router = WagtailAPIRouter("wagtailapi")
    router.register_endpoint("pages", HalamanAPIViewSet)
    router.register_endpoint("images", GambarAPIViewSet)
    router.register_endpoint("documents", DokumenAPIViewSet)
    return router
