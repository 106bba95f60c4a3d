# اردو. Written right to left; the pages wrap variables in Unicode isolates,
# as for Arabic. "منٹ" and "سیکنڈ" don't change with the number; "کوشش"
# (one) / "کوششیں" (other) do.
language-name = اردو
skip-to-content = مرکزی مواد پر جائیں
language-switcher = زبان

phone-title = اپنے فون نمبر کی تصدیق کریں
phone-intro = یہ یقینی بنانے کے لیے کہ یہ نمبر آپ کا ہے، ہم آپ کو SMS کے ذریعے ایک کوڈ بھیجیں گے۔
phone-label = فون نمبر
phone-hint = مثال: { $example }
country-label = ملک
country-hint = صرف اس صورت میں ضروری ہے جب آپ کا نمبر + سے شروع نہ ہو
client-asks = { $client } آپ کے فون نمبر کی تصدیق کرنا چاہتا ہے۔
phone-submit = مجھے کوڈ بھیجیں
error-invalid-phone-country = یہ { $country } کے لیے درست فون نمبر نہیں ہے۔ نمبر دوبارہ دیکھیں، یا اوپر کی فہرست سے اس کا ملک منتخب کریں۔
flash-expired-number = آپ کے کوڈ کی میعاد ختم ہو گئی۔ اپنا نمبر دیکھ لیں، پھر نیا کوڈ مانگیں۔

code-title = اپنا کوڈ درج کریں
code-intro = ہم نے { $phone } پر SMS کے ذریعے ایک کوڈ بھیجا ہے۔
# Oblique case: every sentence puts a postposition after $phone (پر، کی).
number-ending-in = { $last } پر ختم ہونے والے نمبر
code-lifetime = کوڈ کی میعاد { $minutes } منٹ میں ختم ہو جائے گی۔
code-lifetime-seconds = کوڈ کی میعاد { $seconds } سیکنڈ میں ختم ہو جائے گی۔
code-expired-title = آپ کے کوڈ کی میعاد ختم ہو گئی ہے
code-expired-intro = { $phone } پر بھیجے گئے کوڈ کی میعاد ختم ہو گئی ہے۔ نیا کوڈ طلب کریں۔
code-locked-title = بہت زیادہ غلط کوڈ
code-label =
    { $length ->
        [one] { $length } ہندسے کا کوڈ
       *[other] { $length } ہندسوں کا کوڈ
    }
code-submit = تصدیق کریں
code-attempts-left =
    { $count ->
        [one] آپ کے پاس { $count } کوشش باقی ہے۔
       *[other] آپ کے پاس { $count } کوششیں باقی ہیں۔
    }
code-resend = مجھے نیا کوڈ بھیجیں
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = آپ { $time } بعد نیا کوڈ طلب کر سکتے ہیں۔
code-resend-ready = اب آپ نیا کوڈ طلب کر سکتے ہیں۔
code-resend-after = کوڈ بھیجے جانے کے { $seconds } سیکنڈ بعد آپ نیا کوڈ طلب کر سکتے ہیں۔
code-change-number = کوئی دوسرا نمبر استعمال کریں
code-sent = ہم نے آپ کو نیا کوڈ بھیج دیا ہے۔
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = آپ { $minutes } منٹ بعد اس نمبر سے دوبارہ کوشش کر سکتے ہیں۔

done-title = فون نمبر کی تصدیق ہو گئی
done-body = ہم نے { $phone } کی تصدیق کر دی ہے۔ آپ یہ صفحہ بند کر سکتے ہیں۔
done-continue = جاری رکھیں

error-title = کچھ غلط ہو گیا
error-title-prefix = خرابی: { $title }
error-summary-title = ایک مسئلہ ہے
error-empty-phone = اپنا فون نمبر درج کریں۔
error-invalid-phone = یہ درست فون نمبر نہیں لگتا۔ اسے دوبارہ دیکھیں، اور اگر یہ منتخب کردہ ملک کا نہیں ہے تو ملک کا کوڈ بھی شامل کریں۔
error-not-mobile = اس نمبر پر SMS موصول نہیں ہو سکتے۔ براہ کرم موبائل نمبر استعمال کریں۔
error-incorrect-code =
    { $count ->
        [one] یہ کوڈ درست نہیں ہے۔ آپ کے پاس { $count } کوشش باقی ہے۔
       *[other] یہ کوڈ درست نہیں ہے۔ آپ کے پاس { $count } کوششیں باقی ہیں۔
    }
error-opted-out = اس نمبر نے ہمارے SMS وصول کرنا بند کر دیا ہے۔ جس نمبر سے ہمارے SMS آتے ہیں اس پر START بھیجیں، پھر دوبارہ کوشش کریں۔
error-expired = اس کوڈ کی میعاد ختم ہو گئی ہے۔ نیا کوڈ طلب کریں۔
error-empty-code = وہ کوڈ درج کریں جو ہم نے آپ کو SMS کے ذریعے بھیجا ہے۔
error-code-format =
    { $length ->
        [one] کوڈ { $length } ہندسے کا ہے۔ اسے دیکھ کر دوبارہ کوشش کریں۔
       *[other] کوڈ { $length } ہندسوں کا ہے۔ اسے دیکھ کر دوبارہ کوشش کریں۔
    }
error-max-attempts = بہت زیادہ غلط کوڈ درج کیے گئے۔ نیا کوڈ حاصل کرنے کے لیے دوبارہ شروع کریں۔
error-no-longer-valid = یہ کوڈ اب استعمال نہیں کیا جا سکتا۔ نیا کوڈ حاصل کرنے کے لیے دوبارہ شروع کریں۔
error-cooldown = دوسرا کوڈ طلب کرنے سے پہلے براہ کرم { $seconds } سیکنڈ انتظار کریں۔
error-quota = ہم اس نمبر پر بہت زیادہ کوڈ بھیج چکے ہیں۔ { $minutes } منٹ بعد دوبارہ کوشش کریں۔
error-wrong-code-limit = اس نمبر کے لیے بہت زیادہ غلط کوڈ درج کیے گئے۔ { $minutes } منٹ بعد دوبارہ کوشش کریں۔
error-country-not-allowed = ہم اس ملک کے نمبروں پر کوڈ نہیں بھیج سکتے۔
error-blocked = ہم ابھی اس نمبر پر کوڈ نہیں بھیج سکتے۔ براہ کرم بعد میں دوبارہ کوشش کریں۔
error-budget = ہم ابھی مزید کوڈ نہیں بھیج سکتے۔ براہ کرم بعد میں دوبارہ کوشش کریں۔
error-rate-limited = آپ کے نیٹ ورک سے بہت زیادہ درخواستیں آئی ہیں۔ ایک منٹ انتظار کر کے دوبارہ کوشش کریں۔
error-bad-client = یہ تصدیقی لنک درست نہیں ہے۔ جس سائٹ سے آپ یہاں آئے ہیں وہاں واپس جا کر دوبارہ کوشش کریں۔
error-flow-expired = اس تصدیقی صفحے کی میعاد ختم ہو گئی ہے۔ جس سائٹ سے آپ یہاں آئے ہیں وہاں واپس جا کر دوبارہ شروع کریں۔
error-csrf = اس فارم کی میعاد ختم ہو گئی ہے۔ واپس جائیں، صفحہ ری لوڈ کریں اور دوبارہ کوشش کریں۔
error-not-found = ہمیں یہ صفحہ نہیں ملا۔
error-too-large = یہ درخواست بہت بڑی تھی۔
error-bad-request = ہم یہ درخواست نہیں سمجھ سکے۔
error-unavailable = سروس اس وقت مصروف ہے یا دستیاب نہیں ہے۔ براہ کرم تھوڑی دیر میں دوبارہ کوشش کریں۔
error-sms-failed = ہم SMS نہیں بھیج سکے۔ براہ کرم تھوڑی دیر میں دوبارہ کوشش کریں۔
error-internal = ہماری طرف سے کچھ غلط ہو گیا۔ براہ کرم دوبارہ کوشش کریں۔
flash-expired = آپ کے کوڈ کی میعاد ختم ہو گئی۔ نیا کوڈ حاصل کرنے کے لیے اپنا نمبر درج کریں۔
start-over = دوبارہ شروع کریں

help-title = SMS موصول نہیں ہوا؟
help-delay = SMS پہنچنے میں چند منٹ لگ سکتے ہیں۔
help-options = اگر SMS نہیں پہنچا تو آپ نیا کوڈ طلب کر سکتے ہیں یا کوئی دوسرا نمبر استعمال کر سکتے ہیں۔
help-support = سپورٹ سے رابطہ کریں

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "جانچ", never "تصدیق": that word is the number's.
challenge-needed = SMS کے ذریعے کوڈ بھیجنے سے پہلے، آپ کے براؤزر کو ایک مختصر جانچ کرنی ہوگی تاکہ یقینی ہو سکے کہ آپ بوٹ نہیں ہیں۔ جانچ مکمل ہونے پر براؤزر خود بخود فارم دوبارہ بھیج دے گا۔
challenge-working = جانچ ہو رہی ہے کہ آپ بوٹ نہیں ہیں۔ اس میں چند سیکنڈ لگتے ہیں…
challenge-done = جانچ مکمل ہو گئی۔
challenge-failed = جانچ مکمل نہیں ہو سکی۔ دوبارہ کوشش کرنے کے لیے بٹن پھر سے دبائیں۔
challenge-needs-js = اس مرحلے کے لیے JavaScript ضروری ہے: اپنا کوڈ حاصل کرنے کے لیے JavaScript آن کریں یا کوئی دوسرا براؤزر استعمال کریں۔

# Short: Urdu goes as UCS-2 (70 units a segment) and the "@host #code" line is
# appended, which leaves no room for the lifetime. As in Arabic, the code comes
# first and an Urdu word stands after it, so the message reads right to left
# and a Latin brand cannot pull the code into its own direction.
sms-body = { $code } آپ کا { $brand } کوڈ ہے
sms-body-seconds = { $code } آپ کا { $brand } کوڈ ہے

outbox-title = ڈیولپمنٹ SMS آؤٹ باکس
outbox-intro = وہ پیغامات جو ڈیولپمنٹ آؤٹ باکس بھیجتا، تازہ ترین پہلے۔ اسے پروڈکشن میں کبھی فعال نہ کریں۔
outbox-empty = ابھی کوئی پیغام نہیں۔
outbox-to = وصول کنندہ
outbox-sent-at = بھیجنے کا وقت
outbox-body = پیغام

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = SMS کے ذریعے کوڈ بھیجنے سے پہلے ہمیں یقینی بنانا ہے کہ آپ بوٹ نہیں ہیں۔
challenge-wait = JavaScript کے بغیر اس جانچ کی جگہ انتظار کرنا ہوگا: یہ صفحہ کھلنے کے بعد { $seconds } سیکنڈ انتظار کریں، پھر بٹن دبائیں۔
challenge-wait-early = ابھی نہیں: مزید { $seconds } سیکنڈ انتظار کریں، پھر بٹن دوبارہ دبائیں۔
challenge-wait-used-up = آپ کے نیٹ ورک سے JavaScript کے بغیر بہت زیادہ جانچیں ہو چکی ہیں۔ JavaScript آن کریں یا { $minutes } منٹ بعد دوبارہ کوشش کریں۔
dialog-close = بند کریں
dialog-refused = یہ سائٹ تصدیق کو اپنے صفحے کے اندر نہیں دکھا سکتی۔ الگ صفحے پر اپنے نمبر کی تصدیق کرنے کے لیے جاری رکھیں؛ اس کے بعد آپ یہاں واپس آ جائیں گے۔
dialog-confirm-close = ہم آپ کو SMS کے ذریعے کوڈ پہلے ہی بھیج چکے ہیں۔ کیا آپ پھر بھی تصدیق بند کرنا چاہتے ہیں؟
