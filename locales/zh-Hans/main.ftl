# 简体中文.
language-name = 简体中文
skip-to-content = 跳至主要内容
language-switcher = 语言

phone-title = 验证手机号
phone-intro = 我们将通过短信向您发送验证码，以确认此手机号归您所有。
phone-label = 手机号
phone-hint = 例如：{ $example }
country-label = 国家/地区
country-hint = 仅当手机号不以 + 开头时才需要选择
client-asks = { $client } 请求验证您的手机号。
phone-submit = 获取验证码
error-invalid-phone-country = 这不是{ $country }的有效手机号。请检查号码，或在上方列表中选择它所属的国家/地区。
flash-expired-number = 验证码已过期。请检查手机号，然后重新获取验证码。

code-title = 输入验证码
code-intro = 验证码已通过短信发送至{ $phone }。
number-ending-in = 尾号为 { $last } 的手机号
code-lifetime = 验证码将在 { $minutes } 分钟后过期。
code-lifetime-seconds = 验证码将在 { $seconds } 秒后过期。
code-expired-title = 验证码已过期
code-expired-intro = 发送至{ $phone }的验证码已过期，请重新获取。
code-locked-title = 验证码错误次数过多
code-label = { $length } 位验证码
code-submit = 验证
code-attempts-left = 您还有 { $count } 次机会。
code-resend = 重新获取验证码
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = { $time } 后可重新获取验证码。
code-resend-ready = 现在可以重新获取验证码了。
code-resend-after = 验证码发送 { $seconds } 秒后可重新获取。
code-change-number = 使用其他手机号
code-sent = 新的验证码已发送。
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = 请在 { $minutes } 分钟后再用此号码重试。

done-title = 手机号验证成功
# No spaces around $phone: it may be number-ending-in (尾号为 2671 的手机号).
done-body = { $phone }已通过验证。您现在可以关闭此页面。
done-continue = 继续

error-title = 出错了
error-title-prefix = 错误：{ $title }
error-summary-title = 出现问题
error-empty-phone = 请输入手机号。
error-invalid-phone = 手机号格式似乎不正确。请检查一下；如果号码不属于所选国家/地区，请加上国家/地区代码。
error-not-mobile = 此号码无法接收短信，请使用手机号。
error-incorrect-code = 验证码错误，您还有 { $count } 次机会。
error-opted-out = 此号码已退订我们的短信。请向我们的短信发送号码回复 START，然后重试。
error-expired = 验证码已过期，请重新获取。
error-empty-code = 请输入短信中的验证码。
error-code-format = 验证码为 { $length } 位数字，请检查后重试。
error-max-attempts = 验证码错误次数过多。请重新开始以获取新的验证码。
error-no-longer-valid = 此验证码已失效。请重新开始以获取新的验证码。
error-cooldown = 请等待 { $seconds } 秒后再重新获取验证码。
error-quota = 向此号码发送的验证码过多，请 { $minutes } 分钟后重试。
error-wrong-code-limit = 此号码输错验证码的次数过多，请 { $minutes } 分钟后重试。
error-country-not-allowed = 暂不支持向该国家/地区的号码发送验证码。
error-blocked = 暂时无法向此号码发送验证码，请稍后重试。
error-budget = 暂时无法发送更多验证码，请稍后重试。
error-rate-limited = 您所在网络的请求过于频繁，请等待一分钟后重试。
error-bad-client = 此验证链接无效。请返回原网站后重试。
error-flow-expired = 此验证页面已过期。请返回原网站重新开始。
error-csrf = 表单已过期。请返回并刷新页面后重试。
error-not-found = 找不到该页面。
error-too-large = 请求内容过大。
error-bad-request = 无法识别该请求。
error-unavailable = 服务繁忙或暂不可用，请稍后重试。
error-sms-failed = 短信发送失败，请稍后重试。
error-internal = 系统出错了，请重试。
flash-expired = 验证码已过期。请输入手机号以获取新的验证码。
start-over = 重新开始

help-title = 没有收到短信？
help-delay = 短信可能需要几分钟才能送达。
help-options = 如果仍未收到，您可以重新获取验证码或使用其他手机号。
help-support = 联系客服

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
challenge-needed = 在通过短信向您发送验证码之前，您的浏览器需要快速完成一项检测，以确认您不是机器人。检测完成后，浏览器会自动重新提交表单。
challenge-working = 正在确认您不是机器人，需要几秒钟……
challenge-done = 检测完成。
challenge-failed = 检测失败，请再次点击按钮重试。
challenge-needs-js = 此步骤需要 JavaScript：请启用 JavaScript 或换用其他浏览器，以获取验证码。

sms-body = 【{ $brand }】验证码 { $code }，{ $minutes } 分钟内有效。
sms-body-seconds = 【{ $brand }】验证码 { $code }，{ $seconds } 秒内有效。

outbox-title = 开发环境短信发件箱
outbox-intro = 开发发件箱本应发送的短信，最新的在前。切勿在生产环境中启用。
outbox-empty = 暂无短信。
outbox-to = 收件人
outbox-sent-at = 发送时间
outbox-body = 内容

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = 在通过短信向您发送验证码之前，我们需要确认您不是机器人。
challenge-wait = 未启用 JavaScript 时，此检测改为等待：请在本页面打开 { $seconds } 秒后再按下按钮。
challenge-wait-early = 还不行：请再等 { $seconds } 秒，然后再次按下按钮。
challenge-wait-used-up = 来自您网络的无 JavaScript 检测次数过多。请启用 JavaScript，或在 { $minutes } 分钟后重试。
dialog-close = 关闭
dialog-refused = 此网站无法在其页面内显示验证。请继续，在单独的页面上验证您的手机号；完成后您会回到这里。
dialog-confirm-close = 我们已通过短信向您发送了验证码。仍要关闭验证吗？
