# Español.
language-name = Español
skip-to-content = Ir al contenido
language-switcher = Idioma

phone-title = Verifica tu número de teléfono
phone-intro = Te enviaremos un código por SMS para confirmar que este número es tuyo.
phone-label = Número de teléfono
phone-hint = Incluye el prefijo del país (por ejemplo +34) o elige tu país en la lista de abajo.
country-label = País
client-asks = { $client } quiere confirmar tu número de teléfono.
phone-submit = Enviarme un código

code-title = Introduce tu código
code-intro = Hemos enviado un código por SMS al { $phone }.
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
code-change-number = Usar otro número
code-sent = Te hemos enviado un código nuevo.

done-title = Número verificado
done-body = El número { $phone } está verificado. Ya puedes cerrar esta página.
done-continue = Continuar

error-title = Algo ha salido mal
error-empty-phone = Introduce tu número de teléfono.
error-invalid-phone = Ese número no parece válido. Revísalo e incluye el prefijo si no es del país seleccionado.
error-not-mobile = Este número no puede recibir SMS. Usa un número de móvil.
error-incorrect-code =
    { $count ->
        [one] El código no es correcto. Te queda 1 intento.
       *[other] El código no es correcto. Te quedan { $count } intentos.
    }
error-opted-out = Este número ha bloqueado nuestros SMS. Envía START al número desde el que te escribimos y vuelve a intentarlo.
error-expired = Este código ha caducado. Pide uno nuevo.
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
        [one] Too many wrong codes were entered for this number. Try again in 1 minute.
       *[other] Too many wrong codes were entered for this number. Try again in { $minutes } minutes.
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

# "clave" rather than "código": the ó would force UCS-2 and a second segment.
sms-body =
    { $minutes ->
        [one] Tu clave de { $brand } es { $code }. Caduca en 1 minuto.
       *[other] Tu clave de { $brand } es { $code }. Caduca en { $minutes } minutos.
    }

outbox-title = Buzón de SMS de desarrollo
outbox-intro = Mensajes que el buzón de desarrollo habría enviado, del más reciente al más antiguo. No lo actives nunca en producción.
outbox-empty = Todavía no hay mensajes.
outbox-to = Para
outbox-sent-at = Enviado
outbox-body = Mensaje
