"""The messages a refused spreadsheet gets, in Indonesian and English."""

from __future__ import annotations

from juryapp.domain.messages import Text

UNSUPPORTED = Text(
    "Jenis berkas '{suffix}' tidak dapat dipakai; simpan sebagai .xlsx atau .csv.",
    "File type '{suffix}' cannot be used; save it as .xlsx or .csv.",
)
OLD_EXCEL = Text(
    "Berkas ini berformat Excel lama (.xls) atau dilindungi kata sandi; buka di Excel, "
    "hapus kata sandinya bila ada, lalu simpan sebagai .xlsx.",
    "This is an old-format Excel file (.xls) or a password-protected workbook; open it in "
    "Excel, remove any password and save it as .xlsx.",
)
XLSX_NAMED_CSV = Text(
    "Berkas ini sebenarnya buku kerja Excel (.xlsx), bukan CSV; ganti akhiran namanya "
    "menjadi .xlsx.",
    "This file is really an Excel workbook (.xlsx), not CSV; rename it to end in .xlsx.",
)
NOT_XLSX = Text(
    "Berkas ini bukan buku kerja Excel .xlsx; bila isinya CSV, ganti akhiran namanya menjadi .csv.",
    "This file is not an Excel .xlsx workbook; if it holds CSV, rename it to end in .csv.",
)
EMPTY_FILE = Text(
    "Berkas kosong; tidak ada baris judul kolom.",
    "The file is empty; there is no header row.",
)
NOT_FOUND = Text(
    "Berkas tidak ditemukan; periksa nama dan foldernya.",
    "The file was not found; check its name and folder.",
)
NO_PERMISSION = Text(
    "Berkas tidak boleh dibuka; tutup berkas ini di program lain atau periksa izin aksesnya.",
    "The file may not be opened; close it in other programs or check its permissions.",
)
UNREADABLE = Text(
    "Berkas tidak dapat dibaca ({reason}); bila berkas ada di flashdisk, salin dulu ke komputer.",
    "The file could not be read ({reason}); if it is on a USB stick, copy it to the computer "
    "first.",
)
TOO_BIG = Text(
    "Berkas terlalu besar ({size}; batasnya {limit}).",
    "The file is too large ({size}; the limit is {limit}).",
)
DAMAGED = Text(
    "Berkas .xlsx rusak atau tidak lengkap, mungkin terpotong saat disalin; buka di Excel, "
    "simpan ulang, lalu coba lagi.",
    "The .xlsx file is damaged or incomplete, perhaps cut short while copying; open it in "
    "Excel, save it again and retry.",
)
BOMB_RATIO = Text(
    "Bagian '{part}' di dalam berkas .xlsx memekar tidak wajar saat dibuka ({size} dari "
    "{packed}); berkas ditolak demi keamanan.",
    "Part '{part}' inside the .xlsx file unpacks to an unreasonable size ({size} from "
    "{packed}); the file is refused for safety.",
)
BOMB_TOTAL = Text(
    "Isi berkas .xlsx terlalu besar setelah dibuka ({size}; batasnya {limit}); berkas "
    "ditolak demi keamanan.",
    "The .xlsx file unpacks to too much data ({size}; the limit is {limit}); the file "
    "is refused for safety.",
)
BOMB_ENTRIES = Text(
    "Berkas .xlsx berisi terlalu banyak bagian ({count}); berkas ditolak demi keamanan.",
    "The .xlsx file holds too many parts ({count}); the file is refused for safety.",
)
DTD = Text(
    "Berkas .xlsx memuat deklarasi XML (DTD) yang tidak pernah ditulis Excel; berkas ditolak "
    "demi keamanan.",
    "The .xlsx file holds an XML declaration (DTD) that Excel never writes; the file is "
    "refused for safety.",
)
NO_SHEET = Text(
    "Buku kerja ini tidak memiliki lembar kerja untuk dibaca.",
    "The workbook has no worksheet to read.",
)
TOO_MANY_ROWS = Text(
    "Terlalu banyak baris data (lebih dari {limit}); bagi berkas menjadi beberapa bagian.",
    "Too many data rows (more than {limit}); split the file into parts.",
)
ENCODING = Text(
    "Berkas CSV bukan teks UTF-8 maupun Windows-1252; di Excel, simpan ulang dengan jenis "
    "'CSV UTF-8 (Comma delimited)'.",
    "The CSV file is neither UTF-8 nor Windows-1252 text; in Excel, save it again as "
    "'CSV UTF-8 (Comma delimited)'.",
)
CSV_BROKEN = Text(
    'Baris CSV ini rusak ({reason}); periksa tanda petik (") yang tidak berpasangan atau '
    "berkas yang terpotong.",
    'This CSV row is malformed ({reason}); look for an unpaired quote (") or a file cut short.',
)
MISSING_COLUMN = Text(
    "Kolom wajib tidak ada di baris judul; tambahkan kolom berjudul {names}.",
    "A required column is missing from the header row; add a column headed {names}.",
)
DUPLICATE_COLUMN = Text(
    "Judul kolom ini muncul dua kali (kolom {first} dan {second}); hapus atau ganti salah satunya.",
    "This column heading appears twice (columns {first} and {second}); remove or rename one.",
)
EMPTY_CELL = Text(
    "Sel {cell} kosong, padahal kolom ini wajib diisi.",
    "Cell {cell} is empty, but this column must be filled in.",
)
EXCEL_ERROR = Text(
    "Sel {cell} berisi galat Excel {error}; perbaiki rumusnya lalu simpan ulang.",
    "Cell {cell} holds the Excel error {error}; fix its formula and save again.",
)
SAVE_FAILED = Text(
    "Berkas tidak dapat disimpan ({reason}); periksa foldernya dan sisa ruang disk, dan "
    "pastikan berkas tidak sedang dibuka di Excel.",
    "The file could not be saved ({reason}); check the folder and the free disk space, and "
    "make sure the file is not open in Excel.",
)
CELL_TOO_LONG = Text(
    "Sel {cell} berisi {length} karakter, melebihi batas Excel {limit}; persingkat teksnya "
    "atau simpan sebagai CSV.",
    "Cell {cell} holds {length} characters, over Excel's limit of {limit}; shorten the text "
    "or save as CSV.",
)
TOO_MANY_ROWS_FOR_EXCEL = Text(
    "Terlalu banyak baris untuk satu lembar Excel (batasnya {limit}); simpan sebagai CSV.",
    "Too many rows for one Excel sheet (the limit is {limit}); save as CSV.",
)
UNKNOWN_COLUMN = Text(
    "Judul kolom '{heading}' tidak dikenal; judul yang diterima: {accepted} (lihat templat).",
    "Column heading '{heading}' is not known; the accepted headings are {accepted} (see the "
    "template).",
)
UNHEADED_DATA = Text(
    "Sel {cell} berisi data tetapi kolomnya tidak berjudul; beri judul kolom itu atau "
    "kosongkan selnya.",
    "Cell {cell} holds data but its column has no heading; give the column a heading or "
    "clear the cell.",
)
FORMULA = Text(
    "Sel {cell} berisi rumus ({formula}); salin kolomnya lalu tempel sebagai nilai (Tempel "
    "Spesial → Nilai) dan simpan ulang.",
    "Cell {cell} holds a formula ({formula}); copy the column and paste it as values (Paste "
    "Special → Values), then save again.",
)
CUT_SHORT = Text(
    "Baris terakhir tidak diakhiri ganti baris, jadi berkas mungkin terpotong (nilai 10 "
    "terbaca 1); simpan ulang dari Excel atau pakai .xlsx.",
    "The last row has no line end, so the file may have been cut short (a 10 reads as 1); "
    "save it again from Excel or use .xlsx.",
)
CSV_REASONS = {
    "unexpected end of data": Text("berakhir di dalam tanda petik", "it ends inside quotes"),
    "expected after": Text(
        "tanda petik di dalam sel tidak digandakan", "a quote inside a cell is not doubled"
    ),
    "field larger than field limit": Text(
        "satu sel lebih dari 131.072 karakter", "a cell holds over 131,072 characters"
    ),
    "line contains nul": Text("berisi karakter NUL", "it holds a NUL character"),
    "new-line character seen in unquoted field": Text(
        "ganti baris tanpa tanda petik", "a line break outside quotes"
    ),
}
CSV_UNREADABLE_ROW = Text("tidak dapat diurai", "it cannot be parsed")
