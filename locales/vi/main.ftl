# Tiếng Việt. Vietnamese has one plural form: no selectors.
language-name = Tiếng Việt
skip-to-content = Chuyển đến nội dung chính
language-switcher = Ngôn ngữ

phone-title = Xác minh số điện thoại của bạn
phone-intro = Chúng tôi sẽ gửi cho bạn một mã qua SMS để xác nhận số điện thoại này là của bạn.
phone-label = Số điện thoại
phone-hint = Ví dụ: { $example }
country-label = Quốc gia
country-hint = Chỉ cần chọn nếu số của bạn không bắt đầu bằng +
client-asks = { $client } muốn xác nhận số điện thoại của bạn.
phone-submit = Gửi mã
error-invalid-phone-country = Đây không phải là số điện thoại hợp lệ của { $country }. Hãy kiểm tra lại số, hoặc chọn quốc gia của số đó trong danh sách ở trên.
flash-expired-number = Mã của bạn đã hết hạn. Hãy kiểm tra số điện thoại, rồi yêu cầu mã mới.

code-title = Nhập mã
code-intro = Chúng tôi đã gửi mã qua SMS đến { $phone }.
number-ending-in = số điện thoại kết thúc bằng { $last }
code-lifetime = Mã sẽ hết hạn sau { $minutes } phút.
code-lifetime-seconds = Mã sẽ hết hạn sau { $seconds } giây.
code-expired-title = Mã của bạn đã hết hạn
code-expired-intro = Mã chúng tôi gửi đến { $phone } đã hết hạn. Hãy yêu cầu mã mới.
code-locked-title = Nhập sai mã quá nhiều lần
code-label = Mã gồm { $length } chữ số
code-submit = Xác minh
code-attempts-left = Bạn còn { $count } lần thử.
code-resend = Gửi mã mới
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = Bạn có thể yêu cầu mã mới sau { $time }.
code-resend-ready = Bây giờ bạn có thể yêu cầu mã mới.
code-resend-after = Bạn có thể yêu cầu mã mới { $seconds } giây sau khi chúng tôi gửi mã.
code-change-number = Dùng số khác
code-sent = Chúng tôi đã gửi mã mới cho bạn.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = Bạn có thể thử lại số này sau { $minutes } phút.

done-title = Đã xác minh số điện thoại
done-body = Chúng tôi đã xác minh { $phone }. Bạn có thể đóng trang này.
done-continue = Tiếp tục

error-title = Đã xảy ra lỗi
error-title-prefix = Lỗi: { $title }
error-summary-title = Đã xảy ra sự cố
error-empty-phone = Vui lòng nhập số điện thoại của bạn.
error-invalid-phone = Số điện thoại này có vẻ không hợp lệ. Hãy kiểm tra lại và thêm mã quốc gia nếu số không thuộc quốc gia đã chọn.
error-not-mobile = Số này không nhận được SMS. Vui lòng dùng số di động.
error-incorrect-code = Mã không đúng. Bạn còn { $count } lần thử.
error-opted-out = Số này đã từ chối nhận SMS từ chúng tôi. Hãy nhắn START đến số mà chúng tôi dùng để gửi tin nhắn, rồi thử lại.
error-expired = Mã này đã hết hạn. Hãy yêu cầu mã mới.
error-empty-code = Vui lòng nhập mã chúng tôi đã gửi cho bạn qua SMS.
error-code-format = Mã gồm { $length } chữ số. Hãy kiểm tra và thử lại.
error-max-attempts = Bạn đã nhập sai mã quá nhiều lần. Hãy bắt đầu lại để nhận mã mới.
error-no-longer-valid = Mã này không còn dùng được nữa. Hãy bắt đầu lại để nhận mã mới.
error-cooldown = Vui lòng đợi { $seconds } giây trước khi yêu cầu mã khác.
error-quota = Chúng tôi đã gửi quá nhiều mã đến số này. Hãy thử lại sau { $minutes } phút.
error-wrong-code-limit = Mã cho số này đã bị nhập sai quá nhiều lần. Hãy thử lại sau { $minutes } phút.
error-country-not-allowed = Chúng tôi không thể gửi mã đến số điện thoại ở quốc gia này.
error-blocked = Hiện chúng tôi không thể gửi mã đến số này. Vui lòng thử lại sau.
error-budget = Hiện chúng tôi không thể gửi thêm mã. Vui lòng thử lại sau.
error-rate-limited = Có quá nhiều yêu cầu từ mạng của bạn. Hãy đợi một phút rồi thử lại.
error-bad-client = Đường liên kết xác minh này không hợp lệ. Hãy quay lại trang web đã đưa bạn đến đây và thử lại.
error-flow-expired = Trang xác minh này đã hết hạn. Hãy quay lại trang web đã đưa bạn đến đây và bắt đầu lại.
error-csrf = Biểu mẫu này đã hết hạn. Hãy quay lại, tải lại trang rồi thử lại.
error-not-found = Chúng tôi không tìm thấy trang này.
error-too-large = Yêu cầu quá lớn.
error-bad-request = Chúng tôi không hiểu được yêu cầu này.
error-unavailable = Dịch vụ hiện đang bận hoặc không khả dụng. Vui lòng thử lại sau giây lát.
error-sms-failed = Chúng tôi không gửi được SMS. Vui lòng thử lại sau giây lát.
error-internal = Đã xảy ra lỗi từ phía chúng tôi. Vui lòng thử lại.
flash-expired = Mã của bạn đã hết hạn. Nhập số điện thoại để nhận mã mới.
start-over = Bắt đầu lại

help-title = Không nhận được SMS?
help-delay = SMS có thể mất vài phút mới đến.
help-options = Nếu vẫn chưa nhận được, bạn có thể yêu cầu mã mới hoặc dùng số khác.
help-support = Liên hệ bộ phận hỗ trợ

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "kiểm tra", never "xác minh": that word is the number's.
challenge-needed = Trước khi chúng tôi gửi mã qua SMS, trình duyệt của bạn cần kiểm tra nhanh để chắc chắn bạn không phải là bot. Khi xong, trình duyệt sẽ tự động gửi lại biểu mẫu.
challenge-working = Đang kiểm tra để chắc chắn bạn không phải là bot. Việc này mất vài giây…
challenge-done = Đã kiểm tra xong.
challenge-failed = Kiểm tra không thành công. Hãy nhấn nút lần nữa để thử lại.
challenge-needs-js = Bước này cần JavaScript: hãy bật JavaScript hoặc dùng trình duyệt khác để nhận mã.

# Without diacritics, as Vietnamese OTP texts customarily are: with them the SMS
# would go as UCS-2 and need a second segment.
sms-body = Ma xac minh { $brand } cua ban la { $code }. Ma het han sau { $minutes } phut.
sms-body-seconds = Ma xac minh { $brand } cua ban la { $code }. Ma het han sau { $seconds } giay.

outbox-title = Hộp thư đi SMS (phát triển)
outbox-intro = Các tin nhắn mà hộp thư đi dành cho phát triển lẽ ra đã gửi, tin mới nhất ở trên cùng. Tuyệt đối không bật tính năng này trong môi trường chính thức.
outbox-empty = Chưa có tin nhắn nào.
outbox-to = Đến
outbox-sent-at = Đã gửi
outbox-body = Tin nhắn

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Trước khi gửi mã qua SMS, chúng tôi cần kiểm tra để chắc chắn bạn không phải là bot.
challenge-wait = Khi không có JavaScript, bước kiểm tra này là một khoảng chờ: hãy đợi { $seconds } giây sau khi trang này mở, rồi nhấn nút.
challenge-wait-early = Chưa đủ thời gian: hãy đợi thêm { $seconds } giây rồi nhấn lại nút.
challenge-wait-used-up = Có quá nhiều lượt kiểm tra không dùng JavaScript từ mạng của bạn. Hãy bật JavaScript hoặc thử lại sau { $minutes } phút.
dialog-close = Đóng
dialog-refused = Trang web này không thể hiển thị bước xác minh bên trong trang của mình. Hãy tiếp tục để xác minh số của bạn trên một trang riêng; sau đó bạn sẽ được đưa trở lại đây.
dialog-confirm-close = Chúng tôi đã gửi mã qua SMS cho bạn. Bạn vẫn muốn đóng bước xác minh?
