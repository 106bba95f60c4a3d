# Deutsch.
language-name = Deutsch
skip-to-content = Zum Inhalt springen
language-switcher = Sprache

phone-title = Telefonnummer bestätigen
phone-intro = Wir senden Ihnen einen Code per SMS, um zu bestätigen, dass diese Nummer Ihnen gehört.
phone-label = Telefonnummer
phone-hint = Zum Beispiel { $example }
country-label = Land
country-hint = Nur nötig, wenn Ihre Nummer nicht mit + beginnt
client-asks = { $client } möchte Ihre Telefonnummer bestätigen.
phone-submit = Code per SMS senden
error-invalid-phone-country = Diese Telefonnummer ist für das gewählte Land nicht gültig: { $country }. Bitte prüfen Sie die Nummer oder wählen Sie oben ihr Land aus.
flash-expired-number = Ihr Code ist abgelaufen. Prüfen Sie Ihre Nummer und fordern Sie dann einen neuen Code an.

code-title = Code eingeben
code-intro = Wir haben einen Code per SMS an { $phone } gesendet.
number-ending-in = die Nummer mit der Endung { $last }
code-lifetime =
    { $minutes ->
        [one] Der Code läuft in { $minutes } Minute ab.
       *[other] Der Code läuft in { $minutes } Minuten ab.
    }
code-lifetime-seconds =
    { $seconds ->
        [one] Der Code läuft in { $seconds } Sekunde ab.
       *[other] Der Code läuft in { $seconds } Sekunden ab.
    }
code-expired-title = Ihr Code ist abgelaufen
code-expired-intro = Der Code, den wir per SMS an { $phone } gesendet haben, ist abgelaufen. Fordern Sie einen neuen an.
code-locked-title = Zu viele falsche Codes
code-label = { $length }-stelliger Code
code-submit = Bestätigen
code-attempts-left =
    { $count ->
        [one] Sie haben noch { $count } Versuch.
       *[other] Sie haben noch { $count } Versuche.
    }
code-resend = Neuen Code senden
# $time ist ein Countdown wie 0:25 (Minuten:Sekunden).
code-resend-wait = Sie können in { $time } einen neuen Code anfordern.
code-resend-ready = Sie können jetzt einen neuen Code anfordern.
code-resend-after =
    { $seconds ->
        [one] Sie können { $seconds } Sekunde nach dem Versand einen neuen Code anfordern.
       *[other] Sie können { $seconds } Sekunden nach dem Versand einen neuen Code anfordern.
    }
code-change-number = Andere Nummer verwenden
code-sent = Wir haben Ihnen einen neuen Code gesendet.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] Sie können es mit dieser Nummer in { $minutes } Minute erneut versuchen.
       *[other] Sie können es mit dieser Nummer in { $minutes } Minuten erneut versuchen.
    }

done-title = Telefonnummer bestätigt
done-body = Wir haben { $phone } bestätigt. Sie können diese Seite jetzt schließen.
done-continue = Weiter

error-title = Etwas ist schiefgelaufen
error-title-prefix = Fehler: { $title }
error-summary-title = Es gibt ein Problem
error-empty-phone = Geben Sie Ihre Telefonnummer ein.
error-invalid-phone = Das sieht nicht nach einer gültigen Telefonnummer aus. Bitte prüfen Sie die Nummer und geben Sie die Ländervorwahl mit an, wenn sie nicht aus dem ausgewählten Land stammt.
error-not-mobile = Diese Nummer kann keine SMS empfangen. Bitte verwenden Sie eine Mobilfunknummer.
error-incorrect-code =
    { $count ->
        [one] Dieser Code ist falsch. Sie haben noch { $count } Versuch.
       *[other] Dieser Code ist falsch. Sie haben noch { $count } Versuche.
    }
error-opted-out = Für diese Nummer wurden unsere SMS abbestellt. Senden Sie START an die Nummer, von der unsere Nachrichten kommen, und versuchen Sie es dann erneut.
error-expired = Dieser Code ist abgelaufen. Fordern Sie einen neuen an.
error-empty-code = Geben Sie den Code ein, den wir Ihnen per SMS gesendet haben.
error-code-format =
    { $length ->
        [one] Der Code hat { $length } Stelle. Prüfen Sie ihn und versuchen Sie es erneut.
       *[other] Der Code hat { $length } Stellen. Prüfen Sie ihn und versuchen Sie es erneut.
    }
error-max-attempts = Zu viele falsche Codes. Beginnen Sie von vorn, um einen neuen Code zu erhalten.
error-no-longer-valid = Dieser Code kann nicht mehr verwendet werden. Beginnen Sie von vorn, um einen neuen Code zu erhalten.
error-cooldown =
    { $seconds ->
        [one] Bitte warten Sie { $seconds } Sekunde, bevor Sie einen weiteren Code anfordern.
       *[other] Bitte warten Sie { $seconds } Sekunden, bevor Sie einen weiteren Code anfordern.
    }
error-quota =
    { $minutes ->
        [one] Wir haben zu viele Codes an diese Nummer gesendet. Versuchen Sie es in { $minutes } Minute erneut.
       *[other] Wir haben zu viele Codes an diese Nummer gesendet. Versuchen Sie es in { $minutes } Minuten erneut.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] Für diese Nummer wurden zu viele falsche Codes eingegeben. Versuchen Sie es in { $minutes } Minute erneut.
       *[other] Für diese Nummer wurden zu viele falsche Codes eingegeben. Versuchen Sie es in { $minutes } Minuten erneut.
    }
error-country-not-allowed = An Nummern aus diesem Land können wir keine Codes senden.
error-blocked = Wir können gerade keine Codes an diese Nummer senden. Bitte versuchen Sie es später erneut.
error-budget = Wir können gerade keine weiteren Codes senden. Bitte versuchen Sie es später erneut.
error-rate-limited = Zu viele Anfragen aus Ihrem Netzwerk. Warten Sie eine Minute und versuchen Sie es dann erneut.
error-bad-client = Dieser Bestätigungslink ist ungültig. Kehren Sie zu der Website zurück, von der Sie hierhergekommen sind, und versuchen Sie es erneut.
error-flow-expired = Diese Bestätigungsseite ist abgelaufen. Kehren Sie zu der Website zurück, von der Sie hierhergekommen sind, und beginnen Sie von vorn.
error-csrf = Dieses Formular ist abgelaufen. Gehen Sie zurück, laden Sie die Seite neu und versuchen Sie es erneut.
error-not-found = Diese Seite wurde nicht gefunden.
error-too-large = Die Anfrage war zu groß.
error-bad-request = Diese Anfrage konnten wir nicht verarbeiten.
error-unavailable = Der Dienst ist gerade überlastet oder nicht verfügbar. Bitte versuchen Sie es gleich noch einmal.
error-sms-failed = Die SMS konnte nicht gesendet werden. Bitte versuchen Sie es gleich noch einmal.
error-internal = Bei uns ist etwas schiefgelaufen. Bitte versuchen Sie es erneut.
flash-expired = Ihr Code ist abgelaufen. Geben Sie Ihre Nummer ein, um einen neuen zu erhalten.
start-over = Von vorn beginnen

help-title = Keine SMS erhalten?
help-delay = Es kann einige Minuten dauern, bis eine SMS ankommt.
help-options = Wenn die SMS nicht angekommen ist, können Sie einen neuen Code anfordern oder eine andere Nummer verwenden.
help-support = Support kontaktieren

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
challenge-needed = Bevor wir Ihnen einen Code per SMS senden, führt Ihr Browser kurz eine Bot-Prüfung durch. Danach sendet er das Formular automatisch erneut.
challenge-working = Bot-Prüfung läuft. Das dauert einige Sekunden…
challenge-done = Bot-Prüfung abgeschlossen.
challenge-failed = Die Bot-Prüfung hat nicht funktioniert. Klicken Sie erneut auf die Schaltfläche, um es noch einmal zu versuchen.
challenge-needs-js = Für diesen Schritt ist JavaScript nötig: Aktivieren Sie JavaScript oder verwenden Sie einen anderen Browser, um Ihren Code zu erhalten.

sms-body =
    { $minutes ->
        [one] Ihr Code für { $brand } lautet { $code }. Er ist { $minutes } Minute gültig.
       *[other] Ihr Code für { $brand } lautet { $code }. Er ist { $minutes } Minuten gültig.
    }
sms-body-seconds =
    { $seconds ->
        [one] Ihr Code für { $brand } lautet { $code }. Er ist { $seconds } Sekunde gültig.
       *[other] Ihr Code für { $brand } lautet { $code }. Er ist { $seconds } Sekunden gültig.
    }

outbox-title = SMS-Postausgang (Entwicklung)
outbox-intro = Nachrichten, die der Entwicklungs-Postausgang per SMS verschickt hätte, die neuesten zuerst. Niemals in der Produktion aktivieren.
outbox-empty = Noch keine Nachrichten.
outbox-to = An
outbox-sent-at = Gesendet
outbox-body = Nachricht

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Bevor wir Ihnen einen Code per SMS senden, ist eine kurze Bot-Prüfung nötig.
challenge-wait =
    { $seconds ->
        [one] Ohne JavaScript besteht die Bot-Prüfung aus einer Wartezeit: Warten Sie nach dem Öffnen dieser Seite { $seconds } Sekunde und drücken Sie dann die Schaltfläche.
       *[other] Ohne JavaScript besteht die Bot-Prüfung aus einer Wartezeit: Warten Sie nach dem Öffnen dieser Seite { $seconds } Sekunden und drücken Sie dann die Schaltfläche.
    }
challenge-wait-early =
    { $seconds ->
        [one] Noch nicht: Warten Sie noch { $seconds } Sekunde und drücken Sie dann erneut die Schaltfläche.
       *[other] Noch nicht: Warten Sie noch { $seconds } Sekunden und drücken Sie dann erneut die Schaltfläche.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] Zu viele Bot-Prüfungen ohne JavaScript aus Ihrem Netzwerk. Aktivieren Sie JavaScript oder versuchen Sie es in { $minutes } Minute erneut.
       *[other] Zu viele Bot-Prüfungen ohne JavaScript aus Ihrem Netzwerk. Aktivieren Sie JavaScript oder versuchen Sie es in { $minutes } Minuten erneut.
    }
dialog-close = Schließen
dialog-refused = Diese Website kann die Bestätigung nicht innerhalb ihrer Seite anzeigen. Fahren Sie fort, um Ihre Nummer auf einer eigenen Seite zu bestätigen; danach kommen Sie hierher zurück.
dialog-confirm-close = Wir haben Ihnen bereits einen Code per SMS gesendet. Die Bestätigung trotzdem schließen?
