# Nederlands.
language-name = Nederlands
skip-to-content = Naar de inhoud
language-switcher = Taal

phone-title = Verifieer je telefoonnummer
phone-intro = We sturen je een code per sms om te bevestigen dat dit nummer van jou is.
phone-label = Telefoonnummer
phone-hint = Bijvoorbeeld { $example }
country-label = Land
country-hint = Alleen nodig als je nummer niet met + begint
client-asks = { $client } wil je telefoonnummer bevestigen.
phone-submit = Stuur me een code
error-invalid-phone-country = Dit is geen geldig telefoonnummer voor { $country }. Controleer het nummer of kies het land ervan in de lijst hierboven.
flash-expired-number = Je code is verlopen. Controleer je nummer en vraag dan een nieuwe code aan.

code-title = Voer je code in
code-intro = We hebben een code per sms gestuurd naar { $phone }.
number-ending-in = het nummer dat eindigt op { $last }
code-lifetime =
    { $minutes ->
        [one] De code verloopt over { $minutes } minuut.
       *[other] De code verloopt over { $minutes } minuten.
    }
code-lifetime-seconds =
    { $seconds ->
        [one] De code verloopt over { $seconds } seconde.
       *[other] De code verloopt over { $seconds } seconden.
    }
code-expired-title = Je code is verlopen
code-expired-intro = De code die we naar { $phone } hebben gestuurd, is verlopen. Vraag een nieuwe aan.
code-locked-title = Te veel onjuiste codes
code-label = Code van { $length } cijfers
code-submit = Verifiëren
code-attempts-left =
    { $count ->
        [one] Je hebt nog { $count } poging.
       *[other] Je hebt nog { $count } pogingen.
    }
code-resend = Stuur me een nieuwe code
code-resend-wait = Je kunt over { $time } een nieuwe code aanvragen.
code-resend-ready = Je kunt nu een nieuwe code aanvragen.
code-resend-after =
    { $seconds ->
        [one] Je kunt { $seconds } seconde na het versturen van de code een nieuwe aanvragen.
       *[other] Je kunt { $seconds } seconden na het versturen van de code een nieuwe aanvragen.
    }
code-change-number = Een ander nummer gebruiken
code-sent = We hebben je een nieuwe code gestuurd.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] Je kunt dit nummer over { $minutes } minuut opnieuw proberen.
       *[other] Je kunt dit nummer over { $minutes } minuten opnieuw proberen.
    }

done-title = Telefoonnummer geverifieerd
done-body = We hebben { $phone } geverifieerd. Je kunt deze pagina sluiten.
done-continue = Doorgaan

error-title = Er is iets misgegaan
error-title-prefix = Fout: { $title }
error-summary-title = Er is een probleem
error-empty-phone = Voer je telefoonnummer in.
error-invalid-phone = Dit lijkt geen geldig telefoonnummer. Controleer het en voeg de landcode toe als het nummer niet uit het geselecteerde land komt.
error-not-mobile = Dit nummer kan geen sms’jes ontvangen. Gebruik een mobiel nummer.
error-incorrect-code =
    { $count ->
        [one] Die code klopt niet. Je hebt nog { $count } poging.
       *[other] Die code klopt niet. Je hebt nog { $count } pogingen.
    }
error-opted-out = Dit nummer heeft zich afgemeld voor onze sms’jes. Stuur START naar het nummer waar onze berichten vandaan komen en probeer het daarna opnieuw.
error-expired = Deze code is verlopen. Vraag een nieuwe aan.
error-empty-code = Voer de code in die we je per sms hebben gestuurd.
error-code-format = De code bestaat uit { $length } cijfers. Controleer de code en probeer het opnieuw.
error-max-attempts = Te veel onjuiste codes. Begin opnieuw om een nieuwe code te krijgen.
error-no-longer-valid = Deze code kan niet meer worden gebruikt. Begin opnieuw om een nieuwe code te krijgen.
error-cooldown =
    { $seconds ->
        [one] Wacht { $seconds } seconde voordat je een nieuwe code aanvraagt.
       *[other] Wacht { $seconds } seconden voordat je een nieuwe code aanvraagt.
    }
error-quota =
    { $minutes ->
        [one] We hebben te veel codes naar dit nummer gestuurd. Probeer het over { $minutes } minuut opnieuw.
       *[other] We hebben te veel codes naar dit nummer gestuurd. Probeer het over { $minutes } minuten opnieuw.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] Er zijn te veel onjuiste codes ingevoerd voor dit nummer. Probeer het over { $minutes } minuut opnieuw.
       *[other] Er zijn te veel onjuiste codes ingevoerd voor dit nummer. Probeer het over { $minutes } minuten opnieuw.
    }
error-country-not-allowed = We kunnen geen codes sturen naar nummers in dit land.
error-blocked = We kunnen op dit moment geen codes naar dit nummer sturen. Probeer het later opnieuw.
error-budget = We kunnen op dit moment geen codes meer sturen. Probeer het later opnieuw.
error-rate-limited = Te veel verzoeken vanaf je netwerk. Wacht een minuut en probeer het opnieuw.
error-bad-client = Deze verificatielink is niet geldig. Ga terug naar de website die je hierheen heeft gestuurd en probeer het opnieuw.
error-flow-expired = Deze verificatiepagina is verlopen. Ga terug naar de website die je hierheen heeft gestuurd en begin opnieuw.
error-csrf = Dit formulier is verlopen. Ga terug, laad de pagina opnieuw en probeer het nog een keer.
error-not-found = We konden deze pagina niet vinden.
error-too-large = Dit verzoek is te groot.
error-bad-request = We begrijpen dit verzoek niet.
error-unavailable = De dienst is op dit moment overbelast of niet beschikbaar. Probeer het zo opnieuw.
error-sms-failed = We konden de sms niet versturen. Probeer het zo opnieuw.
error-internal = Er is bij ons iets misgegaan. Probeer het opnieuw.
flash-expired = Je code is verlopen. Voer je nummer in om een nieuwe te krijgen.
start-over = Opnieuw beginnen

help-title = Geen sms ontvangen?
help-delay = Het kan een paar minuten duren voordat een sms aankomt.
help-options = Nog steeds niets? Dan kun je een nieuwe code aanvragen of een ander nummer gebruiken.
help-support = Neem contact op met de klantenservice

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "controle", never "verificatie": that word is the number's.
challenge-needed = Voordat we je een code per sms sturen, voert je browser een korte controle uit om na te gaan of je geen bot bent. Daarna verstuurt je browser het formulier vanzelf opnieuw.
challenge-working = We controleren of je geen bot bent. Dit duurt een paar seconden…
challenge-done = Controle voltooid.
challenge-failed = De controle is niet gelukt. Druk nog een keer op de knop om het opnieuw te proberen.
challenge-needs-js = Voor deze stap is JavaScript nodig: zet het aan of gebruik een andere browser om je code te krijgen.

sms-body =
    { $minutes ->
        [one] Je code voor { $brand } is { $code }. De code verloopt over { $minutes } minuut.
       *[other] Je code voor { $brand } is { $code }. De code verloopt over { $minutes } minuten.
    }
sms-body-seconds =
    { $seconds ->
        [one] Je code voor { $brand } is { $code }. De code verloopt over { $seconds } seconde.
       *[other] Je code voor { $brand } is { $code }. De code verloopt over { $seconds } seconden.
    }

outbox-title = Sms-outbox (ontwikkeling)
outbox-intro = Berichten die de ontwikkel-outbox zou hebben verstuurd, nieuwste eerst. Zet dit nooit aan in productie.
outbox-empty = Nog geen berichten.
outbox-to = Aan
outbox-sent-at = Verstuurd
outbox-body = Bericht

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Voordat we je een code per sms sturen, moeten we controleren of je geen bot bent.
challenge-wait =
    { $seconds ->
        [one] Zonder JavaScript bestaat deze controle uit wachten: wacht { $seconds } seconde nadat deze pagina is geopend en druk dan op de knop.
       *[other] Zonder JavaScript bestaat deze controle uit wachten: wacht { $seconds } seconden nadat deze pagina is geopend en druk dan op de knop.
    }
challenge-wait-early =
    { $seconds ->
        [one] Nog niet: wacht nog { $seconds } seconde en druk dan opnieuw op de knop.
       *[other] Nog niet: wacht nog { $seconds } seconden en druk dan opnieuw op de knop.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] Te veel controles zonder JavaScript vanaf je netwerk. Zet JavaScript aan of probeer het over { $minutes } minuut opnieuw.
       *[other] Te veel controles zonder JavaScript vanaf je netwerk. Zet JavaScript aan of probeer het over { $minutes } minuten opnieuw.
    }
dialog-close = Sluiten
dialog-refused = Deze site kan de verificatie niet binnen de eigen pagina tonen. Ga verder om je nummer op een aparte pagina te verifiëren; daarna kom je hier terug.
dialog-confirm-close = We hebben je al een code per sms gestuurd. De verificatie toch sluiten?
