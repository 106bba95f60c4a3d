# Filipino. Nouns don't change after a number ("1 minuto", "5 minuto"), so
# the plural categories (one, other) would all read alike: no selectors.
language-name = Filipino
skip-to-content = Lumaktaw sa nilalaman
language-switcher = Wika

phone-title = I-verify ang iyong numero ng telepono
phone-intro = Magte-text kami sa iyo ng code para makumpirmang sa iyo ang numerong ito.
phone-label = Numero ng telepono
phone-hint = Halimbawa: { $example }
country-label = Bansa
country-hint = Kailangan lang kung hindi nagsisimula sa + ang iyong numero
client-asks = Gustong kumpirmahin ng { $client } ang iyong numero ng telepono.
phone-submit = I-text sa akin ang code
error-invalid-phone-country = Hindi ito valid na numero ng telepono para sa { $country }. Suriin ang numero, o piliin ang bansa nito sa listahan sa itaas.
flash-expired-number = Nag-expire na ang iyong code. Suriin ang iyong numero, saka humingi ng bagong code.

code-title = Ilagay ang iyong code
code-intro = Nag-text kami ng code sa { $phone }.
number-ending-in = numerong nagtatapos sa { $last }
code-lifetime = Mag-e-expire ang code sa loob ng { $minutes } minuto.
code-lifetime-seconds = Mag-e-expire ang code sa loob ng { $seconds } segundo.
code-expired-title = Nag-expire na ang iyong code
code-expired-intro = Nag-expire na ang code na itinext namin sa { $phone }. Humingi ng bago.
code-locked-title = Masyadong maraming maling code
code-label = { $length }-digit na code
code-submit = I-verify
code-attempts-left = May natitira ka pang { $count } pagsubok.
code-resend = I-text sa akin ang bagong code
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = Puwede kang humingi ng bagong code pagkalipas ng { $time }.
code-resend-ready = Puwede ka nang humingi ng bagong code.
code-resend-after = Puwede kang humingi ng bagong code { $seconds } segundo matapos namin itong ipadala.
code-change-number = Gumamit ng ibang numero
code-sent = Nag-text kami sa iyo ng bagong code.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = Maaari mong subukan ulit ang numerong ito pagkalipas ng { $minutes } minuto.

done-title = Na-verify na ang numero ng telepono
done-body = Na-verify na namin ang { $phone }. Puwede mo nang isara ang page na ito.
done-continue = Magpatuloy

error-title = Nagkaproblema
error-title-prefix = Error: { $title }
error-summary-title = May problema
error-empty-phone = Ilagay ang iyong numero ng telepono.
error-invalid-phone = Mukhang hindi valid ang numero ng teleponong iyan. Suriin ito, at isama ang country code kung hindi ito mula sa napiling bansa.
error-not-mobile = Hindi makakatanggap ng text ang numerong ito. Pakigamit ang isang mobile number.
error-incorrect-code = Mali ang code na iyan. May natitira ka pang { $count } pagsubok.
error-opted-out = Nag-opt out na ang numerong ito sa aming mga text. I-text ang START sa numerong pinanggagalingan ng aming mga mensahe, saka subukan ulit.
error-expired = Nag-expire na ang code na ito. Humingi ng bago.
error-empty-code = Ilagay ang code na itinext namin sa iyo.
error-code-format = { $length } digit ang code. Suriin ito at subukan ulit.
error-max-attempts = Masyadong maraming maling code. Magsimula ulit para makakuha ng bagong code.
error-no-longer-valid = Hindi na magagamit ang code na ito. Magsimula ulit para makakuha ng bagong code.
error-cooldown = Maghintay muna ng { $seconds } segundo bago humingi ng panibagong code.
error-quota = Masyado nang maraming code ang naipadala namin sa numerong ito. Subukan ulit pagkalipas ng { $minutes } minuto.
error-wrong-code-limit = Masyadong maraming maling code ang inilagay para sa numerong ito. Subukan ulit pagkalipas ng { $minutes } minuto.
error-country-not-allowed = Hindi kami makapagpadala ng code sa mga numero sa bansang ito.
error-blocked = Hindi kami makapagpadala ng code sa numerong ito sa ngayon. Pakisubukan ulit mamaya.
error-budget = Hindi na kami makapagpadala ng mga code sa ngayon. Pakisubukan ulit mamaya.
error-rate-limited = Masyadong maraming request mula sa iyong network. Maghintay ng isang minuto at subukan ulit.
error-bad-client = Hindi valid ang verification link na ito. Bumalik sa site na nagpadala sa iyo rito at subukan ulit.
error-flow-expired = Nag-expire na ang verification page na ito. Bumalik sa site na nagpadala sa iyo rito at magsimula ulit.
error-csrf = Nag-expire na ang form na ito. Bumalik, i-reload ang page, at subukan ulit.
error-not-found = Hindi namin mahanap ang page na iyon.
error-too-large = Masyadong malaki ang request na iyon.
error-bad-request = Hindi namin maintindihan ang request na iyon.
error-unavailable = Abala o hindi available ang serbisyo sa ngayon. Pakisubukan ulit maya-maya.
error-sms-failed = Hindi namin maipadala ang text. Pakisubukan ulit maya-maya.
error-internal = Nagkaproblema sa aming panig. Pakisubukan ulit.
flash-expired = Nag-expire na ang iyong code. Ilagay ang iyong numero para makakuha ng bago.
start-over = Magsimula ulit

help-title = Hindi nakatanggap ng text?
help-delay = Puwedeng umabot nang ilang minuto bago dumating ang text.
help-options = Kung hindi pa rin dumarating, puwede kang humingi ng bagong code o gumamit ng ibang numero.
help-support = Makipag-ugnayan sa support

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "pagsusuri", never "i-verify": that word is the number's.
challenge-needed = Bago kami mag-text sa iyo ng code, kailangang magsagawa ang iyong browser ng mabilis na pagsusuri para matiyak na hindi ka bot. Kusa nitong ipapadala ulit ang form kapag tapos na.
challenge-working = Sinusuri kung hindi ka bot. Ilang segundo lang ito…
challenge-done = Tapos na ang pagsusuri.
challenge-failed = Hindi gumana ang pagsusuri. Pindutin ulit ang button para subukan muli.
challenge-needs-js = Kailangan ng JavaScript sa hakbang na ito: i-on ito, o gumamit ng ibang browser, para makuha ang iyong code.

sms-body = Ang iyong { $brand } code ay { $code }. Mag-e-expire ito sa loob ng { $minutes } minuto.
sms-body-seconds = Ang iyong { $brand } code ay { $code }. Mag-e-expire ito sa loob ng { $seconds } segundo.

outbox-title = Dev SMS outbox
outbox-intro = Mga mensaheng ipapadala sana ng dev outbox, pinakabago muna. Huwag itong i-enable sa production.
outbox-empty = Wala pang mensahe.
outbox-to = Para kay
outbox-sent-at = Ipinadala
outbox-body = Mensahe

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Bago kami mag-text sa iyo ng code, kailangan naming tiyakin na hindi ka bot.
challenge-wait = Kung walang JavaScript, paghihintay ang pagsusuring ito: maghintay ng { $seconds } segundo mula nang mabuksan ang page na ito, saka pindutin ang button.
challenge-wait-early = Hindi pa: maghintay pa ng { $seconds } segundo, saka pindutin ulit ang button.
challenge-wait-used-up = Masyadong maraming pagsusuri nang walang JavaScript mula sa iyong network. I-on ang JavaScript, o subukan ulit pagkalipas ng { $minutes } minuto.
dialog-close = Isara
dialog-refused = Hindi maipakita ng site na ito ang pag-verify sa loob ng page nito. Magpatuloy para i-verify ang iyong numero sa sarili nitong page; babalik ka rito pagkatapos.
dialog-confirm-close = Nakapag-text na kami sa iyo ng code. Isara pa rin ang pag-verify?
