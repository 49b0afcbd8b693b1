"""Writing a whole convention set-up as a TOML file, its logo beside it (convention-file.md)."""

from __future__ import annotations

from decimal import Decimal
from pathlib import Path
from typing import Any

import tomli_w

from juryapp.domain.model import ConventionSpec
from juryapp.interchange.convention_file import FORMAT, FORMAT_VERSION
from juryapp.interchange.files import write_atomically


def to_document(spec: ConventionSpec, logo_name: str = "") -> dict[str, Any]:
    """The TOML document for a set-up; reading it back gives the same set-up.

    The logo is an image file of its own beside the convention file, named ``logo_name``.
    """

    def number(value: Decimal) -> int | float:
        return int(value) if value == value.to_integral_value() else float(value)

    def drop_empty(table: dict[str, Any]) -> dict[str, Any]:
        return {k: v for k, v in table.items() if v not in ("", None, [], ())}

    info = spec.info
    return {
        "format": FORMAT,
        "format_version": FORMAT_VERSION,
        "convention": drop_empty(
            {
                "name": info.name,
                "theme": info.theme,
                "organiser": info.organiser,
                "organiser_head_title": info.organiser_head_title,
                "organiser_head_name": info.organiser_head_name,
                "organiser_head_nip": info.organiser_head_nip,
                "venue": info.venue,
                "city": info.city,
                "next_level": info.next_level,
                "minutes_number": info.minutes_number,
                "max_team_members": info.max_team_members,
                "parent_body": info.parent_body,
                "parent_office": info.parent_office,
                "address": info.address,
                "telephone": info.telephone,
                "email": info.email,
                "website": info.website,
                "organiser_head_rank": info.organiser_head_rank,
                "next_level_en": info.next_level_en,
                "logo": logo_name if info.logo is not None else "",
            }
        ),
        "scoring": {
            "method": spec.scoring.method.value,
            "trim": spec.scoring.trim,
            "total_formula": spec.scoring.total_formula.value,
            "tie_break": list(spec.scoring.tie_break),
            "outlier_threshold": float(spec.scoring.outlier_threshold),
            "presentation_minutes": spec.scoring.presentation_minutes,
            "qa_minutes": spec.scoring.qa_minutes,
        },
        "days": [drop_empty({"date": d.date, "start": d.start}) for d in spec.days],
        "categories": [
            drop_empty({"code": c.code, "name": c.name, "name_en": c.name_en, "quota": c.quota})
            for c in spec.categories
        ],
        "criteria": [
            drop_empty(
                {
                    "code": c.code,
                    "name": c.name,
                    "name_en": c.name_en,
                    "description": c.description,
                    "description_en": c.description_en,
                    "weight": number(c.weight),
                    "scale_min": number(c.scale_min),
                    "scale_max": number(c.scale_max),
                    "scale_step": number(c.scale_step),
                    "levels": [
                        drop_empty(
                            {
                                "score": number(lv.score),
                                "label": lv.label,
                                "label_en": lv.label_en,
                                "description": lv.description,
                                "description_en": lv.description_en,
                            }
                        )
                        for lv in c.levels
                    ],
                }
            )
            for c in spec.criteria
        ],
        "judges": [
            drop_empty(
                {
                    "code": j.code,
                    "name": j.name,
                    "affiliation": j.affiliation,
                    "position": j.position,
                    "nip": j.nip,
                    "role": j.role.value,
                }
            )
            for j in spec.judges
        ],
        "teams": [
            drop_empty(
                {
                    "code": t.code,
                    "institution": t.institution,
                    "category": t.category,
                    "title": t.title,
                    "pillar": t.pillar,
                    "programme": t.programme,
                    "members": list(t.members),
                    "day": t.day,
                    "order": t.order,
                    "time": t.time,
                }
            )
            for t in spec.teams
        ],
        "conflicts": [
            drop_empty(
                {"judge": c.judge, "team": c.team, "institution": c.institution, "reason": c.reason}
            )
            for c in spec.conflicts
        ],
        "abstentions": [
            {"judge": a.judge, "team": a.team, "reason": a.reason} for a in spec.abstentions
        ],
    }


def logo_file_name(path: Path, logo: bytes) -> str:
    """Where the logo of a convention file is written: ``convention-logo.png`` beside it."""
    suffix = ".png" if logo.startswith(b"\x89PNG") else ".jpg"
    return f"{path.stem}-logo{suffix}"


def write_convention_file(spec: ConventionSpec, path: Path) -> None:
    """Write atomically: a pulled USB stick leaves the old file or the new one, never half.

    A logo goes into its own image file beside the convention file, written first, so the
    convention file never names an image that is not there.
    """
    logo_name = ""
    if spec.info.logo is not None:
        logo_name = logo_file_name(path, spec.info.logo)
        write_atomically(path.with_name(logo_name), spec.info.logo)
    write_atomically(path, tomli_w.dumps(to_document(spec, logo_name)).encode())
