# Italiano.
language-name = Italiano
skip-to-content = Vai al contenuto
language-switcher = Lingua

phone-title = Verifica il tuo numero di telefono
phone-intro = Ti invieremo un codice via SMS per confermare che questo numero è tuo.
phone-label = Numero di telefono
phone-hint = Ad esempio { $example }
country-label = Paese
country-hint = Serve solo se il numero non inizia con +
client-asks = { $client } vuole confermare il tuo numero di telefono.
phone-submit = Inviami un codice
error-invalid-phone-country = Questo numero di telefono non è valido per il Paese selezionato: { $country }. Controllalo o scegli il suo Paese nell’elenco qui sopra.
flash-expired-number = Il codice è scaduto. Controlla il tuo numero, poi richiedi un nuovo codice.

code-title = Inserisci il codice
code-intro = Abbiamo inviato un codice via SMS al numero { $phone }.
# After "al numero" / "il numero": "il numero che termina con 2671".
number-ending-in = che termina con { $last }
code-lifetime =
    { $minutes ->
        [one] Il codice scade tra { $minutes } minuto.
        [many] Il codice scade tra { $minutes } di minuti.
       *[other] Il codice scade tra { $minutes } minuti.
    }
code-lifetime-seconds =
    { $seconds ->
        [one] Il codice scade tra { $seconds } secondo.
        [many] Il codice scade tra { $seconds } di secondi.
       *[other] Il codice scade tra { $seconds } secondi.
    }
code-expired-title = Il codice è scaduto
code-expired-intro = Il codice che abbiamo inviato al numero { $phone } è scaduto. Richiedine uno nuovo.
code-locked-title = Troppi codici errati
code-label = Codice di { $length } cifre
code-submit = Verifica
code-attempts-left =
    { $count ->
        [one] Hai ancora { $count } tentativo.
        [many] Hai ancora { $count } di tentativi.
       *[other] Hai ancora { $count } tentativi.
    }
code-resend = Inviami un nuovo codice
code-resend-wait = Potrai richiedere un nuovo codice tra { $time }.
code-resend-ready = Ora puoi richiedere un nuovo codice.
code-resend-after =
    { $seconds ->
        [one] Puoi richiedere un nuovo codice { $seconds } secondo dopo l’invio.
        [many] Puoi richiedere un nuovo codice { $seconds } di secondi dopo l’invio.
       *[other] Puoi richiedere un nuovo codice { $seconds } secondi dopo l’invio.
    }
code-change-number = Usa un altro numero
code-sent = Ti abbiamo inviato un nuovo codice via SMS.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] Potrai riprovare con questo numero tra { $minutes } minuto.
        [many] Potrai riprovare con questo numero tra { $minutes } minuti.
       *[other] Potrai riprovare con questo numero tra { $minutes } minuti.
    }

done-title = Numero di telefono verificato
done-body = Abbiamo verificato il numero { $phone }. Puoi chiudere questa pagina.
done-continue = Continua

error-title = Si è verificato un errore
error-title-prefix = Errore: { $title }
error-summary-title = C’è un problema
error-empty-phone = Inserisci il tuo numero di telefono.
error-invalid-phone = Il numero di telefono non sembra valido. Controllalo e, se non è del Paese selezionato, aggiungi il prefisso internazionale.
error-not-mobile = Questo numero non può ricevere SMS. Usa un numero di cellulare.
error-incorrect-code =
    { $count ->
        [one] Il codice non è corretto. Hai ancora { $count } tentativo.
        [many] Il codice non è corretto. Hai ancora { $count } di tentativi.
       *[other] Il codice non è corretto. Hai ancora { $count } tentativi.
    }
error-opted-out = Questo numero ha scelto di non ricevere i nostri SMS. Invia START al numero da cui arrivano i nostri messaggi, poi riprova.
error-expired = Questo codice è scaduto. Richiedine uno nuovo.
error-empty-code = Inserisci il codice che ti abbiamo inviato via SMS.
error-code-format = Il codice è di { $length } cifre. Controllalo e riprova.
error-max-attempts = Troppi codici errati. Ricomincia per ricevere un nuovo codice.
error-no-longer-valid = Questo codice non può più essere usato. Ricomincia per ricevere un nuovo codice.
error-cooldown =
    { $seconds ->
        [one] Attendi { $seconds } secondo prima di richiedere un altro codice.
        [many] Attendi { $seconds } di secondi prima di richiedere un altro codice.
       *[other] Attendi { $seconds } secondi prima di richiedere un altro codice.
    }
error-quota =
    { $minutes ->
        [one] Abbiamo inviato troppi codici a questo numero. Riprova tra { $minutes } minuto.
        [many] Abbiamo inviato troppi codici a questo numero. Riprova tra { $minutes } di minuti.
       *[other] Abbiamo inviato troppi codici a questo numero. Riprova tra { $minutes } minuti.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] Sono stati inseriti troppi codici errati per questo numero. Riprova tra { $minutes } minuto.
        [many] Sono stati inseriti troppi codici errati per questo numero. Riprova tra { $minutes } di minuti.
       *[other] Sono stati inseriti troppi codici errati per questo numero. Riprova tra { $minutes } minuti.
    }
error-country-not-allowed = Non possiamo inviare codici ai numeri di questo Paese.
error-blocked = Al momento non possiamo inviare codici a questo numero. Riprova più tardi.
error-budget = Al momento non possiamo inviare altri codici. Riprova più tardi.
error-rate-limited = Troppe richieste dalla tua rete. Attendi un minuto e riprova.
error-bad-client = Questo link di verifica non è valido. Torna al sito che ti ha indirizzato qui e riprova.
error-flow-expired = Questa pagina di verifica è scaduta. Torna al sito che ti ha indirizzato qui e ricomincia.
error-csrf = Questo modulo è scaduto. Torna indietro, ricarica la pagina e riprova.
error-not-found = Non abbiamo trovato questa pagina.
error-too-large = La richiesta è troppo grande.
error-bad-request = Non siamo riusciti a interpretare la richiesta.
error-unavailable = Il servizio è occupato o non disponibile al momento. Riprova tra poco.
error-sms-failed = Non siamo riusciti a inviare l’SMS. Riprova tra poco.
error-internal = Si è verificato un errore nei nostri sistemi. Riprova.
flash-expired = Il codice è scaduto. Inserisci il tuo numero per riceverne uno nuovo.
start-over = Ricomincia

help-title = Non hai ricevuto l’SMS?
help-delay = Gli SMS possono impiegare qualche minuto ad arrivare.
help-options = Se non è arrivato, puoi richiedere un nuovo codice o usare un altro numero.
help-support = Contatta l’assistenza

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "controllo", never "verifica": that word is the number's.
challenge-needed = Prima di inviarti un codice via SMS, il tuo browser deve eseguire un breve controllo per accertare che tu non sia un bot. Al termine, invierà di nuovo il modulo automaticamente.
challenge-working = Stiamo controllando che tu non sia un bot. Ci vorrà qualche secondo…
challenge-done = Controllo completato.
challenge-failed = Il controllo non è riuscito. Premi di nuovo il pulsante per riprovare.
challenge-needs-js = Questo passaggio richiede JavaScript: attivalo o usa un altro browser per ricevere il codice.

# GSM-7: è is in the GSM alphabet; no typographic apostrophe here.
sms-body =
    { $minutes ->
        [one] Il tuo codice { $brand } è { $code }. Scade tra { $minutes } minuto.
        [many] Il tuo codice { $brand } è { $code }. Scade tra { $minutes } di minuti.
       *[other] Il tuo codice { $brand } è { $code }. Scade tra { $minutes } minuti.
    }
sms-body-seconds =
    { $seconds ->
        [one] Il tuo codice { $brand } è { $code }. Scade tra { $seconds } secondo.
        [many] Il tuo codice { $brand } è { $code }. Scade tra { $seconds } di secondi.
       *[other] Il tuo codice { $brand } è { $code }. Scade tra { $seconds } secondi.
    }

outbox-title = SMS in uscita (sviluppo)
outbox-intro = I messaggi che la casella di sviluppo avrebbe inviato, dal più recente. Non attivarla mai in produzione.
outbox-empty = Ancora nessun messaggio.
outbox-to = Destinatario
outbox-sent-at = Inviato
outbox-body = Messaggio

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Prima di inviarti un codice via SMS, dobbiamo controllare che tu non sia un bot.
challenge-wait =
    { $seconds ->
        [one] Senza JavaScript, al posto del controllo c’è un’attesa: attendi { $seconds } secondo dall’apertura di questa pagina, poi premi il pulsante.
        [many] Senza JavaScript, al posto del controllo c’è un’attesa: attendi { $seconds } di secondi dall’apertura di questa pagina, poi premi il pulsante.
       *[other] Senza JavaScript, al posto del controllo c’è un’attesa: attendi { $seconds } secondi dall’apertura di questa pagina, poi premi il pulsante.
    }
challenge-wait-early =
    { $seconds ->
        [one] Troppo presto: attendi ancora { $seconds } secondo, poi premi di nuovo il pulsante.
        [many] Troppo presto: attendi ancora { $seconds } di secondi, poi premi di nuovo il pulsante.
       *[other] Troppo presto: attendi ancora { $seconds } secondi, poi premi di nuovo il pulsante.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] Troppi controlli senza JavaScript dalla tua rete. Attiva JavaScript o riprova tra { $minutes } minuto.
        [many] Troppi controlli senza JavaScript dalla tua rete. Attiva JavaScript o riprova tra { $minutes } di minuti.
       *[other] Troppi controlli senza JavaScript dalla tua rete. Attiva JavaScript o riprova tra { $minutes } minuti.
    }
dialog-close = Chiudi
dialog-refused = Questo sito non può mostrare la verifica all’interno della sua pagina. Continua per verificare il tuo numero in una pagina a parte; al termine tornerai qui.
dialog-confirm-close = Ti abbiamo già inviato un codice via SMS. Chiudere comunque la verifica?
