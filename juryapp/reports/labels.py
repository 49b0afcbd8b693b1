"""Every fixed text printed on a result document, in Indonesian and English."""

from __future__ import annotations

from typing import Any

from juryapp.domain.messages import Text

LABELS: dict[str, Text] = {
    # page furniture
    "page": Text("Halaman {page} dari {pages}", "Page {page} of {pages}"),
    "printed_on": Text("Dicetak pada {when}", "Printed on {when}"),
    "version": Text("Versi hasil {version}", "Results version {version}"),
    "fingerprint": Text("Sidik jari hasil {value}", "Results fingerprint {value}"),
    "key": Text("Kunci {value}", "Key {value}"),
    "certificate": Text("Sertifikat {value}", "Certificate {value}"),
    "draft": Text("DRAF", "DRAFT"),  # the app's own word for it, on screen and on paper
    "draft_note": Text(
        "DRAF — bukan dokumen resmi; hasil masih dapat berubah",
        "DRAFT — not an official document; results may still change",
    ),
    "verify": Text(
        "Pindai kode QR untuk memeriksa keaslian dokumen",
        "Scan the QR code to check that this document is genuine",
    ),
    # people and signatures
    "judge": Text("Juri", "Judge"),
    "judge_n": Text("Juri {n}", "Judge {n}"),
    "judge_signs": Text("Juri,", "Judge,"),
    "chair_signs": Text("Ketua Dewan Juri,", "Chair of the Jury,"),
    "member_signs": Text("Anggota Dewan Juri,", "Member of the Jury,"),
    "jury": Text("Dewan Juri", "Jury"),
    "chair": Text("Ketua", "Chair"),
    "member": Text("Anggota", "Member"),
    "acknowledged": Text("Mengetahui,", "Acknowledged by,"),
    "nip": Text("NIP. {nip}", "NIP {nip}"),
    "place_date": Text("{place}, {date}", "{place}, {date}"),
    # shared columns and fields
    "no": Text("No", "No"),
    "code": Text("Kode", "Code"),
    "criterion": Text("Kriteria", "Criterion"),
    "weight": Text("Bobot", "Weight"),
    "score": Text("Skor", "Score"),
    "score_range": Text("Skor ({low}–{high})", "Score ({low}–{high})"),
    "value": Text("Nilai", "Value"),
    "participant": Text("Peserta", "Participant"),
    "institution": Text("Institusi", "Institution"),
    "title": Text("Judul Inovasi", "Innovation title"),
    "category": Text("Kategori", "Category"),
    "category_named": Text("Kategori {name}", "Category {name}"),
    "day_date": Text("Hari/Tanggal", "Day/Date"),
    "order": Text("Nomor Urut", "Order"),
    "team_code": Text("Kode Peserta", "Participant code"),
    "judge_name": Text("Nama Juri", "Judge"),
    "final_score": Text("Nilai Akhir", "Final score"),
    "rank": Text("Peringkat", "Rank"),
    "remark": Text("Keterangan", "Remark"),
    "shared": Text("{rank} (bersama)", "{rank} (shared)"),
    "shared_title": Text("{title} (bersama)", "{title} (shared)"),
    "advances_to": Text("Lolos ke {level}", "Advances to {level}"),
    "advances": Text("Lolos", "Advances"),
    "method": Text("Metode penilaian: {method}", "Scoring method: {method}"),
    "total": Text("Jumlah Nilai", "Total"),
    "notes": Text("Catatan", "Notes"),
    "none": Text("—", "—"),
    # score sheet
    "sheet_title": Text("LEMBAR PENILAIAN JURI", "JUDGE'S SCORE SHEET"),
    "blank_form": Text(
        "Formulir penilaian di atas kertas: isi skor, hitung nilai, lalu tanda tangani.",
        "Paper score form: fill in the scores, work out the values, then sign.",
    ),
    # recap
    "recap_title": Text("REKAPITULASI NILAI", "SCORE RECAPITULATION"),
    "judge_scores": Text("Nilai Juri", "Judges' totals"),
    "quota": Text(
        "Kuota lolos ke {level}: {quota} peserta", "Places advancing to {level}: {quota}"
    ),
    "quota_plain": Text("Kuota lolos: {quota} peserta", "Places advancing: {quota}"),
    "teams_judges": Text(
        "Jumlah peserta: {teams} · Jumlah juri: {judges}",
        "Participants: {teams} · Judges: {judges}",
    ),
    "legend_conflict": Text(
        "— tidak menilai karena konflik kepentingan", "— did not score (conflict of interest)"
    ),
    "legend_abstained": Text("TM tidak menilai", "NS did not score"),
    "legend_missing": Text("? nilai belum masuk", "? score not yet submitted"),
    "mark_abstained": Text("TM", "NS"),
    "mark_missing": Text("?", "?"),
    "judges_key": Text("Nomor juri:", "Judge numbers:"),
    "ties": Text("Keputusan atas nilai sama", "Tie decisions"),
    "jury_signs": Text("Dewan Juri", "The Jury"),
    # minutes
    "minutes_title": Text("BERITA ACARA HASIL PENILAIAN", "MINUTES OF THE JUDGING RESULTS"),
    "number": Text("Nomor: {number}", "Number: {number}"),
    "minutes_opening": Text(
        "Pada hari ini {date}{time}, bertempat di {place}, Dewan Juri {convention} telah "
        "melaksanakan penilaian terhadap {teams} peserta dalam {categories} kategori. "
        "Dewan Juri terdiri atas:",
        "On this day, {date}{time}, at {place}, the Jury of the {convention} assessed "
        "{teams} participants in {categories} categories. The jury consisted of:",
    ),
    "minutes_time": Text(", {time}", ", at {time}"),
    "minutes_result": Text(
        "Berdasarkan hasil penilaian dengan metode {method}, Dewan Juri menetapkan hasil "
        "sebagai berikut:",
        "Based on the assessment with the method “{method}”, the Jury determined the "
        "following results:",
    ),
    "minutes_category": Text(
        "{number}. Kategori {name} ({teams} peserta, kuota lolos {quota})",
        "{number}. Category {name} ({teams} participants, {quota} advancing)",
    ),
    "minutes_ties": Text(
        "Atas nilai yang sama, Dewan Juri memutuskan:",
        "Where scores were equal, the Jury decided:",
    ),
    "minutes_closing": Text(
        "Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
        "mestinya.",
        "These minutes have been drawn up truthfully, to be used as appropriate.",
    ),
    "name": Text("Nama", "Name"),
    "position": Text("Jabatan / Instansi", "Position / Institution"),
    "role": Text("Kedudukan", "Role"),
    "signature": Text("Tanda Tangan", "Signature"),
    # certificate
    "certificate_title": Text("PIAGAM PENGHARGAAN", "CERTIFICATE OF AWARD"),
    "given_to": Text("diberikan kepada", "is presented to"),
    "as": Text("sebagai", "as"),
    "for_innovation": Text("atas inovasi", "for the innovation"),
    "in_category": Text("{title} Kategori {category}", "{title}, {category} category"),
    "at_convention": Text("pada {convention}", "at the {convention}"),
    # feedback
    "feedback_title": Text("LEMBAR UMPAN BALIK", "FEEDBACK SHEET"),
    "rank_of": Text("{rank} dari {count} peserta", "{rank} of {count} participants"),
    "team_mean": Text("Rata-rata Tim", "Team mean"),
    "category_mean": Text("Rata-rata Kategori", "Category mean"),
    "category_best": Text("Terbaik di Kategori", "Best in category"),
    "chart": Text("Posisi pada skala", "Position on the scale"),
    "chart_legend": Text(
        "Batang: rata-rata tim · garis: rata-rata kategori · segitiga: terbaik di kategori",
        "Bar: team mean · line: category mean · triangle: best in category",
    ),
    "scale_units": Text(
        "Rata-rata dihitung pada skala skor tiap kriteria.",
        "Means are on each criterion's score scale.",
    ),
    "judges_notes": Text("Catatan Dewan Juri", "The jury's notes"),
    "no_notes": Text("Tidak ada catatan.", "No notes."),
    "general_note": Text("umum", "general"),
    "feedback_privacy": Text(
        "Catatan juri ditampilkan tanpa nama juri.", "Judges' notes are shown without names."
    ),
}


def label(key: str, lang: str, **values: Any) -> str:
    """The label ``key`` in ``lang`` with ``values`` filled in."""
    text = LABELS[key]
    return (text.format(**values) if values else text).in_language(lang)
