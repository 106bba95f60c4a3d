# עברית. Written right to left; the pages wrap variables in Unicode isolates,
# as for Arabic. Instructions use "יש ל…" and buttons nouns, so no sentence
# assumes the reader's gender. Plural categories: one (1), two (2), other.
language-name = עברית
skip-to-content = דילוג לתוכן
language-switcher = שפה

phone-title = אימות מספר הטלפון
phone-intro = נשלח אליך קוד ב-SMS כדי לוודא שהמספר הזה שייך לך.
phone-label = מספר טלפון
phone-hint = לדוגמה: { $example }
country-label = מדינה
country-hint = נדרש רק אם המספר לא מתחיל ב-+
client-asks = { $client } רוצה לאמת את מספר הטלפון שלך.
phone-submit = שליחת קוד
error-invalid-phone-country = זה לא מספר טלפון תקין עבור { $country }. יש לבדוק את המספר או לבחור את המדינה שלו ברשימה שלמעלה.
flash-expired-number = תוקף הקוד פג. יש לבדוק את המספר ואז לבקש קוד חדש.

code-title = הזנת הקוד
code-intro = שלחנו קוד ב-SMS אל { $phone }.
number-ending-in = המספר שמסתיים ב-{ $last }
code-lifetime =
    { $minutes ->
        [one] תוקף הקוד יפוג בעוד דקה.
        [two] תוקף הקוד יפוג בעוד שתי דקות.
       *[other] תוקף הקוד יפוג בעוד { $minutes } דקות.
    }
code-lifetime-seconds =
    { $seconds ->
        [one] תוקף הקוד יפוג בעוד שנייה.
        [two] תוקף הקוד יפוג בעוד שתי שניות.
       *[other] תוקף הקוד יפוג בעוד { $seconds } שניות.
    }
code-expired-title = תוקף הקוד פג
code-expired-intro = תוקף הקוד ששלחנו אל { $phone } פג. יש לבקש קוד חדש.
code-locked-title = יותר מדי קודים שגויים
code-label =
    { $length ->
        [one] קוד בן ספרה אחת
        [two] קוד בן שתי ספרות
       *[other] קוד בן { $length } ספרות
    }
code-submit = אימות
code-attempts-left =
    { $count ->
        [one] נותר ניסיון אחד.
        [two] נותרו שני ניסיונות.
       *[other] נותרו { $count } ניסיונות.
    }
code-resend = שליחת קוד חדש
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = אפשר לבקש קוד חדש בעוד { $time }.
code-resend-ready = אפשר לבקש קוד חדש עכשיו.
code-resend-after =
    { $seconds ->
        [one] אפשר לבקש קוד חדש שנייה אחת אחרי שליחת הקוד.
        [two] אפשר לבקש קוד חדש שתי שניות אחרי שליחת הקוד.
       *[other] אפשר לבקש קוד חדש { $seconds } שניות אחרי שליחת הקוד.
    }
code-change-number = שימוש במספר אחר
code-sent = שלחנו אליך קוד חדש.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] אפשר לנסות שוב את המספר הזה בעוד דקה.
        [two] אפשר לנסות שוב את המספר הזה בעוד שתי דקות.
       *[other] אפשר לנסות שוב את המספר הזה בעוד { $minutes } דקות.
    }

done-title = מספר הטלפון אומת
done-body = אימתנו את { $phone }. אפשר לסגור את הדף.
done-continue = המשך

error-title = משהו השתבש
error-title-prefix = שגיאה: { $title }
error-summary-title = יש בעיה
error-empty-phone = יש להזין מספר טלפון.
error-invalid-phone = נראה שמספר הטלפון לא תקין. יש לבדוק אותו ולהוסיף את קידומת המדינה אם המספר לא מהמדינה שנבחרה.
error-not-mobile = המספר הזה לא יכול לקבל הודעות SMS. יש להשתמש במספר נייד.
error-incorrect-code =
    { $count ->
        [one] הקוד שגוי. נותר ניסיון אחד.
        [two] הקוד שגוי. נותרו שני ניסיונות.
       *[other] הקוד שגוי. נותרו { $count } ניסיונות.
    }
error-opted-out = במספר הזה בוטלה קבלת הודעות SMS מאיתנו. יש לשלוח START למספר שממנו מגיעות ההודעות שלנו, ואז לנסות שוב.
error-expired = תוקף הקוד פג. יש לבקש קוד חדש.
error-empty-code = יש להזין את הקוד ששלחנו ב-SMS.
error-code-format =
    { $length ->
        [one] הקוד בן ספרה אחת. יש לבדוק אותו ולנסות שוב.
        [two] הקוד בן שתי ספרות. יש לבדוק אותו ולנסות שוב.
       *[other] הקוד בן { $length } ספרות. יש לבדוק אותו ולנסות שוב.
    }
error-max-attempts = יותר מדי קודים שגויים. יש להתחיל מחדש כדי לקבל קוד חדש.
error-no-longer-valid = אי אפשר להשתמש יותר בקוד הזה. יש להתחיל מחדש כדי לקבל קוד חדש.
error-cooldown =
    { $seconds ->
        [one] יש להמתין שנייה אחת לפני שמבקשים קוד נוסף.
        [two] יש להמתין שתי שניות לפני שמבקשים קוד נוסף.
       *[other] יש להמתין { $seconds } שניות לפני שמבקשים קוד נוסף.
    }
error-quota =
    { $minutes ->
        [one] שלחנו יותר מדי קודים למספר הזה. אפשר לנסות שוב בעוד דקה.
        [two] שלחנו יותר מדי קודים למספר הזה. אפשר לנסות שוב בעוד שתי דקות.
       *[other] שלחנו יותר מדי קודים למספר הזה. אפשר לנסות שוב בעוד { $minutes } דקות.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] הוזנו יותר מדי קודים שגויים למספר הזה. אפשר לנסות שוב בעוד דקה.
        [two] הוזנו יותר מדי קודים שגויים למספר הזה. אפשר לנסות שוב בעוד שתי דקות.
       *[other] הוזנו יותר מדי קודים שגויים למספר הזה. אפשר לנסות שוב בעוד { $minutes } דקות.
    }
error-country-not-allowed = אין לנו אפשרות לשלוח קודים למספרים במדינה הזו.
error-blocked = כרגע אין לנו אפשרות לשלוח קודים למספר הזה. אפשר לנסות שוב מאוחר יותר.
error-budget = כרגע אין לנו אפשרות לשלוח קודים נוספים. אפשר לנסות שוב מאוחר יותר.
error-rate-limited = יותר מדי בקשות מהרשת שלך. יש להמתין דקה ולנסות שוב.
error-bad-client = קישור האימות הזה לא תקין. יש לחזור לאתר שהפנה אותך לכאן ולנסות שוב.
error-flow-expired = תוקף דף האימות הזה פג. יש לחזור לאתר שהפנה אותך לכאן ולהתחיל מחדש.
error-csrf = תוקף הטופס פג. יש לחזור אחורה, לטעון מחדש את הדף ולנסות שוב.
error-not-found = לא מצאנו את הדף הזה.
error-too-large = הבקשה גדולה מדי.
error-bad-request = לא הצלחנו להבין את הבקשה.
error-unavailable = השירות עמוס או לא זמין כרגע. אפשר לנסות שוב בעוד רגע.
error-sms-failed = לא הצלחנו לשלוח את הודעת ה-SMS. אפשר לנסות שוב בעוד רגע.
error-internal = משהו השתבש אצלנו. אפשר לנסות שוב.
flash-expired = תוקף הקוד פג. יש להזין את המספר כדי לקבל קוד חדש.
start-over = התחלה מחדש

help-title = לא הגיעה הודעת SMS?
help-delay = לפעמים עוברות כמה דקות עד שהודעת SMS מגיעה.
help-options = אם ההודעה לא הגיעה, אפשר לבקש קוד חדש או להשתמש במספר אחר.
help-support = פנייה לתמיכה

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "בדיקה", never "אימות": that word is the number's.
challenge-needed = לפני שנשלח אליך קוד ב-SMS, הדפדפן צריך לבצע בדיקה קצרה כדי לוודא שאינך בוט. בסיום הבדיקה הוא ישלח את הטופס שוב באופן אוטומטי.
challenge-working = מתבצעת בדיקה כדי לוודא שאינך בוט. זה ייקח כמה שניות…
challenge-done = הבדיקה הסתיימה.
challenge-failed = הבדיקה לא הצליחה. יש ללחוץ שוב על הכפתור כדי לנסות פעם נוספת.
challenge-needs-js = השלב הזה דורש JavaScript: כדי לקבל את הקוד, יש להפעיל JavaScript או להשתמש בדפדפן אחר.

# Short: Hebrew goes as UCS-2 (70 units a segment) and the "@host #code" line
# is appended, which leaves no room for the lifetime. As in Arabic, the code
# comes first and a Hebrew word stands after it, so the message reads right to
# left and a Latin brand cannot pull the code into its own direction.
sms-body = { $code } הוא הקוד שלך ב-{ $brand }
sms-body-seconds = { $code } הוא הקוד שלך ב-{ $brand }

outbox-title = תיבת SMS יוצאים (פיתוח)
outbox-intro = ההודעות שתיבת היוצאים של סביבת הפיתוח הייתה שולחת, מהחדשה לישנה. אין להפעיל אותה בסביבת ייצור.
outbox-empty = אין עדיין הודעות.
outbox-to = אל
outbox-sent-at = נשלחה
outbox-body = הודעה

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = לפני שנשלח אליך קוד ב-SMS, צריך לוודא שאינך בוט.
challenge-wait =
    { $seconds ->
        [one] בלי JavaScript, הבדיקה מתבצעת כהמתנה: יש להמתין שנייה אחת מפתיחת הדף ואז ללחוץ על הכפתור.
        [two] בלי JavaScript, הבדיקה מתבצעת כהמתנה: יש להמתין שתי שניות מפתיחת הדף ואז ללחוץ על הכפתור.
       *[other] בלי JavaScript, הבדיקה מתבצעת כהמתנה: יש להמתין { $seconds } שניות מפתיחת הדף ואז ללחוץ על הכפתור.
    }
challenge-wait-early =
    { $seconds ->
        [one] עוד לא: יש להמתין עוד שנייה אחת ואז ללחוץ שוב על הכפתור.
        [two] עוד לא: יש להמתין עוד שתי שניות ואז ללחוץ שוב על הכפתור.
       *[other] עוד לא: יש להמתין עוד { $seconds } שניות ואז ללחוץ שוב על הכפתור.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] יותר מדי בדיקות בלי JavaScript מהרשת שלך. יש להפעיל JavaScript או לנסות שוב בעוד דקה.
        [two] יותר מדי בדיקות בלי JavaScript מהרשת שלך. יש להפעיל JavaScript או לנסות שוב בעוד שתי דקות.
       *[other] יותר מדי בדיקות בלי JavaScript מהרשת שלך. יש להפעיל JavaScript או לנסות שוב בעוד { $minutes } דקות.
    }
dialog-close = סגירה
dialog-refused = האתר הזה לא יכול להציג את האימות בתוך הדף שלו. אפשר להמשיך ולאמת את המספר בדף נפרד, ובסיום נחזיר אותך לכאן.
dialog-confirm-close = כבר שלחנו אליך קוד ב-SMS. לסגור את האימות בכל זאת?
