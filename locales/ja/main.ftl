# 日本語.
language-name = 日本語
skip-to-content = 本文へスキップ
language-switcher = 言語

phone-title = 電話番号の認証
phone-intro = この電話番号がご本人のものであることを確認するため、SMSで認証コードをお送りします。
phone-label = 電話番号
phone-hint = 例: { $example }
country-label = 国・地域
country-hint = 電話番号が「+」で始まらない場合にのみ必要です
client-asks = { $client }が、お客様の電話番号の確認を求めています。
phone-submit = 認証コードを送信
error-invalid-phone-country = { $country }の有効な電話番号ではありません。番号をご確認いただくか、上のリストで番号の国・地域を選択してください。
flash-expired-number = 認証コードの有効期限が切れました。電話番号をご確認のうえ、新しいコードをリクエストしてください。

code-title = 認証コードを入力
code-intro = { $phone }にSMSで認証コードを送信しました。
number-ending-in = 末尾が{ $last }の電話番号
code-lifetime = 認証コードはあと{ $minutes }分で有効期限が切れます。
code-lifetime-seconds = 認証コードはあと{ $seconds }秒で有効期限が切れます。
code-expired-title = 認証コードの有効期限が切れました
code-expired-intro = { $phone }に送信した認証コードは有効期限が切れています。新しいコードをリクエストしてください。
code-locked-title = 誤ったコードの入力回数が多すぎます
code-label = { $length }桁の認証コード
code-submit = 認証する
code-attempts-left = あと{ $count }回入力できます。
code-resend = 認証コードを再送信
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = あと{ $time }で認証コードを再送信できます。
code-resend-ready = 認証コードを再送信できるようになりました。
code-resend-after = 認証コードは、送信から{ $seconds }秒後に再送信できます。
code-change-number = 別の電話番号を使用する
code-sent = 新しい認証コードを送信しました。
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = この番号は{ $minutes }分後にもう一度お試しいただけます。

done-title = 電話番号の認証が完了しました
done-body = { $phone }を認証しました。このページは閉じていただいてかまいません。
done-continue = 続ける

error-title = エラーが発生しました
error-title-prefix = エラー: { $title }
error-summary-title = 問題があります
error-empty-phone = 電話番号を入力してください。
error-invalid-phone = 有効な電話番号ではないようです。番号をご確認のうえ、選択した国・地域以外の番号の場合は国番号を含めて入力してください。
error-not-mobile = この番号ではSMSを受信できません。携帯電話番号をご利用ください。
error-incorrect-code = 認証コードが正しくありません。あと{ $count }回入力できます。
error-opted-out = この番号では当社からのSMSの受信が停止されています。当社のSMSの送信元番号に「START」と送信してから、もう一度お試しください。
error-expired = この認証コードは有効期限が切れています。新しいコードをリクエストしてください。
error-empty-code = SMSで送信した認証コードを入力してください。
error-code-format = 認証コードは{ $length }桁です。確認して、もう一度お試しください。
error-max-attempts = 誤ったコードの入力回数が多すぎます。最初からやり直して、新しいコードを取得してください。
error-no-longer-valid = この認証コードは使用できなくなりました。最初からやり直して、新しいコードを取得してください。
error-cooldown = 次の認証コードをリクエストするまで{ $seconds }秒お待ちください。
error-quota = この番号に送信した認証コードが多すぎます。{ $minutes }分後にもう一度お試しください。
error-wrong-code-limit = この番号で誤った認証コードが入力された回数が多すぎます。{ $minutes }分後にもう一度お試しください。
error-country-not-allowed = この国・地域の電話番号には認証コードを送信できません。
error-blocked = 現在、この番号には認証コードを送信できません。しばらくしてからもう一度お試しください。
error-budget = 現在、これ以上認証コードを送信できません。しばらくしてからもう一度お試しください。
error-rate-limited = お使いのネットワークからのリクエストが多すぎます。1分ほど待ってからもう一度お試しください。
error-bad-client = この認証リンクは無効です。アクセス元のサイトに戻って、もう一度お試しください。
error-flow-expired = この認証ページは有効期限が切れています。アクセス元のサイトに戻って、最初からやり直してください。
error-csrf = このフォームは有効期限が切れています。前のページに戻り、ページを再読み込みしてからもう一度お試しください。
error-not-found = ページが見つかりません。
error-too-large = リクエストのサイズが大きすぎます。
error-bad-request = リクエストを正しく処理できませんでした。
error-unavailable = サービスが混み合っているか、現在ご利用いただけません。しばらくしてからもう一度お試しください。
error-sms-failed = SMSを送信できませんでした。しばらくしてからもう一度お試しください。
error-internal = システムエラーが発生しました。もう一度お試しください。
flash-expired = 認証コードの有効期限が切れました。新しいコードを受け取るには、電話番号を入力してください。
start-over = 最初からやり直す

help-title = SMSが届きませんか？
help-delay = SMSが届くまでに数分かかることがあります。
help-options = 届かない場合は、認証コードを再送信するか、別の電話番号をご利用ください。
help-support = サポートに問い合わせる

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
challenge-needed = SMSで認証コードをお送りする前に、ロボットではないことを確認するため、お使いのブラウザで簡単なチェックを行う必要があります。チェックが終わると、フォームは自動的に再送信されます。
challenge-working = ロボットではないことを確認しています。数秒かかります…
challenge-done = チェックが完了しました。
challenge-failed = チェックに失敗しました。ボタンをもう一度押して、再度お試しください。
challenge-needs-js = この手順にはJavaScriptが必要です。認証コードを受け取るには、JavaScriptを有効にするか、別のブラウザをご利用ください。

sms-body = { $brand }の認証コード: { $code }（{ $minutes }分間有効）
sms-body-seconds = { $brand }の認証コード: { $code }（{ $seconds }秒間有効）

outbox-title = 開発用SMS送信ボックス
outbox-intro = 開発用送信ボックスが送信するはずだったメッセージです（新しい順）。本番環境では絶対に有効にしないでください。
outbox-empty = メッセージはまだありません。
outbox-to = 宛先
outbox-sent-at = 送信日時
outbox-body = メッセージ

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = SMSで認証コードをお送りする前に、ロボットではないことを確認する必要があります。
challenge-wait = JavaScriptが無効な場合、この確認は待ち時間になります。このページが開いてから{ $seconds }秒待ってから、ボタンを押してください。
challenge-wait-early = まだです。あと{ $seconds }秒待ってから、もう一度ボタンを押してください。
challenge-wait-used-up = お使いのネットワークから、JavaScriptなしの確認が多すぎます。JavaScriptを有効にするか、{ $minutes }分後にもう一度お試しください。
dialog-close = 閉じる
dialog-refused = このサイトでは、認証をページ内に表示できません。続けると、別のページで電話番号を認証できます。認証後はこのサイトに戻ります。
dialog-confirm-close = 認証コードはすでにSMSで送信済みです。それでも認証を閉じますか？
