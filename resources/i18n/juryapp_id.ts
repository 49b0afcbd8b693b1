<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
<context>
    <name>BackupMenu</name>
    <message>
        <location filename="../../juryapp/gui/backup_menu.py" line="+109"/>
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
        <location line="+29"/>
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
        <location line="+31"/>
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
        <location line="+38"/>
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
        <location line="+16"/>
        <source>Restoring…</source>
        <translation>Memulihkan…</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <location filename="../../juryapp/gui/errors.py" line="+32"/>
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
        <location line="+30"/>
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
    <name>PresentationTimer</name>
    <message>
        <location filename="../../juryapp/gui/timer_window.py" line="+308"/>
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
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <location filename="../../juryapp/gui/i18n.py" line="+54"/>
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
    <name>Task</name>
    <message>
        <location filename="../../juryapp/gui/worker.py" line="+145"/>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
</TS>
