"""Template helpers of the public site."""

from __future__ import annotations

from typing import Any

from django import template
from django.http import QueryDict
from wagtail.models import Site

register = template.Library()


@register.simple_tag(takes_context=True)
def url_penuh(context: dict[str, Any], url: str) -> str:
    """`url` made absolute on the Site's own address, like the canonical page URLs (Open Graph
    needs full URLs; a rendition's `full_url` would use the admin's base URL instead)."""
    request = context.get("request")
    if request is None or not url or "://" in url:
        return url
    situs = Site.find_for_request(request)
    if situs is None:
        return str(request.build_absolute_uri(url))
    return f"{situs.root_url}{url}"


@register.simple_tag(takes_context=True)
def ganti_param(context: dict[str, Any], **ubah: Any) -> str:
    """The current query string with some parameters replaced (None/"" removes one): keeps
    the category and tag filters while paging."""
    request = context.get("request")
    q = request.GET.copy() if request is not None else QueryDict(mutable=True)
    for nama, nilai in ubah.items():
        if nilai in (None, ""):
            q.pop(nama, None)
        else:
            q[nama] = str(nilai)
    return f"?{q.urlencode()}" if q else "?"
