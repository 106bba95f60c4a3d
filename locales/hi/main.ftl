# हिन्दी.
language-name = हिन्दी
skip-to-content = मुख्य सामग्री पर जाएँ
language-switcher = भाषा

phone-title = अपना मोबाइल नंबर वेरिफ़ाई करें
phone-intro = हम आपको SMS से एक कोड भेजेंगे, ताकि पक्का हो सके कि यह नंबर आपका ही है।
phone-label = मोबाइल नंबर
phone-hint = उदाहरण: { $example }
country-label = देश
country-hint = सिर्फ़ तब ज़रूरी है, जब आपका नंबर + से शुरू न होता हो
client-asks = { $client } आपके मोबाइल नंबर की पुष्टि करना चाहता है।
phone-submit = मुझे कोड भेजें
error-invalid-phone-country = यह { $country } के लिए सही फ़ोन नंबर नहीं है। नंबर जाँच लें, या ऊपर की सूची में उसका देश चुनें।
flash-expired-number = आपका कोड एक्सपायर हो गया। अपना नंबर जाँच लें, फिर नया कोड माँगें।

code-title = अपना कोड डालें
code-intro = हमने { $phone } पर SMS से एक कोड भेजा है।
# Oblique case: every sentence puts a postposition after $phone (पर, को).
number-ending-in = { $last } से ख़त्म होने वाले नंबर
code-lifetime =
    { $minutes ->
        [one] कोड { $minutes } मिनट में एक्सपायर हो जाएगा।
       *[other] कोड { $minutes } मिनट में एक्सपायर हो जाएगा।
    }
code-lifetime-seconds =
    { $seconds ->
        [one] कोड { $seconds } सेकंड में एक्सपायर हो जाएगा।
       *[other] कोड { $seconds } सेकंड में एक्सपायर हो जाएगा।
    }
code-expired-title = आपका कोड एक्सपायर हो गया है
code-expired-intro = हमने { $phone } पर जो कोड भेजा था, वह एक्सपायर हो गया है। नया कोड मँगाएँ।
code-locked-title = बहुत बार ग़लत कोड डाला गया
code-label = { $length } अंकों का कोड
code-submit = वेरिफ़ाई करें
# Hindi "one" also covers 0, so both variants show { $count }.
code-attempts-left =
    { $count ->
        [one] आपके पास { $count } प्रयास बाकी है।
       *[other] आपके पास { $count } प्रयास बाकी हैं।
    }
code-resend = नया कोड भेजें
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = आप { $time } के बाद नया कोड मँगा सकते हैं।
code-resend-ready = अब आप नया कोड मँगा सकते हैं।
code-resend-after =
    { $seconds ->
        [one] कोड भेजे जाने के { $seconds } सेकंड बाद आप नया कोड मँगा सकते हैं।
       *[other] कोड भेजे जाने के { $seconds } सेकंड बाद आप नया कोड मँगा सकते हैं।
    }
code-change-number = कोई दूसरा नंबर इस्तेमाल करें
code-sent = हमने आपको नया कोड भेज दिया है।
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] आप { $minutes } मिनट बाद इस नंबर से फिर कोशिश कर सकते हैं।
       *[other] आप { $minutes } मिनट बाद इस नंबर से फिर कोशिश कर सकते हैं।
    }

done-title = मोबाइल नंबर वेरिफ़ाई हो गया
done-body = हमने { $phone } को वेरिफ़ाई कर लिया है। अब आप यह पेज बंद कर सकते हैं।
done-continue = आगे बढ़ें

error-title = कुछ गड़बड़ हो गई
error-title-prefix = गड़बड़ी: { $title }
error-summary-title = कोई समस्या है
error-empty-phone = अपना मोबाइल नंबर डालें।
error-invalid-phone = यह नंबर सही नहीं लग रहा। इसे एक बार जाँच लें, और अगर नंबर चुने गए देश का नहीं है, तो देश का कोड भी डालें।
error-not-mobile = इस नंबर पर SMS नहीं आ सकते। कृपया कोई मोबाइल नंबर डालें।
error-incorrect-code =
    { $count ->
        [one] यह कोड सही नहीं है। आपके पास { $count } प्रयास बाकी है।
       *[other] यह कोड सही नहीं है। आपके पास { $count } प्रयास बाकी हैं।
    }
error-opted-out = इस नंबर ने हमारे SMS पाना बंद कर दिया है। जिस नंबर से हमारे मैसेज आते हैं, उस पर START लिखकर भेजें, फिर दोबारा कोशिश करें।
error-expired = यह कोड एक्सपायर हो गया है। नया कोड मँगाएँ।
error-empty-code = हमने SMS से जो कोड भेजा है, उसे डालें।
error-code-format =
    { $length ->
        [one] कोड { $length } अंक का है। इसे जाँचकर फिर कोशिश करें।
       *[other] कोड { $length } अंकों का है। इसे जाँचकर फिर कोशिश करें।
    }
error-max-attempts = बहुत बार ग़लत कोड डाला गया। नया कोड पाने के लिए फिर से शुरू करें।
error-no-longer-valid = यह कोड अब इस्तेमाल नहीं किया जा सकता। नया कोड पाने के लिए फिर से शुरू करें।
error-cooldown =
    { $seconds ->
        [one] नया कोड मँगाने से पहले कृपया { $seconds } सेकंड रुकें।
       *[other] नया कोड मँगाने से पहले कृपया { $seconds } सेकंड रुकें।
    }
error-quota =
    { $minutes ->
        [one] इस नंबर पर बहुत ज़्यादा कोड भेजे जा चुके हैं। { $minutes } मिनट बाद फिर कोशिश करें।
       *[other] इस नंबर पर बहुत ज़्यादा कोड भेजे जा चुके हैं। { $minutes } मिनट बाद फिर कोशिश करें।
    }
error-wrong-code-limit =
    { $minutes ->
        [one] इस नंबर के लिए बहुत बार ग़लत कोड डाला गया। { $minutes } मिनट बाद फिर कोशिश करें।
       *[other] इस नंबर के लिए बहुत बार ग़लत कोड डाला गया। { $minutes } मिनट बाद फिर कोशिश करें।
    }
error-country-not-allowed = हम इस देश के नंबरों पर कोड नहीं भेज सकते।
error-blocked = अभी हम इस नंबर पर कोड नहीं भेज सकते। कृपया कुछ देर बाद फिर कोशिश करें।
error-budget = अभी हम और कोड नहीं भेज सकते। कृपया कुछ देर बाद फिर कोशिश करें।
error-rate-limited = आपके नेटवर्क से बहुत ज़्यादा अनुरोध आए हैं। एक मिनट रुककर फिर कोशिश करें।
error-bad-client = यह वेरिफ़िकेशन लिंक सही नहीं है। जिस साइट से आप यहाँ आए थे, वहाँ वापस जाकर फिर कोशिश करें।
error-flow-expired = यह वेरिफ़िकेशन पेज एक्सपायर हो गया है। जिस साइट से आप यहाँ आए थे, वहाँ वापस जाकर फिर से शुरू करें।
error-csrf = यह फ़ॉर्म एक्सपायर हो गया है। वापस जाएँ, पेज रीलोड करें और फिर कोशिश करें।
error-not-found = यह पेज नहीं मिला।
error-too-large = यह अनुरोध बहुत बड़ा था।
error-bad-request = हम यह अनुरोध समझ नहीं पाए।
error-unavailable = सेवा अभी व्यस्त है या उपलब्ध नहीं है। कृपया थोड़ी देर में फिर कोशिश करें।
error-sms-failed = हम SMS नहीं भेज पाए। कृपया थोड़ी देर में फिर कोशिश करें।
error-internal = हमारी तरफ़ से कुछ गड़बड़ हो गई। कृपया फिर कोशिश करें।
flash-expired = आपका कोड एक्सपायर हो गया। नया कोड पाने के लिए अपना नंबर डालें।
start-over = फिर से शुरू करें

help-title = SMS नहीं मिला?
help-delay = SMS आने में कुछ मिनट लग सकते हैं।
help-options = अगर SMS नहीं आया है, तो आप नया कोड मँगा सकते हैं या कोई दूसरा नंबर इस्तेमाल कर सकते हैं।
help-support = सहायता टीम से संपर्क करें

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
challenge-needed = SMS से कोड भेजने से पहले, आपके ब्राउज़र को एक छोटी-सी जाँच करनी होगी, ताकि पक्का हो सके कि आप रोबोट नहीं हैं। जाँच पूरी होने पर ब्राउज़र फ़ॉर्म अपने-आप दोबारा भेज देगा।
challenge-working = जाँच की जा रही है कि आप रोबोट नहीं हैं। इसमें कुछ सेकंड लगते हैं…
challenge-done = जाँच पूरी हो गई।
challenge-failed = जाँच पूरी नहीं हो पाई। फिर कोशिश करने के लिए बटन दोबारा दबाएँ।
challenge-needs-js = इस चरण के लिए JavaScript ज़रूरी है: अपना कोड पाने के लिए JavaScript चालू करें या कोई दूसरा ब्राउज़र इस्तेमाल करें।

# Kept short: Devanagari goes as UCS-2 (70 characters a segment) and the
# "@host #code" line is appended.
sms-body = { $brand } कोड: { $code } ({ $minutes } मिनट)
# No colon after कोड: «सेकंड» is a unit longer than «मिनट», so the text stays within sms-body's length.
sms-body-seconds = { $brand } कोड { $code } ({ $seconds } सेकंड)

outbox-title = डेवलपमेंट SMS आउटबॉक्स
outbox-intro = वे मैसेज जो डेवलपमेंट आउटबॉक्स भेजता, सबसे नए पहले। इसे प्रोडक्शन में कभी चालू न करें।
outbox-empty = अभी कोई मैसेज नहीं है।
outbox-to = किसे
outbox-sent-at = भेजा गया
outbox-body = मैसेज

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = SMS से कोड भेजने से पहले हमें पक्का करना होगा कि आप रोबोट नहीं हैं।
challenge-wait =
    { $seconds ->
        [one] JavaScript के बिना यह जाँच एक इंतज़ार है: यह पेज खुलने के बाद { $seconds } सेकंड रुकें, फिर बटन दबाएँ।
       *[other] JavaScript के बिना यह जाँच एक इंतज़ार है: यह पेज खुलने के बाद { $seconds } सेकंड रुकें, फिर बटन दबाएँ।
    }
challenge-wait-early =
    { $seconds ->
        [one] अभी नहीं: { $seconds } सेकंड और रुकें, फिर बटन दोबारा दबाएँ।
       *[other] अभी नहीं: { $seconds } सेकंड और रुकें, फिर बटन दोबारा दबाएँ।
    }
challenge-wait-used-up =
    { $minutes ->
        [one] आपके नेटवर्क से JavaScript के बिना बहुत ज़्यादा जाँचें हो चुकी हैं। JavaScript चालू करें या { $minutes } मिनट बाद फिर कोशिश करें।
       *[other] आपके नेटवर्क से JavaScript के बिना बहुत ज़्यादा जाँचें हो चुकी हैं। JavaScript चालू करें या { $minutes } मिनट बाद फिर कोशिश करें।
    }
dialog-close = बंद करें
dialog-refused = यह साइट वेरिफ़िकेशन को अपने पेज के अंदर नहीं दिखा सकती। अपना नंबर अलग पेज पर वेरिफ़ाई करने के लिए आगे बढ़ें; उसके बाद आप यहीं लौट आएँगे।
dialog-confirm-close = हम आपको SMS से कोड भेज चुके हैं। फिर भी वेरिफ़िकेशन बंद करें?
