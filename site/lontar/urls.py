from django.conf import settings
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from ppid.api import InformasiPublikAPIViewSet
from publik.api import buat_router

from .health import healthz

# Headless API of the public website (only public pages and media: publik.api).
api_publik = buat_router()
api_publik.register_endpoint("informasi-publik", InformasiPublikAPIViewSet)  # the DIP items

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("cari/", include("publik.urls")),
    path("verifikasi/", include("publik.urls_verifikasi")),
    path("ppid/", include("ppid.urls")),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v1/", include("lontar.api")),
    path("api/v2/", api_publik.urls),
    path("dokumen/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Public site: news RSS, sitemap.xml, robots.txt and page serving through the anonymous
# page cache (publik.urls_situs), ahead of the catch-all.
urlpatterns += [path("", include("publik.urls_situs"))]

# Wagtail's page serving catches everything else: keep it last.
urlpatterns += [path("", include(wagtail_urls))]
