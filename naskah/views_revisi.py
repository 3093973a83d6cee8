"""Wagtail's revision compare for letters, opened to everyone who may read the letter
(pemaraf and penandatangan included: they review what changed between konsep),
instead of Wagtail's "may edit or publish" gate."""

from __future__ import annotations

from typing import Any

from django.http import Http404
from wagtail.admin.views.generic.models import RevisionsCompareView as GenericRevisionsCompareView
from wagtail.admin.views.pages.revisions import RevisionsCompareView

from . import akses, selectors


class BandingkanRevisi(RevisionsCompareView):
    history_url_name = "naskah:detail"

    def dispatch(self, request: Any, *args: Any, **kwargs: Any) -> Any:
        # skip Wagtail's "has any page permission" gate: the letter's own rule decides
        return GenericRevisionsCompareView.dispatch(self, request, *args, **kwargs)

    def get_object(self, queryset: Any = None) -> Any:
        naskah = selectors.naskah_terbaca(self.request.user, int(self.pk))
        if naskah is None:
            raise Http404
        akses.catat_akses(self.request.user, naskah, "bandingkan", self.request)
        return naskah
