"""The spreadsheet layouts the secretariat imports, with Indonesian and English headers.

The first heading of each column is the one templates write, the second its Indonesian
twin; the others are what people and the app's own tables (such as "No." for the
presentation order) call it.
"""

from __future__ import annotations

from juryapp.interchange.tabular import Column

TEAM_COLUMNS = (
    Column("code", ("code", "kode", "kode tim", "team code", "team")),
    Column("institution", ("institution", "institusi", "instansi", "nama institusi", "faskes")),
    Column("category", ("category", "kategori")),
    Column("title", ("title", "judul", "judul inovasi", "innovation title", "inovasi")),
    Column("pillar", ("pillar", "pilar"), required=False),
    Column("programme", ("programme", "program", "program pengampuan"), required=False),
    Column(
        "members",
        (
            "members",
            "anggota",
            "anggota tim",
            "team members",
            "members (separate with ;)",
            "anggota (pisahkan dengan ;)",
        ),
        required=False,
    ),
    Column("day", ("day", "hari", "hari ke"), required=False),
    Column(
        "order", ("order", "urutan", "no urut", "presentation order", "no.", "no"), required=False
    ),
    Column("time", ("time", "jam", "waktu", "start"), required=False),
)

JUDGE_COLUMNS = (
    Column("code", ("code", "kode", "kode juri", "judge code", "judge")),
    Column(
        "name",
        ("name", "nama", "nama lengkap", "full name", "name with degrees", "nama dengan gelar"),
    ),
    Column("affiliation", ("affiliation", "afiliasi", "instansi", "institusi"), required=False),
    Column("position", ("position", "jabatan", "job title"), required=False),
    Column("nip", ("nip",), required=False),
    Column("role", ("role", "peran", "kedudukan"), required=False),
)

SCORE_COLUMNS = (
    Column("judge", ("judge", "juri", "kode juri", "judge code")),
    Column("team", ("team", "tim", "kode tim", "team code")),
    # A row that records an abstention names no criterion and gives no score.
    Column(
        "criterion", ("criterion", "kriteria", "kode kriteria", "criterion code"), required=False
    ),
    Column("score", ("score", "skor", "nilai"), required=False),
    Column("note", ("note", "catatan", "keterangan", "notes"), required=False),
    Column(
        "abstain",
        (
            "abstain",
            "tidak menilai",
            "alasan tidak menilai",
            "abstention",
            "abstain reason",
            "absen",
        ),
        required=False,
    ),
)

TEMPLATES = {"teams": TEAM_COLUMNS, "judges": JUDGE_COLUMNS, "scores": SCORE_COLUMNS}
