# Bahasa Indonesia.
language-name = Bahasa Indonesia
skip-to-content = Langsung ke konten utama
language-switcher = Bahasa

phone-title = Verifikasi nomor telepon Anda
phone-intro = Kami akan mengirimkan kode melalui SMS untuk memastikan nomor ini milik Anda.
phone-label = Nomor telepon
phone-hint = Contoh: { $example }
country-label = Negara
country-hint = Hanya diperlukan jika nomor Anda tidak diawali dengan +
client-asks = { $client } ingin mengonfirmasi nomor telepon Anda.
phone-submit = Kirim kode melalui SMS
error-invalid-phone-country = Ini bukan nomor telepon yang valid untuk { $country }. Periksa nomornya, atau pilih negaranya di daftar di atas.
flash-expired-number = Kode Anda sudah kedaluwarsa. Periksa nomor Anda, lalu minta kode baru.

code-title = Masukkan kode
code-intro = Kami telah mengirimkan kode melalui SMS ke { $phone }.
number-ending-in = nomor yang berakhiran { $last }
code-lifetime = Kode akan kedaluwarsa dalam { $minutes } menit.
code-lifetime-seconds = Kode akan kedaluwarsa dalam { $seconds } detik.
code-expired-title = Kode Anda sudah kedaluwarsa
code-expired-intro = Kode yang kami kirim ke { $phone } sudah kedaluwarsa. Minta kode baru.
code-locked-title = Terlalu banyak kode salah
code-label = Kode { $length } digit
code-submit = Verifikasi
code-attempts-left = Sisa kesempatan Anda: { $count }.
code-resend = Kirim kode baru
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = Anda dapat meminta kode baru dalam { $time }.
code-resend-ready = Sekarang Anda dapat meminta kode baru.
code-resend-after = Anda dapat meminta kode baru { $seconds } detik setelah kode dikirim.
code-change-number = Gunakan nomor lain
code-sent = Kami telah mengirimkan kode baru melalui SMS.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = Anda dapat mencoba nomor ini lagi dalam { $minutes } menit.

done-title = Nomor telepon terverifikasi
done-body = Kami telah memverifikasi { $phone }. Anda dapat menutup halaman ini.
done-continue = Lanjutkan

error-title = Terjadi kesalahan
error-title-prefix = Kesalahan: { $title }
error-summary-title = Ada masalah
error-empty-phone = Masukkan nomor telepon Anda.
error-invalid-phone = Nomor telepon ini sepertinya tidak valid. Periksa kembali, dan sertakan kode negara jika nomor tersebut bukan dari negara yang dipilih.
error-not-mobile = Nomor ini tidak dapat menerima SMS. Gunakan nomor ponsel.
error-incorrect-code = Kode salah. Sisa kesempatan Anda: { $count }.
error-opted-out = Nomor ini telah berhenti menerima SMS dari kami. Kirim SMS berisi START ke nomor pengirim pesan kami, lalu coba lagi.
error-expired = Kode ini sudah kedaluwarsa. Minta kode baru.
error-empty-code = Masukkan kode yang kami kirim melalui SMS.
error-code-format = Kode terdiri dari { $length } digit. Periksa kembali, lalu coba lagi.
error-max-attempts = Terlalu banyak kode salah yang dimasukkan. Mulai lagi untuk mendapatkan kode baru.
error-no-longer-valid = Kode ini sudah tidak dapat digunakan. Mulai lagi untuk mendapatkan kode baru.
error-cooldown = Tunggu { $seconds } detik sebelum meminta kode lain.
error-quota = Kami sudah mengirim terlalu banyak kode ke nomor ini. Coba lagi dalam { $minutes } menit.
error-wrong-code-limit = Terlalu banyak kode salah yang dimasukkan untuk nomor ini. Coba lagi dalam { $minutes } menit.
error-country-not-allowed = Kami tidak dapat mengirim kode ke nomor dari negara ini.
error-blocked = Saat ini kami tidak dapat mengirim kode ke nomor ini. Silakan coba lagi nanti.
error-budget = Saat ini kami tidak dapat mengirim kode lagi. Silakan coba lagi nanti.
error-rate-limited = Terlalu banyak permintaan dari jaringan Anda. Tunggu satu menit, lalu coba lagi.
error-bad-client = Tautan verifikasi ini tidak valid. Kembali ke situs yang mengarahkan Anda ke sini, lalu coba lagi.
error-flow-expired = Halaman verifikasi ini sudah kedaluwarsa. Kembali ke situs yang mengarahkan Anda ke sini, lalu mulai lagi.
error-csrf = Formulir ini sudah kedaluwarsa. Kembali, muat ulang halaman, lalu coba lagi.
error-not-found = Halaman tidak ditemukan.
error-too-large = Permintaan terlalu besar.
error-bad-request = Kami tidak dapat memahami permintaan tersebut.
error-unavailable = Layanan sedang sibuk atau tidak tersedia. Silakan coba beberapa saat lagi.
error-sms-failed = Kami tidak dapat mengirim SMS. Silakan coba beberapa saat lagi.
error-internal = Terjadi kesalahan di sistem kami. Silakan coba lagi.
flash-expired = Kode Anda sudah kedaluwarsa. Masukkan nomor Anda untuk mendapatkan kode baru.
start-over = Mulai lagi

help-title = Belum menerima SMS?
help-delay = SMS mungkin perlu waktu beberapa menit untuk sampai.
help-options = Jika belum sampai, Anda dapat meminta kode baru atau menggunakan nomor lain.
help-support = Hubungi tim dukungan

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
challenge-needed = Sebelum kami mengirimkan kode melalui SMS, browser Anda perlu melakukan pemeriksaan singkat untuk memastikan Anda bukan robot. Setelah selesai, browser akan mengirim ulang formulir secara otomatis.
challenge-working = Memastikan Anda bukan robot. Ini perlu waktu beberapa detik…
challenge-done = Pemeriksaan selesai.
challenge-failed = Pemeriksaan gagal. Tekan tombol sekali lagi untuk mencoba kembali.
challenge-needs-js = Langkah ini memerlukan JavaScript. Aktifkan JavaScript atau gunakan browser lain untuk mendapatkan kode Anda.

# Plain ASCII so the SMS stays GSM-7.
sms-body = Kode { $brand } Anda adalah { $code }. Berlaku { $minutes } menit.
sms-body-seconds = Kode { $brand } Anda adalah { $code }. Berlaku { $seconds } detik.

outbox-title = Kotak keluar SMS (dev)
outbox-intro = Pesan yang akan dikirim oleh kotak keluar dev, terbaru di atas. Jangan pernah aktifkan ini di produksi.
outbox-empty = Belum ada pesan.
outbox-to = Kepada
outbox-sent-at = Dikirim
outbox-body = Pesan

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Sebelum kami mengirimkan kode melalui SMS, kami perlu memastikan Anda bukan robot.
challenge-wait = Tanpa JavaScript, pemeriksaan ini berupa waktu tunggu: tunggu { $seconds } detik setelah halaman ini terbuka, lalu tekan tombolnya.
challenge-wait-early = Belum: tunggu { $seconds } detik lagi, lalu tekan tombolnya sekali lagi.
challenge-wait-used-up = Terlalu banyak pemeriksaan tanpa JavaScript dari jaringan Anda. Aktifkan JavaScript atau coba lagi dalam { $minutes } menit.
dialog-close = Tutup
dialog-refused = Situs ini tidak dapat menampilkan verifikasi di dalam halamannya. Lanjutkan untuk memverifikasi nomor Anda di halaman tersendiri; setelah itu Anda akan kembali ke sini.
dialog-confirm-close = Kami sudah mengirimkan kode melalui SMS. Tetap tutup verifikasi?
