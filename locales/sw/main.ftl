# Kiswahili. "dakika" and "sekunde" don't change with the number; "jaribio"
# (one) / "majaribio" (other) do.
language-name = Kiswahili
skip-to-content = Ruka hadi maudhui
language-switcher = Lugha

phone-title = Thibitisha nambari yako ya simu
phone-intro = Tutakutumia msimbo kwa SMS ili kuthibitisha kwamba nambari hii ni yako.
phone-label = Nambari ya simu
phone-hint = Kwa mfano { $example }
country-label = Nchi
country-hint = Inahitajika tu ikiwa nambari yako haianzi na +
client-asks = { $client } inataka kuthibitisha nambari yako ya simu.
phone-submit = Nitumie msimbo
error-invalid-phone-country = Hii si nambari sahihi ya simu ya { $country }. Iangalie nambari, au uchague nchi yake kwenye orodha iliyo juu.
flash-expired-number = Muda wa msimbo wako umeisha. Angalia nambari yako, kisha uombe msimbo mpya.

code-title = Weka msimbo wako
code-intro = Tumetuma msimbo kwa SMS kwenda { $phone }.
number-ending-in = nambari inayoishia na { $last }
code-lifetime = Muda wa msimbo utaisha baada ya dakika { $minutes }.
code-lifetime-seconds = Muda wa msimbo utaisha baada ya sekunde { $seconds }.
code-expired-title = Muda wa msimbo wako umeisha
code-expired-intro = Muda wa msimbo tuliotuma kwenda { $phone } umeisha. Omba msimbo mpya.
code-locked-title = Misimbo mingi mno isiyo sahihi
code-label = Msimbo wa tarakimu { $length }
code-submit = Thibitisha
code-attempts-left =
    { $count ->
        [one] Umebakiwa na jaribio { $count }.
       *[other] Umebakiwa na majaribio { $count }.
    }
code-resend = Nitumie msimbo mpya
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = Unaweza kuomba msimbo mpya baada ya { $time }.
code-resend-ready = Sasa unaweza kuomba msimbo mpya.
code-resend-after = Unaweza kuomba msimbo mpya sekunde { $seconds } baada ya kukutumia msimbo.
code-change-number = Tumia nambari nyingine
code-sent = Tumekutumia msimbo mpya.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = Unaweza kujaribu nambari hii tena baada ya dakika { $minutes }.

done-title = Nambari ya simu imethibitishwa
done-body = Tumethibitisha { $phone }. Unaweza kufunga ukurasa huu.
done-continue = Endelea

error-title = Hitilafu imetokea
error-title-prefix = Hitilafu: { $title }
error-summary-title = Kuna tatizo
error-empty-phone = Weka nambari yako ya simu.
error-invalid-phone = Nambari hiyo ya simu haionekani kuwa sahihi. Iangalie, na uweke msimbo wa nchi ikiwa haitoki katika nchi iliyochaguliwa.
error-not-mobile = Nambari hii haiwezi kupokea SMS. Tafadhali tumia nambari ya simu ya mkononi.
error-incorrect-code =
    { $count ->
        [one] Msimbo huo si sahihi. Umebakiwa na jaribio { $count }.
       *[other] Msimbo huo si sahihi. Umebakiwa na majaribio { $count }.
    }
error-opted-out = Nambari hii imejiondoa kwenye SMS zetu. Tuma neno START kwa nambari inayotuma ujumbe wetu, kisha ujaribu tena.
error-expired = Muda wa msimbo huu umeisha. Omba msimbo mpya.
error-empty-code = Weka msimbo tuliokutumia kwa SMS.
error-code-format = Msimbo una tarakimu { $length }. Uangalie kisha ujaribu tena.
error-max-attempts = Misimbo mingi mno isiyo sahihi. Anza upya ili upate msimbo mpya.
error-no-longer-valid = Msimbo huu hauwezi kutumika tena. Anza upya ili upate msimbo mpya.
error-cooldown = Tafadhali subiri sekunde { $seconds } kabla ya kuomba msimbo mwingine.
error-quota = Tumetuma misimbo mingi mno kwa nambari hii. Jaribu tena baada ya dakika { $minutes }.
error-wrong-code-limit = Misimbo mingi mno isiyo sahihi imewekwa kwa nambari hii. Jaribu tena baada ya dakika { $minutes }.
error-country-not-allowed = Hatuwezi kutuma misimbo kwa nambari za nchi hii.
error-blocked = Hatuwezi kutuma misimbo kwa nambari hii kwa sasa. Tafadhali jaribu tena baadaye.
error-budget = Hatuwezi kutuma misimbo zaidi kwa sasa. Tafadhali jaribu tena baadaye.
error-rate-limited = Maombi mengi mno kutoka kwenye mtandao wako. Subiri dakika moja kisha ujaribu tena.
error-bad-client = Kiungo hiki cha uthibitishaji si sahihi. Rudi kwenye tovuti iliyokuleta hapa kisha ujaribu tena.
error-flow-expired = Muda wa ukurasa huu wa uthibitishaji umeisha. Rudi kwenye tovuti iliyokuleta hapa kisha uanze upya.
error-csrf = Muda wa fomu hii umeisha. Rudi nyuma, pakia upya ukurasa kisha ujaribu tena.
error-not-found = Hatukuweza kupata ukurasa huo.
error-too-large = Ombi hilo lilikuwa kubwa mno.
error-bad-request = Hatukuweza kuelewa ombi hilo.
error-unavailable = Huduma ina shughuli nyingi au haipatikani kwa sasa. Tafadhali jaribu tena baada ya muda mfupi.
error-sms-failed = Hatukuweza kutuma SMS. Tafadhali jaribu tena baada ya muda mfupi.
error-internal = Hitilafu imetokea upande wetu. Tafadhali jaribu tena.
flash-expired = Muda wa msimbo wako umeisha. Weka nambari yako ili upate msimbo mpya.
start-over = Anza upya

help-title = Hukupokea SMS?
help-delay = SMS zinaweza kuchukua dakika chache kufika.
help-options = Ikiwa haijafika, unaweza kuomba msimbo mpya au kutumia nambari nyingine.
help-support = Wasiliana na timu ya usaidizi

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "ukaguzi", never "uthibitishaji": that word is the number's.
challenge-needed = Kabla hatujakutumia msimbo kwa SMS, kivinjari chako kinahitaji kufanya ukaguzi mfupi ili kuhakikisha kwamba wewe si roboti. Kikimaliza, kitatuma fomu tena chenyewe.
challenge-working = Tunakagua ili kuhakikisha kwamba wewe si roboti. Hii huchukua sekunde chache…
challenge-done = Ukaguzi umekamilika.
challenge-failed = Ukaguzi haukufaulu. Bonyeza kitufe tena ili kujaribu mara nyingine.
challenge-needs-js = Hatua hii inahitaji JavaScript: iwashe, au tumia kivinjari kingine, ili upate msimbo wako.

sms-body = Msimbo wako wa { $brand } ni { $code }. Muda wake utaisha baada ya dakika { $minutes }.
sms-body-seconds = Msimbo wako wa { $brand } ni { $code }. Muda wake utaisha baada ya sekunde { $seconds }.

outbox-title = Kikasha toezi cha SMS (usanidi)
outbox-intro = Ujumbe ambao kikasha toezi cha usanidi kingetuma, wa karibuni kwanza. Usikiwashe kamwe katika mazingira ya uzalishaji.
outbox-empty = Bado hakuna ujumbe.
outbox-to = Kwa
outbox-sent-at = Ulitumwa
outbox-body = Ujumbe

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Kabla hatujakutumia msimbo kwa SMS, tunahitaji kuhakikisha kwamba wewe si roboti.
challenge-wait = Bila JavaScript, ukaguzi huu hubadilishwa na muda wa kusubiri: subiri sekunde { $seconds } baada ya ukurasa huu kufunguka, kisha bonyeza kitufe.
challenge-wait-early = Bado: subiri sekunde { $seconds } zaidi, kisha bonyeza kitufe tena.
challenge-wait-used-up = Ukaguzi mwingi mno bila JavaScript kutoka kwenye mtandao wako. Washa JavaScript, au jaribu tena baada ya dakika { $minutes }.
dialog-close = Funga
dialog-refused = Tovuti hii haiwezi kuonyesha uthibitishaji ndani ya ukurasa wake. Endelea ili kuthibitisha nambari yako kwenye ukurasa tofauti; baadaye utarudi hapa.
dialog-confirm-close = Tayari tumekutumia msimbo kwa SMS. Ungependa kufunga uthibitishaji hata hivyo?
