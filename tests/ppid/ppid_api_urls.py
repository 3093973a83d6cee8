"""URLconf of the API tests: the PPID endpoint in its own Wagtail API v2 router (the
project's /api/v2/ router is another engineer's; the integrator registers it there)."""

from django.urls import include, path
from wagtail.api.v2.router import WagtailAPIRouter

from ppid.api import InformasiPublikAPIViewSet

router = WagtailAPIRouter("ppid_api_uji")
router.register_endpoint("informasi-publik", InformasiPublikAPIViewSet)

urlpatterns = [path("api/v2-uji/", router.urls), path("", include("lontar.urls"))]
