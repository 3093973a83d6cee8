from django.conf import settings
from django.contrib.staticfiles.urls import staticfiles_urlpatterns
from django.urls import include, path
from django.views.i18n import set_language
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from .health import healthz

urlpatterns = [
    path("healthz", healthz, name="healthz"),
    path("cari/", include("publik.urls")),
    path("verifikasi/", include("publik.urls_verifikasi")),
    path("admin/", include(wagtailadmin_urls)),
    path("api/v1/", include("lontar.api")),
    path("dokumen/", include(wagtaildocs_urls)),
    path("i18n/setlang/", set_language, name="set_language"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Wagtail's page serving catches everything else: keep it last.
urlpatterns += [path("", include(wagtail_urls))]
