<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../juryapp/gui/wizard/finish_pages.py" line="+151"/>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>You sign in with the first account. A paper sheet typed by one secretariat user is confirmed by another, so add the second one now if you can.</source>
        <translation>Anda masuk dengan akun pertama. Lembar kertas yang diketik satu petugas sekretariat dikonfirmasi oleh petugas lain, jadi tambahkan akun kedua sekarang bila bisa.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Your secretariat account</source>
        <translation>Akun sekretariat Anda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Second secretariat account (may be added later)</source>
        <translation>Akun sekretariat kedua (boleh ditambahkan nanti)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Create an account with a six-digit PIN for every judge (slips to print)</source>
        <translation>Buat akun dengan PIN enam digit untuk setiap juri (slip untuk dicetak)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>The two secretariat accounts need different usernames.</source>
        <translation>Kedua akun sekretariat memerlukan nama pengguna yang berbeda.</translation>
    </message>
</context>
<context>
    <name>AppWindow</name>
    <message>
        <location filename="../../juryapp/gui/file_menu.py" line="+21"/>
        <source>juryapp databases (*.sqlite3 *.sqlite *.db);;All files (*)</source>
        <translation>Basis data juryapp (*.sqlite3 *.sqlite *.db);;Semua berkas (*)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>juryapp databases (*.sqlite3)</source>
        <translation>Basis data juryapp (*.sqlite3)</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Open a convention</source>
        <translation>Buka konvensi</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Where to keep the new convention</source>
        <translation>Tempat menyimpan konvensi baru</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Save a copy of the convention</source>
        <translation>Simpan salinan konvensi</translation>
    </message>
</context>
<context>
    <name>BackupMenu</name>
    <message>
        <location filename="../../juryapp/gui/backup_menu.py" line="+102"/>
        <source>&amp;Back up to…</source>
        <translation>&amp;Cadangkan ke…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Restore…</source>
        <translation>&amp;Pulihkan…</translation>
    </message>
    <message>
        <location line="+11"/>
        <location line="+30"/>
        <source>Back up to</source>
        <translation>Cadangkan ke</translation>
    </message>
    <message>
        <location line="-15"/>
        <source>Backing up…</source>
        <translation>Mencadangkan…</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Backup written and checked:
{file}</source>
        <translation>Cadangan ditulis dan diperiksa:
{file}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The backup was written but does not hold up: {problem}</source>
        <translation>Cadangan sudah ditulis tetapi tidak lolos pemeriksaan: {problem}</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Automatic backup failed</source>
        <translation>Pencadangan otomatis gagal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>The automatic backup failed: {reason}. Scores are still saved; use File → Back up to… to save a copy elsewhere.</source>
        <translation>Pencadangan otomatis gagal: {reason}. Nilai tetap tersimpan; pakai Berkas → Cadangkan ke… untuk menyimpan salinan di tempat lain.</translation>
    </message>
    <message>
        <location line="+12"/>
        <location line="+40"/>
        <location line="+11"/>
        <source>Restore</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <location line="-34"/>
        <source>Checking the backup…</source>
        <translation>Memeriksa cadangan…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>locked</source>
        <translation>terkunci</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>not locked</source>
        <translation>belum terkunci</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Replace everything in this database with the backup {file}?

Convention: {name}
Results: version {version}, {locked}
Audit trail: {events} events, unbroken

The database as it is now is kept in {folder}. Everyone is signed out.</source>
        <translation>Ganti seluruh isi basis data ini dengan cadangan {file}?

Konvensi: {name}
Hasil: versi {version}, {locked}
Jejak audit: {events} peristiwa, utuh

Basis data seperti sekarang disimpan di {folder}. Semua pengguna dikeluarkan.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{file} cannot be restored: {problem}</source>
        <translation>{file} tidak dapat dipulihkan: {problem}</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>&amp;Restore</source>
        <translation>&amp;Pulihkan</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Restoring…</source>
        <translation>Memulihkan…</translation>
    </message>
</context>
<context>
    <name>CategoriesPage</name>
    <message>
        <location filename="../../juryapp/gui/wizard/setup_pages.py" line="+127"/>
        <source>category</source>
        <translation>kategori</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Categories and their quotas</source>
        <translation>Kategori dan kuotanya</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each category is ranked on its own. The quota is how many of its best teams go on to the next level (for example 3 Puskesmas, 3 RSUD, 1 private hospital).</source>
        <translation>Setiap kategori diperingkat sendiri. Kuota adalah jumlah tim terbaiknya yang lolos ke tingkat berikutnya (misalnya 3 Puskesmas, 3 RSUD, 1 rumah sakit swasta).</translation>
    </message>
</context>
<context>
    <name>ChangeSecretDialog</name>
    <message>
        <location filename="../../juryapp/gui/account_dialogs.py" line="+272"/>
        <source>Change my PIN</source>
        <translation>Ganti PIN saya</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;urrent PIN:</source>
        <translation>PIN &amp;lama:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New PIN ({n}+ digits):</source>
        <translation>PIN &amp;baru (minimal {n} digit):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat the new PIN:</source>
        <translation>&amp;Ulangi PIN baru:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Change the PIN</source>
        <translation>&amp;Ganti PIN</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Change my passphrase</source>
        <translation>Ganti kata sandi saya</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;urrent passphrase:</source>
        <translation>Kata sandi &amp;lama:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New passphrase (8+ characters):</source>
        <translation>Kata sandi &amp;baru (minimal 8 karakter):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat the new passphrase:</source>
        <translation>&amp;Ulangi kata sandi baru:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Change the passphrase</source>
        <translation>&amp;Ganti kata sandi</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>The two new PINs differ.</source>
        <translation>Kedua PIN baru berbeda.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The two new passphrases differ.</source>
        <translation>Kedua kata sandi baru berbeda.</translation>
    </message>
</context>
<context>
    <name>ChecklistPage</name>
    <message>
        <location filename="../../juryapp/gui/wizard/finish_pages.py" line="+43"/>
        <source>Before judging starts</source>
        <translation>Sebelum penilaian dimulai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Check what is still missing, then press Finish.</source>
        <translation>Periksa apa yang masih kurang, lalu tekan Selesai.</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Fix the problems marked ✗ (go Back to their step) before finishing:</source>
        <translation>Perbaiki masalah bertanda ✗ (Kembali ke langkahnya) sebelum selesai:</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The convention can be created now. These things are still missing before judges can start; do them later on the Set-up and Accounts screens:</source>
        <translation>Konvensi sudah dapat dibuat. Hal-hal berikut masih kurang sebelum juri dapat mulai; lengkapi nanti di layar Pengaturan dan Akun:</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Nothing is missing: press Finish, sign in and judging can start.</source>
        <translation>Tidak ada yang kurang: tekan Selesai, masuk, dan penilaian dapat dimulai.</translation>
    </message>
</context>
<context>
    <name>ConflictsPage</name>
    <message>
        <location filename="../../juryapp/gui/wizard/people_pages.py" line="+168"/>
        <source>conflict of interest</source>
        <translation>konflik kepentingan</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>Conflicts of interest</source>
        <translation>Konflik kepentingan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>A judge does not score a team of their own institution. Pick the judge, then either one team or a whole institution.</source>
        <translation>Juri tidak menilai tim dari institusinya sendiri. Pilih jurinya, lalu satu tim atau satu institusi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Su&amp;ggest from affiliations</source>
        <translation>&amp;Usulkan dari afiliasi</translation>
    </message>
    <message>
        <location line="+27"/>
        <source>{n} conflicts suggested from the judges&apos; affiliations.</source>
        <translation>{n} konflik diusulkan dari afiliasi juri.</translation>
    </message>
</context>
<context>
    <name>ConventionWizard</name>
    <message>
        <location filename="../../juryapp/gui/wizard/wizard.py" line="+77"/>
        <source>New convention</source>
        <translation>Konvensi baru</translation>
    </message>
    <message>
        <location line="+52"/>
        <source>Creating the convention…</source>
        <translation>Membuat konvensi…</translation>
    </message>
</context>
<context>
    <name>DaysPage</name>
    <message>
        <location filename="../../juryapp/gui/wizard/setup_pages.py" line="-44"/>
        <source>day</source>
        <translation>hari</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>Days of the convention</source>
        <translation>Hari konvensi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Add a row per day of presentations. Double-click a date to pick it.</source>
        <translation>Tambahkan satu baris untuk setiap hari presentasi. Klik ganda tanggal untuk memilihnya.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The venue and room are on the first step. The start time is the first presentation of the day, e.g. 08.30.</source>
        <translation>Tempat dan ruangan ada di langkah pertama. Jam mulai adalah presentasi pertama hari itu, mis. 08.30.</translation>
    </message>
</context>
<context>
    <name>DetailsPage</name>
    <message>
        <location line="-42"/>
        <source>The convention and its organiser</source>
        <translation>Konvensi dan penyelenggaranya</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Name the convention. The organiser, its head and the city are printed on the minutes and certificates; they can be filled in later too.</source>
        <translation>Beri nama konvensi. Penyelenggara, kepalanya dan kota dicetak pada berita acara dan piagam; boleh juga diisi nanti.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <location filename="../../juryapp/gui/dialogs.py" line="+69"/>
        <source>{name} already exists. Replace it?</source>
        <translation>{name} sudah ada. Timpa?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Replace the file</source>
        <translation>&amp;Timpa berkas</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Unsaved changes</source>
        <translation>Perubahan belum disimpan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The changes on {what} are not saved yet.</source>
        <translation>Perubahan di {what} belum disimpan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Save them before you go on?</source>
        <translation>Simpan dulu sebelum melanjutkan?</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Save changes</source>
        <translation>&amp;Simpan perubahan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Discard changes</source>
        <translation>&amp;Buang perubahan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Stay here</source>
        <translation>&amp;Tetap di sini</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../juryapp/gui/errors.py" line="+31"/>
        <source>Problem in a file</source>
        <translation>Masalah pada berkas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Please check the input</source>
        <translation>Periksa kembali isian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not found</source>
        <translation>Tidak ditemukan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not allowed</source>
        <translation>Tidak diizinkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Not possible right now</source>
        <translation>Tidak dapat dilakukan saat ini</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign-in failed</source>
        <translation>Gagal masuk</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Cannot continue</source>
        <translation>Tidak dapat dilanjutkan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File: {file}</source>
        <translation>Berkas: {file}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Row: {row}</source>
        <translation>Baris: {row}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Column: {column}</source>
        <translation>Kolom: {column}</translation>
    </message>
    <message>
        <location line="+33"/>
        <source>File cannot be used</source>
        <translation>Berkas tidak dapat digunakan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The file could not be read or written.</source>
        <translation>Berkas tidak dapat dibaca atau disimpan.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>File: {file}
Reason: {reason}</source>
        <translation>Berkas: {file}
Penyebab: {reason}</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Unexpected error</source>
        <translation>Kesalahan tak terduga</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The action could not be completed because of an unexpected error.</source>
        <translation>Tindakan ini tidak dapat diselesaikan karena terjadi kesalahan yang tidak terduga.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Try again. If it happens again, send the text under Show Details to whoever supports juryapp.</source>
        <translation>Silakan coba lagi. Jika terjadi lagi, kirimkan teks di bawah Tampilkan Detail kepada pengelola juryapp.</translation>
    </message>
</context>
<context>
    <name>FileMenu</name>
    <message>
        <location filename="../../juryapp/gui/file_menu.py" line="+60"/>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New convention…</source>
        <translation>Konvensi &amp;baru…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open a convention…</source>
        <translation>B&amp;uka konvensi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open &amp;recent</source>
        <translation>Buka yang &amp;terakhir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save a &amp;copy…</source>
        <translation>Simpan &amp;salinan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Demo</source>
        <translation>&amp;Demo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open the &amp;demo (one sheet left to score)</source>
        <translation>Buka &amp;demo (satu lembar tersisa untuk dinilai)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Open the &amp;complete demo (every sheet confirmed)</source>
        <translation>Buka demo &amp;lengkap (semua lembar dikonfirmasi)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>C&amp;heck a document…</source>
        <translation>Per&amp;iksa keaslian dokumen…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Sign out</source>
        <translation>Keluar dari a&amp;kun</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Quit</source>
        <translation>Keluar dari a&amp;plikasi</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>(none yet)</source>
        <translation>(belum ada)</translation>
    </message>
</context>
<context>
    <name>IssuedPinsDialog</name>
    <message>
        <location filename="../../juryapp/gui/account_dialogs.py" line="-204"/>
        <source>Judges&apos; PINs</source>
        <translation>PIN juri</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>These PINs are shown only now: the app keeps them scrambled and cannot show them again. Print the slips, cut them out and hand each judge their own.</source>
        <translation>PIN ini hanya ditampilkan sekarang: aplikasi menyimpannya dalam bentuk acak dan tidak dapat menampilkannya lagi. Cetak slipnya, gunting, dan berikan kepada masing-masing juri.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>&amp;Print the PIN slips (PDF)…</source>
        <translation>&amp;Cetak slip PIN (PDF)…</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>PIN</source>
        <translation>PIN</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Save the PIN slips</source>
        <translation>Simpan slip PIN</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Slips written to {path}.</source>
        <translation>Slip ditulis ke {path}.</translation>
    </message>
</context>
<context>
    <name>JudgesPage</name>
    <message>
        <location filename="../../juryapp/gui/wizard/people_pages.py" line="-113"/>
        <source>judge</source>
        <translation>juri</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the judges or import them. Write the name with degrees as it is printed under the signature; put ✓ (or &apos;ya&apos;) in Chair for the chair of the jury.</source>
        <translation>Ketik juri atau impor. Tulis nama beserta gelar seperti dicetak di bawah tanda tangan; isi ✓ (atau &apos;ya&apos;) di kolom Ketua untuk ketua dewan juri.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>{file}: {n} judges.</source>
        <translation>{file}: {n} juri.</translation>
    </message>
</context>
<context>
    <name>NewSecretariatDialog</name>
    <message>
        <location filename="../../juryapp/gui/account_dialogs.py" line="+96"/>
        <source>New secretariat account</source>
        <translation>Akun sekretariat baru</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Username:</source>
        <translation>&amp;Nama pengguna:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Full name:</source>
        <translation>Nama &amp;lengkap:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Passphrase (8+ characters):</source>
        <translation>&amp;Kata sandi (minimal 8 karakter):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Repeat the passphrase:</source>
        <translation>&amp;Ulangi kata sandi:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Create the account</source>
        <translation>&amp;Buat akun</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two passphrases differ.</source>
        <translation>Kedua kata sandi berbeda.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type a username.</source>
        <translation>Ketik nama pengguna.</translation>
    </message>
</context>
<context>
    <name>Passphrase</name>
    <message>
        <location filename="../../juryapp/gui/passphrase.py" line="+14"/>
        <source>Passphrase of the convention&apos;s signing key (it signs the final documents; it is never stored):</source>
        <translation>Frasa sandi kunci tanda tangan konvensi (menandatangani dokumen final; tidak pernah disimpan):</translation>
    </message>
</context>
<context>
    <name>PresentationTimer</name>
    <message>
        <location filename="../../juryapp/gui/timer_window.py" line="+321"/>
        <source>Presentation</source>
        <translation>Presentasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Questions and answers</source>
        <translation>Tanya Jawab</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Ready: press Space to start</source>
        <translation>Siap: tekan Spasi untuk memulai</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Paused: press Space to continue</source>
        <translation>Dijeda: tekan Spasi untuk melanjutkan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Presentation timer</source>
        <translation>Pengatur Waktu Presentasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presenting now</source>
        <translation>Sedang presentasi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Space: start or pause · N: questions and answers · R: back to the start · F: full screen · Esc: leave full screen</source>
        <translation>Spasi: mulai atau jeda · N: tanya jawab · R: kembali ke awal · F: layar penuh · Esc: keluar dari layar penuh</translation>
    </message>
</context>
<context>
    <name>Problems</name>
    <message>
        <location filename="../../juryapp/gui/problems.py" line="+24"/>
        <source>Convention details</source>
        <translation>Data konvensi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Categories</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Rubric</source>
        <translation>Rubrik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Teams</source>
        <translation>Tim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts of interest</source>
        <translation>Konflik kepentingan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Scoring rules</source>
        <translation>Aturan penilaian</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Quota</source>
        <translation>Kuota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Weight</source>
        <translation>Bobot</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Lowest score</source>
        <translation>Skor terendah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Highest score</source>
        <translation>Skor tertinggi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Step</source>
        <translation>Langkah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Pillar</source>
        <translation>Pilar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Members</source>
        <translation>Anggota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tie-break order</source>
        <translation>Urutan penentu seri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trim</source>
        <translation>Pangkas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum team members</source>
        <translation>Anggota tim maksimum</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>row {row}</source>
        <translation>baris {row}</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>(and {n} more)</source>
        <translation>(dan {n} lainnya)</translation>
    </message>
</context>
<context>
    <name>QAbstractFileIconProvider</name>
    <message>
        <location filename="../../juryapp/gui/i18n.py" line="+97"/>
        <source>Drive</source>
        <translation>Drive</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <location line="-32"/>
        <source>&amp;Choose</source>
        <translation>&amp;Pilih</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Look in:</source>
        <translation>&amp;Lihat di:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;New Folder</source>
        <translation>&amp;Folder Baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Rename</source>
        <translation>&amp;Ganti Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All Files (*)</source>
        <translation>Semua Berkas (*)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change to detail view mode</source>
        <translation>Tampilan rinci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change to list view mode</source>
        <translation>Tampilan daftar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create New Folder</source>
        <translation>Buat Folder Baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Create a New Folder</source>
        <translation>Buat Folder Baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Detail View</source>
        <translation>Tampilan Rinci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directories</source>
        <translation>Folder</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Directory:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>File &amp;name:</source>
        <translation>&amp;Nama berkas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files of &amp;type:</source>
        <translation>&amp;Jenis berkas:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Go to the parent directory</source>
        <translation>Ke folder induk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List View</source>
        <translation>Tampilan Daftar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>List of places and bookmarks</source>
        <translation>Daftar tempat dan penanda</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent Directory</source>
        <translation>Folder Induk</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Show &amp;hidden files</source>
        <translation>Tampilkan berkas &amp;tersembunyi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sidebar</source>
        <translation>Bilah samping</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <location line="+1"/>
        <source>Computer</source>
        <translation>Komputer</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Date Modified</source>
        <translation>Tanggal Diubah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <location line="+2"/>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>U&amp;lang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Potong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location line="-48"/>
        <source>Show Details...</source>
        <translation>Tampilkan Detail...</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide Details...</source>
        <translation>Sembunyikan Detail...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <location line="-16"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reset</source>
        <translation>Atur Ulang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Retry</source>
        <translation>Coba Lagi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abort</source>
        <translation>Hentikan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Restore Defaults</source>
        <translation>Kembalikan Bawaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
</context>
<context>
    <name>QProgressDialog</name>
    <message>
        <location line="+3"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <location line="+47"/>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Redo</source>
        <translation>U&amp;lang</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cu&amp;t</source>
        <translation>&amp;Potong</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paste</source>
        <translation>&amp;Tempel</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>QWizard</name>
    <message>
        <location line="-52"/>
        <location filename="../../juryapp/gui/wizard/wizard.py" line="-49"/>
        <source>&lt; &amp;Back</source>
        <translation>&lt; &amp;Kembali</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../juryapp/gui/wizard/wizard.py" line="+1"/>
        <source>&amp;Next &gt;</source>
        <translation>&amp;Lanjut &gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../juryapp/gui/wizard/wizard.py" line="+1"/>
        <source>&amp;Finish</source>
        <translation>&amp;Selesai</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../juryapp/gui/wizard/wizard.py" line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../juryapp/gui/wizard/wizard.py" line="+1"/>
        <source>Commit</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <location line="+1"/>
        <location filename="../../juryapp/gui/wizard/wizard.py" line="+1"/>
        <source>&amp;Help</source>
        <translation>&amp;Bantuan</translation>
    </message>
</context>
<context>
    <name>QtTexts</name>
    <message>
        <location line="+63"/>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Folder</source>
        <translation>Folder</translation>
    </message>
</context>
<context>
    <name>ResultView</name>
    <message>
        <location filename="../../juryapp/gui/verify_dialog.py" line="+124"/>
        <source>VALID: signed with the key you gave</source>
        <translation>SAH: ditandatangani dengan kunci yang Anda masukkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>INTACT: compare the key below with the printed minutes</source>
        <translation>UTUH: cocokkan kunci di bawah dengan Berita Acara tercetak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>NOT VALID</source>
        <translation>TIDAK SAH</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>It certifies: {words}</source>
        <translation>Mengesahkan: {words}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed with the key whose fingerprint is:</source>
        <translation>Ditandatangani dengan kunci bersidik jari:</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Results fingerprint: {f}</source>
        <translation>Sidik jari hasil: {f}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>It matches the key fingerprint you typed.</source>
        <translation>Sesuai dengan sidik jari kunci yang Anda ketik.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The file is unchanged since it was signed, but anyone can sign a file: it is genuine only if this fingerprint is the one printed on the minutes (Berita Acara) the jury signed. Type that fingerprint above to have it compared.</source>
        <translation>Berkas tidak berubah sejak ditandatangani, tetapi siapa pun dapat menandatangani berkas: berkas ini asli hanya jika sidik jari ini sama dengan yang tercetak pada Berita Acara yang ditandatangani Dewan Juri. Ketik sidik jari itu di atas agar dicocokkan.</translation>
    </message>
</context>
<context>
    <name>RubricPage</name>
    <message>
        <location filename="../../juryapp/gui/wizard/setup_pages.py" line="+103"/>
        <source>Rubric and scoring rules</source>
        <translation>Rubrik dan aturan penilaian</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Start from the standard rubric (8 criteria, weights totalling 100), from last year&apos;s convention file, or from nothing; then change what you need.</source>
        <translation>Mulai dari rubrik standar (8 kriteria, jumlah bobot 100), dari berkas konvensi tahun lalu, atau dari kosong; lalu ubah yang perlu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>&amp;Standard rubric</source>
        <translation>Rubrik &amp;standar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>From a convention fi&amp;le</source>
        <translation>Dari &amp;berkas konvensi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Empty</source>
        <translation>&amp;Kosong</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>Last year&apos;s convention file</source>
        <translation>Berkas konvensi tahun lalu</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>The rubric of {file}: {n} criteria.</source>
        <translation>Rubrik dari {file}: {n} kriteria.</translation>
    </message>
</context>
<context>
    <name>SignatureDialog</name>
    <message>
        <location filename="../../juryapp/gui/signature_pad.py" line="+379"/>
        <source>Signature</source>
        <translation>Tanda Tangan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sign inside the box with the mouse, a stylus or a finger.</source>
        <translation>Bubuhkan tanda tangan di dalam kotak dengan mouse, pena stylus, atau jari.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Clear</source>
        <translation>Hapus</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <location line="-305"/>
        <location line="+131"/>
        <source>Signature pad</source>
        <translation>Bidang tanda tangan</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Sign here</source>
        <translation>Tanda tangan di sini</translation>
    </message>
</context>
<context>
    <name>StatusLine</name>
    <message>
        <location filename="../../juryapp/gui/status_line.py" line="+54"/>
        <source>Not signed in</source>
        <translation>Belum masuk</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Secretariat: {name}</source>
        <translation>Sekretariat: {name}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Judge {code}: {name}</source>
        <translation>Juri {code}: {name}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Database (read-only): {path}</source>
        <translation>Basis data (hanya-baca): {path}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Database: {path}</source>
        <translation>Basis data: {path}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Unsaved changes on the Set-up or Schedule screen</source>
        <translation>Ada perubahan yang belum disimpan di layar Pengaturan atau Jadwal</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All changes saved ✓ {time}</source>
        <translation>Semua perubahan tersimpan ✓ {time}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>All changes saved ✓</source>
        <translation>Semua perubahan tersimpan ✓</translation>
    </message>
</context>
<context>
    <name>Task</name>
    <message>
        <location filename="../../juryapp/gui/worker.py" line="+144"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>TeamsPage</name>
    <message>
        <location filename="../../juryapp/gui/wizard/people_pages.py" line="-78"/>
        <source>team</source>
        <translation>tim</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Participating teams</source>
        <translation>Tim peserta</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Type the teams, or import them from a spreadsheet (save the empty template, fill it in Excel, import it). Day and order give the presentation schedule.</source>
        <translation>Ketik tim peserta, atau impor dari lembar kerja (simpan templat kosong, isi di Excel, lalu impor). Hari dan urutan menjadi jadwal presentasi.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>{file}: {n} teams in all, {added} new.</source>
        <translation>{file}: seluruhnya {n} tim, {added} baru.</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../juryapp/gui/verify_dialog.py" line="+88"/>
        <source>No QR code could be read in this image.</source>
        <translation>Tidak ada kode QR yang terbaca pada gambar ini.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>QR code</source>
        <translation>Kode QR</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Key fingerprint</source>
        <translation>Sidik jari kunci</translation>
    </message>
    <message>
        <location line="+41"/>
        <location line="+2"/>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Checking…</source>
        <translation>Memeriksa…</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Choose a signed PDF</source>
        <translation>Pilih PDF yang ditandatangani</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Open a photo or scan of a QR code</source>
        <translation>Buka foto atau pindaian kode QR</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Images (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)</source>
        <translation>Gambar (*.png *.jpg *.jpeg *.bmp *.gif *.tif *.tiff *.webp)</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Check a document</source>
        <translation>Periksa keaslian dokumen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Check a signed result PDF, or the QR code printed on a result document. No sign-in and no database are needed: the file or the code is enough.</source>
        <translation>Periksa berkas PDF hasil yang ditandatangani, atau kode QR yang tercetak pada dokumen hasil. Tidak perlu masuk dan tidak perlu basis data: berkas atau kodenya saja sudah cukup.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Key fingerprint printed on the minutes (Berita Acara), if you have it:</source>
        <translation>Sidik jari &amp;kunci yang tercetak pada Berita Acara, bila ada:</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Choose a &amp;PDF…</source>
        <translation>Pilih berkas &amp;PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open a QR code &amp;image…</source>
        <translation>Buka &amp;gambar kode QR…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Or paste the &amp;text a phone&apos;s QR scanner shows:</source>
        <translation>Atau tempelkan &amp;teks yang ditampilkan pemindai QR ponsel:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Check the code</source>
        <translation>P&amp;eriksa kode</translation>
    </message>
</context>
<context>
    <name>_ImportingPage</name>
    <message>
        <location filename="../../juryapp/gui/wizard/people_pages.py" line="-69"/>
        <source>&amp;Import from a spreadsheet…</source>
        <translation>&amp;Impor dari lembar kerja…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Empty &amp;template…</source>
        <translation>Templat &amp;kosong…</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>{file}: empty template written.</source>
        <translation>{file}: templat kosong ditulis.</translation>
    </message>
</context>
<context>
    <name>_KeyPassphrase</name>
    <message>
        <location filename="../../juryapp/gui/wizard/finish_pages.py" line="-155"/>
        <source>The convention&apos;s signing key</source>
        <translation>Kunci tanda tangan konvensi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Final documents are signed with a key made now and stored only sealed by this passphrase. It is asked for when the results are locked and printed, and it is never stored: keep it safe, as a lost passphrase needs a new key.</source>
        <translation>Dokumen final ditandatangani dengan kunci yang dibuat sekarang dan hanya disimpan dalam keadaan tersegel oleh frasa sandi ini. Frasa sandi ditanyakan saat hasil dikunci dan dicetak, dan tidak pernah disimpan: simpan baik-baik, karena frasa sandi yang hilang memerlukan kunci baru.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Key passphrase ({n}+ characters):</source>
        <translation>Frasa sandi kunci ({n}+ karakter):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Repeat the key passphrase:</source>
        <translation>Ulangi frasa sandi kunci:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The key passphrase needs at least {n} characters.</source>
        <translation>Frasa sandi kunci paling sedikit {n} karakter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The two key passphrases differ.</source>
        <translation>Kedua frasa sandi kunci tidak sama.</translation>
    </message>
</context>
<context>
    <name>_Person</name>
    <message>
        <location line="-63"/>
        <source>Username:</source>
        <translation>Nama pengguna:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Full name:</source>
        <translation>Nama lengkap:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Passphrase ({n}+ characters):</source>
        <translation>Kata sandi (minimal {n} karakter):</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Repeat the passphrase:</source>
        <translation>Ulangi kata sandi:</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>{who}: type a username.</source>
        <translation>{who}: ketik nama pengguna.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{who}: the passphrase needs at least {n} characters.</source>
        <translation>{who}: kata sandi minimal {n} karakter.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{who}: the two passphrases differ.</source>
        <translation>{who}: kedua kata sandi berbeda.</translation>
    </message>
</context>
</TS>
