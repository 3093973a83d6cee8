"""Error reports (500 e-mails to ADMINS, DEBUG pages) never carry passphrases: every POST
field whose name says it holds one — including Wagtail's workflow modal data, which
carries the TTE passphrase — is masked, as are settings named like secrets."""

from __future__ import annotations

import re
from typing import Any

from django.views.debug import SafeExceptionReporterFilter

RAHASIA_POST = re.compile(r"sandi|passphrase|password|workflow_action_extra_data", re.IGNORECASE)


class FilterLaporanGalat(SafeExceptionReporterFilter):
    hidden_settings = re.compile("API|TOKEN|KEY|KUNCI|SECRET|PASS|SANDI|SIGNATURE|HTTP_COOKIE", flags=re.IGNORECASE)

    def get_post_parameters(self, request: Any) -> Any:
        params = super().get_post_parameters(request)
        if request is None or not params:
            return params
        bersih = params.copy()
        for nama in params:
            if RAHASIA_POST.search(nama):
                bersih[nama] = self.cleansed_substitute
        return bersih
