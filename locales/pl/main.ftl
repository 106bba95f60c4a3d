# Polski.
language-name = Polski
skip-to-content = Przejdź do treści
language-switcher = Język

phone-title = Zweryfikuj numer telefonu
phone-intro = Wyślemy Ci kod SMS-em, aby potwierdzić, że ten numer należy do Ciebie.
phone-label = Numer telefonu
phone-hint = Na przykład { $example }
country-label = Kraj
country-hint = Potrzebny tylko wtedy, gdy numer nie zaczyna się od +
client-asks = { $client } chce potwierdzić Twój numer telefonu.
phone-submit = Wyślij mi kod
error-invalid-phone-country = Ten numer telefonu nie jest prawidłowy dla wybranego kraju: { $country }. Sprawdź go lub wybierz jego kraj z listy powyżej.
flash-expired-number = Kod wygasł. Sprawdź swój numer, a potem poproś o nowy kod.

code-title = Wpisz kod
code-intro = Wysłaliśmy kod SMS-em na numer { $phone }.
# Always after "numer": "na numer kończący się na 2671", so no case to choose.
number-ending-in = kończący się na { $last }
code-lifetime =
    { $minutes ->
        [one] Kod wygaśnie za { $minutes } minutę.
        [few] Kod wygaśnie za { $minutes } minuty.
        [many] Kod wygaśnie za { $minutes } minut.
       *[other] Kod wygaśnie za { $minutes } minuty.
    }
code-lifetime-seconds =
    { $seconds ->
        [one] Kod wygaśnie za { $seconds } sekundę.
        [few] Kod wygaśnie za { $seconds } sekundy.
        [many] Kod wygaśnie za { $seconds } sekund.
       *[other] Kod wygaśnie za { $seconds } sekundy.
    }
code-expired-title = Kod wygasł
code-expired-intro = Kod wysłany na numer { $phone } wygasł. Poproś o nowy.
code-locked-title = Zbyt wiele błędnych kodów
code-label = { $length }-cyfrowy kod
code-submit = Zweryfikuj
code-attempts-left =
    { $count ->
        [one] Została Ci { $count } próba.
        [few] Zostały Ci { $count } próby.
        [many] Zostało Ci { $count } prób.
       *[other] Zostało Ci { $count } próby.
    }
code-resend = Wyślij mi nowy kod
code-resend-wait = O nowy kod możesz poprosić za { $time }.
code-resend-ready = Możesz już poprosić o nowy kod.
code-resend-after =
    { $seconds ->
        [one] O nowy kod możesz poprosić { $seconds } sekundę po wysłaniu poprzedniego.
        [few] O nowy kod możesz poprosić { $seconds } sekundy po wysłaniu poprzedniego.
        [many] O nowy kod możesz poprosić { $seconds } sekund po wysłaniu poprzedniego.
       *[other] O nowy kod możesz poprosić { $seconds } sekundy po wysłaniu poprzedniego.
    }
code-change-number = Użyj innego numeru
code-sent = Wysłaliśmy Ci nowy kod.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] Możesz ponownie spróbować z tym numerem za { $minutes } minutę.
        [few] Możesz ponownie spróbować z tym numerem za { $minutes } minuty.
        [many] Możesz ponownie spróbować z tym numerem za { $minutes } minut.
       *[other] Możesz ponownie spróbować z tym numerem za { $minutes } minuty.
    }

done-title = Numer telefonu zweryfikowany
done-body = Zweryfikowaliśmy numer { $phone }. Możesz zamknąć tę stronę.
done-continue = Dalej

error-title = Coś poszło nie tak
error-title-prefix = Błąd: { $title }
error-summary-title = Wystąpił problem
error-empty-phone = Wpisz numer telefonu.
error-invalid-phone = To nie wygląda na prawidłowy numer telefonu. Sprawdź go i dodaj numer kierunkowy kraju, jeśli numer nie pochodzi z wybranego kraju.
error-not-mobile = Ten numer nie może odbierać SMS-ów. Użyj numeru komórkowego.
error-incorrect-code =
    { $count ->
        [one] Ten kod jest nieprawidłowy. Została Ci { $count } próba.
        [few] Ten kod jest nieprawidłowy. Zostały Ci { $count } próby.
        [many] Ten kod jest nieprawidłowy. Zostało Ci { $count } prób.
       *[other] Ten kod jest nieprawidłowy. Zostało Ci { $count } próby.
    }
error-opted-out = Ten numer zrezygnował z otrzymywania od nas SMS-ów. Wyślij START na numer, z którego przychodzą nasze wiadomości, a potem spróbuj ponownie.
error-expired = Ten kod wygasł. Poproś o nowy.
error-empty-code = Wpisz kod, który wysłaliśmy Ci SMS-em.
error-code-format =
    { $length ->
        [one] Kod ma { $length } cyfrę. Sprawdź go i spróbuj ponownie.
        [few] Kod ma { $length } cyfry. Sprawdź go i spróbuj ponownie.
        [many] Kod ma { $length } cyfr. Sprawdź go i spróbuj ponownie.
       *[other] Kod ma { $length } cyfry. Sprawdź go i spróbuj ponownie.
    }
error-max-attempts = Zbyt wiele błędnych kodów. Zacznij od nowa, aby otrzymać nowy kod.
error-no-longer-valid = Tego kodu nie można już użyć. Zacznij od nowa, aby otrzymać nowy kod.
error-cooldown =
    { $seconds ->
        [one] Poczekaj { $seconds } sekundę, zanim poprosisz o kolejny kod.
        [few] Poczekaj { $seconds } sekundy, zanim poprosisz o kolejny kod.
        [many] Poczekaj { $seconds } sekund, zanim poprosisz o kolejny kod.
       *[other] Poczekaj { $seconds } sekundy, zanim poprosisz o kolejny kod.
    }
error-quota =
    { $minutes ->
        [one] Wysłaliśmy na ten numer zbyt wiele kodów. Spróbuj ponownie za { $minutes } minutę.
        [few] Wysłaliśmy na ten numer zbyt wiele kodów. Spróbuj ponownie za { $minutes } minuty.
        [many] Wysłaliśmy na ten numer zbyt wiele kodów. Spróbuj ponownie za { $minutes } minut.
       *[other] Wysłaliśmy na ten numer zbyt wiele kodów. Spróbuj ponownie za { $minutes } minuty.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] Dla tego numeru wpisano zbyt wiele błędnych kodów. Spróbuj ponownie za { $minutes } minutę.
        [few] Dla tego numeru wpisano zbyt wiele błędnych kodów. Spróbuj ponownie za { $minutes } minuty.
        [many] Dla tego numeru wpisano zbyt wiele błędnych kodów. Spróbuj ponownie za { $minutes } minut.
       *[other] Dla tego numeru wpisano zbyt wiele błędnych kodów. Spróbuj ponownie za { $minutes } minuty.
    }
error-country-not-allowed = Nie możemy wysyłać kodów na numery z tego kraju.
error-blocked = Nie możemy teraz wysłać kodu na ten numer. Spróbuj ponownie później.
error-budget = Nie możemy teraz wysłać więcej kodów. Spróbuj ponownie później.
error-rate-limited = Zbyt wiele żądań z Twojej sieci. Odczekaj minutę i spróbuj ponownie.
error-bad-client = Ten link weryfikacyjny jest nieprawidłowy. Wróć do witryny, która Cię tu skierowała, i spróbuj ponownie.
error-flow-expired = Ta strona weryfikacji wygasła. Wróć do witryny, która Cię tu skierowała, i zacznij od nowa.
error-csrf = Ten formularz wygasł. Wróć, odśwież stronę i spróbuj ponownie.
error-not-found = Nie znaleźliśmy tej strony.
error-too-large = To żądanie jest zbyt duże.
error-bad-request = Nie udało się zrozumieć tego żądania.
error-unavailable = Usługa jest teraz przeciążona lub niedostępna. Spróbuj ponownie za chwilę.
error-sms-failed = Nie udało się wysłać SMS-a. Spróbuj ponownie za chwilę.
error-internal = Coś poszło nie tak po naszej stronie. Spróbuj ponownie.
flash-expired = Kod wygasł. Wpisz swój numer, aby otrzymać nowy.
start-over = Zacznij od nowa

help-title = Nie dotarł SMS?
help-delay = Dostarczenie SMS-a może potrwać kilka minut.
help-options = Jeśli nadal go nie ma, możesz poprosić o nowy kod lub użyć innego numeru.
help-support = Skontaktuj się z pomocą techniczną

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "sprawdzanie", never "weryfikacja": that word is the number's.
challenge-needed = Zanim wyślemy Ci kod SMS-em, Twoja przeglądarka musi szybko sprawdzić, czy nie jesteś botem. Gdy skończy, sama ponownie wyśle formularz.
challenge-working = Sprawdzamy, czy nie jesteś botem. To potrwa kilka sekund…
challenge-done = Sprawdzanie zakończone.
challenge-failed = Sprawdzanie nie powiodło się. Naciśnij przycisk jeszcze raz, aby spróbować ponownie.
challenge-needs-js = Ten krok wymaga JavaScriptu: włącz go lub użyj innej przeglądarki, aby otrzymać kod.

# Written without ą, ć, ę, ł, ń, ó, ś, ź, ż (none of them is GSM-7), so the SMS
# stays GSM-7; "min." reads the same for every number.
sms-body = Kod weryfikacyjny { $brand }: { $code }. Wygasa za { $minutes } min.
sms-body-seconds = Kod weryfikacyjny { $brand }: { $code }. Wygasa za { $seconds } sek.

outbox-title = Skrzynka nadawcza SMS (tryb deweloperski)
outbox-intro = Wiadomości, które wysłałaby deweloperska skrzynka nadawcza, od najnowszych. Nigdy nie włączaj jej w środowisku produkcyjnym.
outbox-empty = Brak wiadomości.
outbox-to = Do
outbox-sent-at = Wysłano
outbox-body = Treść

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Zanim wyślemy Ci kod SMS-em, musimy sprawdzić, czy nie jesteś botem.
challenge-wait =
    { $seconds ->
        [one] Bez JavaScriptu zamiast sprawdzania wystarczy chwilę poczekać: odczekaj { $seconds } sekundę od otwarcia tej strony, a potem naciśnij przycisk.
        [few] Bez JavaScriptu zamiast sprawdzania wystarczy chwilę poczekać: odczekaj { $seconds } sekundy od otwarcia tej strony, a potem naciśnij przycisk.
        [many] Bez JavaScriptu zamiast sprawdzania wystarczy chwilę poczekać: odczekaj { $seconds } sekund od otwarcia tej strony, a potem naciśnij przycisk.
       *[other] Bez JavaScriptu zamiast sprawdzania wystarczy chwilę poczekać: odczekaj { $seconds } sekundy od otwarcia tej strony, a potem naciśnij przycisk.
    }
challenge-wait-early =
    { $seconds ->
        [one] Za wcześnie: odczekaj jeszcze { $seconds } sekundę, a potem ponownie naciśnij przycisk.
        [few] Za wcześnie: odczekaj jeszcze { $seconds } sekundy, a potem ponownie naciśnij przycisk.
        [many] Za wcześnie: odczekaj jeszcze { $seconds } sekund, a potem ponownie naciśnij przycisk.
       *[other] Za wcześnie: odczekaj jeszcze { $seconds } sekundy, a potem ponownie naciśnij przycisk.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] Zbyt wiele sprawdzeń bez JavaScriptu z Twojej sieci. Włącz JavaScript lub spróbuj ponownie za { $minutes } minutę.
        [few] Zbyt wiele sprawdzeń bez JavaScriptu z Twojej sieci. Włącz JavaScript lub spróbuj ponownie za { $minutes } minuty.
        [many] Zbyt wiele sprawdzeń bez JavaScriptu z Twojej sieci. Włącz JavaScript lub spróbuj ponownie za { $minutes } minut.
       *[other] Zbyt wiele sprawdzeń bez JavaScriptu z Twojej sieci. Włącz JavaScript lub spróbuj ponownie za { $minutes } minuty.
    }
dialog-close = Zamknij
dialog-refused = Ta witryna nie może wyświetlić weryfikacji na swojej stronie. Przejdź dalej, aby zweryfikować numer na osobnej stronie; potem wrócisz tutaj.
dialog-confirm-close = Wysłaliśmy Ci już kod SMS-em. Czy mimo to zamknąć weryfikację?
