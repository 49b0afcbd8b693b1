<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id" sourcelanguage="en">
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
<context>
    <name>VerifyDialog</name>
    <message>
        <location filename="../../juryapp/gui/verify_dialog.py" line="+87"/>
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
        <location line="+37"/>
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
</TS>
