"""Admin registration of the public site's snippet (news categories), and private pages
answered with 404 on the site."""

from typing import Any

from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.models import PageViewRestriction
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import KategoriBerita


class KategoriBeritaViewSet(SnippetViewSet):
    model = KategoriBerita
    icon = "tag"
    menu_label = _("Kategori berita")
    menu_name = "kategori-berita"
    add_to_admin_menu = False
    list_display = ["nama", "slug", "keterangan"]
    search_fields = ["nama"]


register_snippet(KategoriBeritaViewSet)


@hooks.register("before_serve_page", order=-1)
def halaman_privat_404(page: Any, request: Any, serve_args: Any, serve_kwargs: Any) -> None:
    """A page restricted to logged-in users or groups does not exist for those it is not
    for (404, like drafts), instead of Wagtail's redirect to the admin login. Password
    protection keeps Wagtail's password form: the password is how it is meant to be read."""
    for batasan in page.get_view_restrictions():
        if batasan.restriction_type == PageViewRestriction.PASSWORD:
            continue
        if not batasan.accept_request(request):
            raise Http404
