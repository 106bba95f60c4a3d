# 繁體中文 (Taiwan usage: 簡訊, 手機號碼, 網路, 連結). One plural form: no selectors.
language-name = 繁體中文
skip-to-content = 跳至主要內容
language-switcher = 語言

phone-title = 驗證手機號碼
phone-intro = 我們會傳送簡訊驗證碼給您，以確認這個號碼屬於您。
phone-label = 手機號碼
phone-hint = 例如：{ $example }
country-label = 國家/地區
country-hint = 只有在號碼不是以 + 開頭時才需要選擇
client-asks = { $client } 要求驗證您的手機號碼。
phone-submit = 傳送驗證碼
error-invalid-phone-country = 這不是{ $country }的有效手機號碼。請檢查號碼，或在上方清單中選擇其所屬的國家/地區。
flash-expired-number = 驗證碼已失效。請檢查手機號碼，然後重新取得驗證碼。

code-title = 輸入驗證碼
code-intro = 驗證碼已透過簡訊傳送至{ $phone }。
number-ending-in = 末碼為 { $last } 的手機號碼
code-lifetime = 驗證碼將在 { $minutes } 分鐘後失效。
code-lifetime-seconds = 驗證碼將在 { $seconds } 秒後失效。
code-expired-title = 驗證碼已失效
code-expired-intro = 傳送至{ $phone }的驗證碼已失效，請重新取得。
code-locked-title = 驗證碼錯誤次數過多
code-label = { $length } 位數驗證碼
code-submit = 驗證
code-attempts-left = 您還有 { $count } 次機會。
code-resend = 重新傳送驗證碼
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = { $time } 後可重新取得驗證碼。
code-resend-ready = 現在可以重新取得驗證碼了。
code-resend-after = 驗證碼傳送 { $seconds } 秒後即可重新取得。
code-change-number = 使用其他號碼
code-sent = 已傳送新的驗證碼。
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = 請在 { $minutes } 分鐘後再用這個號碼重試。

done-title = 手機號碼驗證成功
# No spaces around $phone: it may be number-ending-in (末碼為 2671 的手機號碼).
done-body = { $phone }已完成驗證。您現在可以關閉這個頁面。
done-continue = 繼續

error-title = 發生錯誤
error-title-prefix = 錯誤：{ $title }
error-summary-title = 發生問題
error-empty-phone = 請輸入手機號碼。
error-invalid-phone = 這個手機號碼的格式似乎不正確。請檢查一下；如果號碼不屬於所選的國家/地區，請加上國碼。
error-not-mobile = 這個號碼無法接收簡訊，請改用手機號碼。
error-incorrect-code = 驗證碼錯誤，您還有 { $count } 次機會。
error-opted-out = 這個號碼已取消接收我們的簡訊。請傳送「START」到我們的簡訊發送號碼，然後再試一次。
error-expired = 驗證碼已失效，請重新取得。
error-empty-code = 請輸入簡訊中的驗證碼。
error-code-format = 驗證碼為 { $length } 位數字，請檢查後再試一次。
error-max-attempts = 驗證碼錯誤次數過多。請重新開始以取得新的驗證碼。
error-no-longer-valid = 這個驗證碼已無法使用。請重新開始以取得新的驗證碼。
error-cooldown = 請等待 { $seconds } 秒後再重新取得驗證碼。
error-quota = 傳送到這個號碼的驗證碼過多，請在 { $minutes } 分鐘後再試。
error-wrong-code-limit = 這個號碼輸入錯誤驗證碼的次數過多，請在 { $minutes } 分鐘後再試。
error-country-not-allowed = 我們無法傳送驗證碼到這個國家/地區的號碼。
error-blocked = 目前無法傳送驗證碼到這個號碼，請稍後再試。
error-budget = 目前無法傳送更多驗證碼，請稍後再試。
error-rate-limited = 您所在網路的要求過於頻繁，請等候一分鐘後再試。
error-bad-client = 這個驗證連結無效。請返回原網站後再試一次。
error-flow-expired = 這個驗證頁面已失效。請返回原網站重新開始。
error-csrf = 表單已失效。請返回上一頁，重新載入後再試一次。
error-not-found = 找不到這個頁面。
error-too-large = 要求內容過大。
error-bad-request = 無法處理這個要求。
error-unavailable = 服務忙碌中或暫時無法使用，請稍後再試。
error-sms-failed = 簡訊傳送失敗，請稍後再試。
error-internal = 系統發生錯誤，請再試一次。
flash-expired = 驗證碼已失效。請輸入手機號碼以取得新的驗證碼。
start-over = 重新開始

help-title = 沒有收到簡訊嗎？
help-delay = 簡訊可能需要幾分鐘才會送達。
help-options = 如果還是沒收到，您可以重新取得驗證碼或改用其他號碼。
help-support = 聯絡客服

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "檢查", never "驗證": that word is the number's.
challenge-needed = 在透過簡訊傳送驗證碼之前，您的瀏覽器需要快速進行一項檢查，確認您不是機器人。檢查完成後，瀏覽器會自動重新送出表單。
challenge-working = 正在確認您不是機器人，需要幾秒鐘……
challenge-done = 檢查完成。
challenge-failed = 檢查失敗，請再按一次按鈕重試。
challenge-needs-js = 這個步驟需要 JavaScript：請啟用 JavaScript 或改用其他瀏覽器，以取得驗證碼。

sms-body = 【{ $brand }】驗證碼 { $code }，{ $minutes } 分鐘內有效。
sms-body-seconds = 【{ $brand }】驗證碼 { $code }，{ $seconds } 秒內有效。

outbox-title = 開發環境簡訊寄件匣
outbox-intro = 開發用寄件匣原本會傳送的簡訊，最新的在最前面。請勿在正式環境中啟用。
outbox-empty = 目前沒有簡訊。
outbox-to = 收件人
outbox-sent-at = 傳送時間
outbox-body = 內容

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = 在透過簡訊傳送驗證碼之前，我們需要確認您不是機器人。
challenge-wait = 未啟用 JavaScript 時，這項檢查會改為等待：請在本頁開啟 { $seconds } 秒後再按下按鈕。
challenge-wait-early = 時間還沒到，請再等 { $seconds } 秒，然後再按一次按鈕。
challenge-wait-used-up = 您所在網路未啟用 JavaScript 的檢查次數過多。請啟用 JavaScript，或在 { $minutes } 分鐘後再試。
dialog-close = 關閉
dialog-refused = 這個網站無法在網頁內顯示驗證畫面。請繼續前往獨立頁面驗證您的手機號碼，完成後會返回這裡。
dialog-confirm-close = 我們已透過簡訊傳送驗證碼給您。仍要關閉驗證嗎？
