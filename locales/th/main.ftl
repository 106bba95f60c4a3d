# ไทย. Thai has one plural form: no selectors.
language-name = ไทย
skip-to-content = ข้ามไปยังเนื้อหา
language-switcher = ภาษา

phone-title = ยืนยันหมายเลขโทรศัพท์ของคุณ
phone-intro = เราจะส่งรหัสทาง SMS ถึงคุณ เพื่อยืนยันว่าหมายเลขนี้เป็นของคุณ
phone-label = หมายเลขโทรศัพท์
phone-hint = ตัวอย่าง: { $example }
country-label = ประเทศ
country-hint = ระบุเฉพาะเมื่อหมายเลขของคุณไม่ได้ขึ้นต้นด้วย +
client-asks = { $client } ต้องการยืนยันหมายเลขโทรศัพท์ของคุณ
phone-submit = ส่งรหัสทาง SMS
error-invalid-phone-country = หมายเลขนี้ไม่ใช่หมายเลขโทรศัพท์ที่ถูกต้องของ { $country } โปรดตรวจสอบหมายเลข หรือเลือกประเทศของหมายเลขในรายการด้านบน
flash-expired-number = รหัสของคุณหมดอายุแล้ว โปรดตรวจสอบหมายเลขของคุณ แล้วขอรหัสใหม่

code-title = ป้อนรหัส
code-intro = เราส่งรหัสทาง SMS ไปที่ { $phone } แล้ว
number-ending-in = หมายเลขที่ลงท้ายด้วย { $last }
code-lifetime = รหัสจะหมดอายุใน { $minutes } นาที
code-lifetime-seconds = รหัสจะหมดอายุใน { $seconds } วินาที
code-expired-title = รหัสของคุณหมดอายุแล้ว
code-expired-intro = รหัสที่เราส่งไปที่ { $phone } หมดอายุแล้ว โปรดขอรหัสใหม่
code-locked-title = ป้อนรหัสผิดหลายครั้งเกินไป
code-label = รหัส { $length } หลัก
code-submit = ยืนยัน
code-attempts-left = คุณลองได้อีก { $count } ครั้ง
code-resend = ขอรหัสใหม่
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = คุณขอรหัสใหม่ได้ในอีก { $time }
code-resend-ready = ตอนนี้คุณขอรหัสใหม่ได้แล้ว
code-resend-after = คุณขอรหัสใหม่ได้เมื่อผ่านไป { $seconds } วินาทีหลังจากที่เราส่งรหัส
code-change-number = ใช้หมายเลขอื่น
code-sent = เราส่งรหัสใหม่ให้คุณแล้ว
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry = คุณลองใช้หมายเลขนี้อีกครั้งได้ในอีก { $minutes } นาที

done-title = ยืนยันหมายเลขโทรศัพท์แล้ว
done-body = เรายืนยัน { $phone } แล้ว คุณปิดหน้านี้ได้เลย
done-continue = ดำเนินการต่อ

error-title = เกิดข้อผิดพลาด
error-title-prefix = ข้อผิดพลาด: { $title }
error-summary-title = มีปัญหาที่ต้องแก้ไข
error-empty-phone = ป้อนหมายเลขโทรศัพท์ของคุณ
error-invalid-phone = หมายเลขโทรศัพท์นี้ดูเหมือนจะไม่ถูกต้อง โปรดตรวจสอบ และใส่รหัสประเทศด้วยหากไม่ใช่หมายเลขของประเทศที่เลือก
error-not-mobile = หมายเลขนี้รับ SMS ไม่ได้ โปรดใช้หมายเลขโทรศัพท์มือถือ
error-incorrect-code = รหัสไม่ถูกต้อง คุณลองได้อีก { $count } ครั้ง
error-opted-out = หมายเลขนี้ยกเลิกการรับ SMS จากเราแล้ว ส่ง SMS ว่า START ไปยังหมายเลขที่เราใช้ส่ง SMS แล้วลองอีกครั้ง
error-expired = รหัสนี้หมดอายุแล้ว โปรดขอรหัสใหม่
error-empty-code = ป้อนรหัสที่เราส่งให้คุณทาง SMS
error-code-format = รหัสมี { $length } หลัก โปรดตรวจสอบแล้วลองอีกครั้ง
error-max-attempts = ป้อนรหัสผิดหลายครั้งเกินไป โปรดเริ่มใหม่เพื่อรับรหัสใหม่
error-no-longer-valid = ใช้รหัสนี้ไม่ได้อีกแล้ว โปรดเริ่มใหม่เพื่อรับรหัสใหม่
error-cooldown = โปรดรอ { $seconds } วินาทีก่อนขอรหัสใหม่
error-quota = เราส่งรหัสไปยังหมายเลขนี้หลายครั้งเกินไป โปรดลองอีกครั้งในอีก { $minutes } นาที
error-wrong-code-limit = มีการป้อนรหัสผิดสำหรับหมายเลขนี้หลายครั้งเกินไป โปรดลองอีกครั้งในอีก { $minutes } นาที
error-country-not-allowed = เราส่งรหัสไปยังหมายเลขในประเทศนี้ไม่ได้
error-blocked = ขณะนี้เราส่งรหัสไปยังหมายเลขนี้ไม่ได้ โปรดลองอีกครั้งภายหลัง
error-budget = ขณะนี้เราส่งรหัสเพิ่มไม่ได้ โปรดลองอีกครั้งภายหลัง
error-rate-limited = มีคำขอจากเครือข่ายของคุณมากเกินไป โปรดรอ 1 นาทีแล้วลองอีกครั้ง
error-bad-client = ลิงก์ยืนยันนี้ไม่ถูกต้อง โปรดกลับไปที่เว็บไซต์ที่นำคุณมาที่นี่แล้วลองอีกครั้ง
error-flow-expired = หน้ายืนยันนี้หมดอายุแล้ว โปรดกลับไปที่เว็บไซต์ที่นำคุณมาที่นี่แล้วเริ่มใหม่
error-csrf = แบบฟอร์มนี้หมดอายุแล้ว โปรดย้อนกลับ โหลดหน้าใหม่ แล้วลองอีกครั้ง
error-not-found = ไม่พบหน้านี้
error-too-large = คำขอมีขนาดใหญ่เกินไป
error-bad-request = เราไม่เข้าใจคำขอนี้
error-unavailable = ขณะนี้บริการไม่ว่างหรือใช้งานไม่ได้ โปรดลองอีกครั้งในอีกสักครู่
error-sms-failed = เราส่ง SMS ไม่สำเร็จ โปรดลองอีกครั้งในอีกสักครู่
error-internal = เกิดข้อผิดพลาดในระบบของเรา โปรดลองอีกครั้ง
flash-expired = รหัสของคุณหมดอายุแล้ว ป้อนหมายเลขของคุณเพื่อรับรหัสใหม่
start-over = เริ่มใหม่

help-title = ไม่ได้รับ SMS ใช่ไหม
help-delay = SMS อาจใช้เวลาสองสามนาทีกว่าจะมาถึง
help-options = หากยังไม่ได้รับ คุณขอรหัสใหม่หรือใช้หมายเลขอื่นได้
help-support = ติดต่อฝ่ายสนับสนุน

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "ตรวจสอบ", never "ยืนยัน": that word is the number's.
challenge-needed = ก่อนที่เราจะส่งรหัสทาง SMS เบราว์เซอร์ของคุณต้องตรวจสอบสั้นๆ ว่าคุณไม่ใช่บอท เมื่อเสร็จแล้ว เบราว์เซอร์จะส่งแบบฟอร์มอีกครั้งโดยอัตโนมัติ
challenge-working = กำลังตรวจสอบว่าคุณไม่ใช่บอท ขั้นตอนนี้ใช้เวลาไม่กี่วินาที…
challenge-done = ตรวจสอบเสร็จแล้ว
challenge-failed = การตรวจสอบไม่สำเร็จ กดปุ่มอีกครั้งเพื่อลองใหม่
challenge-needs-js = ขั้นตอนนี้ต้องใช้ JavaScript โปรดเปิด JavaScript หรือใช้เบราว์เซอร์อื่นเพื่อรับรหัส

# Short: Thai goes as UCS-2 (70 units a segment) and the "@host #code" line
# is appended.
sms-body = รหัส { $brand }: { $code } ({ $minutes } นาที)
# «วิ» (วินาที): the full word would not fit in sms-body's 70 units.
sms-body-seconds = รหัส { $brand }: { $code } ({ $seconds } วิ)

outbox-title = กล่องขาออก SMS สำหรับการพัฒนา
outbox-intro = ข้อความที่กล่องขาออกสำหรับการพัฒนาจะส่ง เรียงจากใหม่ไปเก่า ห้ามเปิดใช้ในระบบจริงเด็ดขาด
outbox-empty = ยังไม่มีข้อความ
outbox-to = ถึง
outbox-sent-at = ส่งเมื่อ
outbox-body = ข้อความ

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = ก่อนที่เราจะส่งรหัสทาง SMS เราต้องตรวจสอบว่าคุณไม่ใช่บอท
challenge-wait = หากไม่มี JavaScript จะต้องรอแทนการตรวจสอบนี้ โปรดรอ { $seconds } วินาทีหลังจากเปิดหน้านี้ แล้วกดปุ่ม
challenge-wait-early = ยังไม่ถึงเวลา โปรดรออีก { $seconds } วินาที แล้วกดปุ่มอีกครั้ง
challenge-wait-used-up = มีการตรวจสอบโดยไม่ใช้ JavaScript จากเครือข่ายของคุณมากเกินไป โปรดเปิด JavaScript หรือลองอีกครั้งในอีก { $minutes } นาที
dialog-close = ปิด
dialog-refused = เว็บไซต์นี้แสดงการยืนยันภายในหน้าของตัวเองไม่ได้ ดำเนินการต่อเพื่อยืนยันหมายเลขของคุณในหน้าแยก จากนั้นคุณจะกลับมาที่หน้านี้
dialog-confirm-close = เราส่งรหัสทาง SMS ให้คุณแล้ว ยังต้องการปิดการยืนยันหรือไม่
