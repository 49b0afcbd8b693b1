<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AppWindow</name>
    <message>
        <location filename="../../juryapp/gui/opening.py" line="+64" />
        <source>The secretariat screens are not part of this build. Use the juryapp command line for the secretariat's work.</source>
        <translation>Layar sekretariat tidak tersedia pada versi ini. Gunakan baris perintah juryapp untuk pekerjaan sekretariat.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/app_window.py" line="+314" />
        <source>Copy saved: {path}</source>
        <translation>Salinan disimpan: {path}</translation>
    </message>
    <message>
        <location line="+144" />
        <source>{convention}[*] — juryapp</source>
        <translation>{convention}[*] — juryapp</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Opening the database…</source>
        <translation>Membuka basis data…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Language</source>
        <translation>B&amp;ahasa</translation>
    </message>
</context>
<context>
    <name>LanguageDialog</name>
    <message>
        <location filename="../../juryapp/gui/start/first_run.py" line="+53" />
        <source>Welcome to juryapp</source>
        <translation>Selamat datang di juryapp</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Choose the language of the interface. You can change it later in the menu.</source>
        <translation>Pilih bahasa tampilan. Bahasa dapat diganti kemudian melalui menu.</translation>
    </message>
</context>
<context>
    <name>LogStatusBar</name>
    <message>
        <location filename="../../juryapp/gui/judge/log_status.py" line="+138" />
        <source>Save scores for the secretariat…</source>
        <translation>Simpan nilai untuk sekretariat…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Read a receipt…</source>
        <translation>Baca tanda terima…</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Not yet received by the secretariat</source>
        <translation>Belum diterima sekretariat</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Received by the secretariat up to #{n} ✓</source>
        <translation>Diterima sekretariat sampai #{n} ✓</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Received by the secretariat up to #{n}</source>
        <translation>Diterima sekretariat sampai #{n}</translation>
    </message>
    <message>
        <location line="+7" />
        <source>and {n} more</source>
        <translation>dan {n} lainnya</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not received yet: #{a}–#{b}, teams {teams}</source>
        <translation>Belum diterima: #{a}–#{b}, tim {teams}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Everything you scored has been received.</source>
        <translation>Semua nilai Anda sudah diterima.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Your signing key: {key}</source>
        <translation>Kunci tanda tangan Anda: {key}</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Connecting to the secretariat…</source>
        <translation>Menghubungi sekretariat…</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Connected to the secretariat ✓</source>
        <translation>Terhubung ke sekretariat ✓</translation>
    </message>
    <message>
        <location line="+4" />
        <source>The secretariat did not accept your scores: {why}</source>
        <translation>Sekretariat tidak menerima nilai Anda: {why}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>Not connected since {time}: your scores are kept on this laptop and sent when the connection returns</source>
        <translation>Tidak terhubung sejak {time}: nilai Anda tersimpan di laptop ini dan dikirim begitu koneksi kembali</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Save scores for the secretariat</source>
        <translation>Simpan nilai untuk sekretariat</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Score bundles (*.jurylog)</source>
        <translation>Bundel nilai (*.jurylog)</translation>
    </message>
    <message>
        <location line="+14" />
        <source>Read a receipt from the secretariat</source>
        <translation>Baca tanda terima dari sekretariat</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Receipts (*.receipt)</source>
        <translation>Tanda terima (*.receipt)</translation>
    </message>
</context>
<context>
    <name>QueueModel</name>
    <message>
        <location filename="../../juryapp/gui/judge/queue_model.py" line="+38" />
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location line="+1" />
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Time</source>
        <translation>Pukul</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Innovation title</source>
        <translation>Judul inovasi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Excluded (conflict of interest)</source>
        <translation>Dikecualikan (konflik kepentingan)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Submitted</source>
        <translation>Sudah diserahkan</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Confirmed</source>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <location line="+2" />
        <source>In progress ({filled} of {total})</source>
        <translation>Sedang diisi ({filled} dari {total})</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Not started</source>
        <translation>Belum dinilai</translation>
    </message>
    <message>
        <location line="+97" />
        <source>You do not score this team: conflict of interest.</source>
        <translation>Anda tidak menilai tim ini: konflik kepentingan.</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Today</source>
        <translation>Hari ini</translation>
    </message>
</context>
<context>
    <name>QueuePage</name>
    <message>
        <location filename="../../juryapp/gui/judge/queue_page.py" line="+148" />
        <source>Teams to score — {name}</source>
        <translation>Tim yang dinilai — {name}</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Teams to score</source>
        <translation>Tim yang dinilai</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Choose a team with the arrow keys and press Enter to open its score sheet. Today's teams come first; greyed teams are excluded because of a conflict of interest.</source>
        <translation>Pilih tim dengan tombol panah lalu tekan Enter untuk membuka lembar penilaiannya. Tim hari ini tampil paling atas; tim berwarna abu-abu dikecualikan karena konflik kepentingan.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Open score sheet</source>
        <translation>Buka lembar penilaian</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Results</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Change my PIN…</source>
        <translation>Ganti PIN saya…</translation>
    </message>
</context>
<context>
    <name>ResultsModel</name>
    <message>
        <location filename="../../juryapp/gui/judge/results_page.py" line="+83" />
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Innovation title</source>
        <translation>Judul inovasi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Final score</source>
        <translation>Nilai akhir</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Remark</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location line="+9" />
        <source>{rank} (tied)</source>
        <translation>{rank} (seri)</translation>
    </message>
    <message>
        <location line="-55" />
        <source>Advances</source>
        <translation>Lolos</translation>
    </message>
</context>
<context>
    <name>ResultsPage</name>
    <message>
        <location line="+98" />
        <source>Results</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location line="+1" />
        <source>← Back to the list</source>
        <translation>← Kembali ke daftar</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Final scores as released by the secretariat, per category.</source>
        <translation>Nilai akhir per kategori sebagaimana dibuka oleh sekretariat.</translation>
    </message>
    <message>
        <location line="+5" />
        <source>The secretariat has not released the results yet. They appear here as soon as they are released.</source>
        <translation>Sekretariat belum membuka hasil penilaian. Hasil akan tampil di sini begitu dibuka.</translation>
    </message>
</context>
<context>
    <name>ScoreSheetPage</name>
    <message>
        <location filename="../../juryapp/gui/judge/score_sheet.py" line="+339" />
        <source>{low} to {high}</source>
        <translation>{low} sampai {high}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>{scale} in steps of {step}</source>
        <translation>{scale} dengan kelipatan {step}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>"{typed}" is not a score for {code} {name}: use {scale}. Nothing was saved.</source>
        <translation>"{typed}" bukan skor untuk {code} {name}: gunakan {scale}. Tidak ada yang disimpan.</translation>
    </message>
    <message>
        <location line="+61" />
        <source>Not submitted: no score yet for {codes}.</source>
        <translation>Belum diserahkan: belum ada skor untuk {codes}.</translation>
    </message>
    <message>
        <location line="+20" />
        <source>Submit the score sheet</source>
        <translation>Serahkan lembar penilaian</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Submit your score sheet for {institution}? Total: {total}.</source>
        <translation>Serahkan lembar penilaian Anda untuk {institution}? Total: {total}.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>After submitting you cannot change it any more; only the secretariat can correct it, with a reason on record.</source>
        <translation>Setelah diserahkan, lembar ini tidak dapat diubah lagi; hanya sekretariat yang dapat mengoreksinya, dengan alasan yang tercatat.</translation>
    </message>
</context>
<context>
    <name>SheetDisplay</name>
    <message>
        <location filename="../../juryapp/gui/judge/sheet_display.py" line="+61" />
        <source>Total: {total}  ({filled} of {count} criteria)</source>
        <translation>Total: {total}  ({filled} dari {count} kriteria)</translation>
    </message>
    <message>
        <location line="+10" />
        <source>Saving…</source>
        <translation>Menyimpan…</translation>
    </message>
    <message>
        <location line="+7" />
        <source>Saved ✓ {time}</source>
        <translation>Tersimpan ✓ {time}</translation>
    </message>
    <message>
        <location line="+9" />
        <source>{title} — category: {category}</source>
        <translation>{title} — kategori: {category}</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Excluded (conflict of interest): you do not score this team.</source>
        <translation>Dikecualikan (konflik kepentingan): Anda tidak menilai tim ini.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Submitted — this sheet can no longer be changed.</source>
        <translation>Sudah diserahkan — lembar ini tidak dapat diubah lagi.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Draft — every score is saved as soon as you type it.</source>
        <translation>Draf — setiap skor langsung tersimpan begitu diketik.</translation>
    </message>
    <message>
        <location line="+11" />
        <source>Note on {code} (optional)</source>
        <translation>Catatan untuk {code} (boleh kosong)</translation>
    </message>
    <message>
        <location line="+5" />
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Weight</source>
        <translation>Bobot</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Score</source>
        <translation>Skor</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Value</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Note</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Type a digit to score; it is saved at once and the next criterion opens. Up/Down or Tab move, Backspace clears, Ctrl+Enter submits, Esc goes back.</source>
        <translation>Ketik satu angka untuk memberi skor; skor langsung tersimpan dan kriteria berikutnya terbuka. Panah Atas/Bawah atau Tab untuk pindah, Backspace menghapus, Ctrl+Enter menyerahkan, Esc kembali.</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Note on the whole sheet:</source>
        <translation>Catatan untuk seluruh lembar:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>← Back to the list</source>
        <translation>← Kembali ke daftar</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Submit (Ctrl+Enter)</source>
        <translation>Serahkan (Ctrl+Enter)</translation>
    </message>
</context>
<context>
    <name>SignInPage</name>
    <message>
        <location filename="../../juryapp/gui/start/sign_in.py" line="+235" />
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location line="+0" />
        <location line="+124" />
        <source>Secretariat</source>
        <translation>Sekretariat</translation>
    </message>
    <message>
        <location line="-84" />
        <source>Choose your name in the list first.</source>
        <translation>Pilih nama Anda di daftar terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+3" />
        <source>Type your PIN.</source>
        <translation>Ketik PIN Anda.</translation>
    </message>
    <message>
        <location line="+47" />
        <source>The two passphrases differ.</source>
        <translation>Kedua kata sandi tidak sama.</translation>
    </message>
    <message>
        <location line="+32" />
        <source>Sign in</source>
        <translation>Masuk</translation>
    </message>
    <message>
        <location line="+1" />
        <source>I am a judge</source>
        <translation>Saya juri</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Your &amp;name:</source>
        <translation>&amp;Nama Anda:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;PIN (digits only, Enter signs in):</source>
        <translation>&amp;PIN (hanya angka, Enter untuk masuk):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Sign in as judge</source>
        <translation>Masuk sebagai juri</translation>
    </message>
    <message>
        <location line="+1" />
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+2" />
        <source>&amp;Username:</source>
        <translation>Nama &amp;pengguna:</translation>
    </message>
    <message>
        <location line="+0" />
        <source>Pass&amp;phrase:</source>
        <translation>&amp;Kata sandi:</translation>
    </message>
    <message>
        <location line="+12" />
        <source>Username:</source>
        <translation>Nama pengguna:</translation>
    </message>
    <message>
        <location line="-9" />
        <source>Sign in as secretariat</source>
        <translation>Masuk sebagai sekretariat</translation>
    </message>
    <message>
        <location line="+1" />
        <source>First secretariat account</source>
        <translation>Akun sekretariat pertama</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This convention has no accounts yet. Create the first secretariat account; it can then add the judges' accounts.</source>
        <translation>Konvensi ini belum memiliki akun. Buat akun sekretariat pertama; akun tersebut kemudian dapat menambahkan akun para juri.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>Full name:</source>
        <translation>Nama lengkap:</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Passphrase (8+ characters):</source>
        <translation>Kata sandi (minimal 8 karakter):</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Repeat the passphrase:</source>
        <translation>Ulangi kata sandi:</translation>
    </message>
    <message>
        <location line="+4" />
        <source>Create the account</source>
        <translation>Buat akun</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Demo accounts</source>
        <translation>Akun demo</translation>
    </message>
    <message>
        <location line="+2" />
        <source>This is the demo convention. Sign in with any of these accounts:</source>
        <translation>Ini konvensi demo. Masuk dengan salah satu akun berikut:</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <location filename="../../juryapp/gui/start/start_page.py" line="+127" />
        <source>Choose a convention file</source>
        <translation>Pilih berkas konvensi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Convention files (*.toml);;All files (*)</source>
        <translation>Berkas konvensi (*.toml);;Semua berkas (*)</translation>
    </message>
    <message>
        <location line="+8" />
        <source>Open a convention database</source>
        <translation>Buka basis data konvensi</translation>
    </message>
    <message>
        <location line="+1" />
        <source>juryapp databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Basis data juryapp (*.sqlite3 *.sqlite *.db);;Semua berkas (*)</translation>
    </message>
    <message>
        <location line="+15" />
        <source>Creating the convention…</source>
        <translation>Membuat konvensi…</translation>
    </message>
    <message>
        <location line="+15" />
        <location line="+16" />
        <source>Preparing the demo convention…</source>
        <translation>Menyiapkan konvensi demo…</translation>
    </message>
    <message>
        <location line="+18" />
        <source>No convention yet</source>
        <translation>Belum ada konvensi</translation>
    </message>
    <message>
        <location line="+3" />
        <source>This database is empty. Set up a new convention step by step, create it from a convention file, open another database, or try the demo convention.</source>
        <translation>Basis data ini kosong. Siapkan konvensi baru langkah demi langkah, buat dari berkas konvensi, buka basis data lain, atau coba konvensi demo.</translation>
    </message>
    <message>
        <location line="+6" />
        <source>&amp;New convention…</source>
        <translation>Konvensi ba&amp;ru…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Create a convention from a convention file…</source>
        <translation>Buat konvensi dari berkas kon&amp;vensi…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>&amp;Open a convention database…</source>
        <translation>Buka basis data konvensi &amp;lain…</translation>
    </message>
    <message>
        <location line="+1" />
        <source>Open the &amp;demo (one sheet left to score)</source>
        <translation>Buka &amp;demo (satu lembar tersisa untuk dinilai)</translation>
    </message>
    <message>
        <location line="+2" />
        <source>Open the co&amp;mplete demo (every sheet confirmed)</source>
        <translation>Buka demo le&amp;ngkap (semua lembar dikonfirmasi)</translation>
    </message>
</context>
</TS>
