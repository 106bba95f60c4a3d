# English. Every id here must exist in every locale (a test checks).
language-name = English
skip-to-content = Skip to content
language-switcher = Language

phone-title = Verify your phone number
phone-intro = We’ll text you a code to confirm this number is yours.
phone-label = Phone number
# $example is a mobile number of the country selected, such as +1 201-555-0123.
phone-hint = For example { $example }
country-label = Country
country-hint = Only needed if your number doesn’t start with +
client-asks = { $client } wants to confirm your phone number.
phone-submit = Text me a code
# $country is the country the number was read in, as the list names it: United Kingdom (+44).
error-invalid-phone-country = This isn’t a valid phone number for { $country }. Check the number, or choose its country in the list above.
# The code expired and the number typed before is back in its field.
flash-expired-number = Your code expired. Check your number, then ask for a new code.

code-title = Enter your code
# $phone is the number as typed (+1 415-555-2671) or number-ending-in.
code-intro = We texted a code to { $phone }.
number-ending-in = the number ending in { $last }
code-lifetime =
    { $minutes ->
        [one] The code expires in 1 minute.
       *[other] The code expires in { $minutes } minutes.
    }
# $seconds is under 60: the code's whole lifetime when it is shorter than a minute.
code-lifetime-seconds =
    { $seconds ->
        [one] The code expires in 1 second.
       *[other] The code expires in { $seconds } seconds.
    }
code-expired-title = Your code has expired
code-expired-intro = The code we texted to { $phone } has expired. Ask for a new one.
code-locked-title = Too many wrong codes
code-label = { $length }-digit code
code-submit = Verify
code-attempts-left =
    { $count ->
        [one] You have 1 attempt left.
       *[other] You have { $count } attempts left.
    }
code-resend = Text me a new code
# $time is a countdown such as 0:25 (minutes:seconds).
code-resend-wait = You can ask for a new code in { $time }.
code-resend-ready = You can ask for a new code now.
# Without JavaScript the wait cannot count down.
code-resend-after =
    { $seconds ->
        [one] You can ask for a new code 1 second after we sent it.
       *[other] You can ask for a new code { $seconds } seconds after we sent it.
    }
code-change-number = Use a different number
code-sent = We texted you a new code.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] You can try this number again in 1 minute.
       *[other] You can try this number again in { $minutes } minutes.
    }

done-title = Phone number verified
done-body = We’ve verified { $phone }. You can close this page.
done-continue = Continue

error-title = Something went wrong
# A page's title when it shows an error.
error-title-prefix = Error: { $title }
error-summary-title = There is a problem
error-empty-phone = Enter your phone number.
error-invalid-phone = That doesn’t look like a valid phone number. Check it, and include the country code if it’s not from the country selected.
error-not-mobile = This number can’t receive text messages. Please use a mobile number.
error-incorrect-code =
    { $count ->
        [one] That code isn’t right. You have 1 attempt left.
       *[other] That code isn’t right. You have { $count } attempts left.
    }
error-opted-out = This number has opted out of text messages from us. Text START to the number our messages come from, then try again.
error-expired = This code has expired. Ask for a new one.
error-empty-code = Enter the code we texted you.
error-code-format = The code is { $length } digits. Check it and try again.
error-max-attempts = Too many wrong codes. Start again to get a new code.
error-no-longer-valid = This code can no longer be used. Start again to get a new code.
error-cooldown =
    { $seconds ->
        [one] Please wait 1 second before asking for another code.
       *[other] Please wait { $seconds } seconds before asking for another code.
    }
error-quota =
    { $minutes ->
        [one] We’ve sent too many codes to this number. Try again in 1 minute.
       *[other] We’ve sent too many codes to this number. Try again in { $minutes } minutes.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] Too many wrong codes were entered for this number. Try again in 1 minute.
       *[other] Too many wrong codes were entered for this number. Try again in { $minutes } minutes.
    }
error-country-not-allowed = We can’t send codes to numbers in this country.
error-blocked = We can’t send codes to this number right now. Please try again later.
error-budget = We can’t send any more codes right now. Please try again later.
error-rate-limited = Too many requests from your network. Wait a minute and try again.
error-bad-client = This verification link is not valid. Go back to the site that sent you here and try again.
error-flow-expired = This verification page has expired. Go back to the site that sent you here and start again.
error-csrf = This form has expired. Go back, reload the page and try again.
error-not-found = We couldn’t find that page.
error-too-large = That request was too large.
error-bad-request = We couldn’t understand that request.
error-unavailable = The service is busy or unavailable right now. Please try again in a moment.
error-sms-failed = We couldn’t send the text message. Please try again in a moment.
error-internal = Something went wrong on our side. Please try again.
flash-expired = Your code expired. Enter your number to get a new one.
start-over = Start again

help-title = Didn’t get a text message?
help-delay = Text messages can take a few minutes to arrive.
help-options = If it hasn’t arrived, you can ask for a new code or use a different number.
help-support = Contact support

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
challenge-needed = Before we text you a code, your browser needs to do a quick check that you’re not a bot. It sends the form again by itself when it’s done.
challenge-working = Checking that you’re not a bot. This takes a few seconds…
challenge-done = Check complete.
challenge-failed = The check didn’t work. Press the button again to try once more.
challenge-needs-js = This step needs JavaScript: turn it on, or use another browser, to get your code.

sms-body =
    { $minutes ->
        [one] Your { $brand } code is { $code }. It expires in 1 minute.
       *[other] Your { $brand } code is { $code }. It expires in { $minutes } minutes.
    }
# $seconds is under 60: the text when the code lives less than a minute.
sms-body-seconds =
    { $seconds ->
        [one] Your { $brand } code is { $code }. It expires in 1 second.
       *[other] Your { $brand } code is { $code }. It expires in { $seconds } seconds.
    }

outbox-title = Dev SMS outbox
outbox-intro = Messages the dev outbox would have texted, newest first. Never enable this in production.
outbox-empty = No messages yet.
outbox-to = To
outbox-sent-at = Sent
outbox-body = Message

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Before we text you a code, we need to check that you’re not a bot.
challenge-wait =
    { $seconds ->
        [one] Without JavaScript, this check is a wait instead: wait 1 second after this page opened, then press the button.
       *[other] Without JavaScript, this check is a wait instead: wait { $seconds } seconds after this page opened, then press the button.
    }
challenge-wait-early =
    { $seconds ->
        [one] Not yet: wait 1 more second, then press the button again.
       *[other] Not yet: wait { $seconds } more seconds, then press the button again.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] Too many checks without JavaScript from your network. Turn JavaScript on, or try again in 1 minute.
       *[other] Too many checks without JavaScript from your network. Turn JavaScript on, or try again in { $minutes } minutes.
    }
dialog-close = Close
dialog-refused = This site can’t show the verification inside its page. Continue to verify your number on a page of its own; you’ll come back here afterwards.
dialog-confirm-close = We’ve already texted you a code. Close the verification anyway?
