# తెలుగు.
language-name = తెలుగు
skip-to-content = ప్రధాన కంటెంట్‌కు వెళ్లండి
language-switcher = భాష

phone-title = మీ ఫోన్ నంబర్‌ను ధృవీకరించండి
phone-intro = ఈ నంబర్ మీదేనని నిర్ధారించడానికి మేము మీకు SMS ద్వారా ఒక కోడ్ పంపుతాము.
phone-label = ఫోన్ నంబర్
phone-hint = ఉదాహరణకు { $example }
country-label = దేశం
country-hint = మీ నంబర్ +తో మొదలుకాకపోతే మాత్రమే అవసరం
client-asks = { $client } మీ ఫోన్ నంబర్‌ను నిర్ధారించాలనుకుంటోంది.
phone-submit = నాకు కోడ్ పంపండి
error-invalid-phone-country = ఇది { $country } కోసం చెల్లుబాటు అయ్యే ఫోన్ నంబర్ కాదు. నంబర్‌ను సరిచూసుకోండి, లేదా పైన ఉన్న జాబితాలో దాని దేశాన్ని ఎంచుకోండి.
flash-expired-number = మీ కోడ్ గడువు ముగిసింది. మీ నంబర్‌ను సరిచూసుకుని, కొత్త కోడ్ అడగండి.

code-title = మీ కోడ్‌ను నమోదు చేయండి
code-intro = మేము { $phone } నంబర్‌కు SMS ద్వారా కోడ్ పంపాము.
# Always before "నంబర్‌కు"/"నంబర్‌ను": "చివరన 2671 ఉన్న నంబర్‌కు".
number-ending-in = చివరన { $last } ఉన్న
code-lifetime =
    { $minutes ->
        [one] కోడ్ గడువు { $minutes } నిమిషంలో ముగుస్తుంది.
       *[other] కోడ్ గడువు { $minutes } నిమిషాల్లో ముగుస్తుంది.
    }
code-lifetime-seconds =
    { $seconds ->
        [one] కోడ్ గడువు { $seconds } సెకనులో ముగుస్తుంది.
       *[other] కోడ్ గడువు { $seconds } సెకన్లలో ముగుస్తుంది.
    }
code-expired-title = మీ కోడ్ గడువు ముగిసింది
code-expired-intro = { $phone } నంబర్‌కు మేము పంపిన కోడ్ గడువు ముగిసింది. కొత్త కోడ్‌ను అభ్యర్థించండి.
code-locked-title = చాలాసార్లు తప్పు కోడ్ నమోదు చేశారు
code-label = { $length } అంకెల కోడ్
code-submit = ధృవీకరించండి
code-attempts-left =
    { $count ->
        [one] మీకు ఇంకా { $count } ప్రయత్నం మిగిలి ఉంది.
       *[other] మీకు ఇంకా { $count } ప్రయత్నాలు మిగిలి ఉన్నాయి.
    }
code-resend = నాకు కొత్త కోడ్ పంపండి
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = మీరు { $time } తర్వాత కొత్త కోడ్‌ను అభ్యర్థించవచ్చు.
code-resend-ready = మీరు ఇప్పుడు కొత్త కోడ్‌ను అభ్యర్థించవచ్చు.
code-resend-after =
    { $seconds ->
        [one] మేము కోడ్ పంపిన { $seconds } సెకను తర్వాత మీరు కొత్త కోడ్‌ను అభ్యర్థించవచ్చు.
       *[other] మేము కోడ్ పంపిన { $seconds } సెకన్ల తర్వాత మీరు కొత్త కోడ్‌ను అభ్యర్థించవచ్చు.
    }
code-change-number = వేరే నంబర్‌ను ఉపయోగించండి
code-sent = మేము మీకు కొత్త కోడ్ పంపాము.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] { $minutes } నిమిషం తర్వాత ఈ నంబర్‌తో మళ్లీ ప్రయత్నించవచ్చు.
       *[other] { $minutes } నిమిషాల తర్వాత ఈ నంబర్‌తో మళ్లీ ప్రయత్నించవచ్చు.
    }

done-title = ఫోన్ నంబర్ ధృవీకరించబడింది
done-body = మేము { $phone } నంబర్‌ను ధృవీకరించాము. మీరు ఈ పేజీని మూసివేయవచ్చు.
done-continue = కొనసాగించండి

error-title = ఏదో తప్పు జరిగింది
error-title-prefix = లోపం: { $title }
error-summary-title = ఒక సమస్య ఉంది
error-empty-phone = మీ ఫోన్ నంబర్‌ను నమోదు చేయండి.
error-invalid-phone = ఇది చెల్లుబాటు అయ్యే ఫోన్ నంబర్‌లా కనిపించడం లేదు. దాన్ని సరిచూసుకుని, ఎంచుకున్న దేశానికి చెందిన నంబర్ కాకపోతే దేశ కోడ్‌ను కూడా చేర్చండి.
error-not-mobile = ఈ నంబర్‌కు SMSలు రావు. దయచేసి మొబైల్ నంబర్‌ను ఉపయోగించండి.
error-incorrect-code =
    { $count ->
        [one] ఈ కోడ్ సరైనది కాదు. మీకు ఇంకా { $count } ప్రయత్నం మిగిలి ఉంది.
       *[other] ఈ కోడ్ సరైనది కాదు. మీకు ఇంకా { $count } ప్రయత్నాలు మిగిలి ఉన్నాయి.
    }
error-opted-out = ఈ నంబర్ మా SMSలను స్వీకరించడం ఆపివేసింది. మా SMSలు వచ్చే నంబర్‌కు START అని SMS పంపి, ఆ తర్వాత మళ్లీ ప్రయత్నించండి.
error-expired = ఈ కోడ్ గడువు ముగిసింది. కొత్త కోడ్‌ను అభ్యర్థించండి.
error-empty-code = మేము SMS ద్వారా పంపిన కోడ్‌ను నమోదు చేయండి.
error-code-format =
    { $length ->
        [one] కోడ్‌లో { $length } అంకె ఉంటుంది. దాన్ని సరిచూసుకుని మళ్లీ ప్రయత్నించండి.
       *[other] కోడ్‌లో { $length } అంకెలు ఉంటాయి. దాన్ని సరిచూసుకుని మళ్లీ ప్రయత్నించండి.
    }
error-max-attempts = చాలాసార్లు తప్పు కోడ్ నమోదు చేశారు. కొత్త కోడ్ పొందడానికి మళ్లీ ప్రారంభించండి.
error-no-longer-valid = ఈ కోడ్‌ను ఇకపై ఉపయోగించలేరు. కొత్త కోడ్ పొందడానికి మళ్లీ ప్రారంభించండి.
error-cooldown =
    { $seconds ->
        [one] మరో కోడ్‌ను అభ్యర్థించే ముందు దయచేసి { $seconds } సెకను వేచి ఉండండి.
       *[other] మరో కోడ్‌ను అభ్యర్థించే ముందు దయచేసి { $seconds } సెకన్లు వేచి ఉండండి.
    }
error-quota =
    { $minutes ->
        [one] మేము ఈ నంబర్‌కు చాలా ఎక్కువ కోడ్‌లు పంపాము. { $minutes } నిమిషం తర్వాత మళ్లీ ప్రయత్నించండి.
       *[other] మేము ఈ నంబర్‌కు చాలా ఎక్కువ కోడ్‌లు పంపాము. { $minutes } నిమిషాల తర్వాత మళ్లీ ప్రయత్నించండి.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] ఈ నంబర్ కోసం చాలాసార్లు తప్పు కోడ్‌లు నమోదు చేయబడ్డాయి. { $minutes } నిమిషం తర్వాత మళ్లీ ప్రయత్నించండి.
       *[other] ఈ నంబర్ కోసం చాలాసార్లు తప్పు కోడ్‌లు నమోదు చేయబడ్డాయి. { $minutes } నిమిషాల తర్వాత మళ్లీ ప్రయత్నించండి.
    }
error-country-not-allowed = మేము ఈ దేశంలోని నంబర్‌లకు కోడ్‌లు పంపలేము.
error-blocked = ప్రస్తుతం మేము ఈ నంబర్‌కు కోడ్‌లు పంపలేము. దయచేసి తర్వాత మళ్లీ ప్రయత్నించండి.
error-budget = ప్రస్తుతం మేము ఇంకా కోడ్‌లు పంపలేము. దయచేసి తర్వాత మళ్లీ ప్రయత్నించండి.
error-rate-limited = మీ నెట్‌వర్క్ నుండి చాలా ఎక్కువ అభ్యర్థనలు వచ్చాయి. ఒక నిమిషం ఆగి మళ్లీ ప్రయత్నించండి.
error-bad-client = ఈ ధృవీకరణ లింక్ చెల్లదు. మిమ్మల్ని ఇక్కడికి పంపిన సైట్‌కు తిరిగి వెళ్లి మళ్లీ ప్రయత్నించండి.
error-flow-expired = ఈ ధృవీకరణ పేజీ గడువు ముగిసింది. మిమ్మల్ని ఇక్కడికి పంపిన సైట్‌కు తిరిగి వెళ్లి మళ్లీ ప్రారంభించండి.
error-csrf = ఈ ఫారమ్ గడువు ముగిసింది. వెనక్కి వెళ్లి, పేజీని రీలోడ్ చేసి, మళ్లీ ప్రయత్నించండి.
error-not-found = మాకు ఆ పేజీ కనిపించలేదు.
error-too-large = ఆ అభ్యర్థన చాలా పెద్దదిగా ఉంది.
error-bad-request = మాకు ఆ అభ్యర్థన అర్థం కాలేదు.
error-unavailable = సేవ ప్రస్తుతం బిజీగా ఉంది లేదా అందుబాటులో లేదు. దయచేసి కొద్దిసేపటి తర్వాత మళ్లీ ప్రయత్నించండి.
error-sms-failed = మేము SMS పంపలేకపోయాము. దయచేసి కొద్దిసేపటి తర్వాత మళ్లీ ప్రయత్నించండి.
error-internal = మా వైపు ఏదో తప్పు జరిగింది. దయచేసి మళ్లీ ప్రయత్నించండి.
flash-expired = మీ కోడ్ గడువు ముగిసింది. కొత్త కోడ్ పొందడానికి మీ నంబర్‌ను నమోదు చేయండి.
start-over = మళ్లీ ప్రారంభించండి

help-title = SMS రాలేదా?
help-delay = SMS రావడానికి కొన్ని నిమిషాలు పట్టవచ్చు.
help-options = అది రాకపోతే, మీరు కొత్త కోడ్‌ను అభ్యర్థించవచ్చు లేదా వేరే నంబర్‌ను ఉపయోగించవచ్చు.
help-support = సపోర్ట్‌ను సంప్రదించండి

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "తనిఖీ", never "ధృవీకరణ": that word is the number's.
challenge-needed = SMS ద్వారా కోడ్ పంపే ముందు, మీరు బాట్ కాదని మీ బ్రౌజర్ త్వరగా తనిఖీ చేయాలి. తనిఖీ పూర్తయ్యాక బ్రౌజర్ ఫారమ్‌ను దానంతట అదే మళ్లీ పంపుతుంది.
challenge-working = మీరు బాట్ కాదని తనిఖీ చేస్తున్నాము. దీనికి కొన్ని సెకన్లు పడుతుంది…
challenge-done = తనిఖీ పూర్తయింది.
challenge-failed = తనిఖీ విఫలమైంది. మళ్లీ ప్రయత్నించడానికి బటన్‌ను మళ్లీ నొక్కండి.
challenge-needs-js = ఈ దశకు JavaScript అవసరం: మీ కోడ్ పొందడానికి JavaScriptను ఆన్ చేయండి లేదా వేరే బ్రౌజర్‌ను ఉపయోగించండి.

# Short: Telugu goes as UCS-2 (70 units a segment) and the "@host #code" line
# is appended; «ని.» (నిమిషాలు) reads the same for every number.
sms-body = { $brand } కోడ్: { $code } ({ $minutes } ని.)
sms-body-seconds = { $brand } కోడ్: { $code } ({ $seconds } సె.)

outbox-title = డెవలప్‌మెంట్ SMS అవుట్‌బాక్స్
outbox-intro = డెవలప్‌మెంట్ అవుట్‌బాక్స్ పంపి ఉండే మెసేజ్‌లు, కొత్తవి ముందు. దీన్ని ప్రొడక్షన్‌లో ఎప్పుడూ ఆన్ చేయవద్దు.
outbox-empty = ఇంకా మెసేజ్‌లు లేవు.
outbox-to = వీరికి
outbox-sent-at = పంపిన సమయం
outbox-body = మెసేజ్

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = SMS ద్వారా కోడ్ పంపే ముందు, మీరు బాట్ కాదని మేము తనిఖీ చేయాలి.
challenge-wait =
    { $seconds ->
        [one] JavaScript లేనప్పుడు, ఈ తనిఖీకి బదులుగా కొంతసేపు వేచి ఉండాలి: ఈ పేజీ తెరిచిన తర్వాత { $seconds } సెకను వేచి ఉండి, ఆపై బటన్‌ను నొక్కండి.
       *[other] JavaScript లేనప్పుడు, ఈ తనిఖీకి బదులుగా కొంతసేపు వేచి ఉండాలి: ఈ పేజీ తెరిచిన తర్వాత { $seconds } సెకన్లు వేచి ఉండి, ఆపై బటన్‌ను నొక్కండి.
    }
challenge-wait-early =
    { $seconds ->
        [one] ఇంకా కాదు: మరో { $seconds } సెకను వేచి ఉండి, ఆపై బటన్‌ను మళ్లీ నొక్కండి.
       *[other] ఇంకా కాదు: మరో { $seconds } సెకన్లు వేచి ఉండి, ఆపై బటన్‌ను మళ్లీ నొక్కండి.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] మీ నెట్‌వర్క్ నుండి JavaScript లేకుండా చాలా ఎక్కువ తనిఖీలు జరిగాయి. JavaScriptను ఆన్ చేయండి లేదా { $minutes } నిమిషం తర్వాత మళ్లీ ప్రయత్నించండి.
       *[other] మీ నెట్‌వర్క్ నుండి JavaScript లేకుండా చాలా ఎక్కువ తనిఖీలు జరిగాయి. JavaScriptను ఆన్ చేయండి లేదా { $minutes } నిమిషాల తర్వాత మళ్లీ ప్రయత్నించండి.
    }
dialog-close = మూసివేయండి
dialog-refused = ఈ సైట్ ధృవీకరణను తన పేజీలో చూపించలేకపోతోంది. మీ నంబర్‌ను ప్రత్యేక పేజీలో ధృవీకరించడానికి కొనసాగించండి; ఆ తర్వాత మీరు ఇక్కడికి తిరిగి వస్తారు.
dialog-confirm-close = మేము మీకు ఇప్పటికే SMS ద్వారా కోడ్ పంపాము. అయినా ధృవీకరణను మూసివేయాలా?
