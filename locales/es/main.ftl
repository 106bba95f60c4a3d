# Español.
language-name = Español
skip-to-content = Ir al contenido
language-switcher = Idioma

phone-title = Verifica tu número de teléfono
phone-intro = Te enviaremos un código por SMS para confirmar que este número es tuyo.
phone-label = Número de teléfono
phone-hint = Por ejemplo, { $example }
country-label = País
country-hint = Solo hace falta si tu número no empieza por +
client-asks = { $client } quiere confirmar tu número de teléfono.
phone-submit = Enviarme un código
error-invalid-phone-country = Este número de teléfono no es válido para { $country }. Revísalo o elige su país en la lista de arriba.
flash-expired-number = Tu código ha caducado. Revisa tu número y pide un código nuevo.

code-title = Introduce tu código
code-intro = Hemos enviado un código por SMS al { $phone }.
number-ending-in = número terminado en { $last }
code-lifetime =
    { $minutes ->
        [one] El código caduca en 1 minuto.
       *[other] El código caduca en { $minutes } minutos.
    }
code-lifetime-seconds =
    { $seconds ->
        [one] El código caduca en 1 segundo.
       *[other] El código caduca en { $seconds } segundos.
    }
code-expired-title = Tu código ha caducado
code-expired-intro = El código que te enviamos al { $phone } ha caducado. Pide uno nuevo.
code-locked-title = Demasiados códigos incorrectos
code-label = Código de { $length } dígitos
code-submit = Verificar
code-attempts-left =
    { $count ->
        [one] Te queda 1 intento.
       *[other] Te quedan { $count } intentos.
    }
code-resend = Enviarme otro código
code-resend-wait = Podrás pedir otro código dentro de { $time }.
code-resend-ready = Ya puedes pedir otro código.
code-resend-after =
    { $seconds ->
        [one] Podrás pedir otro código cuando haya pasado 1 segundo desde el envío.
       *[other] Podrás pedir otro código cuando hayan pasado { $seconds } segundos desde el envío.
    }
code-change-number = Usar otro número
code-sent = Te hemos enviado un código nuevo.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] Puedes volver a intentarlo con este número dentro de 1 minuto.
       *[other] Puedes volver a intentarlo con este número dentro de { $minutes } minutos.
    }

done-title = Número verificado
done-body = Hemos verificado el { $phone }. Ya puedes cerrar esta página.
done-continue = Continuar

error-title = Algo ha salido mal
error-title-prefix = Error: { $title }
error-summary-title = Hay un problema
error-empty-phone = Introduce tu número de teléfono.
error-invalid-phone = Ese número no parece válido. Revísalo e incluye el prefijo si no es del país seleccionado.
error-not-mobile = Este número no puede recibir SMS. Usa un número de móvil.
error-incorrect-code =
    { $count ->
        [one] El código no es correcto. Te queda 1 intento.
       *[other] El código no es correcto. Te quedan { $count } intentos.
    }
error-opted-out = Este número se ha dado de baja de nuestros SMS. Envía START al número desde el que te escribimos y vuelve a intentarlo.
error-expired = Este código ha caducado. Pide uno nuevo.
error-empty-code = Introduce el código que te hemos enviado por SMS.
error-code-format =
    { $length ->
        [one] El código tiene 1 dígito. Revísalo y vuelve a intentarlo.
       *[other] El código tiene { $length } dígitos. Revísalo y vuelve a intentarlo.
    }
error-max-attempts = Demasiados códigos incorrectos. Vuelve a empezar para recibir un código nuevo.
error-no-longer-valid = Este código ya no se puede usar. Vuelve a empezar para recibir uno nuevo.
error-cooldown =
    { $seconds ->
        [one] Espera 1 segundo antes de pedir otro código.
       *[other] Espera { $seconds } segundos antes de pedir otro código.
    }
error-quota =
    { $minutes ->
        [one] Hemos enviado demasiados códigos a este número. Vuelve a intentarlo dentro de 1 minuto.
       *[other] Hemos enviado demasiados códigos a este número. Vuelve a intentarlo dentro de { $minutes } minutos.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] Se han introducido demasiados códigos incorrectos para este número. Vuelve a intentarlo dentro de 1 minuto.
       *[other] Se han introducido demasiados códigos incorrectos para este número. Vuelve a intentarlo dentro de { $minutes } minutos.
    }
error-country-not-allowed = No podemos enviar códigos a números de este país.
error-blocked = Ahora mismo no podemos enviar códigos a este número. Inténtalo de nuevo más tarde.
error-budget = Ahora mismo no podemos enviar más códigos. Inténtalo de nuevo más tarde.
error-rate-limited = Demasiadas solicitudes desde tu red. Espera un minuto y vuelve a intentarlo.
error-bad-client = Este enlace de verificación no es válido. Vuelve al sitio que te ha traído aquí e inténtalo de nuevo.
error-flow-expired = Esta página de verificación ha caducado. Vuelve al sitio que te ha traído aquí y empieza de nuevo.
error-csrf = Este formulario ha caducado. Vuelve atrás, recarga la página e inténtalo de nuevo.
error-not-found = No hemos encontrado esa página.
error-too-large = La solicitud es demasiado grande.
error-bad-request = No hemos entendido esa solicitud.
error-unavailable = El servicio está saturado o no disponible ahora mismo. Inténtalo de nuevo en un momento.
error-sms-failed = No hemos podido enviar el SMS. Inténtalo de nuevo en un momento.
error-internal = Algo ha fallado por nuestra parte. Inténtalo de nuevo.
flash-expired = Tu código ha caducado. Introduce tu número para recibir uno nuevo.
start-over = Volver a empezar

help-title = ¿No te ha llegado el SMS?
help-delay = Los SMS pueden tardar unos minutos en llegar.
help-options = Si no te ha llegado, puedes pedir otro código o usar otro número.
help-support = Contactar con soporte

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
challenge-needed = Antes de enviarte un código por SMS, tu navegador tiene que hacer una comprobación rápida para confirmar que no eres un robot. Cuando termine, volverá a enviar el formulario automáticamente.
challenge-working = Comprobando que no eres un robot. Tarda unos segundos…
challenge-done = Comprobación completada.
challenge-failed = La comprobación no ha funcionado. Vuelve a pulsar el botón para intentarlo otra vez.
challenge-needs-js = Este paso necesita JavaScript: actívalo o usa otro navegador para recibir tu código.

# No "código" (its ó would force UCS-2 and a second segment) nor "clave"
# (reads as a password): "verificar" says what the code is for. é is GSM-7.
sms-body =
    { $minutes ->
        [one] { $brand }: usa { $code } para verificar tu teléfono. Caduca en 1 minuto.
       *[other] { $brand }: usa { $code } para verificar tu teléfono. Caduca en { $minutes } minutos.
    }
sms-body-seconds =
    { $seconds ->
        [one] { $brand }: usa { $code } para verificar tu teléfono. Caduca en 1 segundo.
       *[other] { $brand }: usa { $code } para verificar tu teléfono. Caduca en { $seconds } segundos.
    }

outbox-title = Buzón de SMS de desarrollo
outbox-intro = Mensajes que el buzón de desarrollo habría enviado, del más reciente al más antiguo. No lo actives nunca en producción.
outbox-empty = Todavía no hay mensajes.
outbox-to = Para
outbox-sent-at = Enviado
outbox-body = Mensaje

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Antes de enviarte un código por SMS, tenemos que comprobar que no eres un robot.
challenge-wait =
    { $seconds ->
        [one] Sin JavaScript, esta comprobación es una espera: espera 1 segundo desde que se abrió esta página y luego pulsa el botón.
       *[other] Sin JavaScript, esta comprobación es una espera: espera { $seconds } segundos desde que se abrió esta página y luego pulsa el botón.
    }
challenge-wait-early =
    { $seconds ->
        [one] Todavía no: espera 1 segundo más y vuelve a pulsar el botón.
       *[other] Todavía no: espera { $seconds } segundos más y vuelve a pulsar el botón.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] Demasiadas comprobaciones sin JavaScript desde tu red. Activa JavaScript o vuelve a intentarlo dentro de 1 minuto.
       *[other] Demasiadas comprobaciones sin JavaScript desde tu red. Activa JavaScript o vuelve a intentarlo dentro de { $minutes } minutos.
    }
dialog-close = Cerrar
dialog-refused = Este sitio no puede mostrar la verificación dentro de su página. Continúa para verificar tu número en una página aparte; después volverás aquí.
dialog-confirm-close = Ya te enviamos un código por SMS. ¿Cerrar la verificación de todos modos?
