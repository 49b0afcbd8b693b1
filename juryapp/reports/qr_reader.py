"""Reading the QR codes in a photo or scan of a printed document (zxing-cpp over Pillow)."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

from juryapp.domain.messages import FileProblemError, Text

__all__ = ["MAX_PIXELS", "read_qr_file", "read_qr_image"]

# A phone's photo has 12–50 million pixels; anything far beyond is not a photo of a page.
MAX_PIXELS = 64_000_000


def read_qr_file(path: Path) -> list[str]:
    """The texts of the QR codes found in an image file, in reading order; may be empty.

    FileProblemError (naming the file) when it cannot be read as an image.
    """
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise FileProblemError(
            Text("berkas tidak dapat dibaca: {e}", "the file cannot be read: {e}").format(
                e=exc.strerror or exc
            ),
            file=path.name,
        ) from exc
    return read_qr_image(data, name=path.name)


def read_qr_image(data: bytes, *, name: str = "image") -> list[str]:
    """The texts of the QR codes in image bytes (PNG, JPEG, …); see ``read_qr_file``."""
    import zxingcpp  # noqa: PLC0415 - a native library only this check needs
    from PIL import Image  # noqa: PLC0415

    try:
        with warnings.catch_warnings():
            # Pillow warns, then refuses, past its own pixel limit; ours is lower and says why
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as image:
                width, height = image.size
                if width * height > MAX_PIXELS:
                    raise FileProblemError(
                        Text(
                            "gambar terlalu besar ({w} × {h} piksel); potong bagian kode QR-nya",
                            "the image is too large ({w} × {h} pixels); crop it to the QR code",
                        ).format(w=width, h=height),
                        file=name,
                    )
                grey = image.convert("L")
    except FileProblemError:
        raise
    except Image.DecompressionBombError as exc:  # far past our limit: Pillow refused it first
        raise FileProblemError(
            Text(
                "gambar terlalu besar; potong bagian kode QR-nya",
                "the image is too large; crop it to the QR code",
            ),
            file=name,
        ) from exc
    except (OSError, ValueError, SyntaxError, Image.DecompressionBombWarning) as exc:
        raise FileProblemError(
            Text(
                "bukan gambar yang dapat dibaca (PNG, JPEG, …)",
                "not an image that can be read (PNG, JPEG, …)",
            ),
            file=name,
        ) from exc
    only_qr = zxingcpp.BarcodeFormats(zxingcpp.BarcodeFormat.QRCode)
    found = zxingcpp.read_barcodes(grey, formats=only_qr)
    return [barcode.text for barcode in found if barcode.valid]
