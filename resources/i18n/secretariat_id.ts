<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="id">
<context>
    <name>BreakdownModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="171" />
        <source>counted</source>
        <translation>dihitung</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="172" />
        <source>excluded: conflict of interest</source>
        <translation>tidak dihitung: konflik kepentingan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="173" />
        <source>excluded: abstained</source>
        <translation>tidak dihitung: abstain</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="174" />
        <source>excluded: not handed in yet</source>
        <translation>tidak dihitung: belum diserahkan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="192" />
        <source>far from the panel mean</source>
        <translation>jauh dari rata-rata juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="206" />
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="206" />
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="206" />
        <source>Counted?</source>
        <translation>Dihitung?</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="206" />
        <source>Flag</source>
        <translation>Tanda</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="270" />
        <source>The rank differs from the chosen method</source>
        <translation>Peringkat berbeda dari metode yang dipilih</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="281" />
        <source>Team</source>
        <translation>Tim</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/correction_dialog.py" line="20" />
        <source>Correct a handed-in score</source>
        <translation>Koreksi skor yang sudah diserahkan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/correction_dialog.py" line="26" />
        <source>Required: why the score changes</source>
        <translation>Wajib: mengapa skor diubah</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/correction_dialog.py" line="34" />
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/correction_dialog.py" line="35" />
        <source>New score</source>
        <translation>Skor baru</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/correction_dialog.py" line="36" />
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/dashboard.py" line="95" />
        <source>Scoring progress</source>
        <translation>Progres penilaian</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/dashboard.py" line="98" />
        <source>Grey: not started · amber: draft (criteria filled) · blue: submitted · green ✓: confirmed · hatched CoI: conflict of interest · red outline: far from the panel mean. Double-click a cell to open the sheet.</source>
        <translation>Abu-abu: belum mulai · kuning: draf (kriteria terisi) · biru: diserahkan · hijau ✓: dikonfirmasi · arsir KK: konflik kepentingan · bingkai merah: jauh dari rata-rata juri. Klik ganda sel untuk membuka lembarnya.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/dashboard.py" line="117" />
        <source>Not started</source>
        <translation>Belum mulai</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/dashboard.py" line="118" />
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/dashboard.py" line="119" />
        <source>Submitted</source>
        <translation>Diserahkan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/dashboard.py" line="120" />
        <source>Confirmed</source>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/dashboard.py" line="121" />
        <source>Conflict</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/dashboard.py" line="122" />
        <source>Abstained</source>
        <translation>Abstain</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="52" />
        <source>Import &amp;teams…</source>
        <translation>Impor &amp;tim…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="52" />
        <source>Add or update teams by code.</source>
        <translation>Tambah atau perbarui tim menurut kode.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="53" />
        <source>Import &amp;judges…</source>
        <translation>Impor &amp;juri…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="53" />
        <source>Add or update judges by code.</source>
        <translation>Tambah atau perbarui juri menurut kode.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="55" />
        <source>Import &amp;scores…</source>
        <translation>Impor &amp;nilai…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="56" />
        <source>Paper sheets typed into a spreadsheet; complete sheets are handed in.</source>
        <translation>Lembar kertas yang diketik ke spreadsheet; lembar lengkap langsung diserahkan.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="59" />
        <source>&amp;Open convention file…</source>
        <translation>&amp;Buka berkas konvensi…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="60" />
        <source>Replace the whole set-up with a convention file (scores stay).</source>
        <translation>Ganti seluruh pengaturan dengan berkas konvensi (nilai tetap tersimpan).</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="63" />
        <source>&amp;Save convention file…</source>
        <translation>&amp;Simpan berkas konvensi…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="64" />
        <source>Write the set-up to a file to share or to start next year's edition.</source>
        <translation>Tulis pengaturan ke berkas untuk dibagikan atau untuk edisi tahun depan.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="108" />
        <source>Working on {file}…</source>
        <translation>Memproses {file}…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="116" />
        <source>{file}: {rows} rows, {added} added, {changed} changed.</source>
        <translation>{file}: {rows} baris, {added} ditambah, {changed} diubah.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="121" />
        <source>{file}: done.</source>
        <translation>{file}: selesai.</translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="27" />
        <source>Mean</source>
        <translation>Rata-rata</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="28" />
        <source>Trimmed mean</source>
        <translation>Rata-rata terpangkas</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="29" />
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="30" />
        <source>Z-score</source>
        <translation>Skor-z</translation>
    </message>
</context>
<context>
    <name>PaperEntryPage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="121" />
        <source>&amp;Judge</source>
        <translation>&amp;Juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="122" />
        <source>&amp;Team</source>
        <translation>&amp;Tim</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="125" />
        <source>Scores from the paper form (Enter saves and moves on)</source>
        <translation>Skor dari formulir kertas (Enter menyimpan dan pindah ke berikutnya)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="126" />
        <source>&amp;Submit sheet</source>
        <translation>&amp;Serahkan lembar</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="127" />
        <source>&amp;Confirm (second person)</source>
        <translation>&amp;Konfirmasi (petugas kedua)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="128" />
        <source>C&amp;orrect a score…</source>
        <translation>K&amp;oreksi skor…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="129" />
        <source>&amp;Reopen…</source>
        <translation>Buka &amp;kembali…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="130" />
        <source>Sheets waiting for confirmation</source>
        <translation>Lembar menunggu konfirmasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="232" />
        <source>Total: {total}</source>
        <translation>Total: {total}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="247" />
        <source>not started</source>
        <translation>belum mulai</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="248" />
        <source>draft</source>
        <translation>draf</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="249" />
        <source>submitted, waiting for confirmation</source>
        <translation>diserahkan, menunggu konfirmasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="250" />
        <source>confirmed</source>
        <translation>dikonfirmasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="254" />
        <source>Judge: {name}</source>
        <translation>Juri: {name}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="255" />
        <source>Status: {state}</source>
        <translation>Status: {state}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="259" />
        <source>paper form</source>
        <translation>formulir kertas</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="261" />
        <source>judge laptop</source>
        <translation>laptop juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="263" />
        <source>Source: {source}</source>
        <translation>Sumber: {source}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="265" />
        <source>Typed by: {who}</source>
        <translation>Diketik oleh: {who}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="267" />
        <source>Confirmed by: {who}</source>
        <translation>Dikonfirmasi oleh: {who}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="269" />
        <source>Conflict of interest: this judge does not score this team</source>
        <translation>Konflik kepentingan: juri ini tidak menilai tim ini</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="271" />
        <source>The judge abstained</source>
        <translation>Juri abstain</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="305" />
        <source>'{text}' is not a number (e.g. 4 or 4,5)</source>
        <translation>'{text}' bukan angka (mis. 4 atau 4,5)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="313" />
        <source>Sheet handed in. Another secretariat user must now confirm it.</source>
        <translation>Lembar diserahkan. Petugas sekretariat lain harus mengonfirmasinya.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="322" />
        <source>Sheet confirmed.</source>
        <translation>Lembar dikonfirmasi.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="335" />
        <source>Score corrected; the sheet needs a fresh confirmation by someone else.</source>
        <translation>Skor dikoreksi; lembar perlu dikonfirmasi ulang oleh petugas lain.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="347" />
        <source>Sheet reopened as a draft.</source>
        <translation>Lembar dibuka kembali sebagai draf.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="361" />
        <source>Reopen sheet</source>
        <translation>Buka kembali lembar</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="361" />
        <source>Why is the sheet given back as a draft?</source>
        <translation>Mengapa lembar dikembalikan sebagai draf?</translation>
    </message>
</context>
<context>
    <name>PendingModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/pending_model.py" line="81" />
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/pending_model.py" line="83" />
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/pending_model.py" line="85" />
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
</context>
<context>
    <name>ProgressModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/progress_model.py" line="147" />
        <source>submitted</source>
        <translation>diserahkan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/progress_model.py" line="151" />
        <source>CoI</source>
        <translation>KK</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/progress_model.py" line="153" />
        <source>abstained</source>
        <translation>abstain</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/progress_model.py" line="158" />
        <source>Not started</source>
        <translation>Belum mulai</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/progress_model.py" line="159" />
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/progress_model.py" line="160" />
        <source>Submitted, waiting for confirmation</source>
        <translation>Diserahkan, menunggu konfirmasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/progress_model.py" line="161" />
        <source>Confirmed</source>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/progress_model.py" line="162" />
        <source>Conflict of interest: this judge does not score</source>
        <translation>Konflik kepentingan: juri ini tidak menilai</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/progress_model.py" line="163" />
        <source>Abstained</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/progress_model.py" line="167" />
        <source>Far from the panel mean: discuss in the plenary</source>
        <translation>Jauh dari rata-rata dewan juri: bahas dalam sidang pleno</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/progress_model.py" line="177" />
        <source>Team</source>
        <translation>Tim</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="65" />
        <source>Tied at the quota line — jury decision needed</source>
        <translation>Seri di batas kuota — perlu keputusan juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="67" />
        <source>Tied, shared place by jury decision</source>
        <translation>Seri, juara bersama atas keputusan juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="69" />
        <source>Tied (shared rank) with {teams}</source>
        <translation>Seri (peringkat bersama) dengan {teams}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="74" />
        <source>Tied with {teams}, decided by the jury</source>
        <translation>Seri dengan {teams}, diputuskan juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="76" />
        <source>Tied with {teams}, broken by {criterion}</source>
        <translation>Seri dengan {teams}, ditentukan oleh {criterion}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="98" />
        <source>Advances</source>
        <translation>Lolos</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="139" />
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="140" />
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="141" />
        <source>Innovation title</source>
        <translation>Judul inovasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="142" />
        <source>Final score</source>
        <translation>Nilai akhir</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="143" />
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="144" />
        <source>Result</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="145" />
        <source>Tie</source>
        <translation>Seri</translation>
    </message>
</context>
<context>
    <name>RubricEditor</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="117" />
        <source>Criteria (double-click or type to edit)</source>
        <translation>Kriteria (klik ganda atau ketik untuk mengubah)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="118" />
        <source>Level descriptors of the selected criterion</source>
        <translation>Deskripsi tingkat untuk kriteria terpilih</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="119" />
        <source>Scoring rules</source>
        <translation>Aturan penilaian</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="120" />
        <source>Range: lowest score is worth 0</source>
        <translation>Rentang: skor terendah bernilai 0</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="121" />
        <source>Proportional: weight × score ÷ highest</source>
        <translation>Proporsional: bobot × skor ÷ skor tertinggi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="123" />
        <source>Scoring &amp;method</source>
        <translation>&amp;Metode penilaian</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="124" />
        <source>Trim (judges dropped at each end)</source>
        <translation>Pangkas (juri dibuang di tiap ujung)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="125" />
        <source>Total &amp;formula</source>
        <translation>&amp;Rumus total</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="126" />
        <source>&amp;Tie-break order</source>
        <translation>Urutan &amp;penentu seri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="127" />
        <source>Outlier distance (points)</source>
        <translation>Batas pencilan (poin)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="128" />
        <source>Presentation (minutes)</source>
        <translation>Presentasi (menit)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="129" />
        <source>Q&amp;&amp;A (minutes)</source>
        <translation>Tanya jawab (menit)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="133" />
        <source>criterion codes, e.g. K5, K3, K8</source>
        <translation>kode kriteria, mis. K5, K3, K8</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="159" />
        <source>Total weight: {total} ✓</source>
        <translation>Jumlah bobot: {total} ✓</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="162" />
        <source>Total weight: {total} — must be 100</source>
        <translation>Jumlah bobot: {total} — harus 100</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_model.py" line="103" />
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_model.py" line="104" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_model.py" line="105" />
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_model.py" line="106" />
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_model.py" line="107" />
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_model.py" line="108" />
        <source>Innovation title</source>
        <translation>Judul inovasi</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_page.py" line="138" />
        <source>Move &amp;up</source>
        <translation>Pindah ke &amp;atas</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_page.py" line="139" />
        <source>Move do&amp;wn</source>
        <translation>Pindah ke &amp;bawah</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_page.py" line="140" />
        <source>&amp;Save order</source>
        <translation>&amp;Simpan urutan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_page.py" line="141" />
        <source>&amp;Undo changes</source>
        <translation>&amp;Batalkan perubahan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_page.py" line="142" />
        <source>Open presentation &amp;timer</source>
        <translation>Buka &amp;pengatur waktu presentasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_page.py" line="143" />
        <source>Now and next</source>
        <translation>Sekarang dan berikutnya</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_page.py" line="146" />
        <source>Drag a team to a new place, or select it and press Ctrl+Up / Ctrl+Down. Each day keeps its time slots; the team in a place takes its time.</source>
        <translation>Seret tim ke urutan baru, atau pilih lalu tekan Ctrl+Atas / Ctrl+Bawah. Setiap hari mempertahankan jam slotnya; tim di suatu urutan memakai jam urutan itu.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_page.py" line="190" />
        <source>The presentation order is saved.</source>
        <translation>Urutan presentasi disimpan.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_page.py" line="208" />
        <source>&lt;b&gt;Presenting now&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sedang presentasi&lt;/b&gt;</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_page.py" line="209" />
        <source>&lt;b&gt;Next&lt;/b&gt;</source>
        <translation>&lt;b&gt;Berikutnya&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>SecretariatResultsPage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="153" />
        <source>&amp;Category</source>
        <translation>&amp;Kategori</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="155" />
        <source>&amp;Method</source>
        <translation>&amp;Metode</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="157" />
        <source>Tied at the quota line — jury decision needed</source>
        <translation>Seri di batas kuota — perlu keputusan juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="158" />
        <source>Record &amp;decision…</source>
        <translation>Catat &amp;keputusan…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="159" />
        <source>Judges of the selected team</source>
        <translation>Juri untuk tim terpilih</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="160" />
        <source>All four methods side by side</source>
        <translation>Perbandingan empat metode</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="211" />
        <source>Kendall's W: —</source>
        <translation>W Kendall: —</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="214" />
        <source>Kendall's W: {w} ({judges} judges, {teams} teams)</source>
        <translation>W Kendall: {w} ({judges} juri, {teams} tim)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="245" />
        <source>Version {n} · {state}</source>
        <translation>Versi {n} · {state}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="246" />
        <source>locked</source>
        <translation>terkunci</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="246" />
        <source>open</source>
        <translation>terbuka</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="249" />
        <source>&amp;Unlock…</source>
        <translation>&amp;Buka kunci…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="249" />
        <source>&amp;Lock…</source>
        <translation>&amp;Kunci…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="252" />
        <source>Released to judges</source>
        <translation>Dibuka untuk juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="252" />
        <source>Withheld from judges</source>
        <translation>Ditahan dari juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="269" />
        <source>Results locked (version {n}).</source>
        <translation>Hasil dikunci (versi {n}).</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="276" />
        <source>Results unlocked; they are now version {n}.</source>
        <translation>Kunci hasil dibuka; sekarang versi {n}.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="282" />
        <source>Why are the results unlocked? (required)</source>
        <translation>Mengapa kunci hasil dibuka? (wajib)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="284" />
        <source>Reason (required while some sheets are not confirmed)</source>
        <translation>Alasan (wajib selama ada lembar yang belum dikonfirmasi)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="308" />
        <source>The jury's decision is recorded.</source>
        <translation>Keputusan juri tercatat.</translation>
    </message>
</context>
<context>
    <name>SecretariatWindow</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/window.py" line="100" />
        <source>Progress</source>
        <translation>Progres</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/window.py" line="101" />
        <source>Paper entry</source>
        <translation>Entri Kertas</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/window.py" line="102" />
        <source>Results</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/window.py" line="103" />
        <source>Set-up</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/window.py" line="104" />
        <source>Schedule</source>
        <translation>Jadwal</translation>
    </message>
</context>
<context>
    <name>SetupColumns</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="39" />
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="46" />
        <source>Type a whole number</source>
        <translation>Ketik bilangan bulat</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="59" />
        <source>Type a time such as 09.30</source>
        <translation>Ketik jam seperti 09.30</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="66" />
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="91" />
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="166" />
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="216" />
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="71" />
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="76" />
        <source>Name (English)</source>
        <translation>Nama (Inggris)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="81" />
        <source>Quota (advance)</source>
        <translation>Kuota (lolos)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="96" />
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="101" />
        <source>Criterion (English)</source>
        <translation>Kriteria (Inggris)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="106" />
        <source>Weight</source>
        <translation>Bobot</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="111" />
        <source>Lowest</source>
        <translation>Terendah</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="116" />
        <source>Highest</source>
        <translation>Tertinggi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="121" />
        <source>Step</source>
        <translation>Langkah</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="131" />
        <source>Score</source>
        <translation>Skor</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="136" />
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="141" />
        <source>Level (English)</source>
        <translation>Tingkat (Inggris)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="146" />
        <source>What it means</source>
        <translation>Artinya</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="156" />
        <source>{n} members: more than the maximum of {max}</source>
        <translation>{n} anggota: lebih dari batas {max}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="171" />
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="265" />
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="176" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="181" />
        <source>Innovation title</source>
        <translation>Judul inovasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="186" />
        <source>Members (separate with ;)</source>
        <translation>Anggota (pisahkan dengan ;)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="192" />
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="197" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="202" />
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="221" />
        <source>Name with degrees</source>
        <translation>Nama dengan gelar</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="226" />
        <source>Affiliation</source>
        <translation>Afiliasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="231" />
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="236" />
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="241" />
        <source>Chair</source>
        <translation>Ketua</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="246" />
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="255" />
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="260" />
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="270" />
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="194" />
        <source>Convention</source>
        <translation>Konvensi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="195" />
        <source>Categories</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="196" />
        <source>Rubric</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="197" />
        <source>Teams</source>
        <translation>Tim</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="198" />
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="199" />
        <source>Conflicts of interest</source>
        <translation>Konflik kepentingan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="200" />
        <source>Import / export</source>
        <translation>Impor / ekspor</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="205" />
        <source>Convention name</source>
        <translation>Nama konvensi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="206" />
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="207" />
        <source>Organiser</source>
        <translation>Penyelenggara</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="208" />
        <source>Head of organiser (title)</source>
        <translation>Kepala penyelenggara (jabatan)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="209" />
        <source>Head of organiser (name)</source>
        <translation>Kepala penyelenggara (nama)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="210" />
        <source>Head of organiser (NIP)</source>
        <translation>Kepala penyelenggara (NIP)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="211" />
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="212" />
        <source>City</source>
        <translation>Kota</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="213" />
        <source>Next level</source>
        <translation>Tingkat berikutnya</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="214" />
        <source>Minutes number</source>
        <translation>Nomor berita acara</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="215" />
        <source>Maximum team members</source>
        <translation>Anggota tim maksimal</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="219" />
        <source>Convention days (date YYYY-MM-DD, start time)</source>
        <translation>Hari konvensi (tanggal TTTT-BB-HH, jam mulai)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="224" />
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="224" />
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="224" />
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="228" />
        <source>Capture &amp;signature…</source>
        <translation>Ambil &amp;tanda tangan…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="229" />
        <source>Su&amp;ggest from affiliations</source>
        <translation>&amp;Usulkan dari afiliasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="230" />
        <source>&amp;Save set-up</source>
        <translation>&amp;Simpan pengaturan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="231" />
        <source>&amp;Undo changes</source>
        <translation>&amp;Batalkan perubahan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="291" />
        <source>More than {max} members: {teams}</source>
        <translation>Lebih dari {max} anggota: {teams}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="323" />
        <source>The weights add up to {total}, not 100. The set-up was not saved.</source>
        <translation>Jumlah bobot {total}, bukan 100. Pengaturan tidak disimpan.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="336" />
        <source>{n} problems; nothing was saved.</source>
        <translation>{n} masalah; tidak ada yang disimpan.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="345" />
        <source>The set-up is saved.</source>
        <translation>Pengaturan disimpan.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="358" />
        <source>{n} conflicts suggested from the judges' affiliations.</source>
        <translation>{n} konflik diusulkan dari afiliasi juri.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="365" />
        <source>Select a judge first.</source>
        <translation>Pilih juri terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="382" />
        <source>Signature of {code} stored.</source>
        <translation>Tanda tangan {code} disimpan.</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/table_editor.py" line="55" />
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/table_editor.py" line="56" />
        <source>&amp;Remove</source>
        <translation>&amp;Hapus</translation>
    </message>
</context>
<context>
    <name>TieDecisionDialog</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/tie_dialog.py" line="26" />
        <source>Jury decision on a tie</source>
        <translation>Keputusan juri atas nilai seri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/tie_dialog.py" line="29" />
        <source>Put the teams in the order the jury decided (best first), or keep them on a shared place. The reason goes into the minutes.</source>
        <translation>Urutkan tim sesuai keputusan juri (terbaik di atas), atau tetapkan sebagai juara bersama. Alasannya dicatat dalam berita acara.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/tie_dialog.py" line="42" />
        <source>Move &amp;up</source>
        <translation>Pindah ke &amp;atas</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/tie_dialog.py" line="42" />
        <source>Move &amp;down</source>
        <translation>Pindah ke &amp;bawah</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/tie_dialog.py" line="45" />
        <source>Shared place (juara kembar)</source>
        <translation>Juara bersama (juara kembar)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/tie_dialog.py" line="47" />
        <source>Required: what the jury decided and why</source>
        <translation>Wajib: apa keputusan juri dan alasannya</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/tie_dialog.py" line="65" />
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
</TS>