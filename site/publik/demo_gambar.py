"""Illustrations for the demo site, drawn with Pillow: a two-colour gradient, a few soft
shapes and a caption. Generated here, so they carry no third-party rights (CC0, like the rest
of the demo content); no network, no stock photos."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from typing import Any

from django.core.files.images import ImageFile
from PIL import Image as PilImage
from PIL import ImageChops, ImageDraw, ImageFont
from wagtail.images import get_image_model
from wagtail.models import Collection

from organisasi.peran import pastikan_koleksi_publik

LEBAR, TINGGI = 800, 450
LISENSI = "Ilustrasi dibuat otomatis untuk data demo (Pillow); CC0 — bebas dipakai."

# Tasteful pairs (dark enough for white text at WCAG AA on the caption band).
PALET: dict[str, tuple[str, str]] = {
    "biru": ("#0b3d6e", "#2f7fc1"),
    "hijau": ("#0f5132", "#3a9d6b"),
    "jingga": ("#7a3a06", "#d9822b"),
    "ungu": ("#3d2466", "#7b5cb8"),
    "teal": ("#0b4f57", "#2a9aa6"),
}


@dataclass(frozen=True)
class Ilustrasi:
    judul: str
    teks: str
    palet: str
    nama_berkas: str


def koleksi_publik() -> Collection:
    return pastikan_koleksi_publik()


def _hex(warna: str) -> tuple[int, int, int]:
    return int(warna[1:3], 16), int(warna[3:5], 16), int(warna[5:7], 16)


def _huruf(ukuran: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    try:
        return ImageFont.truetype("DejaVuSans-Bold.ttf", ukuran)
    except OSError:
        return ImageFont.load_default(size=ukuran)


def gambar_jpeg(teks: str, palet: str, benih: int) -> bytes:
    """A JPEG of LEBAR×TINGGI: diagonal gradient, translucent circles, caption band."""
    awal, akhir = (_hex(w) for w in PALET[palet])
    # diagonal gradient: the mean of a vertical and a horizontal one
    tegak = PilImage.linear_gradient("L").resize((LEBAR, TINGGI))
    masker = ImageChops.add(tegak, tegak.transpose(PilImage.Transpose.ROTATE_90).resize((LEBAR, TINGGI)), scale=2.0)
    gambar = PilImage.composite(
        PilImage.new("RGB", (LEBAR, TINGGI), akhir), PilImage.new("RGB", (LEBAR, TINGGI), awal), masker
    )
    acak = random.Random(benih)  # noqa: S311 - decoration, not security
    lapisan = PilImage.new("RGBA", (LEBAR, TINGGI), (0, 0, 0, 0))
    pena = ImageDraw.Draw(lapisan)
    for _ in range(6):
        r = acak.randint(60, 220)
        x, y = acak.randint(-r, LEBAR), acak.randint(-r, TINGGI)
        pena.ellipse((x, y, x + 2 * r, y + 2 * r), fill=(255, 255, 255, acak.randint(18, 45)))
    pena.rectangle((0, TINGGI - 110, LEBAR, TINGGI), fill=(0, 0, 0, 150))
    gambar = PilImage.alpha_composite(gambar.convert("RGBA"), lapisan)
    pena = ImageDraw.Draw(gambar)
    huruf = _huruf(32)
    baris, kini = [], ""
    for kata in teks.split():
        coba = f"{kini} {kata}".strip()
        if pena.textlength(coba, font=huruf) > LEBAR - 80 and kini:
            baris.append(kini)
            kini = kata
        else:
            kini = coba
    baris.append(kini)
    y = TINGGI - 95 if len(baris) > 1 else TINGGI - 72
    for b in baris[:2]:
        pena.text((40, y), b, font=huruf, fill=(255, 255, 255, 255))
        y += 40
    keluaran = io.BytesIO()
    gambar.convert("RGB").save(keluaran, "JPEG", quality=82)
    return keluaran.getvalue()


def pastikan_gambar(ilustrasi: Ilustrasi, koleksi: Collection, dibuat: list[Any]) -> Any:
    """The Wagtail image for `ilustrasi`, drawn and saved only the first time (idempotent)."""
    model_gambar = get_image_model()
    ada = model_gambar.objects.filter(collection=koleksi, title=ilustrasi.judul).first()
    if ada is not None:
        return ada
    data = gambar_jpeg(ilustrasi.teks, ilustrasi.palet, benih=sum(map(ord, ilustrasi.nama_berkas)))
    gambar = model_gambar(
        title=ilustrasi.judul,
        collection=koleksi,
        description=ilustrasi.teks,
        file=ImageFile(io.BytesIO(data), name=ilustrasi.nama_berkas),
    )
    gambar._set_image_file_metadata()  # size and hash, as an upload through the admin gets
    gambar.save()
    dibuat.append(gambar)
    return gambar
