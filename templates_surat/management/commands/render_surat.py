"""Render a letter from a template on the command line (batch work, integration).

python manage.py render_surat surat-dinas --format pdf --output surat.pdf
python manage.py render_surat surat-tugas --isian data.json --format docx --output st.docx
"""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from templates_surat import layanan
from templates_surat.engine import GalatTemplate
from templates_surat.isian import GalatIsian
from templates_surat.models import TemplateSuratPage
from templates_surat.render import GalatRender


class Command(BaseCommand):
    help = "Render naskah dari template surat yang terbit ke DOCX, PDF atau HTML."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("template", help="Slug template, mis. surat-dinas.")
        parser.add_argument("--isian", type=Path, help="Berkas JSON isian; tanpa ini dipakai isian contoh template.")
        parser.add_argument("--format", choices=["docx", "pdf", "html"], default="pdf")
        parser.add_argument("--output", type=Path, required=True, help="Berkas keluaran ('-' untuk stdout).")
        parser.add_argument("--nomor", help="Nomor final (tanpa ini naskah berupa KONSEP).")

    def handle(self, *args: Any, **options: Any) -> None:
        template = TemplateSuratPage.objects.live().filter(slug=options["template"]).first()
        if template is None:
            tersedia = ", ".join(TemplateSuratPage.objects.live().order_by("slug").values_list("slug", flat=True))
            raise CommandError(f"Template '{options['template']}' tidak ada atau belum terbit. Tersedia: {tersedia}")
        if options["isian"]:
            try:
                data = json.loads(options["isian"].read_text(encoding="utf-8"))
            except (OSError, ValueError) as exc:
                raise CommandError(f"Berkas isian tidak dapat dibaca: {exc}") from exc
        else:
            data = template.isian_contoh
        try:
            berkas = layanan.render(
                template, data, options["format"], nomor=options["nomor"], konsep=not options["nomor"]
            )
        except GalatIsian as exc:
            pesan = "\n".join(f"  {nama}: {' '.join(p)}" for nama, p in exc.galat.items())
            raise CommandError(f"Isian tidak sesuai template:\n{pesan}") from exc
        except (GalatTemplate, GalatRender) as exc:
            raise CommandError(str(exc)) from exc
        if str(options["output"]) == "-":
            sys.stdout.buffer.write(berkas.isi)
            return
        options["output"].write_bytes(berkas.isi)
        self.stderr.write(f"{options['output']} ({len(berkas.isi):,} bita, {berkas.content_type})")
