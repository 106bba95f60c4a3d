//! The phone step wherever the flow opens (issue 25, items 1, 2 and 7):
//! the country list starts on the reader's region from `Accept-Language`
//! whatever language the page is in (`?lang=`, the language cookie, an
//! app's flow) or on the country of the app's `phone`; an invalid number is
//! told with the country it was read in; `ALLOWED_COUNTRIES` is the list;
//! and a person who comes back after their code expired and was purged
//! finds their number and its country kept, under a warning that takes the
//! focus. Over HTTP, with the shipped defaults, on both backends.
use reqwest::StatusCode;
use time::Duration;

use crate::{
    both_backends,
    embed::{RETURN_TO, acme, cookieless, form_action, page},
    helpers::{Backend, Page, TestApp, spawn_app, spawn_app_with, spawn_app_with_clients},
};

/// A UK mobile number as a person in the UK types it, and in E.164.
const UK_TYPED: &str = "07400 123510";
const UK: &str = "+447400123510";
const UK_SHOWN: &str = "+44 7400 123510";

both_backends!(
    the_region_comes_from_accept_language_whatever_the_language,
    the_region_in_an_apps_flow,
    an_invalid_number_names_the_country_it_was_read_in,
    allowed_countries_are_the_list,
    coming_back_late_keeps_the_number_and_warns,
    coming_back_late_in_an_apps_flow,
);

/// GET `path` with `Accept-Language: accept`.
async fn get(client: &reqwest::Client, app: &TestApp, path: &str, accept: &str) -> Page {
    page(
        client
            .get(app.url(path))
            .header("accept-language", accept)
            .send()
            .await
            .unwrap(),
    )
    .await
}

/// POST the phone form of `form` (as a browser would, to its own action)
/// with `Accept-Language: accept`.
async fn post_phone(
    client: &reqwest::Client,
    app: &TestApp,
    form: &Page,
    accept: &str,
    fields: &[(&str, &str)],
) -> Page {
    let csrf = form.csrf();
    let mut body = vec![("csrf_token", csrf.as_str())];
    body.extend_from_slice(fields);
    page(
        client
            .post(app.url(&form_action(&form.body)))
            .header("accept-language", accept)
            .form(&body)
            .send()
            .await
            .unwrap(),
    )
    .await
}

/// The `value` of the country list's selected option.
fn selected(page: &Page) -> String {
    let marker = "\" selected>";
    let at = page
        .body
        .find(marker)
        .unwrap_or_else(|| panic!("no country selected: {}", page.body));
    let start = page.body[..at].rfind("value=\"").unwrap() + "value=\"".len();
    page.body[start..at].to_owned()
}

/// How many countries the list offers.
fn options(page: &Page) -> usize {
    page.body.matches("<option value=").count()
}

/// The number field's value.
fn phone_value(page: &Page) -> String {
    let field = &page.body[page
        .body
        .find("<input id=\"phone\"")
        .expect("a phone field")..];
    let start = field.find(" value=\"").unwrap() + " value=\"".len();
    let end = field[start..].find('"').unwrap() + start;
    field[start..end].to_owned()
}

fn browser_client() -> reqwest::Client {
    reqwest::Client::builder()
        .cookie_store(true)
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .unwrap()
}

fn urlencode(text: &str) -> String {
    url::form_urlencoded::byte_serialize(text.as_bytes()).collect()
}

/// `?lang=` (and the language cookie it leaves) changes the language only:
/// the country list starts on the region the browser names.
async fn the_region_comes_from_accept_language_whatever_the_language(backend: Backend) {
    let app = spawn_app(backend).await;
    for (accept, lang, region, named) in [
        ("en-GB,en;q=0.9", "fr", "GB", "Royaume-Uni (+44)"),
        ("es-MX,es;q=0.9", "en", "MX", "Mexico (+52)"),
        ("fr-CA,fr;q=0.9,en;q=0.8", "en", "CA", "Canada (+1)"),
        ("de-AT,de;q=0.9", "de", "AT", "Österreich (+43)"),
        ("de-AT,de;q=0.9", "ja", "AT", "オーストリア (+43)"),
    ] {
        let browser = browser_client();
        // Without `?lang=`, with it, and with the cookie it left.
        for path in [
            "/verify".to_owned(),
            format!("/verify?lang={lang}"),
            "/verify".to_owned(),
        ] {
            let form = get(&browser, &app, &path, accept).await;
            assert_eq!(form.status, StatusCode::OK);
            assert_eq!(selected(&form), region, "{accept} {path}");
        }
        let form = get(&browser, &app, "/verify", accept).await;
        assert!(
            form.body.contains(&format!("<html lang=\"{lang}\"")),
            "the cookie keeps the language: {accept}"
        );
        assert!(
            form.body.contains(&format!(
                "<option value=\"{region}\" selected>{named}</option>"
            )),
            "{accept} {lang}: named in the page's language"
        );
    }
    // No region named: the likely region of the page's language.
    let form = get(&browser_client(), &app, "/verify?lang=ja", "de").await;
    assert_eq!(selected(&form), "JP");
    let form = get(&browser_client(), &app, "/verify", "fr").await;
    assert_eq!(selected(&form), "FR");
    // A language not shipped still says where the reader is.
    let form = get(&browser_client(), &app, "/verify", "sv-SE,sv;q=0.9").await;
    assert!(form.body.contains("<html lang=\"en\""));
    assert_eq!(selected(&form), "SE");
    // The full list, as shipped (`ALLOWED_COUNTRIES` empty).
    assert!(options(&form) > 200, "{}", options(&form));
}

/// In an app's flow, before and after it is stored: the reader's region,
/// or the country of the number the app passed (`phone=`).
async fn the_region_in_an_apps_flow(backend: Backend) {
    let app = spawn_app_with_clients(backend, &[], vec![acme(&[RETURN_TO])]).await;
    let query = format!("client_id=acme&return_to={}", urlencode(RETURN_TO));
    let frame = cookieless();
    for path in [
        format!("/verify?{query}"),
        format!("/verify?{query}&lang=de"),
        format!("/verify?{query}&embed=1&lang=ar"),
    ] {
        let form = get(&frame, &app, &path, "en-GB,en;q=0.9").await;
        assert_eq!(form.status, StatusCode::OK, "{}", form.body);
        assert_eq!(selected(&form), "GB", "{path}");
    }
    // The app's number says its country, whatever the browser says.
    let with_phone = format!("/verify?{query}&phone={}", urlencode(UK));
    let form = get(&frame, &app, &with_phone, "en-US,en;q=0.9").await;
    assert_eq!(selected(&form), "GB");
    assert_eq!(phone_value(&form), UK);
    // The person types a UK number as they know it, in the country the
    // form started on; the flow is stored.
    let form = get(&frame, &app, &format!("/verify?{query}&lang=fr"), "en-GB").await;
    let started = post_phone(
        &frame,
        &app,
        &form,
        "en-GB",
        &[("phone", UK_TYPED), ("country", &selected(&form))],
    )
    .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let code_page = started.location().unwrap().to_owned();
    assert!(code_page.starts_with("/verify/code?flow="), "{code_page}");
    assert!(app.last_sms(UK).await.contains('#'));
    // "Use a different number": the stored flow's phone form, in another
    // language, still on the number's country and the number.
    let different = code_page.replace("/verify/code", "/verify");
    let form = get(&frame, &app, &different, "en-US").await;
    assert_eq!(selected(&form), "GB");
    assert_eq!(phone_value(&form), UK_SHOWN);
    assert!(form.body.contains("<html lang=\"fr\""));
}

/// A national number read in the wrong country is refused with that
/// country named as the list names it; one with its country code gets the
/// general message.
async fn an_invalid_number_names_the_country_it_was_read_in(backend: Backend) {
    let app = spawn_app(backend).await;
    let browser = browser_client();
    // A UK reader on an English page: United Kingdom first, and their
    // number as they type it goes through.
    let form = get(&browser, &app, "/verify?lang=en", "en-GB,en;q=0.9").await;
    assert_eq!(selected(&form), "GB");
    let started = post_phone(
        &browser,
        &app,
        &form,
        "en-GB",
        &[("phone", UK_TYPED), ("country", "GB")],
    )
    .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    assert_eq!(started.location(), Some("/verify/code"));

    // The same number read as a US number: the message says which country.
    let browser = browser_client();
    let form = get(&browser, &app, "/verify", "en-US").await;
    let refused = post_phone(
        &browser,
        &app,
        &form,
        "en-US",
        &[("phone", UK_TYPED), ("country", "US")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    let said = "This isn’t a valid phone number for United States (+1).";
    assert!(refused.body.contains(said), "{}", refused.body);
    assert!(
        refused.body.contains(&format!("<a href=\"#phone\">{said}")),
        "in the error summary too"
    );
    assert_eq!(phone_value(&refused), UK_TYPED, "what was typed stays");
    assert_eq!(selected(&refused), "US", "the country posted stays");
    // In French, named in French.
    let form = get(&browser, &app, "/verify?lang=fr", "en-US").await;
    let refused = post_phone(
        &browser,
        &app,
        &form,
        "en-US",
        &[("phone", UK_TYPED), ("country", "US")],
    )
    .await;
    assert!(
        refused
            .body
            .contains("pas valide pour le pays choisi : États-Unis (+1)."),
        "{}",
        refused.body
    );
    // A number with its country code was not read in the country posted.
    let form = get(&browser, &app, "/verify?lang=en", "en-US").await;
    let refused = post_phone(
        &browser,
        &app,
        &form,
        "en-US",
        &[("phone", "+44 12"), ("country", "US")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert!(
        refused
            .body
            .contains("That doesn’t look like a valid phone number."),
        "{}",
        refused.body
    );
    assert!(!refused.body.contains("valid phone number for"));
    // So is text that is no number at all.
    let refused = post_phone(
        &browser,
        &app,
        &form,
        "en-US",
        &[("phone", "call me"), ("country", "US")],
    )
    .await;
    assert!(
        refused
            .body
            .contains("That doesn’t look like a valid phone number."),
        "{}",
        refused.body
    );
    // Without a country posted, the one the form starts on (after the
    // number's cooldown).
    app.clock.advance(Duration::seconds(31));
    let form = get(&browser, &app, "/verify", "en-GB").await;
    let started = post_phone(&browser, &app, &form, "en-GB", &[("phone", UK_TYPED)]).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
}

/// `ALLOWED_COUNTRIES` is the list: only those countries, one of them
/// preselected — the reader's region when it is one, else the first.
async fn allowed_countries_are_the_list(backend: Backend) {
    let app = spawn_app_with(backend, &[("ALLOWED_COUNTRIES", "GB,US")]).await;
    let browser = browser_client();
    let form = get(&browser, &app, "/verify", "de-DE,de;q=0.9").await;
    assert_eq!(options(&form), 2, "{}", form.body);
    assert!(form.body.contains(">Vereinigtes Königreich (+44)</option>"));
    assert!(form.body.contains(">Vereinigte Staaten (+1)</option>"));
    assert!(!form.body.contains("Deutschland"));
    assert_eq!(selected(&form), "GB", "the first allowed");
    let example = phone_verify::domain::phone::example("GB").unwrap();
    assert!(
        form.body.contains(&example),
        "the hint is the preselected country's"
    );
    let form = get(&browser_client(), &app, "/verify?lang=de", "en-US").await;
    assert_eq!(selected(&form), "US", "the reader's region, allowed");
    let form = get(&browser_client(), &app, "/verify?country=DE", "en-US").await;
    assert_eq!(selected(&form), "US", "a country asked for but not allowed");
    let form = get(&browser_client(), &app, "/verify?country=gb", "en-US").await;
    assert_eq!(selected(&form), "GB", "a country asked for and allowed");
    // A German reader's UK number as typed, without a country posted.
    let form = get(&browser, &app, "/verify", "de-DE").await;
    let started = post_phone(&browser, &app, &form, "de-DE", &[("phone", UK_TYPED)]).await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    // A page sent back lists the same two.
    let browser = browser_client();
    let form = get(&browser, &app, "/verify", "de-DE").await;
    let refused = post_phone(
        &browser,
        &app,
        &form,
        "de-DE",
        &[("phone", "12"), ("country", "DE")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::BAD_REQUEST);
    assert_eq!(options(&refused), 2);
    assert_eq!(selected(&refused), "GB");
    // A German number is still refused as before.
    let refused = post_phone(
        &browser,
        &app,
        &form,
        "de-DE",
        &[("phone", "+49 1512 3456789"), ("country", "GB")],
    )
    .await;
    assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", refused.body);
}

/// Lets the code expire and its verification be purged.
async fn purged(app: &TestApp) {
    app.clock.advance(Duration::seconds(601));
    app.clock
        .advance(phone_verify::storage::Retention::EXPIRED_GRACE);
    let purged = app.state.verifier.purge_expired().await.unwrap();
    assert!(purged.verifications >= 1, "{purged:?}");
}

/// The phone form after a late return: the number and its country kept,
/// the notice a warning that takes the focus, the field not.
fn assert_late_return(form: &Page) {
    assert_eq!(form.status, StatusCode::OK);
    assert_eq!(phone_value(form), UK_SHOWN, "the number is kept");
    assert_eq!(selected(form), "GB", "and its country");
    assert!(
        form.body.contains(
            "<p class=\"notice warning\" id=\"warning-notice\" role=\"alert\" tabindex=\"-1\" autofocus>Your code expired. Check your number, then ask for a new code.</p>"
        ),
        "{}",
        form.body
    );
    assert!(!form.body.contains("class=\"notice\" role=\"status\""));
    let field = &form.body[form.body.find("<input id=\"phone\"").unwrap()..];
    let field = &field[..field.find('>').unwrap()];
    assert!(!field.contains("autofocus"), "the notice is read first");
    assert!(form.body.contains("/static/verify.js"), "which focuses it");
}

/// The plain flow: back after the code expired and was purged, by the code
/// page, by posting the code, or by asking for a new one.
async fn coming_back_late_keeps_the_number_and_warns(backend: Backend) {
    let app = spawn_app(backend).await;
    for way in ["page", "code", "resend"] {
        let browser = app.new_browser(None);
        let form = browser.get("/verify").await;
        let started = browser
            .post(
                "/verify",
                &[
                    ("csrf_token", &form.csrf()),
                    ("phone", UK_TYPED),
                    ("country", "GB"),
                ],
            )
            .await;
        assert_eq!(started.location(), Some("/verify/code"));
        let code = app.last_code(UK).await;
        purged(&app).await;
        let back = match way {
            "page" => browser.get("/verify/code").await,
            "code" => browser.submit_code(&code).await,
            _ => {
                let csrf = browser.get("/verify").await.csrf();
                browser
                    .post("/verify/resend", &[("csrf_token", &csrf)])
                    .await
            }
        };
        assert_eq!(back.status, StatusCode::SEE_OTHER);
        assert_eq!(back.location(), Some("/verify"), "{way}");
        let form = browser.get("/verify").await;
        assert_late_return(&form);
        // The notice is said once; the number stays.
        let again = browser.get("/verify").await;
        assert!(!again.body.contains("warning-notice"));
        assert_eq!(phone_value(&again), UK_SHOWN);
        // One press gets a new code.
        let sent = app.outbox_len().await;
        let restarted = browser
            .post(
                "/verify",
                &[
                    ("csrf_token", &again.csrf()),
                    ("phone", &phone_value(&again)),
                    ("country", &selected(&again)),
                ],
            )
            .await;
        assert_eq!(restarted.location(), Some("/verify/code"));
        assert_eq!(app.outbox_len().await, sent + 1);
        let code = app.last_code(UK).await;
        assert_eq!(
            browser.submit_code(&code).await.location(),
            Some("/verify/done")
        );
        // Once verified, the phone form starts empty again.
        let fresh = browser.get("/verify").await;
        assert_eq!(phone_value(&fresh), "");
        app.clock.advance(Duration::seconds(31));
    }
    // A browser that never started has nothing kept and no notice.
    let form = app.new_browser(None).get("/verify").await;
    assert_eq!(phone_value(&form), "");
    assert!(!form.body.contains("class=\"notice"));
}

/// An app's flow (an iframe without cookies): its stored row keeps the
/// number; the notice rides in the URL of the way back.
async fn coming_back_late_in_an_apps_flow(backend: Backend) {
    let app = spawn_app_with_clients(backend, &[], vec![acme(&[RETURN_TO])]).await;
    let frame = cookieless();
    let query = format!("client_id=acme&return_to={}&embed=1", urlencode(RETURN_TO));
    let form = get(&frame, &app, &format!("/verify?{query}"), "en-GB").await;
    let started = post_phone(
        &frame,
        &app,
        &form,
        "en-GB",
        &[("phone", UK_TYPED), ("country", &selected(&form))],
    )
    .await;
    assert_eq!(started.status, StatusCode::SEE_OTHER, "{}", started.body);
    let code_page = started.location().unwrap().to_owned();
    purged(&app).await;
    let back = get(&frame, &app, &code_page, "en-GB").await;
    assert_eq!(back.status, StatusCode::SEE_OTHER);
    let to = back.location().unwrap().to_owned();
    assert!(to.starts_with("/verify?flow="), "{to}");
    assert!(to.ends_with("&notice=expired"), "{to}");
    // Another browser language does not move the country: it is the number's.
    let form = get(&frame, &app, &to, "en-US").await;
    assert_late_return(&form);
    assert!(
        form.headers.get("set-cookie").is_none(),
        "nothing but the flow"
    );
    let restarted = post_phone(
        &frame,
        &app,
        &form,
        "en-US",
        &[
            ("phone", &phone_value(&form)),
            ("country", &selected(&form)),
        ],
    )
    .await;
    assert_eq!(
        restarted.status,
        StatusCode::SEE_OTHER,
        "{}",
        restarted.body
    );
    assert!(
        restarted
            .location()
            .unwrap()
            .starts_with("/verify/code?flow=")
    );
    // The plain flow does not take the notice from the URL (its session
    // keeps its own), nor an app's flow not stored yet; and the URL only
    // ever says that the code expired.
    let plain = app.new_browser(None).get("/verify?notice=expired").await;
    assert!(!plain.body.contains("class=\"notice"));
    for notice in ["expired", "code-sent"] {
        let other = format!("/verify?{query}&notice={notice}");
        let form = get(&frame, &app, &other, "en-GB").await;
        assert!(!form.body.contains("class=\"notice"), "{notice}");
    }
}
