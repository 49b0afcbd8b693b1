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
    "key": Text("Sidik jari kunci {value}", "Key fingerprint {value}"),
    "draft": Text("DRAF", "DRAFT"),  # the app's own word for it, on screen and on paper
    "draft_note": Text(
        "DRAF — bukan dokumen resmi; hasil masih dapat berubah",
        "DRAFT — not an official document; results may still change",
    ),
    "verify": Text(
        "Pindai kode QR untuk memeriksa keaslian dokumen",
        "Scan the QR code to check that this document is genuine",
    ),
    "blank_page": Text(
        "Halaman ini sengaja dikosongkan.", "This page is intentionally left blank."
    ),
    "telephone": Text("Telepon {value}", "Telephone {value}"),
    "email": Text("Pos-el {value}", "E-mail {value}"),
    "website": Text("Laman {value}", "Website {value}"),
    # people and signatures
    "judge": Text("Juri", "Judge"),
    "judge_signs": Text("Juri,", "Judge,"),
    "chair_signs": Text("Ketua Dewan Juri,", "Chair of the Jury,"),
    "member_signs": Text("Anggota Dewan Juri,", "Member of the Jury,"),
    "jury": Text("Dewan Juri", "Jury"),
    "chair": Text("Ketua", "Chair"),
    "member": Text("Anggota", "Member"),
    "chair_of_jury": Text("Ketua Dewan Juri", "Chair of the Jury"),
    "member_of_jury": Text("Anggota Dewan Juri", "Member of the Jury"),
    "acknowledged": Text("Mengetahui,", "Acknowledged by,"),
    "nip": Text("NIP {nip}", "NIP {nip}"),
    "place_date": Text("{place}, {date}", "{place}, {date}"),
    "declarer_signs": Text("Yang menyatakan,", "Declared by,"),
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
    "category_named": Text("Kategori {name}", "Category: {name}"),
    "day_date": Text("Hari/Tanggal", "Day/Date"),
    "time": Text("Waktu", "Time"),
    "place": Text("Tempat", "Place"),
    "order": Text("Nomor Urut", "Order"),
    "team_code": Text("Kode Peserta", "Participant code"),
    "judge_name": Text("Nama Juri", "Judge"),
    "final_score": Text("Nilai Akhir", "Final score"),
    "rank": Text("Peringkat", "Rank"),
    "remark": Text("Keterangan", "Remark"),
    "reason": Text("Alasan", "Reason"),
    "shared": Text("{rank} (bersama)", "{rank} (shared)"),
    "shared_title": Text("{title} (bersama)", "{title} (shared)"),
    "pending": Text("{rank} (seri)", "{rank} (tied)"),
    "pending_title": Text("{title} (seri)", "{title} (tied)"),
    "advances_to": Text("Lolos ke {level}", "Advances to the {level}"),
    "advances": Text("Lolos", "Advances"),
    "method": Text("Metode penilaian: {method}", "Scoring method: {method}"),
    "total": Text("Jumlah Nilai", "Total"),
    "notes": Text("Catatan", "Notes"),
    "none": Text("—", "—"),
    "name": Text("Nama", "Name"),
    "nip_field": Text("NIP", "NIP"),
    "position": Text("Jabatan / Instansi", "Position / Institution"),
    "position_only": Text("Jabatan", "Position"),
    "agency": Text("Instansi", "Institution"),
    "role": Text("Kedudukan", "Role"),
    "signature": Text("Tanda Tangan", "Signature"),
    "not_scored": Text("tidak menilai", "did not score"),
    "not_scored_because": Text("tidak menilai ({reason})", "did not score ({reason})"),
    # score sheet and blank form
    "sheet_title": Text("LEMBAR PENILAIAN JURI", "JUDGE'S SCORE SHEET"),
    "blank_form": Text(
        "Isi skor setiap kriteria, hitung nilainya, jumlahkan, lalu tanda tangani.",
        "Fill in each criterion's score, work out its value, add them up, then sign.",
    ),
    "formula_line": Text(
        "Cara menghitung: {formula}; Jumlah Nilai = jumlah seluruh Nilai (0–100).",
        "How to work it out: {formula}; Total = the sum of the values (0–100).",
    ),
    "levels_line": Text("Arti skor: {levels}.", "What the scores mean: {levels}."),
    "guide_title": Text("PEDOMAN PENILAIAN", "SCORING GUIDE"),
    "meaning": Text("Tingkat dan Deskripsi", "Level and description"),
    "guide_note": Text(
        "Beri setiap kriteria skor yang deskripsinya paling sesuai dengan inovasi yang dinilai.",
        "Give each criterion the score whose description fits the innovation best.",
    ),
    # recap
    "recap_title": Text("REKAPITULASI NILAI", "SCORE RECAPITULATION"),
    "judge_scores": Text("Nilai Juri", "Judges' totals"),
    "quota": Text(
        "Kuota lolos ke {level}: {quota} peserta", "Places advancing to the {level}: {quota}"
    ),
    "quota_plain": Text("Kuota lolos: {quota} peserta", "Places advancing: {quota}"),
    "teams_judges": Text(
        "Jumlah peserta: {teams} · Jumlah juri: {judges}",
        "Participants: {teams} · Judges: {judges}",
    ),
    "legend_conflict": Text(
        "— tidak menilai karena konflik kepentingan", "— did not score (conflict of interest)"
    ),
    "legend_outlier": Text(
        "* nilai juri berbeda lebih dari {points} poin dari rata-rata nilai juri untuk peserta "
        "tersebut (dibahas dalam sidang pleno)",
        "* the judge's total is more than {points} points from the judges' mean for that "
        "participant (discussed in the plenary)",
    ),
    "legend_outlier_framed": Text(
        "nilai berbingkai tebal: nilai juri berbeda lebih dari {points} poin dari rata-rata nilai "
        "juri untuk peserta tersebut (dibahas dalam sidang pleno)",
        "totals in a thick frame: the judge's total is more than {points} points from the "
        "judges' mean for that participant (discussed in the plenary)",
    ),
    "legend_not_scored": Text(
        "({n}) {judge} tidak menilai {team}: {reason}",
        "({n}) {judge} did not score {team}: {reason}",
    ),
    "judges_key": Text("Nomor juri:", "Judge numbers:"),
    "ties": Text("Peringkat atas nilai akhir yang sama", "Places where final scores were equal"),
    "jury_signs": Text("Dewan Juri", "The Jury"),
    # minutes
    "minutes_title": Text("BERITA ACARA HASIL PENILAIAN", "MINUTES OF THE JUDGING RESULTS"),
    "number": Text("Nomor: {number}", "Number: {number}"),
    "theme": Text("Tema: “{theme}”", "Theme: “{theme}”"),
    "minutes_opening": Text(
        "Pada hari ini {date}{time}, bertempat di {place}, Dewan Juri {convention} telah "
        "menyelesaikan penilaian terhadap {teams} peserta dalam {categories} kategori{days}. "
        "Dewan Juri terdiri atas:",
        "On this day, {date}{time}, at {place}, the Jury of the {convention} completed its "
        "assessment of {teams} participants in {categories} categories{days}. The Jury "
        "consisted of:",
    ),
    "minutes_time": Text(", {time} sampai dengan selesai", ", from {time}"),
    "minutes_days": Text(
        " yang mempresentasikan inovasinya pada {dates}", ", who presented on {dates}"
    ),
    "minutes_result": Text(
        "Berdasarkan hasil penilaian dengan metode {method}, Dewan Juri menetapkan hasil "
        "sebagai berikut:",
        "Based on the assessment by the method “{method}”, the Jury determined the "
        "following results:",
    ),
    "minutes_category": Text(
        "{number}. Kategori {name} ({teams} peserta, kuota lolos {quota})",
        "{number}. {name} ({teams} participants, {quota} advancing)",
    ),
    "minutes_ties": Text(
        "Atas nilai akhir yang sama, peringkat ditetapkan sebagai berikut:",
        "Where final scores were equal, the places were settled as follows:",
    ),
    "minutes_absences": Text(
        "Nilai juri yang tidak dihitung:", "Judges' totals that were not counted:"
    ),
    "minutes_all_scored": Text(
        "Seluruh anggota Dewan Juri menilai seluruh peserta.",
        "Every member of the Jury scored every participant.",
    ),
    "minutes_locked": Text(
        "Hasil penilaian di atas adalah hasil versi {version} yang telah dikunci{note}.",
        "The results above are results version {version}, locked{note}.",
    ),
    "minutes_lock_note": Text(" dengan catatan: “{note}”", " with the note “{note}”"),
    "minutes_draft": Text(
        "Hasil penilaian versi {version} belum dikunci; Berita Acara ini masih draf.",
        "Results version {version} are not locked yet; these minutes are a draft.",
    ),
    "minutes_compare": Text(
        "Dokumen hasil ditandatangani secara elektronik. Siapa pun yang memeriksa keaslian "
        "dokumen hasil membandingkan nilai berikut dengan yang tertera pada dokumen atau "
        "diperoleh saat pemeriksaan:",
        "The results documents are signed electronically. Anyone checking that a results "
        "document is genuine compares these values with the ones the document or the check "
        "shows:",
    ),
    "minutes_key": Text("Sidik jari kunci penanda tangan", "Fingerprint of the signing key"),
    # the head the lock's seal signed: what `juryapp audit verify --head` checks a trail against
    "minutes_audit": Text("Kepala jejak audit yang disegel", "Sealed head of the audit trail"),
    "minutes_annex": Text(
        "Rekapitulasi nilai terlampir dan merupakan bagian yang tidak terpisahkan dari Berita "
        "Acara ini.",
        "The score recapitulation is attached and forms an integral part of these minutes.",
    ),
    "minutes_closing": Text(
        "Demikian Berita Acara ini dibuat dengan sebenarnya untuk dipergunakan sebagaimana "
        "mestinya.",
        "These minutes have been drawn up truthfully, to be used as appropriate.",
    ),
    # certificate
    "certificate_title": Text("PIAGAM PENGHARGAAN", "CERTIFICATE OF AWARD"),
    "given_to": Text("diberikan kepada", "is presented to"),
    "as": Text("sebagai", "as"),
    "for_innovation": Text("atas inovasi", "for the innovation"),
    "in_category": Text("{title} Kategori {category}", "{title}, {category} category"),
    "at_convention": Text("pada {convention}", "at the {convention}"),
    "with_theme": Text("dengan tema “{theme}”", "themed “{theme}”"),
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
        "Catatan disajikan tanpa nama juri dan dalam urutan acak.",
        "The notes are shown without the judges' names and in a random order.",
    ),
}


# The documents of the event around the results: declarations, attendance, a judge's own
# recap, the announcement and the robustness annex.
EVENT_LABELS: dict[str, Text] = {
    "declaration_title": Text(
        "PERNYATAAN KONFLIK KEPENTINGAN", "DECLARATION OF CONFLICTS OF INTEREST"
    ),
    "declaration_intro": Text("Yang bertanda tangan di bawah ini:", "I, the undersigned,"),
    "declaration_with": Text(
        "dengan ini menyatakan bahwa saya memiliki hubungan yang dapat menimbulkan konflik "
        "kepentingan dengan peserta {convention} berikut, dan karena itu tidak akan menilai "
        "peserta tersebut:",
        "declare that I have ties that may create a conflict of interest with the following "
        "participants of the {convention}, and will therefore not score them:",
    ),
    "declaration_none": Text(
        "dengan ini menyatakan bahwa saya tidak memiliki hubungan keluarga, hubungan kerja, "
        "maupun kepentingan lain dengan peserta {convention} yang dapat memengaruhi objektivitas "
        "penilaian saya.",
        "declare that I have no family, working or other tie with any participant of the "
        "{convention} that could affect the objectivity of my scoring.",
    ),
    "declaration_pledge": Text(
        "Saya akan menilai peserta secara objektif, jujur dan mandiri berdasarkan kriteria "
        "penilaian yang ditetapkan, serta menjaga kerahasiaan nilai sampai hasil diumumkan. "
        "Apabila di kemudian hari saya menyadari konflik kepentingan yang belum tercantum di "
        "sini, saya akan segera melaporkannya kepada Ketua Dewan Juri dan tidak menilai peserta "
        "tersebut.",
        "I will score the participants objectively, honestly and independently against the "
        "criteria set, and keep the scores confidential until the results are announced. "
        "Should I later become aware of a conflict of interest not listed here, I will report "
        "it to the Chair of the Jury at once and not score that participant.",
    ),
    "declaration_closing": Text(
        "Demikian pernyataan ini saya buat dengan sebenarnya dan dengan penuh tanggung jawab.",
        "I make this declaration truthfully and in full responsibility.",
    ),
    "attendance_title": Text("DAFTAR HADIR DEWAN JURI", "ATTENDANCE LIST OF THE JURY"),
    "day_number": Text("Hari ke-{n}", "Day {n}"),
    "attendance_time": Text("{time} sampai dengan selesai", "from {time}"),
    "laptop_key": Text("Sidik Jari Kunci Laptop", "Laptop key fingerprint"),
    "judge_recap_title": Text("REKAPITULASI NILAI JURI", "JUDGE'S SCORE RECAPITULATION"),
    "judge_recap_statement": Text(
        "Nilai di atas adalah nilai yang saya berikan kepada setiap peserta, sebagaimana "
        "tercatat pada lembar penilaian masing-masing. Rekapitulasi ini saya tanda tangani "
        "sebagai pengganti tanda tangan pada setiap lembar penilaian.",
        "The scores above are the ones I gave each participant, as recorded on each score "
        "sheet. I sign this recapitulation in place of signing every score sheet.",
    ),
    "announcement_title": Text("PENGUMUMAN PEMENANG", "ANNOUNCEMENT OF THE WINNERS"),
    "announcement_intro": Text(
        "Dibacakan pada penutupan {convention}, setiap kategori dari peringkat terbawah sampai "
        "juara pertama.",
        "To be read at the closing of the {convention}, each category from the lowest place up "
        "to the winner.",
    ),
    "announcement_pending": Text(
        "menunggu keputusan Dewan Juri — jangan dibacakan sebelum diputuskan",
        "awaiting the Jury's decision — do not read out before it is made",
    ),
    "announcement_score": Text("nilai akhir {score}", "final score {score}"),
    "robustness_title": Text(
        "LAMPIRAN: UJI KETAHANAN PERINGKAT", "ANNEX: HOW ROBUST THE RANKING IS"
    ),
    "robustness_intro": Text(
        "Peringkat setiap peserta dihitung ulang dengan setiap metode penilaian dan dengan "
        "meniadakan nilai satu juri secara bergantian. Peringkat resmi tetap menurut metode "
        "{method} dengan nilai seluruh juri; lampiran ini menunjukkan peserta yang peringkat "
        "atau kelolosannya bergantung pada metode atau pada satu juri.",
        "Each participant's place is worked out again under every scoring method, and with "
        "each judge's totals left out in turn. The official ranking stays the one by the "
        "method “{method}” with every judge's totals; this annex shows which participants' "
        "place or advancement depends on the method or on one judge.",
    ),
    "robustness_official": Text("Resmi", "Official"),
    "robustness_methods": Text("Menurut metode", "By method"),
    "robustness_judges": Text("Tanpa nilai juri", "Without the judge"),
    "robustness_flag": Text("Bergantung pada", "Depends on"),
    "robustness_legend": Text(
        "Angka tebal: lolos; * peringkat berbeda dari peringkat resmi; — tidak berperingkat.",
        "Bold: advances; * a place other than the official one; — no place.",
    ),
    "robustness_stable": Text(
        "Tidak ada peserta yang peringkat atau kelolosannya bergantung pada metode atau pada "
        "satu juri.",
        "No participant's place or advancement depends on the method or on one judge.",
    ),
}
_ALL = {**LABELS, **EVENT_LABELS}


def label(key: str, lang: str, /, **values: Any) -> str:
    """The label ``key`` in ``lang`` with ``values`` filled in."""
    text = _ALL[key]
    return (text.format(**values) if values else text).in_language(lang)
