from collections.abc import Callable
from contextvars import ContextVar

from django.conf import settings
from django.http import HttpRequest, HttpResponse
from django.utils import translation


class BahasaMiddleware:
    """Indonesian unless the visitor chose otherwise.

    Unlike Django's LocaleMiddleware, the browser's Accept-Language is ignored: many
    office browsers are set to English, yet Lontar must open in Indonesian. A choice
    made through `set_language` (cookie) is honoured; admin users pick their language
    in their Wagtail profile, which Wagtail applies on top of this.
    """

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response
        self.didukung = {code for code, _name in settings.LANGUAGES}

    def __call__(self, request: HttpRequest) -> HttpResponse:
        pilihan = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
        bahasa = pilihan if pilihan in self.didukung else settings.LANGUAGE_CODE
        translation.activate(bahasa)
        request.LANGUAGE_CODE = bahasa
        response = self.get_response(request)
        response.headers.setdefault("Content-Language", bahasa)
        return response


_permintaan: ContextVar[HttpRequest | None] = ContextVar("lontar_permintaan", default=None)


def permintaan_sekarang() -> HttpRequest | None:
    """The request being served, for code Wagtail calls without one (workflow task
    actions) that must still show the user a message."""
    return _permintaan.get()


class PermintaanMiddleware:
    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        token = _permintaan.set(request)
        try:
            return self.get_response(request)
        finally:
            _permintaan.reset(token)
