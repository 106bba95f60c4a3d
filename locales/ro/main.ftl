# Română.
language-name = Română
skip-to-content = Salt la conținut
language-switcher = Limbă

phone-title = Verificați numărul de telefon
phone-intro = Vă vom trimite un cod prin SMS pentru a confirma că acest număr vă aparține.
phone-label = Număr de telefon
phone-hint = De exemplu, { $example }
country-label = Țară
country-hint = Necesară doar dacă numărul nu începe cu +
client-asks = { $client } dorește să vă confirme numărul de telefon.
phone-submit = Trimiteți-mi un cod
error-invalid-phone-country = Acesta nu este un număr de telefon valid pentru țara selectată: { $country }. Verificați-l sau alegeți-i țara din lista de mai sus.
flash-expired-number = Codul a expirat. Verificați numărul, apoi cereți un cod nou.

code-title = Introduceți codul
code-intro = V-am trimis un cod prin SMS la { $phone }.
number-ending-in = numărul care se termină în { $last }
# Romanian: one (1), few (0, 2–19, 101–119…), other (20 and up: "de").
code-lifetime =
    { $minutes ->
        [one] Codul expiră în { $minutes } minut.
        [few] Codul expiră în { $minutes } minute.
       *[other] Codul expiră în { $minutes } de minute.
    }
code-lifetime-seconds =
    { $seconds ->
        [one] Codul expiră în { $seconds } secundă.
        [few] Codul expiră în { $seconds } secunde.
       *[other] Codul expiră în { $seconds } de secunde.
    }
code-expired-title = Codul a expirat
code-expired-intro = Codul trimis la { $phone } a expirat. Solicitați unul nou.
code-locked-title = Prea multe coduri greșite
code-label =
    { $length ->
        [one] Cod din { $length } cifră
        [few] Cod din { $length } cifre
       *[other] Cod din { $length } de cifre
    }
code-submit = Verificați
code-attempts-left =
    { $count ->
        [one] Mai aveți { $count } încercare.
        [few] Mai aveți { $count } încercări.
       *[other] Mai aveți { $count } de încercări.
    }
code-resend = Trimiteți-mi un cod nou
code-resend-wait = Puteți solicita un cod nou peste { $time }.
code-resend-ready = Acum puteți solicita un cod nou.
code-resend-after =
    { $seconds ->
        [one] Puteți solicita un cod nou la { $seconds } secundă după ce v-am trimis codul.
        [few] Puteți solicita un cod nou la { $seconds } secunde după ce v-am trimis codul.
       *[other] Puteți solicita un cod nou la { $seconds } de secunde după ce v-am trimis codul.
    }
code-change-number = Folosiți alt număr
code-sent = V-am trimis un cod nou.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] Puteți încerca din nou acest număr peste { $minutes } minut.
        [few] Puteți încerca din nou acest număr peste { $minutes } minute.
       *[other] Puteți încerca din nou acest număr peste { $minutes } de minute.
    }

done-title = Număr de telefon verificat
done-body = Am verificat { $phone }. Puteți închide această pagină.
done-continue = Continuați

error-title = A apărut o problemă
error-title-prefix = Eroare: { $title }
error-summary-title = Există o problemă
error-empty-phone = Introduceți numărul de telefon.
error-invalid-phone = Acesta nu pare un număr de telefon valid. Verificați-l și adăugați prefixul țării dacă numărul nu este din țara selectată.
error-not-mobile = Acest număr nu poate primi SMS-uri. Folosiți un număr de mobil.
error-incorrect-code =
    { $count ->
        [one] Codul nu este corect. Mai aveți { $count } încercare.
        [few] Codul nu este corect. Mai aveți { $count } încercări.
       *[other] Codul nu este corect. Mai aveți { $count } de încercări.
    }
error-opted-out = Acest număr s-a dezabonat de la SMS-urile noastre. Trimiteți START la numărul de pe care primiți mesajele noastre, apoi încercați din nou.
error-expired = Acest cod a expirat. Solicitați unul nou.
error-empty-code = Introduceți codul pe care vi l-am trimis prin SMS.
error-code-format =
    { $length ->
        [one] Codul are { $length } cifră. Verificați-l și încercați din nou.
        [few] Codul are { $length } cifre. Verificați-l și încercați din nou.
       *[other] Codul are { $length } de cifre. Verificați-l și încercați din nou.
    }
error-max-attempts = Prea multe coduri greșite. Începeți din nou pentru a primi un cod nou.
error-no-longer-valid = Acest cod nu mai poate fi folosit. Începeți din nou pentru a primi un cod nou.
error-cooldown =
    { $seconds ->
        [one] Așteptați { $seconds } secundă înainte de a solicita alt cod.
        [few] Așteptați { $seconds } secunde înainte de a solicita alt cod.
       *[other] Așteptați { $seconds } de secunde înainte de a solicita alt cod.
    }
error-quota =
    { $minutes ->
        [one] Am trimis prea multe coduri la acest număr. Încercați din nou peste { $minutes } minut.
        [few] Am trimis prea multe coduri la acest număr. Încercați din nou peste { $minutes } minute.
       *[other] Am trimis prea multe coduri la acest număr. Încercați din nou peste { $minutes } de minute.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] Au fost introduse prea multe coduri greșite pentru acest număr. Încercați din nou peste { $minutes } minut.
        [few] Au fost introduse prea multe coduri greșite pentru acest număr. Încercați din nou peste { $minutes } minute.
       *[other] Au fost introduse prea multe coduri greșite pentru acest număr. Încercați din nou peste { $minutes } de minute.
    }
error-country-not-allowed = Nu putem trimite coduri la numere din această țară.
error-blocked = Momentan nu putem trimite coduri la acest număr. Încercați din nou mai târziu.
error-budget = Momentan nu mai putem trimite coduri. Încercați din nou mai târziu.
error-rate-limited = Prea multe solicitări din rețeaua dvs. Așteptați un minut și încercați din nou.
error-bad-client = Acest link de verificare nu este valid. Reveniți la site-ul care v-a trimis aici și încercați din nou.
error-flow-expired = Această pagină de verificare a expirat. Reveniți la site-ul care v-a trimis aici și începeți din nou.
error-csrf = Acest formular a expirat. Reveniți, reîncărcați pagina și încercați din nou.
error-not-found = Nu am găsit această pagină.
error-too-large = Solicitarea este prea mare.
error-bad-request = Nu am putut înțelege această solicitare.
error-unavailable = Serviciul este supraîncărcat sau indisponibil momentan. Încercați din nou în câteva momente.
error-sms-failed = Nu am putut trimite SMS-ul. Încercați din nou în câteva momente.
error-internal = A apărut o eroare în sistemul nostru. Încercați din nou.
flash-expired = Codul a expirat. Introduceți numărul pentru a primi unul nou.
start-over = Începeți din nou

help-title = Nu ați primit SMS-ul?
help-delay = Poate dura câteva minute până ajunge un SMS.
help-options = Dacă nu a sosit, puteți solicita un cod nou sau puteți folosi alt număr.
help-support = Contactați asistența

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
# "test", never "verificare": that word is the number's.
challenge-needed = Înainte să vă trimitem un cod prin SMS, browserul dvs. trebuie să efectueze un scurt test, ca să ne asigurăm că nu sunteți un robot. La final, va retrimite automat formularul.
challenge-working = Ne asigurăm că nu sunteți un robot. Durează câteva secunde…
challenge-done = Test finalizat.
challenge-failed = Testul nu a reușit. Apăsați din nou butonul pentru a reîncerca.
challenge-needs-js = Acest pas necesită JavaScript: activați-l sau folosiți alt browser pentru a primi codul.

# Without diacritics (ă, â, î, ș, ț are not GSM-7), as Romanian SMS usually are,
# so the text stays GSM-7.
sms-body =
    { $minutes ->
        [one] Codul de verificare { $brand }: { $code }. Valabil { $minutes } minut.
        [few] Codul de verificare { $brand }: { $code }. Valabil { $minutes } minute.
       *[other] Codul de verificare { $brand }: { $code }. Valabil { $minutes } de minute.
    }
sms-body-seconds =
    { $seconds ->
        [one] Codul de verificare { $brand }: { $code }. Valabil { $seconds } secunda.
        [few] Codul de verificare { $brand }: { $code }. Valabil { $seconds } secunde.
       *[other] Codul de verificare { $brand }: { $code }. Valabil { $seconds } de secunde.
    }

outbox-title = SMS-uri trimise (dezvoltare)
outbox-intro = Mesajele pe care le-ar fi trimis căsuța de ieșire de dezvoltare, cele mai noi primele. Nu o activați niciodată în producție.
outbox-empty = Niciun mesaj deocamdată.
outbox-to = Către
outbox-sent-at = Trimis
outbox-body = Mesaj

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Înainte să vă trimitem un cod prin SMS, trebuie să ne asigurăm că nu sunteți un robot.
challenge-wait =
    { $seconds ->
        [one] Fără JavaScript, testul constă într-o scurtă așteptare: așteptați { $seconds } secundă după deschiderea acestei pagini, apoi apăsați butonul.
        [few] Fără JavaScript, testul constă într-o scurtă așteptare: așteptați { $seconds } secunde după deschiderea acestei pagini, apoi apăsați butonul.
       *[other] Fără JavaScript, testul constă într-o scurtă așteptare: așteptați { $seconds } de secunde după deschiderea acestei pagini, apoi apăsați butonul.
    }
challenge-wait-early =
    { $seconds ->
        [one] Încă nu: mai așteptați { $seconds } secundă, apoi apăsați din nou butonul.
        [few] Încă nu: mai așteptați { $seconds } secunde, apoi apăsați din nou butonul.
       *[other] Încă nu: mai așteptați { $seconds } de secunde, apoi apăsați din nou butonul.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] Prea multe teste fără JavaScript din rețeaua dvs. Activați JavaScript sau încercați din nou peste { $minutes } minut.
        [few] Prea multe teste fără JavaScript din rețeaua dvs. Activați JavaScript sau încercați din nou peste { $minutes } minute.
       *[other] Prea multe teste fără JavaScript din rețeaua dvs. Activați JavaScript sau încercați din nou peste { $minutes } de minute.
    }
dialog-close = Închideți
dialog-refused = Acest site nu poate afișa verificarea în pagina sa. Continuați pentru a vă verifica numărul pe o pagină separată; apoi veți reveni aici.
dialog-confirm-close = V-am trimis deja un cod prin SMS. Închideți totuși verificarea?
