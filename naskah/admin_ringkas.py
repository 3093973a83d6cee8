"""Dashboard panel and menu badge: what waits for me, unread letters, notifications."""

from __future__ import annotations

from typing import Any

from wagtail.admin.ui.components import Component

from . import selectors, selectors_masuk
from .models import Notifikasi, StatusDisposisi


def jumlah_tindakan(user: Any) -> int:
    return selectors.perlu_tindakan(user).count()


class PanelNaskah(Component):
    name = "naskah"
    order = 50
    template_name = "naskah/admin/panel_beranda.html"

    def get_context_data(self, parent_context: Any = None) -> dict[str, Any]:
        request = parent_context["request"]
        user = request.user
        return {
            "tindakan": list(selectors.perlu_tindakan(user).order_by("-latest_revision_created_at")[:5]),
            "jumlah_tindakan": jumlah_tindakan(user),
            "belum_dibaca": selectors.kotak_masuk(user).filter(dibaca=False).count(),
            "notifikasi": list(Notifikasi.objects.filter(user=user, dibaca_pada__isnull=True)[:5]),
            "perlu_disposisi": list(selectors_masuk.perlu_disposisi(user).order_by("-tanggal_terima", "-pk")[:5]),
            "disposisi": list(
                selectors_masuk.disposisi_untuk(user).filter(status=StatusDisposisi.AKTIF).order_by("batas_waktu")[:5]
            ),
            "jumlah_disposisi": selectors_masuk.jumlah_disposisi_aktif(user),
        }
