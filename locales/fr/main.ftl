# Français.
language-name = Français
skip-to-content = Aller au contenu
language-switcher = Langue

phone-title = Vérifiez votre numéro de téléphone
phone-intro = Nous allons vous envoyer un code par SMS pour confirmer que ce numéro vous appartient.
phone-label = Numéro de téléphone
phone-hint = Par exemple : { $example }
country-label = Pays
country-hint = Nécessaire uniquement si votre numéro ne commence pas par +
client-asks = { $client } souhaite confirmer votre numéro de téléphone.
phone-submit = Recevoir un code par SMS
error-invalid-phone-country = Ce numéro de téléphone n’est pas valide pour le pays choisi : { $country }. Vérifiez-le ou choisissez son pays dans la liste ci-dessus.
flash-expired-number = Votre code a expiré. Vérifiez votre numéro, puis demandez un nouveau code.

code-title = Saisissez votre code
code-intro = Nous avons envoyé un code par SMS au { $phone }.
number-ending-in = numéro se terminant par { $last }
code-lifetime =
    { $minutes ->
        [one] Le code expire dans { $minutes } minute.
       *[other] Le code expire dans { $minutes } minutes.
    }
code-lifetime-seconds =
    { $seconds ->
        [one] Le code expire dans { $seconds } seconde.
       *[other] Le code expire dans { $seconds } secondes.
    }
code-expired-title = Votre code a expiré
code-expired-intro = Le code envoyé par SMS au { $phone } a expiré. Demandez-en un nouveau.
code-locked-title = Trop de codes incorrects
code-label = Code à { $length } chiffres
code-submit = Vérifier
code-attempts-left =
    { $count ->
        [one] Il vous reste { $count } tentative.
       *[other] Il vous reste { $count } tentatives.
    }
code-resend = Recevoir un nouveau code
# $time est un compte à rebours, par exemple 0:25 (minutes:secondes).
code-resend-wait = Vous pourrez demander un nouveau code dans { $time }.
code-resend-ready = Vous pouvez demander un nouveau code dès maintenant.
code-resend-after =
    { $seconds ->
        [one] Vous pouvez demander un nouveau code { $seconds } seconde après son envoi.
       *[other] Vous pouvez demander un nouveau code { $seconds } secondes après son envoi.
    }
code-change-number = Utiliser un autre numéro
code-sent = Nous vous avons envoyé un nouveau code.
# Issue 25, item 3: the lock-out page, when the number can be tried again.
code-locked-retry =
    { $minutes ->
        [one] Vous pourrez réessayer avec ce numéro dans { $minutes } minute.
       *[other] Vous pourrez réessayer avec ce numéro dans { $minutes } minutes.
    }

done-title = Numéro de téléphone vérifié
done-body = Nous avons vérifié le { $phone }. Vous pouvez fermer cette page.
done-continue = Continuer

error-title = Une erreur s’est produite
error-title-prefix = Erreur : { $title }
error-summary-title = Il y a un problème
error-empty-phone = Saisissez votre numéro de téléphone.
error-invalid-phone = Ce numéro de téléphone ne semble pas valide. Vérifiez-le et ajoutez l’indicatif du pays s’il ne s’agit pas d’un numéro du pays sélectionné.
error-not-mobile = Ce numéro ne peut pas recevoir de SMS. Veuillez utiliser un numéro de mobile.
error-incorrect-code =
    { $count ->
        [one] Ce code est incorrect. Il vous reste { $count } tentative.
       *[other] Ce code est incorrect. Il vous reste { $count } tentatives.
    }
error-opted-out = La réception de nos SMS est désactivée pour ce numéro. Envoyez START par SMS au numéro d’où proviennent nos messages, puis réessayez.
error-expired = Ce code a expiré. Demandez-en un nouveau.
error-empty-code = Saisissez le code que nous vous avons envoyé par SMS.
error-code-format =
    { $length ->
        [one] Le code comporte { $length } chiffre. Vérifiez-le et réessayez.
       *[other] Le code comporte { $length } chiffres. Vérifiez-le et réessayez.
    }
error-max-attempts = Trop de codes incorrects. Recommencez pour recevoir un nouveau code.
error-no-longer-valid = Ce code ne peut plus être utilisé. Recommencez pour recevoir un nouveau code.
error-cooldown =
    { $seconds ->
        [one] Veuillez patienter { $seconds } seconde avant de demander un autre code.
       *[other] Veuillez patienter { $seconds } secondes avant de demander un autre code.
    }
error-quota =
    { $minutes ->
        [one] Nous avons envoyé trop de codes à ce numéro. Réessayez dans { $minutes } minute.
       *[other] Nous avons envoyé trop de codes à ce numéro. Réessayez dans { $minutes } minutes.
    }
error-wrong-code-limit =
    { $minutes ->
        [one] Trop de codes incorrects ont été saisis pour ce numéro. Réessayez dans { $minutes } minute.
       *[other] Trop de codes incorrects ont été saisis pour ce numéro. Réessayez dans { $minutes } minutes.
    }
error-country-not-allowed = Nous ne pouvons pas envoyer de codes aux numéros de ce pays.
error-blocked = Nous ne pouvons pas envoyer de code à ce numéro pour le moment. Veuillez réessayer plus tard.
error-budget = Nous ne pouvons plus envoyer de codes pour le moment. Veuillez réessayer plus tard.
error-rate-limited = Trop de requêtes depuis votre réseau. Patientez une minute, puis réessayez.
error-bad-client = Ce lien de vérification n’est pas valide. Revenez sur le site d’origine et réessayez.
error-flow-expired = Cette page de vérification a expiré. Revenez sur le site d’origine et recommencez.
error-csrf = Ce formulaire a expiré. Revenez en arrière, actualisez la page et réessayez.
error-not-found = Cette page est introuvable.
error-too-large = Cette requête est trop volumineuse.
error-bad-request = Nous n’avons pas pu comprendre cette requête.
error-unavailable = Le service est surchargé ou indisponible pour le moment. Veuillez réessayer dans quelques instants.
error-sms-failed = Nous n’avons pas pu envoyer le SMS. Veuillez réessayer dans quelques instants.
error-internal = Une erreur s’est produite de notre côté. Veuillez réessayer.
flash-expired = Votre code a expiré. Saisissez votre numéro pour en recevoir un nouveau.
start-over = Recommencer

help-title = Vous n’avez pas reçu de SMS ?
help-delay = Un SMS peut mettre quelques minutes à arriver.
help-options = S’il n’est pas arrivé, vous pouvez demander un nouveau code ou utiliser un autre numéro.
help-support = Contacter l’assistance

# The proof-of-work check some sends need (a bot defense that runs in the
# browser, by itself, for a few seconds; no puzzle for the person).
challenge-needed = Avant de vous envoyer un code par SMS, votre navigateur doit effectuer un contrôle rapide pour confirmer que vous n’êtes pas un robot. Une fois le contrôle terminé, il renverra automatiquement le formulaire.
challenge-working = Contrôle en cours pour confirmer que vous n’êtes pas un robot. Cela prend quelques secondes…
challenge-done = Contrôle terminé.
challenge-failed = Le contrôle n’a pas fonctionné. Appuyez de nouveau sur le bouton pour réessayer.
challenge-needs-js = Cette étape nécessite JavaScript : activez-le ou utilisez un autre navigateur pour recevoir votre code.

sms-body =
    { $minutes ->
        [one] Votre code { $brand } est { $code }. Il expire dans { $minutes } minute.
       *[other] Votre code { $brand } est { $code }. Il expire dans { $minutes } minutes.
    }
sms-body-seconds =
    { $seconds ->
        [one] Votre code { $brand } est { $code }. Il expire dans { $seconds } seconde.
       *[other] Votre code { $brand } est { $code }. Il expire dans { $seconds } secondes.
    }

outbox-title = Boîte d’envoi SMS de développement
outbox-intro = Messages que la boîte d’envoi de développement aurait envoyés par SMS, du plus récent au plus ancien. Ne l’activez jamais en production.
outbox-empty = Aucun message pour l’instant.
outbox-to = Destinataire
outbox-sent-at = Envoyé le
outbox-body = Message

# The bot check without JavaScript, and phone-verify.js's dialog (issue 25,
# items 4 and 9; issue 26, item 5). challenge-wait: the page's wait pass
# instead of the check (no script); dialog-*: the host page's dialog.
challenge-asked = Avant de vous envoyer un code par SMS, nous devons effectuer un contrôle pour confirmer que vous n’êtes pas un robot.
challenge-wait =
    { $seconds ->
        [one] Sans JavaScript, ce contrôle prend la forme d’une attente : attendez { $seconds } seconde après l’ouverture de cette page, puis appuyez sur le bouton.
       *[other] Sans JavaScript, ce contrôle prend la forme d’une attente : attendez { $seconds } secondes après l’ouverture de cette page, puis appuyez sur le bouton.
    }
challenge-wait-early =
    { $seconds ->
        [one] Pas encore : attendez encore { $seconds } seconde, puis appuyez de nouveau sur le bouton.
       *[other] Pas encore : attendez encore { $seconds } secondes, puis appuyez de nouveau sur le bouton.
    }
challenge-wait-used-up =
    { $minutes ->
        [one] Trop de contrôles sans JavaScript depuis votre réseau. Activez JavaScript ou réessayez dans { $minutes } minute.
       *[other] Trop de contrôles sans JavaScript depuis votre réseau. Activez JavaScript ou réessayez dans { $minutes } minutes.
    }
dialog-close = Fermer
dialog-refused = Ce site ne peut pas afficher la vérification dans sa page. Continuez pour vérifier votre numéro sur une page à part ; vous reviendrez ici ensuite.
dialog-confirm-close = Nous vous avons déjà envoyé un code par SMS. Fermer la vérification quand même ?
