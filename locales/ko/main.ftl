# 한국어. Korean has one plural form: no selectors.
# "인증번호" is the customary word for a texted code, "문자" for a text message.
# Particles are chosen so they don't depend on how a name or number ends
# (에, 에서), since $client and $phone can be anything.
language-name = 한국어
skip-to-content = 본문으로 건너뛰기
language-switcher = 언어

phone-title = 휴대폰 번호 인증
phone-intro = 본인 번호인지 확인하기 위해 문자로 인증번호를 보내 드립니다.
phone-label = 휴대폰 번호
phone-hint = 예: { $example }
country-label = 국가
country-hint = 번호가 +로 시작하지 않는 경우에만 필요합니다
client-asks = { $client }에서 휴대폰 번호 확인을 요청했습니다.
phone-submit = 인증번호 받기
error-invalid-phone-country = { $country }의 올바른 전화번호가 아닙니다. 번호를 확인하거나 위 목록에서 번호의 국가를 선택하세요.
flash-expired-number = 인증번호가 만료되었습니다. 번호를 확인한 다음 새 인증번호를 요청하세요.

code-title = 인증번호 입력
code-intro = { $phone }에 문자로 인증번호를 보냈습니다.
number-ending-in = 끝자리가 { $last }인 번호
code-lifetime = 인증번호는 { $minutes }분 후에 만료됩니다.
code-lifetime-seconds = 인증번호는 { $seconds }초 후에 만료됩니다.
code-expired-title = 인증번호가 만료되었습니다
code-expired-intro = { $phone }에 보낸 인증번호가 만료되었습니다. 새 인증번호를 요청하세요.
code-locked-title = 잘못된 인증번호를 너무 많이 입력했습니다
code-label = { $length }자리 인증번호
code-submit = 인증하기
code-attempts-left = 남은 입력 횟수: { $count }회
code-resend = 인증번호 다시 받기
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = { $time } 후에 새 인증번호를 요청할 수 있습니다.
code-resend-ready = 이제 새 인증번호를 요청할 수 있습니다.
code-resend-after = 인증번호를 보내고 { $seconds }초가 지나면 새 인증번호를 요청할 수 있습니다.
code-change-number = 다른 번호 사용
code-sent = 새 인증번호를 문자로 보냈습니다.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = { $minutes }분 후에 이 번호로 다시 시도할 수 있습니다.

done-title = 휴대폰 번호 인증 완료
done-body = { $phone } 인증이 완료되었습니다. 이 페이지를 닫아도 됩니다.
done-continue = 계속

error-title = 문제가 발생했습니다
error-title-prefix = 오류: { $title }
error-summary-title = 확인이 필요한 항목이 있습니다
error-empty-phone = 휴대폰 번호를 입력하세요.
error-invalid-phone = 올바른 휴대폰 번호가 아닌 것 같습니다. 번호를 확인하고, 선택한 국가의 번호가 아니라면 국가 번호를 포함해 입력하세요.
error-not-mobile = 이 번호로는 문자를 받을 수 없습니다. 휴대폰 번호를 입력하세요.
error-incorrect-code = 인증번호가 올바르지 않습니다. 남은 입력 횟수: { $count }회
error-opted-out = 이 번호는 저희 문자 수신을 거부한 상태입니다. 저희 문자가 발송되는 번호로 START를 보낸 후 다시 시도하세요.
error-expired = 인증번호가 만료되었습니다. 새 인증번호를 요청하세요.
error-empty-code = 문자로 받은 인증번호를 입력하세요.
error-code-format = 인증번호는 { $length }자리 숫자입니다. 확인 후 다시 입력하세요.
error-max-attempts = 잘못된 인증번호를 너무 많이 입력했습니다. 처음부터 다시 시작해 새 인증번호를 받으세요.
error-no-longer-valid = 이 인증번호는 더 이상 사용할 수 없습니다. 처음부터 다시 시작해 새 인증번호를 받으세요.
error-cooldown = { $seconds }초 후에 새 인증번호를 요청하세요.
error-quota = 이 번호로 인증번호를 너무 많이 보냈습니다. { $minutes }분 후에 다시 시도하세요.
error-wrong-code-limit = 이 번호에 잘못된 인증번호가 너무 많이 입력되었습니다. { $minutes }분 후에 다시 시도하세요.
error-country-not-allowed = 이 국가의 번호로는 인증번호를 보낼 수 없습니다.
error-blocked = 지금은 이 번호로 인증번호를 보낼 수 없습니다. 잠시 후 다시 시도하세요.
error-budget = 지금은 인증번호를 더 보낼 수 없습니다. 잠시 후 다시 시도하세요.
error-rate-limited = 사용 중인 네트워크에서 요청이 너무 많습니다. 1분 후에 다시 시도하세요.
error-bad-client = 유효하지 않은 인증 링크입니다. 이 페이지로 안내한 사이트로 돌아가 다시 시도하세요.
error-flow-expired = 인증 페이지가 만료되었습니다. 이 페이지로 안내한 사이트로 돌아가 처음부터 다시 시작하세요.
error-csrf = 입력 양식이 만료되었습니다. 이전 페이지로 돌아가 새로고침한 후 다시 시도하세요.
error-not-found = 페이지를 찾을 수 없습니다.
error-too-large = 요청이 너무 큽니다.
error-bad-request = 요청을 이해할 수 없습니다.
error-unavailable = 서비스가 혼잡하거나 일시적으로 이용할 수 없습니다. 잠시 후 다시 시도하세요.
error-sms-failed = 문자를 보내지 못했습니다. 잠시 후 다시 시도하세요.
error-internal = 일시적인 오류가 발생했습니다. 다시 시도하세요.
flash-expired = 인증번호가 만료되었습니다. 번호를 입력하고 새 인증번호를 받으세요.
start-over = 처음부터 다시 하기

help-title = 문자를 받지 못하셨나요?
help-delay = 문자가 도착하기까지 몇 분 정도 걸릴 수 있습니다.
help-options = 문자가 오지 않으면 새 인증번호를 요청하거나 다른 번호를 사용할 수 있습니다.
help-support = 고객센터에 문의하기

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "확인", never "인증": that word is the number's.
challenge-needed = 인증번호를 보내기 전에 브라우저에서 봇이 아닌지 잠시 확인합니다. 확인이 끝나면 양식이 자동으로 다시 제출됩니다.
challenge-working = 봇이 아닌지 확인하는 중입니다. 몇 초 정도 걸립니다…
challenge-done = 확인이 끝났습니다.
challenge-failed = 확인하지 못했습니다. 버튼을 다시 눌러 주세요.
challenge-needs-js = 이 단계에는 JavaScript가 필요합니다. 인증번호를 받으려면 JavaScript를 켜거나 다른 브라우저를 사용하세요.

# Short: Hangul goes as UCS-2 (70 units a segment) and the "@host #code"
# line is appended. "[brand]" first, as Korean service texts are.
sms-body = [{ $brand }] 인증번호 { $code } ({ $minutes }분 유효)
sms-body-seconds = [{ $brand }] 인증번호 { $code } ({ $seconds }초 유효)

outbox-title = 개발용 SMS 발신함
outbox-intro = 개발용 발신함이 보냈을 메시지입니다(최신순). 운영 환경에서는 절대 켜지 마세요.
outbox-empty = 아직 메시지가 없습니다.
outbox-to = 받는 사람
outbox-sent-at = 보낸 시각
outbox-body = 메시지

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = 인증번호를 보내기 전에 봇이 아닌지 확인해야 합니다.
challenge-wait = JavaScript가 없으면 이 확인은 대기 시간으로 대신합니다. 이 페이지가 열린 후 { $seconds }초 기다린 다음 버튼을 누르세요.
challenge-wait-early = 아직 안 됩니다. { $seconds }초 더 기다린 다음 버튼을 다시 누르세요.
challenge-wait-used-up = 네트워크에서 JavaScript 없이 확인한 횟수가 너무 많습니다. JavaScript를 켜거나 { $minutes }분 후에 다시 시도하세요.
dialog-close = 닫기
dialog-refused = 이 사이트에서는 인증 화면을 페이지 안에 표시할 수 없습니다. 계속하면 별도 페이지에서 번호를 인증하고, 끝나면 이곳으로 돌아옵니다.
dialog-confirm-close = 이미 인증번호를 문자로 보냈습니다. 그래도 인증을 닫을까요?
