"""The Berita Acara states what happened, in formal Indonesian, and how to check the documents."""

from __future__ import annotations

import re

from juryapp.bootstrap import bootstrap
from juryapp.domain.access import Actor
from tests.documents.conftest import (
    ABSTAIN_REASON,
    CUT_LINE_REASON,
    DECISION_REASON,
    LOCK_REASON,
    LONG,
    TieConvention,
    pdf_text,
)


def test_the_opening_writes_the_date_numbers_and_time_as_formal_letters_do(
    tie_convention: TieConvention,
) -> None:
    text = pdf_text(tie_convention.final.file("minutes"))
    assert (
        "Pada hari ini Kamis tanggal delapan belas bulan September tahun dua ribu dua puluh "
        "lima, pukul 09.00 sampai dengan selesai," in text
    )
    assert "terhadap 8 (delapan) peserta dalam 2 (dua) kategori" in text
    assert "yang mempresentasikan inovasinya pada 17 dan 18 September 2025" in text
    assert "Tema: “Inovasi Layanan Primer untuk Jakarta Kota Global”" in text


def test_missing_details_are_lines_to_write_on_not_gaps(tie_convention: TieConvention) -> None:
    text = pdf_text(tie_convention.final.file("minutes"))
    assert re.search(r"Nomor: \.{20,}", text)
    assert re.search(r"bertempat di \.{20,}, Dewan Juri", text)
    assert "bertempat di ," not in text
    # the acknowledging official's name and NIP are not known yet
    assert re.search(r"Mengetahui, Kepala Suku Dinas .* Barat, \(\.{20,}\) NIP \.{20,}", text)


def test_every_tie_is_told_with_names_scores_and_what_settled_it(
    tie_convention: TieConvention,
) -> None:
    text = pdf_text(tie_convention.final.file("minutes"))
    # a rule at work, with the values it went by, never called a decision of the jury
    assert (
        "RSUD Cengkareng dan RS Hermina Daan Mogot memperoleh nilai akhir yang sama, 75,00. "
        "Menurut kriteria penentu K5 (Kriteria K5), rata-rata skornya: RSUD Cengkareng 5,00 "
        "dan RS Hermina Daan Mogot 3,00. Hasilnya: RSUD Cengkareng peringkat 1 dan RS Hermina "
        "Daan Mogot peringkat 2." in text
    )
    assert "diputus dengan kriteria" not in text
    # the jury's decision, with the values that left nothing else to go by, and its reason
    assert (
        "RSU Nirmala Kasih Meruya dan RS Grha Kedoya memperoleh nilai akhir yang sama, 50,00. "
        "Rata-rata skor RSU Nirmala Kasih Meruya dan RS Grha Kedoya pada seluruh kriteria "
        "penentu juga sama (K5 3,00; K3 3,00; K8 3,00). Dewan Juri menetapkan RS Grha Kedoya di "
        f"atas RSU Nirmala Kasih Meruya, dengan alasan: “{DECISION_REASON}”." in text
    )
    # the tie at the cut line nobody has decided yet: said as such, in the table and below it
    # (a draft: the lock waits for the decision)
    draft = pdf_text(tie_convention.draft.file("minutes"))
    assert f"{LONG} dan Puskesmas Kecamatan Cengkareng memperoleh nilai akhir yang sama" in draft
    assert "melintasi batas kuota lolos, keputusan Dewan Juri diperlukan dan belum dicatat" in draft
    assert draft.count("Juara II (seri)") == 2
    assert draft.count("nilai sama di batas kuota; menunggu keputusan Dewan Juri") == 2
    assert "Juara II (bersama)" not in draft
    # decided before the lock, the final minutes tell the decision and its reason
    assert f"dengan alasan: “{CUT_LINE_REASON}”" in text
    assert "belum dicatat" not in text


def test_absences_and_missing_sheets_are_listed_with_their_reasons(
    tie_convention: TieConvention,
) -> None:
    text = pdf_text(tie_convention.final.file("minutes"))
    assert "Nilai juri yang tidak dihitung:" in text
    assert (
        "Dr. Muhammad Fadhil Ḥasan Al-Ghifārī, S.K.M., M.P.H. tidak menilai RS Hermina Daan "
        "Mogot (RS-02): konflik kepentingan." in text
    )
    assert (
        "dr. Ẹkaputra Sitompul-Nainggolan, MARS tidak menilai Puskesmas Kecamatan Tambora "
        f"(PKM-04): {ABSTAIN_REASON}." in text
    )
    assert (
        "Ir. I Gusti Ngurah Ketut Śrī Wedhana, M.T. tidak menilai RSU Nirmala Kasih Meruya "
        "(RS-03): lembar penilaian tidak diserahkan." in text
    )


def test_the_lock_version_key_and_audit_head_stand_by_the_signatures(
    tie_convention: TieConvention,
) -> None:
    text = pdf_text(tie_convention.final.file("minutes"))
    services = bootstrap(tie_convention.database)
    try:
        key = services.keys.active(Actor.reader())
        assert key is not None
        fingerprint = key.fingerprint
        sealed = services.integrity.check(Actor.reader()).seal
        assert sealed is not None
    finally:
        services.close()
    assert re.fullmatch(r"[0-9A-Z]{4}(-[0-9A-Z]{4}){4}", fingerprint)
    closing = text[text.index("Hasil penilaian di atas") : text.index("DEWAN JURI")]
    assert f"hasil versi 1 yang telah dikunci dengan catatan: “{LOCK_REASON}”" in closing
    assert "Siapa pun yang memeriksa keaslian dokumen hasil membandingkan nilai berikut" in closing
    assert f"Sidik jari kunci penanda tangan : {fingerprint}" in closing
    assert f"Kepala jejak audit yang disegel : {sealed.head}" in closing
    assert (
        "Rekapitulasi nilai terlampir dan merupakan bagian yang tidak terpisahkan dari Berita "
        "Acara ini." in closing
    )
    # and the footer of every page carries the whole fingerprint, not a piece of it
    assert text.count(f"Sidik jari kunci {fingerprint}") == 3


def test_a_draft_says_so_and_claims_no_key(tie_convention: TieConvention) -> None:
    text = pdf_text(tie_convention.draft.file("minutes"))
    assert "Hasil penilaian versi 1 belum dikunci; Berita Acara ini masih draf." in text
    assert "Sidik jari kunci" not in text and "jejak audit" not in text


def test_names_are_grouped_nips_and_the_jury_is_capitalised_everywhere(
    tie_convention: TieConvention,
) -> None:
    for printed in tie_convention.final.written:
        if printed.kind.startswith("all"):
            continue
        text = pdf_text(printed.path)
        assert "197203141998032001" not in text, printed.path.name
        assert not re.search(r"\bdewan juri\b", text), printed.path.name
    text = pdf_text(tie_convention.final.file("minutes"))
    assert "NIP 19720314 199803 2 001" in text


def test_the_english_minutes_say_it_in_english(tie_convention: TieConvention) -> None:
    text = pdf_text(tie_convention.english.file("minutes"))
    assert "MINUTES OF THE JUDGING RESULTS" in text
    assert "8 (eight) participants in 2 (two) categories" in text
    assert "1. Community health centres (4 participants, 2 advancing)" in text
    assert "Advances to the DKI Jakarta provincial level" in text
    assert "Category Community" not in text and "Advances to Tingkat" not in text
    assert "The Jury placed RS Grha Kedoya above RSU Nirmala Kasih Meruya" in text
    assert "Anyone checking that a results document is genuine compares" in text
    assert "Fingerprint of the signing key" in text
