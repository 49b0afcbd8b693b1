"""The TrueType fonts of printed documents, registered with ReportLab once per process."""

from __future__ import annotations

import functools

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from juryapp.domain.messages import FileProblemError, Text
from juryapp.resources import resources_dir

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_ITALIC = "DejaVuSans-Oblique"
SANS_BOLD_ITALIC = "DejaVuSans-BoldOblique"
SERIF = "DejaVuSerif"
SERIF_BOLD = "DejaVuSerif-Bold"
SERIF_ITALIC = "DejaVuSerif-Italic"
CONDENSED = "DejaVuSansCondensed"
CONDENSED_BOLD = "DejaVuSansCondensed-Bold"

# family -> (regular, bold, italic, bold italic); a face we do not ship maps to its neighbour
_FAMILIES = {
    SANS: (SANS, SANS_BOLD, SANS_ITALIC, SANS_BOLD_ITALIC),
    SERIF: (SERIF, SERIF_BOLD, SERIF_ITALIC, SERIF_BOLD),
    CONDENSED: (CONDENSED, CONDENSED_BOLD, CONDENSED, CONDENSED_BOLD),
}


@functools.cache
def register_fonts() -> None:
    """Register the DejaVu faces and their bold/italic mappings (safe to call repeatedly).

    Names are printed in whatever script they are written in, so the documents use fonts that
    carry Latin Extended (Ṡ, Ê, ’) rather than the 14 standard PDF fonts, which stop at Latin-1.
    """
    folder = resources_dir() / "fonts"
    names = {face for faces in _FAMILIES.values() for face in faces}
    for name in sorted(names):
        path = folder / f"{name}.ttf"
        if not path.is_file():
            raise FileProblemError(
                Text(
                    "berkas huruf untuk mencetak dokumen tidak ditemukan; pasang ulang aplikasi",
                    "a font file needed to print documents is missing; reinstall the app",
                ),
                file=str(path),
            )
        pdfmetrics.registerFont(TTFont(name, str(path)))
    for family, (regular, bold, italic, bold_italic) in _FAMILIES.items():
        # stand-in faces first: the last mapping of a face also decides what it is taken for
        # when a paragraph starts in it, and DejaVuSerif-Bold must read as bold, not bold italic
        addMapping(family, 1, 1, bold_italic)
        addMapping(family, 0, 1, italic)
        addMapping(family, 1, 0, bold)
        addMapping(family, 0, 0, regular)
