<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AppWindow</name>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="44" />
        <source>The secretariat screens are not part of this build. Use the juryapp command line for the secretariat's work.</source>
        <translation>Layar sekretariat tidak tersedia pada versi ini. Gunakan baris perintah juryapp untuk pekerjaan sekretariat.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="243" />
        <source>Not signed in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="246" />
        <source>Secretariat: {name}</source>
        <translation>Sekretariat: {name}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="250" />
        <source>Judge {code}: {name}</source>
        <translation>Juri {code}: {name}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="254" />
        <source>Database: {path}</source>
        <translation>Basis data: {path}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="259" />
        <source>All changes saved ✓ {time}</source>
        <translation>Semua perubahan tersimpan ✓ {time}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="264" />
        <source>All changes saved ✓</source>
        <translation>Semua perubahan tersimpan ✓</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="268" />
        <source>{convention} — juryapp</source>
        <translation>{convention} — juryapp</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="272" />
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="273" />
        <source>&amp;Sign out</source>
        <translation>Keluar &amp;akun</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="275" />
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="276" />
        <source>&amp;Language</source>
        <translation>&amp;Bahasa</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <location filename="../../juryapp/gui/start/first_run.py" line="53" />
        <source>Welcome to juryapp</source>
        <translation>Selamat datang di juryapp</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/first_run.py" line="55" />
        <source>Choose the language of the interface. You can change it later in the menu.</source>
        <translation>Pilih bahasa tampilan. Bahasa dapat diganti kemudian melalui menu.</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="38" />
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="39" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="40" />
        <source>Time</source>
        <translation>Pukul</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="41" />
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="42" />
        <source>Innovation title</source>
        <translation>Judul inovasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="43" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="44" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="50" />
        <source>Excluded (conflict of interest)</source>
        <translation>Dikecualikan (konflik kepentingan)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="52" />
        <source>Submitted</source>
        <translation>Sudah diserahkan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="54" />
        <source>Confirmed</source>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="56" />
        <source>In progress ({filled} of {total})</source>
        <translation>Sedang diisi ({filled} dari {total})</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="59" />
        <source>Not started</source>
        <translation>Belum dinilai</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="156" />
        <source>You do not score this team: conflict of interest.</source>
        <translation>Anda tidak menilai tim ini: konflik kepentingan.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="171" />
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../juryapp/gui/judge/queue_page.py" line="152" />
        <source>Teams to score — {name}</source>
        <translation>Tim yang dinilai — {name}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_page.py" line="154" />
        <source>Teams to score</source>
        <translation>Tim yang dinilai</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_page.py" line="157" />
        <source>Choose a team with the arrow keys and press Enter to open its score sheet. Today's teams come first; greyed teams are excluded because of a conflict of interest.</source>
        <translation>Pilih tim dengan tombol panah lalu tekan Enter untuk membuka lembar penilaiannya. Tim hari ini tampil paling atas; tim berwarna abu-abu dikecualikan karena konflik kepentingan.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_page.py" line="162" />
        <source>Open score sheet</source>
        <translation>Buka lembar penilaian</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/queue_page.py" line="163" />
        <source>Results</source>
        <translation>Hasil</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="87" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="88" />
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="89" />
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="90" />
        <source>Innovation title</source>
        <translation>Judul inovasi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="91" />
        <source>Final score</source>
        <translation>Nilai akhir</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="92" />
        <source>Remark</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="128" />
        <source>{rank} (tied)</source>
        <translation>{rank} (seri)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="139" />
        <source>Advances</source>
        <translation>Lolos</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="190" />
        <source>Results</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="191" />
        <source>← Back to the list</source>
        <translation>← Kembali ke daftar</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="194" />
        <source>Final scores as released by the secretariat, per category.</source>
        <translation>Nilai akhir per kategori sebagaimana dibuka oleh sekretariat.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="199" />
        <source>The secretariat has not released the results yet. They appear here as soon as they are released.</source>
        <translation>Sekretariat belum membuka hasil penilaian. Hasil akan tampil di sini begitu dibuka.</translation>
    </message>
</context>
<context>
    <name>ScoreSheetPage</name>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="322" />
        <source>{low} to {high}</source>
        <translation>{low} sampai {high}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="327" />
        <source>{scale} in steps of {step}</source>
        <translation>{scale} dengan kelipatan {step}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="332" />
        <source>"{typed}" is not a score for {code} {name}: use {scale}. Nothing was saved.</source>
        <translation>"{typed}" bukan skor untuk {code} {name}: gunakan {scale}. Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="393" />
        <source>Not submitted: no score yet for {codes}.</source>
        <translation>Belum diserahkan: belum ada skor untuk {codes}.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="410" />
        <source>Submit the score sheet</source>
        <translation>Serahkan lembar penilaian</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="412" />
        <source>Submit your score sheet for {institution}? Total: {total}.</source>
        <translation>Serahkan lembar penilaian Anda untuk {institution}? Total: {total}.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="418" />
        <source>After submitting you cannot change it any more; only the secretariat can correct it, with a reason on record.</source>
        <translation>Setelah diserahkan, lembar ini tidak dapat diubah lagi; hanya sekretariat yang dapat mengoreksinya, dengan alasan yang tercatat.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="465" />
        <source>Total: {total}  ({filled} of {count} criteria)</source>
        <translation>Total: {total}  ({filled} dari {count} kriteria)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="477" />
        <source>Saved ✓ {time}</source>
        <translation>Tersimpan ✓ {time}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="486" />
        <source>{title} — category: {category}</source>
        <translation>{title} — kategori: {category}</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="491" />
        <source>Excluded (conflict of interest): you do not score this team.</source>
        <translation>Dikecualikan (konflik kepentingan): Anda tidak menilai tim ini.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="494" />
        <source>Submitted — this sheet can no longer be changed.</source>
        <translation>Sudah diserahkan — lembar ini tidak dapat diubah lagi.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="497" />
        <source>Draft — every score is saved as soon as you type it.</source>
        <translation>Draf — setiap skor langsung tersimpan begitu diketik.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="508" />
        <source>Note on {code} (optional)</source>
        <translation>Catatan untuk {code} (boleh kosong)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="513" />
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="514" />
        <source>Weight</source>
        <translation>Bobot</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="515" />
        <source>Score</source>
        <translation>Skor</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="516" />
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="517" />
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="523" />
        <source>Type a digit to score; it is saved at once and the next criterion opens. Up/Down or Tab move, Backspace clears, Ctrl+Enter submits, Esc goes back.</source>
        <translation>Ketik satu angka untuk memberi skor; skor langsung tersimpan dan kriteria berikutnya terbuka. Panah Atas/Bawah atau Tab untuk pindah, Backspace menghapus, Ctrl+Enter menyerahkan, Esc kembali.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="527" />
        <source>Note on the whole sheet:</source>
        <translation>Catatan untuk seluruh lembar:</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="528" />
        <source>← Back to the list</source>
        <translation>← Kembali ke daftar</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="529" />
        <source>Submit (Ctrl+Enter)</source>
        <translation>Serahkan (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="201" />
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="201" />
        <location filename="../../juryapp/gui/start/sign_in.py" line="295" />
        <source>Secretariat</source>
        <translation>Sekretariat</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="241" />
        <source>Choose your name in the list first.</source>
        <translation>Pilih nama Anda di daftar terlebih dahulu.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="244" />
        <source>Type your PIN.</source>
        <translation>Ketik PIN Anda.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="271" />
        <source>The two passphrases differ.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="293" />
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="294" />
        <source>I am a judge</source>
        <translation>Saya juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="296" />
        <source>Your &amp;name:</source>
        <translation>&amp;Nama Anda:</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="297" />
        <source>&amp;PIN (digits only, Enter signs in):</source>
        <translation>&amp;PIN (hanya angka, Enter untuk masuk):</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="298" />
        <source>Sign in as judge</source>
        <translation>Masuk sebagai juri</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="299" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="300" />
        <location filename="../../juryapp/gui/start/sign_in.py" line="314" />
        <source>Username:</source>
        <translation>Nama pengguna:</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="300" />
        <source>Passphrase:</source>
        <translation>Kata sandi:</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="305" />
        <source>Sign in as secretariat</source>
        <translation>Masuk sebagai sekretariat</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="306" />
        <source>First secretariat account</source>
        <translation>Akun sekretariat pertama</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="309" />
        <source>This convention has no accounts yet. Create the first secretariat account; it can then add the judges' accounts.</source>
        <translation>Konvensi ini belum memiliki akun. Buat akun sekretariat pertama; akun tersebut kemudian dapat menambahkan akun para juri.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="315" />
        <source>Full name:</source>
        <translation>Nama lengkap:</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="316" />
        <source>Passphrase (8+ characters):</source>
        <translation>Kata sandi (minimal 8 karakter):</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="317" />
        <source>Repeat the passphrase:</source>
        <translation>Ulangi kata sandi:</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="323" />
        <source>Create the account</source>
        <translation>Buat akun</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="324" />
        <source>Demo accounts</source>
        <translation>Akun demo</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="326" />
        <source>This is the demo convention. Sign in with any of these accounts:</source>
        <translation>Ini konvensi demo. Masuk dengan salah satu akun berikut:</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../juryapp/gui/start/start_page.py" line="80" />
        <source>Choose a convention file</source>
        <translation>Pilih berkas konvensi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/start_page.py" line="82" />
        <source>Convention files (*.toml);;All files (*)</source>
        <translation>Berkas konvensi (*.toml);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/start_page.py" line="90" />
        <source>Open a convention database</source>
        <translation>Buka basis data konvensi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/start_page.py" line="92" />
        <source>juryapp databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Basis data juryapp (*.sqlite3 *.sqlite *.db);;Semua berkas (*)</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/start_page.py" line="122" />
        <location filename="../../juryapp/gui/start/start_page.py" line="137" />
        <source>Preparing the demo convention…</source>
        <translation>Menyiapkan konvensi demo…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/start_page.py" line="141" />
        <source>No convention yet</source>
        <translation>Belum ada konvensi</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/start_page.py" line="144" />
        <source>This database is empty. Create the convention from the file the secretariat prepared, open another database, or try the demo convention.</source>
        <translation>Basis data ini masih kosong. Buat konvensi dari berkas yang disiapkan sekretariat, buka basis data lain, atau coba konvensi demo.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/start_page.py" line="148" />
        <source>Create a convention from a convention file…</source>
        <translation>Buat konvensi dari berkas konvensi…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/start_page.py" line="149" />
        <source>Open a convention database…</source>
        <translation>Buka basis data konvensi…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/start/start_page.py" line="150" />
        <source>Open the demo</source>
        <translation>Buka demo</translation>
    </message>
</context>
</TS>