# Português (Brasil).
language-name = Português (Brasil)
skip-to-content = Pular para o conteúdo
language-switcher = Idioma

phone-title = Confirme seu número de telefone
phone-intro = Vamos enviar um código por SMS para confirmar que este número é seu.
phone-label = Número de telefone
phone-hint = Por exemplo, { $example }
country-label = País
country-hint = Só é necessário se seu número não começar com +
client-asks = { $client } quer confirmar seu número de telefone.
phone-submit = Receber código por SMS
error-invalid-phone-country = Esse número de telefone não é válido para o país selecionado: { $country }. Confira o número ou escolha o país dele na lista acima.
flash-expired-number = Seu código expirou. Confira seu número e peça um novo código.

code-title = Digite o código
code-intro = Enviamos um código por SMS para { $phone }.
number-ending-in = o número terminado em { $last }
code-lifetime =
    { $minutes ->
        [one] O código expira em { $minutes } minuto.
       *[other] O código expira em { $minutes } minutos.
    }
code-lifetime-seconds =
    { $seconds ->
        [one] O código expira em { $seconds } segundo.
       *[other] O código expira em { $seconds } segundos.
    }
code-expired-title = Seu código expirou
code-expired-intro = O código que enviamos por SMS para { $phone } expirou. Peça um novo.
code-locked-title = Muitos códigos incorretos
code-label = Código de { $length } dígitos
code-submit = Confirmar
code-attempts-left =
    { $count ->
        [one] Você ainda tem { $count } tentativa.
       *[other] Você ainda tem { $count } tentativas.
    }
code-resend = Receber um novo código
# $time é uma contagem regressiva, como 0:25 (minutos:segundos).
code-resend-wait = Você poderá pedir um novo código em { $time }.
code-resend-ready = Você já pode pedir um novo código.
code-resend-after =
    { $seconds ->
        [one] Você pode pedir um novo código { $seconds } segundo depois do envio.
       *[other] Você pode pedir um novo código { $seconds } segundos depois do envio.
    }
code-change-number = Usar outro número
code-sent = Enviamos um novo código para você.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] Você pode tentar este número de novo em { $minutes } minuto.
       *[other] Você pode tentar este número de novo em { $minutes } minutos.
    }

done-title = Número de telefone confirmado
done-body = Confirmamos { $phone }. Você já pode fechar esta página.
done-continue = Continuar

error-title = Algo deu errado
error-title-prefix = Erro: { $title }
error-summary-title = Há um problema
error-empty-phone = Digite seu número de telefone.
error-invalid-phone = Esse número de telefone não parece válido. Confira o número e inclua o código do país se ele não for do país selecionado.
error-not-mobile = Este número não pode receber SMS. Use um número de celular.
error-incorrect-code =
    { $count ->
        [one] Código incorreto. Você ainda tem { $count } tentativa.
       *[other] Código incorreto. Você ainda tem { $count } tentativas.
    }
error-opted-out = Este número cancelou o recebimento dos nossos SMS. Envie START para o número de onde vêm nossas mensagens e tente de novo.
error-expired = Este código expirou. Peça um novo.
error-empty-code = Digite o código que enviamos por SMS.
error-code-format =
    { $length ->
        [one] O código tem { $length } dígito. Confira e tente de novo.
       *[other] O código tem { $length } dígitos. Confira e tente de novo.
    }
error-max-attempts = Muitos códigos incorretos. Comece de novo para receber um novo código.
error-no-longer-valid = Este código não pode mais ser usado. Comece de novo para receber um novo código.
error-cooldown =
    { $seconds ->
        [one] Aguarde { $seconds } segundo antes de pedir outro código.
       *[other] Aguarde { $seconds } segundos antes de pedir outro código.
    }
error-quota =
    { $minutes ->
        [one] Enviamos códigos demais para este número. Tente de novo em { $minutes } minuto.
       *[other] Enviamos códigos demais para este número. Tente de novo em { $minutes } minutos.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] Foram digitados códigos incorretos demais para este número. Tente de novo em { $minutes } minuto.
       *[other] Foram digitados códigos incorretos demais para este número. Tente de novo em { $minutes } minutos.
    }
error-country-not-allowed = Não podemos enviar códigos para números deste país.
error-blocked = No momento, não podemos enviar códigos para este número. Tente de novo mais tarde.
error-budget = No momento, não podemos enviar mais códigos. Tente de novo mais tarde.
error-rate-limited = Muitas solicitações vindas da sua rede. Aguarde um minuto e tente de novo.
error-bad-client = Este link de confirmação não é válido. Volte ao site que trouxe você até aqui e tente de novo.
error-flow-expired = Esta página de confirmação expirou. Volte ao site que trouxe você até aqui e comece de novo.
error-csrf = Este formulário expirou. Volte, recarregue a página e tente de novo.
error-not-found = Não encontramos essa página.
error-too-large = Essa solicitação é grande demais.
error-bad-request = Não conseguimos entender essa solicitação.
error-unavailable = O serviço está sobrecarregado ou indisponível no momento. Tente de novo daqui a pouco.
error-sms-failed = Não conseguimos enviar o SMS. Tente de novo daqui a pouco.
error-internal = Algo deu errado do nosso lado. Tente de novo.
flash-expired = Seu código expirou. Digite seu número para receber um novo.
start-over = Começar de novo

help-title = Não recebeu o SMS?
help-delay = O SMS pode levar alguns minutos para chegar.
help-options = Se ele não chegou, você pode pedir um novo código ou usar outro número.
help-support = Falar com o suporte

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
challenge-needed = Antes de enviarmos um código por SMS, seu navegador precisa fazer uma verificação de segurança rápida para confirmar que você não é um robô. Quando ela terminar, ele envia o formulário de novo automaticamente.
challenge-working = Fazendo a verificação de segurança para confirmar que você não é um robô. Isso leva alguns segundos…
challenge-done = Verificação de segurança concluída.
challenge-failed = A verificação de segurança não funcionou. Pressione o botão de novo para tentar outra vez.
challenge-needs-js = Esta etapa precisa de JavaScript: ative-o ou use outro navegador para receber seu código.

# Sem "código": o ó forçaria UCS-2 e a mensagem passaria a ocupar dois segmentos.
sms-body =
    { $minutes ->
        [one] { $brand }: use { $code } para confirmar seu celular. Expira em { $minutes } minuto.
       *[other] { $brand }: use { $code } para confirmar seu celular. Expira em { $minutes } minutos.
    }
sms-body-seconds =
    { $seconds ->
        [one] { $brand }: use { $code } para confirmar seu celular. Expira em { $seconds } segundo.
       *[other] { $brand }: use { $code } para confirmar seu celular. Expira em { $seconds } segundos.
    }

outbox-title = Caixa de saída de SMS (desenvolvimento)
outbox-intro = Mensagens que a caixa de saída de desenvolvimento teria enviado por SMS, das mais recentes para as mais antigas. Nunca ative isso em produção.
outbox-empty = Nenhuma mensagem ainda.
outbox-to = Para
outbox-sent-at = Enviada em
outbox-body = Mensagem

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Antes de enviarmos um código por SMS, precisamos fazer uma verificação de segurança para confirmar que você não é um robô.
challenge-wait =
    { $seconds ->
        [one] Sem JavaScript, esta verificação de segurança é uma espera: aguarde { $seconds } segundo depois que esta página abriu e então pressione o botão.
       *[other] Sem JavaScript, esta verificação de segurança é uma espera: aguarde { $seconds } segundos depois que esta página abriu e então pressione o botão.
    }
challenge-wait-early =
    { $seconds ->
        [one] Ainda não: aguarde mais { $seconds } segundo e pressione o botão de novo.
       *[other] Ainda não: aguarde mais { $seconds } segundos e pressione o botão de novo.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] Muitas verificações de segurança sem JavaScript a partir da sua rede. Ative o JavaScript ou tente de novo em { $minutes } minuto.
       *[other] Muitas verificações de segurança sem JavaScript a partir da sua rede. Ative o JavaScript ou tente de novo em { $minutes } minutos.
    }
dialog-close = Fechar
dialog-refused = Este site não consegue mostrar a confirmação dentro da página dele. Continue para confirmar seu número em uma página própria; depois você volta para cá.
dialog-confirm-close = Já enviamos um código por SMS para você. Fechar a confirmação mesmo assim?
