# मराठी.
language-name = मराठी
skip-to-content = मुख्य मजकुराकडे जा
language-switcher = भाषा

phone-title = तुमच्या फोन नंबरची पडताळणी करा
phone-intro = हा नंबर तुमचाच आहे याची खात्री करण्यासाठी आम्ही तुम्हाला SMS ने एक कोड पाठवू.
phone-label = फोन नंबर
phone-hint = उदाहरणार्थ { $example }
country-label = देश
country-hint = तुमचा नंबर + ने सुरू होत नसेल तरच आवश्यक
client-asks = { $client } ला तुमच्या फोन नंबरची पडताळणी करायची आहे.
phone-submit = मला कोड पाठवा
error-invalid-phone-country = हा { $country } साठी योग्य फोन नंबर नाही. नंबर तपासा, किंवा वरच्या यादीतून त्याचा देश निवडा.
flash-expired-number = तुमच्या कोडची मुदत संपली. तुमचा नंबर तपासा, मग नवीन कोड मागवा.

code-title = तुमचा कोड टाका
code-intro = आम्ही { $phone } नंबरवर SMS ने कोड पाठवला आहे.
# Always before "नंबरवर"/"नंबरची", so in the oblique: "शेवटी 2671 असलेल्या नंबरवर".
number-ending-in = शेवटी { $last } असलेल्या
code-lifetime =
    { $minutes ->
        [one] कोडची मुदत { $minutes } मिनिटात संपेल.
       *[other] कोडची मुदत { $minutes } मिनिटांत संपेल.
    }
code-lifetime-seconds =
    { $seconds ->
        [one] कोडची मुदत { $seconds } सेकंदात संपेल.
       *[other] कोडची मुदत { $seconds } सेकंदांत संपेल.
    }
code-expired-title = तुमच्या कोडची मुदत संपली आहे
code-expired-intro = { $phone } नंबरवर पाठवलेल्या कोडची मुदत संपली आहे. नवीन कोड मागवा.
code-locked-title = खूप वेळा चुकीचा कोड टाकला गेला
code-label = { $length } अंकी कोड
code-submit = पडताळणी करा
code-attempts-left =
    { $count ->
        [one] तुमच्याकडे आणखी { $count } प्रयत्न शिल्लक आहे.
       *[other] तुमच्याकडे आणखी { $count } प्रयत्न शिल्लक आहेत.
    }
code-resend = मला नवीन कोड पाठवा
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = तुम्ही { $time } नंतर नवीन कोड मागवू शकता.
code-resend-ready = तुम्ही आता नवीन कोड मागवू शकता.
code-resend-after =
    { $seconds ->
        [one] कोड पाठवल्यानंतर { $seconds } सेकंदाने तुम्ही नवीन कोड मागवू शकता.
       *[other] कोड पाठवल्यानंतर { $seconds } सेकंदांनी तुम्ही नवीन कोड मागवू शकता.
    }
code-change-number = दुसरा नंबर वापरा
code-sent = आम्ही तुम्हाला नवीन कोड पाठवला आहे.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] { $minutes } मिनिटानंतर तुम्ही या नंबरने पुन्हा प्रयत्न करू शकता.
       *[other] { $minutes } मिनिटांनंतर तुम्ही या नंबरने पुन्हा प्रयत्न करू शकता.
    }

done-title = फोन नंबरची पडताळणी झाली
done-body = आम्ही { $phone } नंबरची पडताळणी केली आहे. तुम्ही हे पेज बंद करू शकता.
done-continue = पुढे जा

error-title = काहीतरी चूक झाली
error-title-prefix = त्रुटी: { $title }
error-summary-title = एक समस्या आहे
error-empty-phone = तुमचा फोन नंबर टाका.
error-invalid-phone = हा फोन नंबर योग्य वाटत नाही. तो तपासा, आणि तो निवडलेल्या देशाचा नसल्यास देशाचा कोडही टाका.
error-not-mobile = या नंबरवर SMS येऊ शकत नाहीत. कृपया मोबाइल नंबर वापरा.
error-incorrect-code =
    { $count ->
        [one] हा कोड बरोबर नाही. तुमच्याकडे आणखी { $count } प्रयत्न शिल्लक आहे.
       *[other] हा कोड बरोबर नाही. तुमच्याकडे आणखी { $count } प्रयत्न शिल्लक आहेत.
    }
error-opted-out = या नंबरने आमचे SMS घेणे बंद केले आहे. आमचे SMS ज्या नंबरवरून येतात त्या नंबरवर START पाठवा आणि मग पुन्हा प्रयत्न करा.
error-expired = या कोडची मुदत संपली आहे. नवीन कोड मागवा.
error-empty-code = आम्ही SMS ने पाठवलेला कोड टाका.
error-code-format = कोड { $length } अंकी आहे. तो तपासून पुन्हा प्रयत्न करा.
error-max-attempts = खूप वेळा चुकीचा कोड टाकला गेला. नवीन कोड मिळवण्यासाठी पुन्हा सुरुवात करा.
error-no-longer-valid = हा कोड आता वापरता येणार नाही. नवीन कोड मिळवण्यासाठी पुन्हा सुरुवात करा.
error-cooldown =
    { $seconds ->
        [one] दुसरा कोड मागवण्यापूर्वी कृपया { $seconds } सेकंद थांबा.
       *[other] दुसरा कोड मागवण्यापूर्वी कृपया { $seconds } सेकंद थांबा.
    }
error-quota =
    { $minutes ->
        [one] या नंबरवर खूप जास्त कोड पाठवले गेले आहेत. { $minutes } मिनिटानंतर पुन्हा प्रयत्न करा.
       *[other] या नंबरवर खूप जास्त कोड पाठवले गेले आहेत. { $minutes } मिनिटांनंतर पुन्हा प्रयत्न करा.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] या नंबरसाठी खूप वेळा चुकीचा कोड टाकला गेला. { $minutes } मिनिटानंतर पुन्हा प्रयत्न करा.
       *[other] या नंबरसाठी खूप वेळा चुकीचा कोड टाकला गेला. { $minutes } मिनिटांनंतर पुन्हा प्रयत्न करा.
    }
error-country-not-allowed = आम्ही या देशातील नंबरवर कोड पाठवू शकत नाही.
error-blocked = सध्या आम्ही या नंबरवर कोड पाठवू शकत नाही. कृपया नंतर पुन्हा प्रयत्न करा.
error-budget = सध्या आम्ही आणखी कोड पाठवू शकत नाही. कृपया नंतर पुन्हा प्रयत्न करा.
error-rate-limited = तुमच्या नेटवर्कवरून खूप जास्त विनंत्या आल्या आहेत. एक मिनिट थांबून पुन्हा प्रयत्न करा.
error-bad-client = ही पडताळणी लिंक वैध नाही. ज्या साइटवरून तुम्ही इथे आलात तिथे परत जा आणि पुन्हा प्रयत्न करा.
error-flow-expired = या पडताळणी पेजची मुदत संपली आहे. ज्या साइटवरून तुम्ही इथे आलात तिथे परत जा आणि पुन्हा सुरुवात करा.
error-csrf = या फॉर्मची मुदत संपली आहे. मागे जा, पेज रीलोड करा आणि पुन्हा प्रयत्न करा.
error-not-found = आम्हाला हे पेज सापडले नाही.
error-too-large = ही विनंती खूप मोठी होती.
error-bad-request = आम्हाला ही विनंती समजली नाही.
error-unavailable = सेवा सध्या व्यस्त आहे किंवा उपलब्ध नाही. कृपया थोड्या वेळाने पुन्हा प्रयत्न करा.
error-sms-failed = आम्ही SMS पाठवू शकलो नाही. कृपया थोड्या वेळाने पुन्हा प्रयत्न करा.
error-internal = आमच्या बाजूने काहीतरी चूक झाली. कृपया पुन्हा प्रयत्न करा.
flash-expired = तुमच्या कोडची मुदत संपली. नवीन कोड मिळवण्यासाठी तुमचा नंबर टाका.
start-over = पुन्हा सुरुवात करा

help-title = SMS आला नाही?
help-delay = SMS येण्यासाठी काही मिनिटे लागू शकतात.
help-options = SMS आला नसेल, तर तुम्ही नवीन कोड मागवू शकता किंवा दुसरा नंबर वापरू शकता.
help-support = सहाय्य टीमशी संपर्क साधा

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "तपासणी", never "पडताळणी": that word is the number's.
challenge-needed = SMS ने कोड पाठवण्यापूर्वी, तुम्ही रोबोट नाही याची खात्री करण्यासाठी तुमच्या ब्राउझरला एक छोटी तपासणी करावी लागेल. तपासणी पूर्ण झाल्यावर ब्राउझर फॉर्म आपोआप पुन्हा पाठवेल.
challenge-working = तुम्ही रोबोट नाही याची तपासणी केली जात आहे. यासाठी काही सेकंद लागतात…
challenge-done = तपासणी पूर्ण झाली.
challenge-failed = तपासणी पूर्ण होऊ शकली नाही. पुन्हा प्रयत्न करण्यासाठी बटण आणखी एकदा दाबा.
challenge-needs-js = या टप्प्यासाठी JavaScript आवश्यक आहे: तुमचा कोड मिळवण्यासाठी JavaScript सुरू करा किंवा दुसरा ब्राउझर वापरा.

# Short: Devanagari goes as UCS-2 (70 units a segment) and the "@host #code"
# line is appended; «मि.» (मिनिटे) reads the same for every number.
sms-body = { $brand } कोड: { $code } ({ $minutes } मि.)
sms-body-seconds = { $brand } कोड: { $code } ({ $seconds } से.)

outbox-title = डेव्हलपमेंट SMS आउटबॉक्स
outbox-intro = डेव्हलपमेंट आउटबॉक्सने पाठवले असते असे मेसेज, नवीन आधी. हे प्रोडक्शनमध्ये कधीही सुरू करू नका.
outbox-empty = अजून एकही मेसेज नाही.
outbox-to = प्रति
outbox-sent-at = पाठवल्याची वेळ
outbox-body = मेसेज

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = SMS ने कोड पाठवण्यापूर्वी, तुम्ही रोबोट नाही याची आम्हाला खात्री करावी लागेल.
challenge-wait =
    { $seconds ->
        [one] JavaScript शिवाय या तपासणीऐवजी थोडे थांबावे लागेल: हे पेज उघडल्यानंतर { $seconds } सेकंद थांबा, मग बटण दाबा.
       *[other] JavaScript शिवाय या तपासणीऐवजी थोडे थांबावे लागेल: हे पेज उघडल्यानंतर { $seconds } सेकंद थांबा, मग बटण दाबा.
    }
challenge-wait-early =
    { $seconds ->
        [one] अजून नाही: आणखी { $seconds } सेकंद थांबा, मग पुन्हा बटण दाबा.
       *[other] अजून नाही: आणखी { $seconds } सेकंद थांबा, मग पुन्हा बटण दाबा.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] तुमच्या नेटवर्कवरून JavaScript शिवाय खूप जास्त तपासण्या झाल्या आहेत. JavaScript सुरू करा किंवा { $minutes } मिनिटानंतर पुन्हा प्रयत्न करा.
       *[other] तुमच्या नेटवर्कवरून JavaScript शिवाय खूप जास्त तपासण्या झाल्या आहेत. JavaScript सुरू करा किंवा { $minutes } मिनिटांनंतर पुन्हा प्रयत्न करा.
    }
dialog-close = बंद करा
dialog-refused = ही साइट पडताळणी स्वतःच्या पेजमध्ये दाखवू शकत नाही. तुमचा नंबर वेगळ्या पेजवर पडताळण्यासाठी पुढे जा; त्यानंतर तुम्ही इथे परत याल.
dialog-confirm-close = आम्ही तुम्हाला SMS ने कोड आधीच पाठवला आहे. तरीही पडताळणी बंद करायची आहे का?
