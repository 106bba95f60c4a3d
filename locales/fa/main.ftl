# فارسی. Persian "one" covers 0 and 1 and a noun after a number stays singular
# ("۱ دقیقه"، "۵ دقیقه"): no selectors. Written right to left; the pages wrap
# variables in Unicode isolates, as for Arabic.
language-name = فارسی
skip-to-content = رفتن به محتوای اصلی
language-switcher = زبان

phone-title = شماره تلفن خود را تأیید کنید
phone-intro = برای اطمینان از اینکه این شماره متعلق به شماست، یک کد با پیامک برایتان می‌فرستیم.
phone-label = شماره تلفن
phone-hint = مثال: { $example }
country-label = کشور
country-hint = فقط اگر شماره‌تان با + شروع نمی‌شود لازم است
client-asks = { $client } می‌خواهد شماره تلفن شما را تأیید کند.
phone-submit = ارسال کد
error-invalid-phone-country = این شماره تلفن برای { $country } معتبر نیست. شماره را بررسی کنید یا کشور آن را از فهرست بالا انتخاب کنید.
flash-expired-number = کد شما منقضی شد. شماره خود را بررسی کنید و سپس کد جدیدی درخواست کنید.

code-title = کد را وارد کنید
code-intro = یک کد با پیامک به { $phone } فرستادیم.
number-ending-in = شماره‌ای که به { $last } ختم می‌شود
code-lifetime = این کد { $minutes } دقیقهٔ دیگر منقضی می‌شود.
code-lifetime-seconds = این کد { $seconds } ثانیهٔ دیگر منقضی می‌شود.
code-expired-title = کد شما منقضی شده است
code-expired-intro = کدی که به { $phone } فرستادیم منقضی شده است. کد جدیدی درخواست کنید.
code-locked-title = تعداد کدهای اشتباه بیش از حد مجاز است
code-label = کد { $length } رقمی
code-submit = تأیید
code-attempts-left = { $count } بار دیگر می‌توانید تلاش کنید.
code-resend = ارسال کد جدید
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = پس از { $time } می‌توانید کد جدیدی درخواست کنید.
code-resend-ready = اکنون می‌توانید کد جدیدی درخواست کنید.
code-resend-after = { $seconds } ثانیه پس از ارسال کد می‌توانید کد جدیدی درخواست کنید.
code-change-number = استفاده از شماره‌ای دیگر
code-sent = کد جدیدی برایتان فرستادیم.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = می‌توانید { $minutes } دقیقه دیگر دوباره با این شماره تلاش کنید.

done-title = شماره تلفن تأیید شد
done-body = { $phone } تأیید شد. می‌توانید این صفحه را ببندید.
done-continue = ادامه

error-title = مشکلی پیش آمد
error-title-prefix = خطا: { $title }
error-summary-title = مشکلی وجود دارد
error-empty-phone = شماره تلفن خود را وارد کنید.
error-invalid-phone = به نظر نمی‌رسد این شماره تلفن معتبر باشد. آن را بررسی کنید و اگر شماره متعلق به کشور انتخاب‌شده نیست، کد کشور را هم وارد کنید.
error-not-mobile = این شماره نمی‌تواند پیامک دریافت کند. لطفاً از شماره تلفن همراه استفاده کنید.
error-incorrect-code = کد درست نیست. { $count } بار دیگر می‌توانید تلاش کنید.
error-opted-out = این شماره دریافت پیامک‌های ما را لغو کرده است. کلمه START را به شماره‌ای که پیامک‌های ما از آن می‌آید بفرستید و دوباره تلاش کنید.
error-expired = این کد منقضی شده است. کد جدیدی درخواست کنید.
error-empty-code = کدی را که با پیامک برایتان فرستادیم وارد کنید.
error-code-format = کد { $length } رقمی است. آن را بررسی و دوباره تلاش کنید.
error-max-attempts = تعداد کدهای اشتباه بیش از حد مجاز است. برای دریافت کد جدید از اول شروع کنید.
error-no-longer-valid = این کد دیگر قابل استفاده نیست. برای دریافت کد جدید از اول شروع کنید.
error-cooldown = لطفاً پیش از درخواست کد دیگر { $seconds } ثانیه صبر کنید.
error-quota = تعداد کدهایی که به این شماره فرستاده‌ایم بیش از حد مجاز است. { $minutes } دقیقهٔ دیگر دوباره تلاش کنید.
error-wrong-code-limit = برای این شماره بیش از حد مجاز کد اشتباه وارد شده است. { $minutes } دقیقهٔ دیگر دوباره تلاش کنید.
error-country-not-allowed = نمی‌توانیم به شماره‌های این کشور کد بفرستیم.
error-blocked = در حال حاضر نمی‌توانیم به این شماره کد بفرستیم. لطفاً بعداً دوباره تلاش کنید.
error-budget = در حال حاضر نمی‌توانیم کد بیشتری بفرستیم. لطفاً بعداً دوباره تلاش کنید.
error-rate-limited = تعداد درخواست‌ها از شبکهٔ شما بیش از حد مجاز است. یک دقیقه صبر کنید و دوباره تلاش کنید.
error-bad-client = این پیوند تأیید معتبر نیست. به سایتی که شما را به اینجا فرستاد برگردید و دوباره تلاش کنید.
error-flow-expired = این صفحهٔ تأیید منقضی شده است. به سایتی که شما را به اینجا فرستاد برگردید و از اول شروع کنید.
error-csrf = این فرم منقضی شده است. برگردید، صفحه را از نو بارگیری کنید و دوباره تلاش کنید.
error-not-found = این صفحه را پیدا نکردیم.
error-too-large = این درخواست بیش از حد بزرگ بود.
error-bad-request = این درخواست را متوجه نشدیم.
error-unavailable = سرویس در حال حاضر شلوغ است یا در دسترس نیست. لطفاً کمی بعد دوباره تلاش کنید.
error-sms-failed = نتوانستیم پیامک را بفرستیم. لطفاً کمی بعد دوباره تلاش کنید.
error-internal = مشکلی از طرف ما پیش آمد. لطفاً دوباره تلاش کنید.
flash-expired = کد شما منقضی شد. برای دریافت کد جدید، شماره خود را وارد کنید.
start-over = شروع دوباره

help-title = پیامک را دریافت نکرده‌اید؟
help-delay = ممکن است رسیدن پیامک چند دقیقه طول بکشد.
help-options = اگر پیامک نرسیده است، می‌توانید کد جدیدی درخواست کنید یا از شماره دیگری استفاده کنید.
help-support = تماس با پشتیبانی

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "بررسی", never "تأیید": that word is the number's.
challenge-needed = پیش از اینکه کد را با پیامک برایتان بفرستیم، مرورگر شما باید بررسی کوتاهی انجام دهد تا مطمئن شویم ربات نیستید. پس از پایان بررسی، مرورگر فرم را به‌طور خودکار دوباره ارسال می‌کند.
challenge-working = در حال بررسی برای اطمینان از اینکه ربات نیستید. این کار چند ثانیه طول می‌کشد…
challenge-done = بررسی تمام شد.
challenge-failed = بررسی ناموفق بود. برای تلاش دوباره، دکمه را یک بار دیگر بزنید.
challenge-needs-js = این مرحله به JavaScript نیاز دارد: برای دریافت کد، JavaScript را فعال کنید یا از مرورگر دیگری استفاده کنید.

# Short: Persian goes as UCS-2 (70 units a segment) and the "@host #code" line
# is appended, which leaves no room for the lifetime. As in Arabic, the code
# comes first and a Persian word stands after it, so the message reads right
# to left and a Latin brand cannot pull the code into its own direction.
sms-body = { $code } کد تأیید { $brand } است
sms-body-seconds = { $code } کد تأیید { $brand } است

outbox-title = صندوق خروجی پیامک (توسعه)
outbox-intro = پیامک‌هایی که صندوق خروجی توسعه ارسال می‌کرد، به ترتیب از جدیدترین. هرگز آن را در محیط عملیاتی فعال نکنید.
outbox-empty = هنوز پیامی وجود ندارد.
outbox-to = گیرنده
outbox-sent-at = زمان ارسال
outbox-body = متن پیام

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = پیش از اینکه کد را با پیامک برایتان بفرستیم، باید مطمئن شویم ربات نیستید.
challenge-wait = بدون JavaScript، این بررسی به‌صورت انتظار انجام می‌شود: پس از باز شدن این صفحه { $seconds } ثانیه صبر کنید و سپس دکمه را بزنید.
challenge-wait-early = هنوز نه: { $seconds } ثانیهٔ دیگر صبر کنید و سپس دوباره دکمه را بزنید.
challenge-wait-used-up = تعداد بررسی‌های بدون JavaScript از شبکهٔ شما بیش از حد مجاز است. JavaScript را فعال کنید یا { $minutes } دقیقهٔ دیگر دوباره تلاش کنید.
dialog-close = بستن
dialog-refused = این سایت نمی‌تواند مرحلهٔ تأیید را درون صفحهٔ خود نشان دهد. ادامه دهید تا شماره‌تان را در صفحه‌ای جداگانه تأیید کنید؛ پس از آن به اینجا بازمی‌گردید.
dialog-confirm-close = کد را قبلاً با پیامک برایتان فرستاده‌ایم. با این حال، پنجرهٔ تأیید بسته شود؟
