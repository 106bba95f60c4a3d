# বাংলা. Bengali "one" covers 0 and 1 and nouns don't change after a number
# ("১ মিনিট", "৫ মিনিট"): no selectors.
language-name = বাংলা
skip-to-content = মূল বিষয়বস্তুতে যান
language-switcher = ভাষা

phone-title = আপনার ফোন নম্বর যাচাই করুন
phone-intro = এই নম্বরটি যে আপনার, তা নিশ্চিত করতে আমরা আপনাকে এসএমএস-এ একটি কোড পাঠাব।
phone-label = ফোন নম্বর
phone-hint = উদাহরণ: { $example }
country-label = দেশ
country-hint = আপনার নম্বর + দিয়ে শুরু না হলে তবেই দরকার
client-asks = { $client } আপনার ফোন নম্বর যাচাই করতে চায়।
phone-submit = আমাকে কোড পাঠান
error-invalid-phone-country = এটি { $country }-এর জন্য সঠিক ফোন নম্বর নয়। নম্বরটি দেখে নিন, অথবা ওপরের তালিকা থেকে নম্বরটির দেশ বেছে নিন।
flash-expired-number = আপনার কোডের মেয়াদ শেষ হয়ে গেছে। আপনার নম্বরটি দেখে নিন, তারপর নতুন কোড চান।

code-title = আপনার কোড লিখুন
code-intro = আমরা { $phone } নম্বরে এসএমএস-এ একটি কোড পাঠিয়েছি।
# Always before "নম্বরে"/"নম্বরটি": "2671 দিয়ে শেষ হওয়া নম্বরে".
number-ending-in = { $last } দিয়ে শেষ হওয়া
code-lifetime = কোডটির মেয়াদ { $minutes } মিনিটের মধ্যে শেষ হবে।
code-lifetime-seconds = কোডটির মেয়াদ { $seconds } সেকেন্ডের মধ্যে শেষ হবে।
code-expired-title = আপনার কোডের মেয়াদ শেষ হয়ে গেছে
code-expired-intro = { $phone } নম্বরে পাঠানো কোডটির মেয়াদ শেষ হয়ে গেছে। একটি নতুন কোড চেয়ে নিন।
code-locked-title = অনেকবার ভুল কোড দেওয়া হয়েছে
code-label = { $length } অঙ্কের কোড
code-submit = যাচাই করুন
code-attempts-left = আপনি আর { $count } বার চেষ্টা করতে পারবেন।
code-resend = আমাকে নতুন কোড পাঠান
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = { $time } পরে আপনি নতুন কোড চাইতে পারবেন।
code-resend-ready = আপনি এখন নতুন কোড চাইতে পারেন।
code-resend-after = কোড পাঠানোর { $seconds } সেকেন্ড পরে আপনি নতুন কোড চাইতে পারবেন।
code-change-number = অন্য নম্বর ব্যবহার করুন
code-sent = আমরা আপনাকে একটি নতুন কোড পাঠিয়েছি।
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = { $minutes } মিনিট পরে আপনি এই নম্বর দিয়ে আবার চেষ্টা করতে পারবেন।

done-title = ফোন নম্বর যাচাই করা হয়েছে
done-body = আমরা { $phone } নম্বরটি যাচাই করেছি। আপনি এই পেজটি বন্ধ করতে পারেন।
done-continue = চালিয়ে যান

error-title = কোনো সমস্যা হয়েছে
error-title-prefix = ত্রুটি: { $title }
error-summary-title = একটি সমস্যা আছে
error-empty-phone = আপনার ফোন নম্বর লিখুন।
error-invalid-phone = এটি সঠিক ফোন নম্বর বলে মনে হচ্ছে না। নম্বরটি আবার দেখে নিন, আর নির্বাচিত দেশের নম্বর না হলে দেশের কোডসহ লিখুন।
error-not-mobile = এই নম্বরে এসএমএস আসতে পারে না। অনুগ্রহ করে একটি মোবাইল নম্বর ব্যবহার করুন।
error-incorrect-code = কোডটি সঠিক নয়। আপনি আর { $count } বার চেষ্টা করতে পারবেন।
error-opted-out = এই নম্বরটি আমাদের এসএমএস পাওয়া বন্ধ করেছে। আমাদের এসএমএস যে নম্বর থেকে আসে, সেখানে START লিখে পাঠান, তারপর আবার চেষ্টা করুন।
error-expired = এই কোডের মেয়াদ শেষ হয়ে গেছে। একটি নতুন কোড চেয়ে নিন।
error-empty-code = এসএমএস-এ আমাদের পাঠানো কোডটি লিখুন।
error-code-format = কোডটি { $length } অঙ্কের। আবার দেখে নিয়ে চেষ্টা করুন।
error-max-attempts = অনেকবার ভুল কোড দেওয়া হয়েছে। নতুন কোড পেতে আবার শুরু করুন।
error-no-longer-valid = এই কোডটি আর ব্যবহার করা যাবে না। নতুন কোড পেতে আবার শুরু করুন।
error-cooldown = আরেকটি কোড চাওয়ার আগে অনুগ্রহ করে { $seconds } সেকেন্ড অপেক্ষা করুন।
error-quota = এই নম্বরে আমরা অনেক বেশি কোড পাঠিয়েছি। { $minutes } মিনিট পরে আবার চেষ্টা করুন।
error-wrong-code-limit = এই নম্বরের জন্য অনেকবার ভুল কোড দেওয়া হয়েছে। { $minutes } মিনিট পরে আবার চেষ্টা করুন।
error-country-not-allowed = আমরা এই দেশের নম্বরে কোড পাঠাতে পারি না।
error-blocked = এই মুহূর্তে আমরা এই নম্বরে কোড পাঠাতে পারছি না। অনুগ্রহ করে পরে আবার চেষ্টা করুন।
error-budget = এই মুহূর্তে আমরা আর কোনো কোড পাঠাতে পারছি না। অনুগ্রহ করে পরে আবার চেষ্টা করুন।
error-rate-limited = আপনার নেটওয়ার্ক থেকে অনেক বেশি অনুরোধ এসেছে। এক মিনিট অপেক্ষা করে আবার চেষ্টা করুন।
error-bad-client = এই যাচাইকরণ লিঙ্কটি সঠিক নয়। যে সাইট থেকে আপনি এখানে এসেছেন, সেখানে ফিরে গিয়ে আবার চেষ্টা করুন।
error-flow-expired = এই যাচাইকরণ পেজের মেয়াদ শেষ হয়ে গেছে। যে সাইট থেকে আপনি এখানে এসেছেন, সেখানে ফিরে গিয়ে আবার শুরু করুন।
error-csrf = এই ফর্মের মেয়াদ শেষ হয়ে গেছে। পেছনে ফিরে যান, পেজটি রিলোড করুন এবং আবার চেষ্টা করুন।
error-not-found = পেজটি খুঁজে পাওয়া যায়নি।
error-too-large = অনুরোধটি অনেক বড় ছিল।
error-bad-request = আমরা অনুরোধটি বুঝতে পারিনি।
error-unavailable = পরিষেবাটি এখন ব্যস্ত বা উপলভ্য নয়। অনুগ্রহ করে একটু পরে আবার চেষ্টা করুন।
error-sms-failed = আমরা এসএমএস পাঠাতে পারিনি। অনুগ্রহ করে একটু পরে আবার চেষ্টা করুন।
error-internal = আমাদের দিকে কোনো সমস্যা হয়েছে। অনুগ্রহ করে আবার চেষ্টা করুন।
flash-expired = আপনার কোডের মেয়াদ শেষ হয়ে গেছে। নতুন কোড পেতে আপনার নম্বর লিখুন।
start-over = আবার শুরু করুন

help-title = এসএমএস পাননি?
help-delay = এসএমএস আসতে কয়েক মিনিট সময় লাগতে পারে।
help-options = এসএমএস না এসে থাকলে আপনি নতুন কোড চাইতে পারেন বা অন্য নম্বর ব্যবহার করতে পারেন।
help-support = সহায়তা টিমের সাথে যোগাযোগ করুন

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "পরীক্ষা", never "যাচাই": that word is the number's.
challenge-needed = এসএমএস-এ কোড পাঠানোর আগে, আপনি যে রোবট নন তা নিশ্চিত করতে আপনার ব্রাউজারকে একটি ছোট পরীক্ষা করতে হবে। পরীক্ষা শেষ হলে ব্রাউজার নিজে থেকেই ফর্মটি আবার পাঠাবে।
challenge-working = আপনি রোবট নন, তা পরীক্ষা করা হচ্ছে। এতে কয়েক সেকেন্ড লাগে…
challenge-done = পরীক্ষা শেষ হয়েছে।
challenge-failed = পরীক্ষাটি সফল হয়নি। আরেকবার চেষ্টা করতে বোতামটি আবার চাপুন।
challenge-needs-js = এই ধাপের জন্য JavaScript দরকার: কোড পেতে JavaScript চালু করুন বা অন্য ব্রাউজার ব্যবহার করুন।

# Short: Bengali goes as UCS-2 (70 units a segment) and the "@host #code"
# line is appended.
sms-body = { $brand } কোড: { $code } ({ $minutes } মিনিট)
# «সেঃ» (সেকেন্ড): the full word would not fit in sms-body's 70 units.
sms-body-seconds = { $brand } কোড: { $code } ({ $seconds } সেঃ)

outbox-title = ডেভেলপমেন্ট এসএমএস আউটবক্স
outbox-intro = ডেভেলপমেন্ট আউটবক্স যে মেসেজগুলো পাঠাত, নতুনগুলো আগে। প্রোডাকশনে কখনো এটি চালু করবেন না।
outbox-empty = এখনো কোনো মেসেজ নেই।
outbox-to = প্রাপক
outbox-sent-at = পাঠানোর সময়
outbox-body = মেসেজ

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = এসএমএস-এ কোড পাঠানোর আগে আমাদের নিশ্চিত হতে হবে যে আপনি রোবট নন।
challenge-wait = JavaScript ছাড়া এই পরীক্ষার বদলে অপেক্ষা করতে হবে: এই পেজ খোলার পর { $seconds } সেকেন্ড অপেক্ষা করুন, তারপর বোতামটি চাপুন।
challenge-wait-early = এখনও নয়: আরও { $seconds } সেকেন্ড অপেক্ষা করুন, তারপর আবার বোতামটি চাপুন।
challenge-wait-used-up = আপনার নেটওয়ার্ক থেকে JavaScript ছাড়া অনেক বেশি পরীক্ষা হয়েছে। JavaScript চালু করুন বা { $minutes } মিনিট পরে আবার চেষ্টা করুন।
dialog-close = বন্ধ করুন
dialog-refused = এই সাইটটি যাচাইয়ের পেজ নিজের পেজের ভেতরে দেখাতে পারছে না। আলাদা পেজে আপনার নম্বর যাচাই করতে চালিয়ে যান; তারপর আপনি এখানে ফিরে আসবেন।
dialog-confirm-close = আমরা ইতিমধ্যে এসএমএস-এ আপনাকে একটি কোড পাঠিয়েছি। তবুও যাচাই বন্ধ করবেন?
