# Türkçe.
language-name = Türkçe
skip-to-content = İçeriğe geç
language-switcher = Dil

phone-title = Telefon numaranızı doğrulayın
phone-intro = Bu numaranın size ait olduğunu doğrulamak için SMS ile bir kod göndereceğiz.
phone-label = Telefon numarası
phone-hint = Örneğin: { $example }
country-label = Ülke
country-hint = Yalnızca numaranız + ile başlamıyorsa seçmeniz gerekir
client-asks = { $client }, telefon numaranızı doğrulamak istiyor.
phone-submit = Kod gönder
error-invalid-phone-country = Bu, seçili ülke için geçerli bir telefon numarası değil: { $country }. Numarayı kontrol edin veya yukarıdaki listeden numaranın ülkesini seçin.
flash-expired-number = Kodunuzun süresi doldu. Numaranızı kontrol edin, ardından yeni bir kod isteyin.

code-title = Kodunuzu girin
code-intro = { $phone } numarasına SMS ile bir kod gönderdik.
# Starts the sentence and is followed by "numarası" in code-intro,
# code-expired-intro and done-body: "Sonu 2671 ile biten telefon numarasına".
number-ending-in = Sonu { $last } ile biten telefon
code-lifetime =
    { $minutes ->
        [one] Kodun süresi { $minutes } dakika sonra dolacak.
       *[other] Kodun süresi { $minutes } dakika sonra dolacak.
    }
code-lifetime-seconds =
    { $seconds ->
        [one] Kodun süresi { $seconds } saniye sonra dolacak.
       *[other] Kodun süresi { $seconds } saniye sonra dolacak.
    }
code-expired-title = Kodunuzun süresi doldu
code-expired-intro = { $phone } numarasına gönderdiğimiz kodun süresi doldu. Yeni bir kod isteyin.
code-locked-title = Çok fazla yanlış kod girildi
code-label = { $length } haneli kod
code-submit = Doğrula
code-attempts-left =
    { $count ->
        [one] { $count } deneme hakkınız kaldı.
       *[other] { $count } deneme hakkınız kaldı.
    }
code-resend = Yeni kod gönder
# $time, 0:25 gibi bir geri sayımdır (dakika:saniye).
code-resend-wait = { $time } sonra yeni bir kod isteyebilirsiniz.
code-resend-ready = Artık yeni bir kod isteyebilirsiniz.
code-resend-after =
    { $seconds ->
        [one] Kod gönderildikten { $seconds } saniye sonra yeni bir kod isteyebilirsiniz.
       *[other] Kod gönderildikten { $seconds } saniye sonra yeni bir kod isteyebilirsiniz.
    }
code-change-number = Başka bir numara kullan
code-sent = Size yeni bir kod gönderdik.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] Bu numarayı { $minutes } dakika sonra tekrar deneyebilirsiniz.
       *[other] Bu numarayı { $minutes } dakika sonra tekrar deneyebilirsiniz.
    }

done-title = Telefon numarası doğrulandı
done-body = { $phone } numarasını doğruladık. Bu sayfayı kapatabilirsiniz.
done-continue = Devam et

error-title = Bir sorun oluştu
error-title-prefix = Hata: { $title }
error-summary-title = Bir sorun var
error-empty-phone = Telefon numaranızı girin.
error-invalid-phone = Bu, geçerli bir telefon numarası gibi görünmüyor. Numarayı kontrol edin; seçili ülkeye ait değilse ülke kodunu da ekleyin.
error-not-mobile = Bu numara SMS alamıyor. Lütfen bir cep telefonu numarası kullanın.
error-incorrect-code =
    { $count ->
        [one] Kod yanlış. { $count } deneme hakkınız kaldı.
       *[other] Kod yanlış. { $count } deneme hakkınız kaldı.
    }
error-opted-out = Bu numara bizden SMS almayı durdurmuş. Mesajlarımızın geldiği numaraya START yazıp gönderin, ardından tekrar deneyin.
error-expired = Bu kodun süresi doldu. Yeni bir kod isteyin.
error-empty-code = SMS ile gönderdiğimiz kodu girin.
error-code-format = Kod { $length } haneden oluşur. Kontrol edip tekrar deneyin.
error-max-attempts = Çok fazla yanlış kod girildi. Yeni bir kod almak için baştan başlayın.
error-no-longer-valid = Bu kod artık kullanılamaz. Yeni bir kod almak için baştan başlayın.
error-cooldown =
    { $seconds ->
        [one] Yeni bir kod istemeden önce lütfen { $seconds } saniye bekleyin.
       *[other] Yeni bir kod istemeden önce lütfen { $seconds } saniye bekleyin.
    }
error-quota =
    { $minutes ->
        [one] Bu numaraya çok fazla kod gönderdik. { $minutes } dakika sonra tekrar deneyin.
       *[other] Bu numaraya çok fazla kod gönderdik. { $minutes } dakika sonra tekrar deneyin.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] Bu numara için çok fazla yanlış kod girildi. { $minutes } dakika sonra tekrar deneyin.
       *[other] Bu numara için çok fazla yanlış kod girildi. { $minutes } dakika sonra tekrar deneyin.
    }
error-country-not-allowed = Bu ülkedeki numaralara kod gönderemiyoruz.
error-blocked = Şu anda bu numaraya kod gönderemiyoruz. Lütfen daha sonra tekrar deneyin.
error-budget = Şu anda daha fazla kod gönderemiyoruz. Lütfen daha sonra tekrar deneyin.
error-rate-limited = Ağınızdan çok fazla istek geldi. Bir dakika bekleyip tekrar deneyin.
error-bad-client = Bu doğrulama bağlantısı geçerli değil. Sizi buraya yönlendiren siteye dönüp tekrar deneyin.
error-flow-expired = Bu doğrulama sayfasının süresi doldu. Sizi buraya yönlendiren siteye dönüp baştan başlayın.
error-csrf = Bu formun süresi doldu. Geri dönün, sayfayı yenileyin ve tekrar deneyin.
error-not-found = Bu sayfayı bulamadık.
error-too-large = İstek çok büyük.
error-bad-request = Bu isteği anlayamadık.
error-unavailable = Hizmet şu anda yoğun veya kullanılamıyor. Lütfen biraz sonra tekrar deneyin.
error-sms-failed = SMS gönderilemedi. Lütfen biraz sonra tekrar deneyin.
error-internal = Bizim tarafımızda bir sorun oluştu. Lütfen tekrar deneyin.
flash-expired = Kodunuzun süresi doldu. Yeni bir kod almak için numaranızı girin.
start-over = Baştan başla

help-title = SMS gelmedi mi?
help-delay = SMS'lerin gelmesi birkaç dakika sürebilir.
help-options = Gelmediyse yeni bir kod isteyebilir veya başka bir numara kullanabilirsiniz.
help-support = Destek ekibiyle iletişime geçin

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
challenge-needed = Size SMS ile kod göndermeden önce tarayıcınızın, robot olmadığınızdan emin olmak için kısa bir kontrol yapması gerekiyor. Kontrol bitince tarayıcınız formu otomatik olarak yeniden gönderir.
challenge-working = Robot olmadığınızdan emin olmak için kontrol yapılıyor. Bu birkaç saniye sürer…
challenge-done = Kontrol tamamlandı.
challenge-failed = Kontrol başarısız oldu. Tekrar denemek için düğmeye yeniden basın.
challenge-needs-js = Bu adım için JavaScript gerekiyor. Kodunuzu almak için JavaScript'i etkinleştirin veya başka bir tarayıcı kullanın.

# Written without ç, ğ, ı and ş (only ü, which GSM-7 has), so the SMS stays GSM-7.
sms-body =
    { $minutes ->
        [one] { $brand } kodunuz: { $code }. { $minutes } dakika sonra süresi dolar.
       *[other] { $brand } kodunuz: { $code }. { $minutes } dakika sonra süresi dolar.
    }
sms-body-seconds =
    { $seconds ->
        [one] { $brand } kodunuz: { $code }. { $seconds } saniye sonra süresi dolar.
       *[other] { $brand } kodunuz: { $code }. { $seconds } saniye sonra süresi dolar.
    }

outbox-title = Geliştirme SMS giden kutusu
outbox-intro = Gönderilmek yerine geliştirme giden kutusunda tutulan mesajlar, en yenisi en üstte. Bunu canlı ortamda asla etkinleştirmeyin.
outbox-empty = Henüz mesaj yok.
outbox-to = Alıcı
outbox-sent-at = Gönderim zamanı
outbox-body = Mesaj

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Size SMS ile kod göndermeden önce, robot olmadığınızdan emin olmak için kısa bir kontrol yapmamız gerekiyor.
challenge-wait =
    { $seconds ->
        [one] JavaScript olmadan bu kontrol bir bekleme süresidir: Bu sayfa açıldıktan sonra { $seconds } saniye bekleyin, ardından düğmeye basın.
       *[other] JavaScript olmadan bu kontrol bir bekleme süresidir: Bu sayfa açıldıktan sonra { $seconds } saniye bekleyin, ardından düğmeye basın.
    }
challenge-wait-early =
    { $seconds ->
        [one] Henüz değil: { $seconds } saniye daha bekleyin, ardından düğmeye tekrar basın.
       *[other] Henüz değil: { $seconds } saniye daha bekleyin, ardından düğmeye tekrar basın.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] Ağınızdan JavaScript olmadan çok fazla kontrol yapıldı. JavaScript'i etkinleştirin veya { $minutes } dakika sonra tekrar deneyin.
       *[other] Ağınızdan JavaScript olmadan çok fazla kontrol yapıldı. JavaScript'i etkinleştirin veya { $minutes } dakika sonra tekrar deneyin.
    }
dialog-close = Kapat
dialog-refused = Bu site doğrulamayı kendi sayfasında gösteremiyor. Numaranızı ayrı bir sayfada doğrulamak için devam edin; ardından buraya geri döneceksiniz.
dialog-confirm-close = Size zaten SMS ile bir kod gönderdik. Doğrulama yine de kapatılsın mı?
