<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id">
<context>
    <name>AccountsPage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/accounts_page.py" line="+99"/>
        <source>Username</source>
        <translation>Nama pengguna</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+2"/>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location line="-2"/>
        <source>Secretariat</source>
        <translation>Sekretariat</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>State</source>
        <translation>Keadaan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>locked after wrong tries</source>
        <translation>terkunci karena salah berulang</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>active</source>
        <translation>aktif</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Judges sign in with a six-digit PIN printed on a slip; the secretariat with a passphrase. Paper sheets are confirmed by a second secretariat user, so create at least two secretariat accounts. Every change here is recorded.</source>
        <translation>Juri masuk dengan PIN enam digit yang dicetak pada slip; sekretariat dengan kata sandi. Lembar kertas dikonfirmasi oleh petugas sekretariat kedua, jadi buatlah paling sedikit dua akun sekretariat. Setiap perubahan di sini dicatat.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Accounts for &amp;judges without one…</source>
        <translation>Akun untuk &amp;juri yang belum punya…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;secretariat account…</source>
        <translation>Akun &amp;sekretariat baru…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New &amp;PIN for this judge…</source>
        <translation>&amp;PIN baru untuk juri ini…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Lift the lockout…</source>
        <translation>&amp;Buka blokir…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Change &amp;my passphrase…</source>
        <translation>Ganti kata sandi sa&amp;ya…</translation>
    </message>
    <message>
        <location line="+51"/>
        <source>Every judge has an account already.</source>
        <translation>Setiap juri sudah memiliki akun.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>{n} judge accounts created; print their PIN slips now.</source>
        <translation>{n} akun juri dibuat; cetak slip PIN-nya sekarang.</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{user} has a new PIN; the old one no longer works.</source>
        <translation>{user} mendapat PIN baru; PIN lama tidak berlaku lagi.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{user} can sign in again.</source>
        <translation>{user} dapat masuk lagi.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Account {user} created.</source>
        <translation>Akun {user} dibuat.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>New PIN</source>
        <translation>PIN baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Give {name} a new PIN? The old PIN stops working at once.</source>
        <translation>Beri {name} PIN baru? PIN lama langsung tidak berlaku.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Give a new PIN</source>
        <translation>&amp;Beri PIN baru</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Lift the lockout</source>
        <translation>Buka blokir</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{name} is locked out after too many wrong tries. Let them try again now? This is recorded.</source>
        <translation>{name} terblokir karena terlalu sering salah. Izinkan mencoba lagi sekarang? Tindakan ini dicatat.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Lift the lockout</source>
        <translation>&amp;Buka blokir</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Your passphrase is changed.</source>
        <translation>Kata sandi Anda sudah diganti.</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/audit_dialog.py" line="+95"/>
        <source>Intact: {n} events, head {head}. The score tables match the audit trail and the seal; nothing was changed behind the app&apos;s back.</source>
        <translation>Utuh: {n} peristiwa, kepala {head}. Tabel nilai sama dengan jejak audit dan segel; tidak ada yang diubah di luar aplikasi.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{count} findings: the database was changed outside the app, or its trail rewritten. Do not print final documents until this is explained.</source>
        <translation>{count} temuan: basis data diubah di luar aplikasi, atau jejaknya ditulis ulang. Jangan cetak dokumen final sebelum hal ini dijelaskan.</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Audit trail</source>
        <translation>Jejak audit</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Head printed on the signed minutes, e.g. #1234 · 3f9a…c2e1</source>
        <translation>Kepala jejak audit yang tercetak pada Berita Acara bertanda tangan, mis. #1234 · 3f9a…c2e1</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Check again</source>
        <translation>&amp;Periksa lagi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>&amp;Export…</source>
        <translation>&amp;Ekspor…</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Checking the audit trail…</source>
        <translation>Memeriksa jejak audit…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Latest seal: results version {v}, sealed by {who}, key {key}, audit head {head}.</source>
        <translation>Segel terakhir: hasil versi {v}, disegel oleh {who}, kunci {key}, kepala jejak audit {head}.</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>The results have not been sealed yet.</source>
        <translation>Hasil belum disegel.</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>{n} events written to {file}.</source>
        <translation>{n} peristiwa ditulis ke {file}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Writing the audit trail…</source>
        <translation>Menulis jejak audit…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Export the audit trail</source>
        <translation>Ekspor jejak audit</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>PDF annex (*.pdf);;Spreadsheet (*.xlsx);;CSV (*.csv)</source>
        <translation>Lampiran PDF (*.pdf);;Lembar kerja (*.xlsx);;CSV (*.csv)</translation>
    </message>
</context>
<context>
    <name>BreakdownModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="+212"/>
        <source>counted</source>
        <translation>dihitung</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>excluded: conflict of interest</source>
        <translation>tidak dihitung: konflik kepentingan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>excluded: abstained</source>
        <translation>tidak dihitung: abstain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>excluded: not handed in yet</source>
        <translation>tidak dihitung: belum diserahkan</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>far from the panel mean</source>
        <translation>jauh dari rata-rata juri</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Total</source>
        <translation>Total</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Counted?</source>
        <translation>Dihitung?</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Flag</source>
        <translation>Tanda</translation>
    </message>
</context>
<context>
    <name>CompareModel</name>
    <message>
        <location line="+27"/>
        <source>The rank differs from the chosen method</source>
        <translation>Peringkat berbeda dari metode yang dipilih</translation>
    </message>
    <message>
        <location line="+32"/>
        <source>Team</source>
        <translation>Tim</translation>
    </message>
</context>
<context>
    <name>CorrectionDialog</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/correction_dialog.py" line="+20"/>
        <source>Correct a handed-in score</source>
        <translation>Koreksi skor yang sudah diserahkan</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Required: why the score changes</source>
        <translation>Wajib: mengapa skor diubah</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>New score</source>
        <translation>Skor baru</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/dashboard.py" line="+145"/>
        <source>Scoring progress</source>
        <translation>Progres penilaian</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Grey: not started · amber: draft (criteria filled) · blue: submitted · green ✓: confirmed · hatched CoI: conflict of interest · red outline: far from the panel mean. Double-click a cell to open the sheet.</source>
        <translation>Abu-abu: belum mulai · kuning: draf (kriteria terisi) · biru: diserahkan · hijau ✓: dikonfirmasi · arsir KK: konflik kepentingan · bingkai merah: jauh dari rata-rata juri. Klik ganda sel untuk membuka lembarnya.</translation>
    </message>
    <message>
        <location line="+43"/>
        <source>Not started</source>
        <translation>Belum mulai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted</source>
        <translation>Diserahkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed</source>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict</source>
        <translation>Konflik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abstained</source>
        <translation>Abstain</translation>
    </message>
</context>
<context>
    <name>DifferencesModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/reentry_dialog.py" line="+94"/>
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>First entry ({who})</source>
        <translation>Entri pertama ({who})</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Your entry</source>
        <translation>Entri Anda</translation>
    </message>
</context>
<context>
    <name>DocumentKinds</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/written_model.py" line="+40"/>
        <source>Judges&apos; score sheets</source>
        <translation>Lembar Penilaian Juri</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Blank score forms</source>
        <translation>Formulir Penilaian Kosong</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>Score recap</source>
        <translation>Rekapitulasi Nilai</translation>
    </message>
    <message>
        <location line="-1"/>
        <source>Minutes of the jury</source>
        <translation>Berita Acara</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Robustness annex (methods, each judge left out)</source>
        <translation>Lampiran Uji Ketahanan Peringkat</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Announcement of the winners</source>
        <translation>Pengumuman Pemenang</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Each judge&apos;s recap</source>
        <translation>Rekapitulasi Nilai per Juri</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Certificates of award</source>
        <translation>Piagam Penghargaan</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Conflict-of-interest declarations</source>
        <translation>Pernyataan Konflik Kepentingan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Attendance lists</source>
        <translation>Daftar Hadir Dewan Juri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Plain-paper documents in one file, for duplex printing</source>
        <translation>Dokumen kertas biasa dalam satu berkas, untuk cetak bolak-balik</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>All certificates in one file, for card stock</source>
        <translation>Semua piagam dalam satu berkas, untuk kertas tebal</translation>
    </message>
    <message>
        <location line="-10"/>
        <source>Feedback sheets</source>
        <translation>Lembar Umpan Balik</translation>
    </message>
</context>
<context>
    <name>EventsModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/audit_dialog.py" line="-138"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time (UTC)</source>
        <translation>Waktu (UTC)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>By</source>
        <translation>Oleh</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Subject</source>
        <translation>Perihal</translation>
    </message>
</context>
<context>
    <name>FilesPanel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/files_panel.py" line="+78"/>
        <source>Import &amp;teams…</source>
        <translation>Impor &amp;tim…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add or update teams by code.</source>
        <translation>Tambah atau perbarui tim menurut kode.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import &amp;judges…</source>
        <translation>Impor &amp;juri…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Add or update judges by code.</source>
        <translation>Tambah atau perbarui juri menurut kode.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Import s&amp;cores…</source>
        <translation>Impor &amp;nilai…</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Sa&amp;ve convention file…</source>
        <translation>Sim&amp;pan berkas konvensi…</translation>
    </message>
    <message>
        <location line="-7"/>
        <source>Paper sheets typed into a spreadsheet; complete sheets are handed in.</source>
        <translation>Lembar kertas yang diketik ke spreadsheet; lembar lengkap langsung diserahkan.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Open convention file…</source>
        <translation>B&amp;uka berkas konvensi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Replace the whole set-up with a convention file (scores stay).</source>
        <translation>Ganti seluruh pengaturan dengan berkas konvensi (nilai tetap tersimpan).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Write the set-up to a file to share or to start next year&apos;s edition.</source>
        <translation>Tulis pengaturan ke berkas untuk dibagikan atau untuk edisi tahun depan.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Empty template…</source>
        <translation>Templat kosong…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Save an empty spreadsheet with the right headings, to fill in and import.</source>
        <translation>Simpan lembar kerja kosong dengan judul kolom yang benar, untuk diisi lalu diimpor.</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>teams</source>
        <translation>tim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>judges</source>
        <translation>juri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>scores</source>
        <translation>nilai</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Empty template for {what}</source>
        <translation>Templat kosong untuk {what}</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>{file}: empty template written.</source>
        <translation>{file}: templat kosong ditulis.</translation>
    </message>
    <message>
        <location line="+37"/>
        <source>Working on {file}…</source>
        <translation>Memproses {file}…</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>{file}: {rows} rows, {added} added, {changed} changed.</source>
        <translation>{file}: {rows} baris, {added} ditambah, {changed} diubah.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>{file}: done.</source>
        <translation>{file}: selesai.</translation>
    </message>
</context>
<context>
    <name>ForksModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/received_models.py" line="+135"/>
        <source>applied branch kept by {who}: {why}</source>
        <translation>cabang yang diterapkan dipertahankan oleh {who}: {why}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>other branch taken by {who}: {why}</source>
        <translation>cabang lain dipakai oleh {who}: {why}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>waiting for a decision</source>
        <translation>menunggu keputusan</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Event</source>
        <translation>Peristiwa</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Applied branch</source>
        <translation>Cabang diterapkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Other branch</source>
        <translation>Cabang lain</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Decision</source>
        <translation>Keputusan</translation>
    </message>
</context>
<context>
    <name>InfoForm</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/info_form.py" line="+47"/>
        <source>Convention name</source>
        <translation>Nama konvensi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Theme</source>
        <translation>Tema</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Venue and room</source>
        <translation>Tempat dan ruangan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>City (place of signing)</source>
        <translation>Kota (tempat penandatanganan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next level (where winners go)</source>
        <translation>Tingkat berikutnya (tujuan tim yang lolos)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Minutes number</source>
        <translation>Nomor berita acara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Maximum team members</source>
        <translation>Anggota tim maksimum</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Organiser</source>
        <translation>Penyelenggara</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head of organiser (title)</source>
        <translation>Kepala penyelenggara (jabatan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head of organiser (name)</source>
        <translation>Kepala penyelenggara (nama)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head of organiser (NIP)</source>
        <translation>Kepala penyelenggara (NIP)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Logo</source>
        <translation>Logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent body (one line each)</source>
        <translation>Instansi induk (satu per baris)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Government (first line)</source>
        <translation>Pemerintah (baris pertama)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Parent office (second line)</source>
        <translation>Dinas induk (baris kedua)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Website</source>
        <translation>Situs web</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Head of organiser (rank)</source>
        <translation>Kepala penyelenggara (pangkat/golongan)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Next level (in English)</source>
        <translation>Tingkat berikutnya (dalam bahasa Inggris)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Address</source>
        <translation>Alamat</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Telephone</source>
        <translation>Telepon</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>E-mail</source>
        <translation>Surel</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+1"/>
        <source>Place of signing</source>
        <translation>Tempat penandatanganan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;Mengetahui&apos; official (title)</source>
        <translation>Pejabat &apos;Mengetahui&apos; (jabatan)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&apos;Mengetahui&apos; official (name)</source>
        <translation>Pejabat &apos;Mengetahui&apos; (nama)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&apos;Mengetahui&apos; official (NIP)</source>
        <translation>Pejabat &apos;Mengetahui&apos; (NIP)</translation>
    </message>
    <message>
        <location line="+48"/>
        <source>Choose an image…</source>
        <translation>Pilih gambar…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <location line="+2"/>
        <location line="+19"/>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Choose the logo</source>
        <translation>Pilih logo</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Images (*.png *.jpg *.jpeg)</source>
        <translation>Gambar (*.png *.jpg *.jpeg)</translation>
    </message>
    <message>
        <location line="+99"/>
        <source>The convention</source>
        <translation>Konvensi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Organiser and letterhead (printed on the documents)</source>
        <translation>Penyelenggara dan kop surat (dicetak pada dokumen)</translation>
    </message>
</context>
<context>
    <name>IntegrityBanner</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/integrity_banner.py" line="+75"/>
        <source>&amp;Details…</source>
        <translation>&amp;Rincian…</translation>
    </message>
</context>
<context>
    <name>LockDialog</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/lock_dialog.py" line="+99"/>
        <source>Lock the results</source>
        <translation>Kunci hasil</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Locking freezes results version {n}: no score, tie decision or set-up can change any more, and the documents printed from then on are final and signed. The lock seals every score and name with the convention&apos;s key, so any later change shows. Unlocking later needs a reason and makes a new version.</source>
        <translation>Mengunci membekukan hasil versi {n}: tidak ada nilai, keputusan seri, atau pengaturan yang dapat berubah lagi, dan dokumen yang dicetak sesudahnya final dan ditandatangani. Penguncian menyegel setiap nilai dan nama dengan kunci konvensi, sehingga perubahan apa pun sesudahnya akan tampak. Membuka kunci kemudian memerlukan alasan dan menghasilkan versi baru.</translation>
    </message>
    <message>
        <location line="+9"/>
        <source>Decide the tie</source>
        <translation>Putuskan seri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Why lock while {n} handed-in sheets are not confirmed? (required)</source>
        <translation>Mengapa dikunci padahal {n} lembar yang diserahkan belum dikonfirmasi? (wajib)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Passphrase of the convention&apos;s signing key (it is never stored):</source>
        <translation>&amp;Frasa sandi kunci tanda tangan konvensi (tidak pernah disimpan):</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Lock the results</source>
        <translation>&amp;Kunci hasil</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Every sheet is confirmed or recorded as an abstention: nothing is open.</source>
        <translation>Setiap lembar sudah dikonfirmasi atau dicatat sebagai tidak menilai: tidak ada yang terbuka.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Nothing blocks the lock, but these sheets are handed in and not confirmed by a second person yet:</source>
        <translation>Tidak ada yang menghalangi penguncian, tetapi lembar berikut sudah diserahkan dan belum dikonfirmasi oleh petugas kedua:</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The results cannot be locked yet. Settle each item below (or record that the judge did not score the team), then lock:</source>
        <translation>Hasil belum dapat dikunci. Selesaikan setiap butir di bawah (atau catat bahwa juri tidak menilai tim itu), lalu kunci:</translation>
    </message>
</context>
<context>
    <name>Methods</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="-254"/>
        <source>Mean</source>
        <translation>Rata-rata</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trimmed mean</source>
        <translation>Rata-rata terpangkas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Median</source>
        <translation>Median</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Z-score</source>
        <translation>Skor-z</translation>
    </message>
</context>
<context>
    <name>OpenItemsModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/open_items_model.py" line="+40"/>
        <source>Tie at the quota line</source>
        <translation>Seri di batas kuota</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet not started</source>
        <translation>Lembar belum diisi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet still a draft</source>
        <translation>Lembar masih draf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet lacks a score</source>
        <translation>Lembar kurang skor</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Sheet not confirmed</source>
        <translation>Lembar belum dikonfirmasi</translation>
    </message>
    <message>
        <location line="+34"/>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Where</source>
        <translation>Di mana</translation>
    </message>
</context>
<context>
    <name>PaperEntryPage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="+148"/>
        <source>&amp;Judge</source>
        <translation>&amp;Juri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Team</source>
        <translation>&amp;Tim</translation>
    </message>
    <message>
        <location line="+3"/>
        <location line="+109"/>
        <source>Scores from the paper form (Enter saves and moves on)</source>
        <translation>Skor dari formulir kertas (Enter menyimpan dan pindah ke berikutnya)</translation>
    </message>
    <message>
        <location line="-108"/>
        <source>&amp;Submit sheet</source>
        <translation>&amp;Serahkan lembar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;orrect a score…</source>
        <translation>K&amp;oreksi skor…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reopen…</source>
        <translation>Buka kem&amp;bali…</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>&amp;Confirm…</source>
        <translation>&amp;Konfirmasi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <location line="+125"/>
        <source>Judge did &amp;not score it…</source>
        <translation>Juri tidak me&amp;nilai…</translation>
    </message>
    <message>
        <location line="-23"/>
        <source>Scores the judge gave at the laptop (read only here)</source>
        <translation>Skor yang diberikan juri di laptop (hanya dibaca di sini)</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total: {total}</source>
        <translation>Total: {total}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Confirm by typing it again…</source>
        <translation>&amp;Konfirmasi dengan mengetik ulang…</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Confirm this laptop sheet</source>
        <translation>&amp;Konfirmasi lembar laptop ini</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Undo &apos;did not score&apos;…</source>
        <translation>Batalkan &apos;tidak &amp;menilai&apos;…</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_form.py" line="+39"/>
        <source>not started</source>
        <translation>belum mulai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>draft</source>
        <translation>draf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>submitted, waiting for confirmation</source>
        <translation>diserahkan, menunggu konfirmasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>confirmed</source>
        <translation>dikonfirmasi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Judge: {name}</source>
        <translation>Juri: {name}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Status: {state}</source>
        <translation>Status: {state}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>paper form</source>
        <translation>formulir kertas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>judge laptop (read only here)</source>
        <translation>laptop juri (hanya dibaca di sini)</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Recorded: the judge did not score this team</source>
        <translation>Tercatat: juri tidak menilai tim ini</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="+62"/>
        <source>Sheet handed in. Another secretariat user must now type it again.</source>
        <translation>Lembar diserahkan. Petugas sekretariat lain sekarang harus mengetiknya ulang.</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_form.py" line="-12"/>
        <source>Source: {source}</source>
        <translation>Sumber: {source}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Typed by: {who}</source>
        <translation>Diketik oleh: {who}</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Confirmed by: {who}</source>
        <translation>Dikonfirmasi oleh: {who}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Conflict of interest: this judge does not score this team</source>
        <translation>Konflik kepentingan: juri ini tidak menilai tim ini</translation>
    </message>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_entry.py" line="+15"/>
        <source>Sheet confirmed.</source>
        <translation>Lembar dikonfirmasi.</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Next: {judge} × {team}.</source>
        <translation>Berikutnya: {judge} × {team}.</translation>
    </message>
    <message>
        <location line="+32"/>
        <location line="+17"/>
        <source>Both entries agree: the sheet is confirmed.</source>
        <translation>Kedua entri sama: lembar dikonfirmasi.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The entries differ on {codes}; nothing was changed.</source>
        <translation>Entri berbeda pada {codes}; belum ada yang diubah.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>{n} laptop sheets of {judge} confirmed.</source>
        <translation>{n} lembar laptop {judge} dikonfirmasi.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Not confirmed: {list}</source>
        <translation>Belum dikonfirmasi: {list}</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Confirm a judge&apos;s laptop sheets</source>
        <translation>Konfirmasi lembar laptop seorang juri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirm these {n} sheets {judge} handed in at a laptop: {teams}?</source>
        <translation>Konfirmasi {n} lembar yang diserahkan {judge} di laptop ini: {teams}?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Confirm {n} sheets</source>
        <translation>&amp;Konfirmasi {n} lembar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open each one first if you have not looked through them yet.</source>
        <translation>Buka dulu satu per satu bila belum Anda periksa.</translation>
    </message>
</context>
<context>
    <name>PendingModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/pending_model.py" line="+82"/>
        <source>paper, typed by you</source>
        <translation>kertas, diketik oleh Anda</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>paper</source>
        <translation>kertas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>laptop, corrected by you</source>
        <translation>laptop, dikoreksi oleh Anda</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>laptop</source>
        <translation>laptop</translation>
    </message>
    <message>
        <location line="+26"/>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Source</source>
        <translation>Sumber</translation>
    </message>
</context>
<context>
    <name>PrintPage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/print_page.py" line="+201"/>
        <source>Results and signature</source>
        <translation>Hasil dan tanda tangan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Certificate &amp;fingerprint:</source>
        <translation>Sidik &amp;jari sertifikat:</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Documents</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Options</source>
        <translation>Pilihan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Language of the documents</source>
        <translation>B&amp;ahasa dokumen</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Paper</source>
        <translation>&amp;Kertas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Output fol&amp;der</source>
        <translation>Folder t&amp;ujuan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>C&amp;hoose…</source>
        <translation>Pi&amp;lih…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Create PDFs</source>
        <translation>&amp;Buat PDF</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Verify a PDF…</source>
        <translation>&amp;Verifikasi PDF…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Audit trail…</source>
        <translation>&amp;Jejak audit…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Files written</source>
        <translation>Berkas yang dibuat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Open folder</source>
        <translation>Buka &amp;folder</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Press Enter or double-click a file to open it.</source>
        <translation>Tekan Enter atau klik dua kali sebuah berkas untuk membukanya.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Nothing printed yet on this screen.</source>
        <translation>Belum ada yang dicetak dari layar ini.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Results version {n} are not locked: the PDFs carry a DRAFT watermark and are not signed. Lock the results on the Results screen to print the final, signed documents.</source>
        <translation>Hasil versi {n} belum dikunci: PDF diberi tanda air DRAF dan tidak ditandatangani. Kunci hasil di layar Hasil untuk mencetak dokumen final yang ditandatangani.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Results version {n} are locked, but this convention has no signing key yet. Unlock and lock the results again on the Results screen to create it.</source>
        <translation>Hasil versi {n} sudah dikunci, tetapi konvensi ini belum memiliki kunci tanda tangan. Buka kunci lalu kunci kembali hasil di layar Hasil untuk membuatnya.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Results version {n} are locked: the PDFs are signed with the key below, whose passphrase is asked for when you create them. The key&apos;s fingerprint is printed on the minutes; anyone compares it to check a file.</source>
        <translation>Hasil versi {n} terkunci: PDF ditandatangani dengan kunci di bawah ini, yang frasa sandinya ditanyakan saat PDF dibuat. Sidik jari kunci dicetak pada Berita Acara; siapa pun mencocokkannya untuk memeriksa berkas.</translation>
    </message>
    <message>
        <location line="+39"/>
        <source>Create signed PDFs</source>
        <translation>Buat PDF bertanda tangan</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Writing {file}.pdf…</source>
        <translation>Menulis {file}.pdf…</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Creating PDFs…</source>
        <translation>Membuat PDF…</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>{count} signed PDF files written to {folder}.</source>
        <translation>{count} berkas PDF bertanda tangan dibuat di {folder}.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{count} draft PDF files (not signed) written to {folder}.</source>
        <translation>{count} berkas PDF draf (tanpa tanda tangan) dibuat di {folder}.</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Printing was cancelled. Files written before the cancel stay in the folder.</source>
        <translation>Pencetakan dibatalkan. Berkas yang sudah dibuat sebelum pembatalan tetap ada di folder.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Folder for the PDF files</source>
        <translation>Folder untuk berkas PDF</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Checking {file}…</source>
        <translation>Memeriksa {file}…</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Verify a PDF</source>
        <translation>Verifikasi PDF</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>ProgressModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/progress_model.py" line="+420"/>
        <source>submitted</source>
        <translation>diserahkan</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>CoI</source>
        <translation>KK</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>abstained</source>
        <translation>abstain</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not started</source>
        <translation>Belum mulai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Submitted, waiting for confirmation</source>
        <translation>Diserahkan, menunggu konfirmasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Confirmed</source>
        <translation>Dikonfirmasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflict of interest: this judge does not score</source>
        <translation>Konflik kepentingan: juri ini tidak menilai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Abstained</source>
        <translation>Abstain</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Far from the panel mean: discuss in the plenary</source>
        <translation>Jauh dari rata-rata dewan juri: bahas dalam sidang pleno</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Team</source>
        <translation>Tim</translation>
    </message>
</context>
<context>
    <name>RankingModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_models.py" line="+102"/>
        <source>Tied at the quota line — jury decision needed</source>
        <translation>Seri di batas kuota — perlu keputusan juri</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tied, shared place by jury decision</source>
        <translation>Seri, juara bersama atas keputusan juri</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tied (shared rank) with {teams}</source>
        <translation>Seri (peringkat bersama) dengan {teams}</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Tied with {teams}, decided by the jury</source>
        <translation>Seri dengan {teams}, diputuskan juri</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tied with {teams}, broken by {criterion}</source>
        <translation>Seri dengan {teams}, ditentukan oleh {criterion}</translation>
    </message>
    <message>
        <location line="-75"/>
        <source>Advances</source>
        <translation>Lolos</translation>
    </message>
    <message>
        <location line="+86"/>
        <source>Rank</source>
        <translation>Peringkat</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Innovation title</source>
        <translation>Judul inovasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Final score</source>
        <translation>Nilai akhir</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Result</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Tie</source>
        <translation>Seri</translation>
    </message>
</context>
<context>
    <name>ReceivedModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/received_models.py" line="-95"/>
        <source>not enrolled</source>
        <translation>belum terdaftar</translation>
    </message>
    <message>
        <location line="+25"/>
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
        <source>Key</source>
        <translation>Kunci</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Received up to</source>
        <translation>Diterima sampai</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Last received</source>
        <translation>Terakhir diterima</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Missing</source>
        <translation>Belum ada</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set aside</source>
        <translation>Disisihkan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forks</source>
        <translation>Percabangan</translation>
    </message>
</context>
<context>
    <name>ReceivedPage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/received_page.py" line="+168"/>
        <source>Judges&apos; laptops</source>
        <translation>Laptop juri</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Scores typed at the judges&apos; own laptops arrive as signed bundles (on a USB stick). Importing one never overwrites anything: an event already held changes nothing, a missing one is shown, and two different events with the same number wait below for your decision. Each import writes a signed receipt beside the bundle for the judge&apos;s laptop.</source>
        <translation>Nilai yang diketik di laptop juri sendiri tiba sebagai bundel bertanda tangan (lewat flashdisk). Mengimpor bundel tidak pernah menimpa apa pun: peristiwa yang sudah ada tidak mengubah apa-apa, yang belum ada ditampilkan, dan dua peristiwa berbeda dengan nomor yang sama menunggu keputusan Anda di bawah. Setiap impor menulis tanda terima bertanda tangan di samping bundel untuk laptop juri.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Import score bundles…</source>
        <translation>Impor bundel nilai…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Export convention package…</source>
        <translation>Ekspor paket konvensi…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Forks: two different events with the same number</source>
        <translation>Percabangan: dua peristiwa berbeda dengan nomor yang sama</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Listen on the venue LAN</source>
        <translation>Dengarkan di jaringan lokal (LAN) venue</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Keep the applied branch…</source>
        <translation>Pertahankan cabang yang diterapkan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Take the other branch…</source>
        <translation>Pakai cabang yang lain…</translation>
    </message>
    <message>
        <location line="+16"/>
        <source>This build of the app has no LAN transport.</source>
        <translation>Versi aplikasi ini tidak memiliki transport LAN.</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>Listening on {address}. Packages exported now name this address; laptops check the hub&apos;s certificate: {pin}</source>
        <translation>Mendengarkan di {address}. Paket yang diekspor sekarang memuat alamat ini; laptop juri memeriksa sertifikat hub: {pin}</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Signing receipts and packages</source>
        <translation>Menandatangani tanda terima dan paket</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>Export convention package</source>
        <translation>Ekspor paket konvensi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Convention packages (*.jurypkg)</source>
        <translation>Paket konvensi (*.jurypkg)</translation>
    </message>
    <message>
        <location line="+20"/>
        <source>Convention package</source>
        <translation>Paket konvensi</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Written to {file}. Open it on each judge&apos;s laptop and compare the convention key&apos;s fingerprint shown there with this one:

{key}</source>
        <translation>Ditulis ke {file}. Buka di laptop setiap juri dan bandingkan sidik jari kunci konvensi yang tampil di sana dengan yang ini:

{key}</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Import score bundles</source>
        <translation>Impor bundel nilai</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Score bundles (*.jurylog)</source>
        <translation>Bundel nilai (*.jurylog)</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Score bundles</source>
        <translation>Bundel nilai</translation>
    </message>
    <message>
        <location line="+21"/>
        <source>{file}: not imported, the key was not enrolled</source>
        <translation>{file}: tidak diimpor, kuncinya tidak didaftarkan</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>{file}: judge {judge}, {new} new events, received up to #{upto}</source>
        <translation>{file}: juri {judge}, {new} peristiwa baru, diterima sampai #{upto}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>missing {ranges}</source>
        <translation>belum ada {ranges}</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>FORK at {events}: nothing overwritten, decide below</source>
        <translation>PERCABANGAN pada {events}: tidak ada yang ditimpa, putuskan di bawah</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>A judge&apos;s key</source>
        <translation>Kunci juri</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{file} is signed by a key not yet enrolled for judge {judge}. Its fingerprint is:

{key}

Is it exactly the one on the judge&apos;s laptop screen? Enrol it only if it is.</source>
        <translation>{file} ditandatangani kunci yang belum terdaftar untuk juri {judge}. Sidik jarinya:

{key}

Apakah persis sama dengan yang tampil di layar laptop juri? Daftarkan hanya jika sama.</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Forks</source>
        <translation>Percabangan</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Choose a fork first.</source>
        <translation>Pilih percabangan dulu.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Decision on a fork</source>
        <translation>Keputusan atas percabangan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why? (recorded in the audit trail)</source>
        <translation>Mengapa? (dicatat di jejak audit)</translation>
    </message>
</context>
<context>
    <name>ReentryDialog</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/reentry_dialog.py" line="+69"/>
        <source>You typed or corrected this sheet yourself; another secretariat user must type it again.</source>
        <translation>Anda sendiri yang mengetik atau mengoreksi lembar ini; petugas sekretariat lain harus mengetiknya ulang.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Confirm a paper sheet by typing it again</source>
        <translation>Konfirmasi lembar kertas dengan mengetik ulang</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&lt;b&gt;{team}&lt;/b&gt; {institution} — judge {judge}&lt;br&gt;Type every score from the paper form again, without looking at the first entry. If both entries are the same, the sheet is confirmed.</source>
        <translation>&lt;b&gt;{team}&lt;/b&gt; {institution} — juri {judge}&lt;br&gt;Ketik ulang setiap skor dari formulir kertas, tanpa melihat entri pertama. Bila kedua entri sama, lembar dikonfirmasi.</translation>
    </message>
    <message>
        <location line="+7"/>
        <source>Compare and &amp;confirm</source>
        <translation>Bandingkan dan &amp;konfirmasi</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Type the score of {code} as a number (e.g. 4 or 4,5).</source>
        <translation>Ketik skor {code} sebagai angka (mis. 4 atau 4,5).</translation>
    </message>
    <message>
        <location line="+40"/>
        <source>The two entries differ on {n} criteria. Check them on the paper form together: where the paper agrees with the first entry, correct your own entry here and compare again; where it agrees with yours, {who} corrects the sheet (Correct a score…) and you type it again afterwards. Nothing was changed.</source>
        <translation>Kedua entri berbeda pada {n} kriteria. Periksa bersama pada formulir kertas: bila kertas sama dengan entri pertama, perbaiki entri Anda di sini lalu bandingkan lagi; bila sama dengan entri Anda, {who} mengoreksi lembar (Koreksi skor…) lalu Anda mengetik ulang. Belum ada yang diubah.</translation>
    </message>
</context>
<context>
    <name>RubricEditor</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/rubric_editor.py" line="+142"/>
        <source>Criteria (double-click or type to edit)</source>
        <translation>Kriteria (klik ganda atau ketik untuk mengubah)</translation>
    </message>
    <message>
        <location line="-86"/>
        <source>criterion</source>
        <translation>kriteria</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>level</source>
        <translation>tingkat</translation>
    </message>
    <message>
        <location line="+85"/>
        <source>Scoring rules</source>
        <translation>Aturan penilaian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Range: lowest score is worth 0</source>
        <translation>Rentang: skor terendah bernilai 0</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Proportional: weight × score ÷ highest</source>
        <translation>Proporsional: bobot × skor ÷ skor tertinggi</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Scoring &amp;method</source>
        <translation>&amp;Metode penilaian</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Trim (judges dropped at each end)</source>
        <translation>Pangkas (juri dibuang di tiap ujung)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Total &amp;formula</source>
        <translation>&amp;Rumus total</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Tie-break order</source>
        <translation>Urutan &amp;penentu seri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Outlier distance (points)</source>
        <translation>Batas pencilan (poin)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Presentation (minutes)</source>
        <translation>Presentasi (menit)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Q&amp;&amp;A (minutes)</source>
        <translation>Tanya jawab (menit)</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>What judges read about it (Indonesian)</source>
        <translation>Yang dibaca juri tentang kriteria ini (Indonesia)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>What judges read about it (English)</source>
        <translation>Yang dibaca juri tentang kriteria ini (Inggris)</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Description</source>
        <translation>Deskripsi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Level descriptors</source>
        <translation>Deskripsi tingkat</translation>
    </message>
    <message>
        <location line="+94"/>
        <source>Selected criterion</source>
        <translation>Kriteria terpilih</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Selected criterion: {code} {name}</source>
        <translation>Kriteria terpilih: {code} {name}</translation>
    </message>
    <message>
        <location line="-42"/>
        <source>Total weight: {total} ✓</source>
        <translation>Jumlah bobot: {total} ✓</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Total weight: {total} — must be 100</source>
        <translation>Jumlah bobot: {total} — harus 100</translation>
    </message>
</context>
<context>
    <name>ScheduleModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_model.py" line="+113"/>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Innovation title</source>
        <translation>Judul inovasi</translation>
    </message>
</context>
<context>
    <name>SchedulePage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/schedule_page.py" line="+153"/>
        <source>Move u&amp;p</source>
        <translation>Pindah ke &amp;atas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Move do&amp;wn</source>
        <translation>Pindah ke ba&amp;wah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save order</source>
        <translation>&amp;Simpan urutan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo changes</source>
        <translation>&amp;Batalkan perubahan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Open presentation &amp;timer</source>
        <translation>Buka &amp;pengatur waktu presentasi</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The timer shows the team selected in the list (or the one presenting now). Keys: Space start/pause, N questions, R reset, F full screen, Esc leave it.</source>
        <translation>Pengatur waktu menampilkan tim yang dipilih di daftar (atau yang sedang presentasi). Tombol: Spasi mulai/jeda, N tanya jawab, R ulang, F layar penuh, Esc keluar.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>The results are locked: the order can be read but not changed.</source>
        <translation>Hasil sudah dikunci: urutan hanya dapat dibaca.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Now and next</source>
        <translation>Sekarang dan berikutnya</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Drag a team to a new place, or select it and press Ctrl+Up / Ctrl+Down. Each day keeps its time slots; the team in a place takes its time.</source>
        <translation>Seret tim ke urutan baru, atau pilih lalu tekan Ctrl+Atas / Ctrl+Bawah. Setiap hari mempertahankan jam slotnya; tim di suatu urutan memakai jam urutan itu.</translation>
    </message>
    <message>
        <location line="+45"/>
        <source>the Schedule screen</source>
        <translation>layar Jadwal</translation>
    </message>
    <message>
        <location line="+42"/>
        <source>The presentation order is saved.</source>
        <translation>Urutan presentasi disimpan.</translation>
    </message>
    <message>
        <location line="+23"/>
        <source>&lt;b&gt;Presenting now&lt;/b&gt;</source>
        <translation>&lt;b&gt;Sedang presentasi&lt;/b&gt;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&lt;b&gt;Next&lt;/b&gt;</source>
        <translation>&lt;b&gt;Berikutnya&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>SecretariatResultsPage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/results_page.py" line="+200"/>
        <source>&amp;Category</source>
        <translation>&amp;Kategori</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Method</source>
        <translation>&amp;Metode</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tied at the quota line — jury decision needed</source>
        <translation>Seri di batas kuota — perlu keputusan juri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Record &amp;decision…</source>
        <translation>Catat keputusan &amp;seri…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judges of the selected team</source>
        <translation>Juri untuk tim terpilih</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>All four methods side by side</source>
        <translation>Perbandingan empat metode</translation>
    </message>
    <message>
        <location line="+93"/>
        <source>Kendall&apos;s W: —</source>
        <translation>W Kendall: —</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Kendall&apos;s W: {w} ({judges} judges, {teams} teams)</source>
        <translation>W Kendall: {w} ({judges} juri, {teams} tim)</translation>
    </message>
    <message>
        <location line="+36"/>
        <source>judges can see them</source>
        <translation>juri dapat melihatnya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>judges cannot see them</source>
        <translation>juri belum dapat melihatnya</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Version {n} · {state} · {seen}</source>
        <translation>Versi {n} · {state} · {seen}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>&amp;Unlock the results…</source>
        <translation>B&amp;uka kunci hasil…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Lock the results…</source>
        <translation>Ku&amp;nci hasil…</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Withhold from judges…</source>
        <translation>&amp;Tahan dari juri…</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Show to &amp;judges…</source>
        <translation>&amp;Tampilkan ke juri…</translation>
    </message>
    <message>
        <location line="+24"/>
        <source>Withhold the results</source>
        <translation>Tahan hasil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Hide the rankings from the judges&apos; screens again?</source>
        <translation>Sembunyikan lagi peringkat dari layar juri?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Withhold from judges</source>
        <translation>&amp;Tahan dari juri</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Show the results to judges</source>
        <translation>Tampilkan hasil ke juri</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Every judge will see the rankings of every category on their screen, from now on. Show them?</source>
        <translation>Mulai sekarang setiap juri akan melihat peringkat semua kategori di layarnya. Tampilkan?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Show to judges</source>
        <translation>&amp;Tampilkan ke juri</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>Unlock the results</source>
        <translation>Buka kunci hasil</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Unlocking lets scores and the set-up change again and makes version {n}. Documents already printed stay version {m}. Why are the results unlocked?</source>
        <translation>Membuka kunci membuat nilai dan pengaturan dapat berubah lagi dan menjadi versi {n}. Dokumen yang sudah dicetak tetap versi {m}. Mengapa kunci hasil dibuka?</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Unlock the results</source>
        <translation>&amp;Buka kunci hasil</translation>
    </message>
    <message>
        <location line="-100"/>
        <source>locked</source>
        <translation>terkunci</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>terbuka</translation>
    </message>
    <message>
        <location line="+56"/>
        <source>Results locked (version {n}).</source>
        <translation>Hasil dikunci (versi {n}).</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Results unlocked; they are now version {n}.</source>
        <translation>Kunci hasil dibuka; sekarang versi {n}.</translation>
    </message>
    <message>
        <location line="+66"/>
        <source>The jury&apos;s decision is recorded.</source>
        <translation>Keputusan juri tercatat.</translation>
    </message>
</context>
<context>
    <name>SecretariatWindow</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/window.py" line="+288"/>
        <source>Progress</source>
        <translation>Progres</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Paper entry</source>
        <translation>Entri Kertas</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Results</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Print</source>
        <translation>Cetak</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Set-up</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Schedule</source>
        <translation>Jadwal</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judges&apos; laptops</source>
        <translation>Laptop juri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Accounts</source>
        <translation>Akun</translation>
    </message>
</context>
<context>
    <name>SetupColumns</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_columns.py" line="+41"/>
        <location line="+7"/>
        <source>Type a whole number</source>
        <translation>Ketik bilangan bulat</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Type a time such as 09.30</source>
        <translation>Ketik jam seperti 09.30</translation>
    </message>
    <message>
        <location line="+14"/>
        <source>Choose the date from the calendar</source>
        <translation>Pilih tanggal dari kalender</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <location line="+10"/>
        <location line="+25"/>
        <location line="+75"/>
        <location line="+50"/>
        <source>Code</source>
        <translation>Kode</translation>
    </message>
    <message>
        <location line="-145"/>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Name (English)</source>
        <translation>Nama (Inggris)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Quota (advance)</source>
        <translation>Kuota (lolos)</translation>
    </message>
    <message>
        <location line="+15"/>
        <source>Criterion</source>
        <translation>Kriteria</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Criterion (English)</source>
        <translation>Kriteria (Inggris)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Weight</source>
        <translation>Bobot</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Lowest</source>
        <translation>Terendah</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Highest</source>
        <translation>Tertinggi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Step</source>
        <translation>Langkah</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>Score</source>
        <translation>Skor</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Level</source>
        <translation>Tingkat</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Level (English)</source>
        <translation>Tingkat (Inggris)</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>What it means</source>
        <translation>Artinya</translation>
    </message>
    <message>
        <location line="+10"/>
        <source>{n} members: more than the maximum of {max}</source>
        <translation>{n} anggota: lebih dari batas {max}</translation>
    </message>
    <message>
        <location line="+15"/>
        <location line="+117"/>
        <source>Institution</source>
        <translation>Institusi</translation>
    </message>
    <message>
        <location line="-112"/>
        <source>Category</source>
        <translation>Kategori</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Innovation title</source>
        <translation>Judul inovasi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Members (separate with ;)</source>
        <translation>Anggota (pisahkan dengan ;)</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Day</source>
        <translation>Hari</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Order</source>
        <translation>Urutan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Time</source>
        <translation>Waktu</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Name with degrees</source>
        <translation>Nama dengan gelar</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Affiliation</source>
        <translation>Afiliasi</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Chair</source>
        <translation>Ketua</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Signature</source>
        <translation>Tanda tangan</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>Judge</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Team</source>
        <translation>Tim</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>SetupPage</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/setup_page.py" line="+246"/>
        <source>Convention</source>
        <translation>Konvensi</translation>
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
        <source>Teams</source>
        <translation>Tim</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Judges</source>
        <translation>Juri</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Conflicts of interest</source>
        <translation>Konflik kepentingan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Import / export</source>
        <translation>Impor / ekspor</translation>
    </message>
    <message>
        <location line="-142"/>
        <source>day</source>
        <translation>hari</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>category</source>
        <translation>kategori</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>team</source>
        <translation>tim</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>judge</source>
        <translation>juri</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>conflict of interest</source>
        <translation>konflik kepentingan</translation>
    </message>
    <message>
        <location line="+132"/>
        <source>Convention days: double-click a date to pick it on the calendar</source>
        <translation>Hari konvensi: klik ganda tanggal untuk memilihnya di kalender</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Capture si&amp;gnature…</source>
        <translation>Ambil tan&amp;da tangan…</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Su&amp;ggest from affiliations</source>
        <translation>&amp;Usulkan dari afiliasi</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Save set-up</source>
        <translation>&amp;Simpan pengaturan</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Undo changes</source>
        <translation>&amp;Batalkan perubahan</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The results are locked, so the set-up can be read but not changed. Unlock the results on the Results screen (with a reason) to change it.</source>
        <translation>Hasil sudah dikunci, jadi pengaturan hanya dapat dibaca. Buka kunci hasil di layar Hasil (dengan alasan) untuk mengubahnya.</translation>
    </message>
    <message>
        <location line="+82"/>
        <source>the Set-up screen</source>
        <translation>layar Pengaturan</translation>
    </message>
    <message>
        <location line="+50"/>
        <source>More than {max} members: {teams}</source>
        <translation>Lebih dari {max} anggota: {teams}</translation>
    </message>
    <message>
        <location line="+28"/>
        <source>The weights add up to {total}, not 100. The set-up was not saved.</source>
        <translation>Jumlah bobot {total}, bukan 100. Pengaturan tidak disimpan.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{n} problems; nothing was saved.</source>
        <translation>{n} masalah; tidak ada yang disimpan.</translation>
    </message>
    <message>
        <location line="-11"/>
        <source>The set-up is saved.</source>
        <translation>Pengaturan disimpan.</translation>
    </message>
    <message>
        <location line="+30"/>
        <source>{n} conflicts suggested from the judges&apos; affiliations.</source>
        <translation>{n} konflik diusulkan dari afiliasi juri.</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Select a judge first.</source>
        <translation>Pilih juri terlebih dahulu.</translation>
    </message>
    <message>
        <location line="+19"/>
        <source>Signature of {code} stored.</source>
        <translation>Tanda tangan {code} disimpan.</translation>
    </message>
</context>
<context>
    <name>SheetCorrections</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/paper_corrections.py" line="+55"/>
        <source>&apos;{text}&apos; is not a number (e.g. 4 or 4,5)</source>
        <translation>&apos;{text}&apos; bukan angka (mis. 4 atau 4,5)</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Score corrected; the sheet needs a fresh confirmation by someone else.</source>
        <translation>Skor dikoreksi; lembar perlu dikonfirmasi ulang oleh petugas lain.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Sheet reopened as a draft.</source>
        <translation>Lembar dibuka kembali sebagai draf.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>Recorded: {judge} does not score {team} ({reason}).</source>
        <translation>Tercatat: {judge} tidak menilai {team} ({reason}).</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>{judge} scores {team} again.</source>
        <translation>{judge} kembali menilai {team}.</translation>
    </message>
    <message>
        <location line="+17"/>
        <source>Reopen sheet</source>
        <translation>Buka kembali lembar</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Why is the sheet given back as a draft?</source>
        <translation>Mengapa lembar dikembalikan sebagai draf?</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>&amp;Reopen the sheet</source>
        <translation>&amp;Buka kembali lembar</translation>
    </message>
    <message>
        <location line="+11"/>
        <source>Undo &apos;did not score&apos;</source>
        <translation>Batalkan &apos;tidak menilai&apos;</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{judge} will be expected to score {team} again.</source>
        <translation>{judge} akan kembali diharapkan menilai {team}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Expect a score again</source>
        <translation>&amp;Harapkan nilai lagi</translation>
    </message>
    <message>
        <location line="+6"/>
        <source>Judge did not score the team</source>
        <translation>Juri tidak menilai tim</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{judge} does not score {team}: the team&apos;s score comes from the other judges and the documents say why. Reason (e.g. absent, left early):</source>
        <translation>{judge} tidak menilai {team}: nilai tim diambil dari juri lain dan dokumen menyebutkan alasannya. Alasan (mis. tidak hadir, pulang lebih awal):</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>&amp;Record it</source>
        <translation>&amp;Catat</translation>
    </message>
</context>
<context>
    <name>TableEditor</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/table_editor.py" line="+52"/>
        <source>row</source>
        <translation>baris</translation>
    </message>
    <message>
        <location line="+31"/>
        <source>&amp;Add</source>
        <translation>&amp;Tambah</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>&amp;Remove…</source>
        <translation>&amp;Hapus…</translation>
    </message>
    <message>
        <location line="+44"/>
        <source>Remove a {noun}</source>
        <translation>Hapus {noun}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Remove {noun} {what}? The change is kept only when you save the set-up.</source>
        <translation>Hapus {noun} {what}? Perubahan baru tersimpan setelah pengaturan disimpan.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>&amp;Remove {noun}</source>
        <translation>&amp;Hapus {noun}</translation>
    </message>
</context>
<context>
    <name>TieBreakList</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/tie_break_list.py" line="+42"/>
        <source>Up</source>
        <translation>Naik</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>Down</source>
        <translation>Turun</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Tick the criteria that break a tie, in order: the top one is tried first.</source>
        <translation>Centang kriteria penentu seri, berurutan: yang teratas dicoba lebih dulu.</translation>
    </message>
</context>
<context>
    <name>TieDecisionDialog</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/tie_dialog.py" line="+26"/>
        <source>Jury decision on a tie</source>
        <translation>Keputusan juri atas nilai seri</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Put the teams in the order the jury decided (best first), or keep them on a shared place. The reason goes into the minutes.</source>
        <translation>Urutkan tim sesuai keputusan juri (terbaik di atas), atau tetapkan sebagai juara bersama. Alasannya dicatat dalam berita acara.</translation>
    </message>
    <message>
        <location line="+13"/>
        <source>Move &amp;up</source>
        <translation>Pindah ke &amp;atas</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>Move &amp;down</source>
        <translation>Pindah ke &amp;bawah</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Shared place (juara kembar)</source>
        <translation>Juara bersama (juara kembar)</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Required: what the jury decided and why</source>
        <translation>Wajib: apa keputusan juri dan alasannya</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>Reason</source>
        <translation>Alasan</translation>
    </message>
</context>
<context>
    <name>VerificationBox</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/verification_box.py" line="+20"/>
        <source>Verify a PDF</source>
        <translation>Verifikasi PDF</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>Valid</source>
        <translation>Sah</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>{verdict}: {file} is signed with this convention&apos;s key, has not been changed since it was signed, and certifies the locked results in this database.</source>
        <translation>{verdict}: {file} ditandatangani dengan kunci konvensi ini, tidak berubah sejak ditandatangani, dan mengesahkan hasil terkunci di basis data ini.</translation>
    </message>
    <message>
        <location line="+5"/>
        <source>Not valid</source>
        <translation>Tidak sah</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>{verdict}: {file} cannot be trusted as a result document.</source>
        <translation>{verdict}: {file} tidak dapat dipercaya sebagai dokumen hasil.</translation>
    </message>
    <message>
        <location line="+12"/>
        <source>The results in this database differ from the ones the file certifies.</source>
        <translation>Hasil di basis data ini berbeda dari yang disahkan berkas ini.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The results in this database are not locked.</source>
        <translation>Hasil di basis data ini tidak dalam keadaan terkunci.</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>The file certifies no version of the results.</source>
        <translation>Berkas ini tidak mengesahkan versi hasil mana pun.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>The file certifies results version {n}.</source>
        <translation>Berkas ini mengesahkan hasil versi {n}.</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>This database holds results version {n} ({state}).</source>
        <translation>Basis data ini berisi hasil versi {n} ({state}).</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>locked</source>
        <translation>terkunci</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>open</source>
        <translation>terbuka</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Matches this database: {answer}</source>
        <translation>Sesuai dengan basis data ini: {answer}</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>yes</source>
        <translation>ya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>no</source>
        <translation>tidak</translation>
    </message>
    <message>
        <location line="+4"/>
        <source>Signed with key {key}</source>
        <translation>Ditandatangani dengan kunci {key}</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signing key fingerprint: {fingerprint}</source>
        <translation>Sidik jari kunci penanda tangan: {fingerprint}</translation>
    </message>
    <message>
        <location line="+8"/>
        <source>The file is damaged or is not a PDF.</source>
        <translation>Berkas rusak atau bukan PDF.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file is not signed.</source>
        <translation>Berkas tidak ditandatangani.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature was removed or cannot be reached.</source>
        <translation>Tanda tangan dihapus atau tidak dapat dijangkau.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signature is damaged.</source>
        <translation>Tanda tangan rusak.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The content was changed after signing.</source>
        <translation>Isi berkas diubah setelah ditandatangani.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file was updated after signing.</source>
        <translation>Berkas diperbarui setelah ditandatangani.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The signature does not cover the whole file.</source>
        <translation>Tanda tangan tidak mencakup seluruh berkas.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>The file has more than one signature.</source>
        <translation>Berkas memiliki lebih dari satu tanda tangan.</translation>
    </message>
    <message>
        <location line="+1"/>
        <source>It was signed with a different key.</source>
        <translation>Berkas ditandatangani dengan kunci lain.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signer&apos;s certificate differs from this convention&apos;s certificate.</source>
        <translation>Sertifikat penanda tangan berbeda dari sertifikat konvensi ini.</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>The signer&apos;s certificate is not valid.</source>
        <translation>Sertifikat penanda tangan tidak sah.</translation>
    </message>
</context>
<context>
    <name>WaitingPanel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/waiting_panel.py" line="+64"/>
        <source>Sheets waiting for a second person</source>
        <translation>Lembar menunggu petugas kedua</translation>
    </message>
    <message>
        <location line="+3"/>
        <source>Paper sheets are confirmed by typing them again; a judge&apos;s laptop sheets are confirmed together once you have looked through them.</source>
        <translation>Lembar kertas dikonfirmasi dengan mengetik ulang; lembar laptop seorang juri dikonfirmasi sekaligus setelah Anda memeriksanya.</translation>
    </message>
    <message>
        <location line="+22"/>
        <source>Confirm all {n} laptop sheets of {judge}…</source>
        <translation>Konfirmasi semua {n} lembar laptop {judge}…</translation>
    </message>
</context>
<context>
    <name>WrittenFilesModel</name>
    <message>
        <location filename="../../juryapp/gui/secretariat/written_model.py" line="+56"/>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <location line="+0"/>
        <source>No (draft)</source>
        <translation>Tidak (draf)</translation>
    </message>
    <message>
        <location line="+18"/>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Document</source>
        <translation>Dokumen</translation>
    </message>
    <message>
        <location line="+2"/>
        <source>Signed</source>
        <translation>Ditandatangani</translation>
    </message>
</context>
</TS>
