# Bahasa Melayu. Malay has one plural form: no selectors.
language-name = Bahasa Melayu
skip-to-content = Langkau ke kandungan
language-switcher = Bahasa

phone-title = Sahkan nombor telefon anda
phone-intro = Kami akan menghantar kod kepada anda melalui SMS untuk memastikan nombor ini milik anda.
phone-label = Nombor telefon
phone-hint = Contohnya { $example }
country-label = Negara
country-hint = Hanya diperlukan jika nombor anda tidak bermula dengan +
client-asks = { $client } ingin mengesahkan nombor telefon anda.
phone-submit = Hantar kod kepada saya
error-invalid-phone-country = Ini bukan nombor telefon yang sah untuk { $country }. Semak nombor itu, atau pilih negaranya dalam senarai di atas.
flash-expired-number = Kod anda telah tamat tempoh. Semak nombor anda, kemudian minta kod baharu.

code-title = Masukkan kod anda
code-intro = Kami telah menghantar kod melalui SMS ke { $phone }.
number-ending-in = nombor yang berakhir dengan { $last }
code-lifetime = Kod ini akan tamat tempoh dalam { $minutes } minit.
code-lifetime-seconds = Kod ini akan tamat tempoh dalam { $seconds } saat.
code-expired-title = Kod anda telah tamat tempoh
code-expired-intro = Kod yang kami hantar ke { $phone } telah tamat tempoh. Minta kod baharu.
code-locked-title = Terlalu banyak kod salah
code-label = Kod { $length } digit
code-submit = Sahkan
code-attempts-left = Anda masih mempunyai { $count } percubaan lagi.
code-resend = Hantar kod baharu kepada saya
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = Anda boleh meminta kod baharu dalam masa { $time }.
code-resend-ready = Anda boleh meminta kod baharu sekarang.
code-resend-after = Anda boleh meminta kod baharu { $seconds } saat selepas kami menghantar kod.
code-change-number = Gunakan nombor lain
code-sent = Kami telah menghantar kod baharu kepada anda.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = Anda boleh mencuba nombor ini lagi dalam masa { $minutes } minit.

done-title = Nombor telefon disahkan
done-body = Kami telah mengesahkan { $phone }. Anda boleh menutup halaman ini.
done-continue = Teruskan

error-title = Berlaku ralat
error-title-prefix = Ralat: { $title }
error-summary-title = Terdapat masalah
error-empty-phone = Masukkan nombor telefon anda.
error-invalid-phone = Nombor telefon itu nampaknya tidak sah. Semak semula dan sertakan kod negara jika nombor itu bukan dari negara yang dipilih.
error-not-mobile = Nombor ini tidak dapat menerima SMS. Sila gunakan nombor telefon bimbit.
error-incorrect-code = Kod itu salah. Anda masih mempunyai { $count } percubaan lagi.
error-opted-out = Nombor ini telah memilih untuk tidak menerima SMS daripada kami. Hantar START ke nombor yang menghantar mesej kami, kemudian cuba lagi.
error-expired = Kod ini telah tamat tempoh. Minta kod baharu.
error-empty-code = Masukkan kod yang kami hantar kepada anda melalui SMS.
error-code-format = Kod ini mengandungi { $length } digit. Semak dan cuba lagi.
error-max-attempts = Terlalu banyak kod salah. Mulakan semula untuk mendapatkan kod baharu.
error-no-longer-valid = Kod ini tidak boleh digunakan lagi. Mulakan semula untuk mendapatkan kod baharu.
error-cooldown = Sila tunggu { $seconds } saat sebelum meminta kod lain.
error-quota = Kami telah menghantar terlalu banyak kod ke nombor ini. Cuba lagi dalam masa { $minutes } minit.
error-wrong-code-limit = Terlalu banyak kod salah telah dimasukkan untuk nombor ini. Cuba lagi dalam masa { $minutes } minit.
error-country-not-allowed = Kami tidak dapat menghantar kod ke nombor di negara ini.
error-blocked = Kami tidak dapat menghantar kod ke nombor ini buat masa ini. Sila cuba lagi nanti.
error-budget = Kami tidak dapat menghantar kod lagi buat masa ini. Sila cuba lagi nanti.
error-rate-limited = Terlalu banyak permintaan daripada rangkaian anda. Tunggu seminit dan cuba lagi.
error-bad-client = Pautan pengesahan ini tidak sah. Kembali ke laman web yang membawa anda ke sini dan cuba lagi.
error-flow-expired = Halaman pengesahan ini telah tamat tempoh. Kembali ke laman web yang membawa anda ke sini dan mulakan semula.
error-csrf = Borang ini telah tamat tempoh. Kembali, muat semula halaman dan cuba lagi.
error-not-found = Kami tidak dapat menemui halaman itu.
error-too-large = Permintaan itu terlalu besar.
error-bad-request = Kami tidak dapat memahami permintaan itu.
error-unavailable = Perkhidmatan ini sibuk atau tidak tersedia buat masa ini. Sila cuba semula sebentar lagi.
error-sms-failed = Kami tidak dapat menghantar SMS. Sila cuba semula sebentar lagi.
error-internal = Berlaku ralat di pihak kami. Sila cuba lagi.
flash-expired = Kod anda telah tamat tempoh. Masukkan nombor anda untuk mendapatkan kod baharu.
start-over = Mulakan semula

help-title = Tidak menerima SMS?
help-delay = SMS mungkin mengambil masa beberapa minit untuk sampai.
help-options = Jika SMS belum sampai, anda boleh meminta kod baharu atau menggunakan nombor lain.
help-support = Hubungi sokongan

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "semakan", never "pengesahan": that word is the number's.
challenge-needed = Sebelum kami menghantar kod melalui SMS, pelayar anda perlu membuat semakan pantas untuk memastikan anda bukan bot. Apabila selesai, pelayar akan menghantar semula borang secara automatik.
challenge-working = Menyemak untuk memastikan anda bukan bot. Ini mengambil masa beberapa saat…
challenge-done = Semakan selesai.
challenge-failed = Semakan tidak berjaya. Tekan butang sekali lagi untuk mencuba semula.
challenge-needs-js = Langkah ini memerlukan JavaScript: hidupkannya atau gunakan pelayar lain untuk mendapatkan kod anda.

sms-body = Kod { $brand } anda ialah { $code }. Sah selama { $minutes } minit.
sms-body-seconds = Kod { $brand } anda ialah { $code }. Sah selama { $seconds } saat.

outbox-title = Peti keluar SMS (pembangunan)
outbox-intro = Mesej yang sepatutnya dihantar oleh peti keluar pembangunan, yang terbaharu dahulu. Jangan sekali-kali dayakan ciri ini dalam persekitaran pengeluaran.
outbox-empty = Belum ada mesej.
outbox-to = Kepada
outbox-sent-at = Dihantar
outbox-body = Mesej

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Sebelum kami menghantar kod melalui SMS, kami perlu memastikan anda bukan bot.
challenge-wait = Tanpa JavaScript, semakan ini digantikan dengan masa menunggu: tunggu { $seconds } saat selepas halaman ini dibuka, kemudian tekan butang.
challenge-wait-early = Belum lagi: tunggu { $seconds } saat lagi, kemudian tekan butang sekali lagi.
challenge-wait-used-up = Terlalu banyak semakan tanpa JavaScript daripada rangkaian anda. Hidupkan JavaScript atau cuba lagi dalam masa { $minutes } minit.
dialog-close = Tutup
dialog-refused = Laman ini tidak dapat memaparkan pengesahan di dalam halamannya. Teruskan untuk mengesahkan nombor anda di halaman berasingan; selepas itu, anda akan dibawa kembali ke sini.
dialog-confirm-close = Kami telah menghantar kod melalui SMS kepada anda. Adakah anda pasti mahu menutup pengesahan ini?
