"""REST API v1 (mounted at /api/v1/ by lontar.urls): routers, OpenAPI schema and
self-hosted Swagger UI (drf-spectacular-sidecar: Pemda servers have no internet)."""

from __future__ import annotations

from typing import Any

from django.urls import path
from drf_spectacular.views import SpectacularAPIView, SpectacularSwaggerView
from rest_framework.routers import SimpleRouter

from naskah.api import JabatanViewSet, NaskahViewSet, TemplateSuratViewSet
from naskah.api_agenda import AgendaView
from naskah.api_masuk import DisposisiViewSet, NaskahMasukViewSet
from search.api import CariView

AWALAN = "/api/v1/"

router = SimpleRouter()
router.register("template-surat", TemplateSuratViewSet, basename="template-surat")
router.register("jabatan", JabatanViewSet, basename="jabatan")
router.register("naskah", NaskahViewSet, basename="naskah")
router.register("naskah-masuk", NaskahMasukViewSet, basename="naskah-masuk")
router.register("disposisi", DisposisiViewSet, basename="disposisi")

app_name = "api"
urlpatterns = [
    *router.urls,
    path("agenda/", AgendaView.as_view(), name="agenda"),
    path("cari/", CariView.as_view(), name="cari"),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", SpectacularSwaggerView.as_view(url_name="api:schema"), name="docs"),
]


def hanya_api_v1(endpoints: list[tuple[Any, ...]], **kwargs: Any) -> list[tuple[Any, ...]]:
    """Schema preprocessing hook: only this API (not Wagtail's /admin/api/)."""
    return [e for e in endpoints if e[0].startswith(AWALAN)]
