//! The code step over HTTP, with the shipped defaults (6 digits, 10
//! minutes, 5 attempts, 5 wrong codes and 5 texts per number an hour, 30 s
//! between texts): the lock-out says when the number can be tried again; a
//! slip stays in the field; a whole text message pasted in gives its code;
//! an early resend comes back to the code page with a warning; the code's
//! lifetime is said before the field (issue 25, items 3, 5, 8 and 10).
use phone_verify::{domain::OtpCode, i18n::LOCALES};
use reqwest::StatusCode;
use time::Duration;

use crate::{
    both_backends,
    embed::{RETURN_TO, acme, cookieless, page, start_flow, urlencode},
    helpers::{Backend, Page, code_of, spawn_app, spawn_app_with, spawn_app_with_clients},
};

const US: &str = "+14155552671";

both_backends!(
    the_lock_out_says_when_the_number_can_be_tried_again,
    the_lock_out_speaks_the_readers_language,
    a_lock_out_that_a_new_start_can_end_offers_it,
    a_lock_out_by_the_number_quota_waits_for_it,
    a_slip_stays_in_the_field_escaped,
    a_pasted_text_message_gives_its_code_in_every_locale,
    a_pasted_text_is_one_guess_at_most,
    an_early_resend_comes_back_to_the_code_page,
    an_early_resend_in_an_apps_flow_keeps_the_flow,
    other_resend_refusals_are_warnings,
    the_lifetime_is_said_before_the_field,
);

/// A six-digit code other than `code`.
fn wrong_for(code: &str) -> &'static str {
    if code == "000000" { "111111" } else { "000000" }
}

/// The `<input id="code" …>` tag of a page.
fn code_input(body: &str) -> &str {
    let start = body.find(r#"<input id="code""#).expect("a code field");
    let end = body[start..].find('>').unwrap() + start;
    &body[start..=end]
}

/// An attribute's value in a tag (`None` when it is not there).
fn attr<'a>(tag: &'a str, name: &str) -> Option<&'a str> {
    let marker = format!(r#" {name}=""#);
    let start = tag.find(&marker)? + marker.len();
    let end = tag[start..].find('"')? + start;
    Some(&tag[start..end])
}

/// Whether a tag has an attribute (a boolean one, such as `autofocus`).
fn has(tag: &str, name: &str) -> bool {
    [" ", ">", "="]
        .iter()
        .any(|after| tag.contains(&format!(" {name}{after}")))
}

/// The resend button's tag.
fn resend_button(body: &str) -> &str {
    let id = body.find(r#"id="resend-button""#).expect("a resend button");
    let start = body[..id].rfind("<button").unwrap();
    let end = body[start..].find('>').unwrap() + start;
    &body[start..=end]
}

/// Where the resend form posts (HTML-unescaped).
fn resend_action(body: &str) -> String {
    let marker = r#"action=""#;
    let start = body
        .find(r#"action="/verify/resend"#)
        .expect("a resend form")
        + marker.len();
    let end = body[start..].find('"').unwrap() + start;
    body[start..end].replace("&amp;", "&").replace("&#38;", "&")
}

/// Five wrong codes, the shipped number of attempts: the last one's page.
async fn lock_out(app: &crate::helpers::TestApp) -> Page {
    let code = app.last_code(US).await;
    let wrong = wrong_for(&code);
    for left in (1..5).rev() {
        let page = app.submit_code(wrong).await;
        assert!(
            page.body.contains(&format!("You have {left} attempt")),
            "{}",
            page.body
        );
    }
    app.submit_code(wrong).await
}

async fn the_lock_out_says_when_the_number_can_be_tried_again(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    let locked = lock_out(&app).await;
    assert_eq!(locked.status, StatusCode::BAD_REQUEST);
    let body = &locked.body;
    assert!(body.contains("<h1>Too many wrong codes</h1>"), "{body}");
    assert!(
        body.contains("<p>You can try this number again in 60 minutes.</p>"),
        "when, in words: {body}"
    );
    assert_eq!(
        body.matches("Too many wrong codes").count(),
        2,
        "the heading once, and the title: {body}"
    );
    assert!(
        !body.contains("Start again"),
        "nothing that leads to a refusal: {body}"
    );
    assert!(
        !body.contains("get a text message?"),
        "no help about texts that did not come: {body}"
    );
    assert!(!body.contains(r#"action="/verify/code""#));
    assert!(!body.contains(r#"action="/verify/resend""#));
    assert!(
        body.contains(r#"<p class="links"><a href="/verify">Use a different number</a></p>"#),
        "{body}"
    );

    // Two minutes later the page counts down with the clock, and a start
    // for the number is refused for just as long.
    app.clock.advance(Duration::minutes(2));
    let later = app.get("/verify/code").await;
    assert_eq!(later.status, StatusCode::OK);
    assert!(
        later
            .body
            .contains("You can try this number again in 58 minutes."),
        "{}",
        later.body
    );
    let refused = app.start(US, "US").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused.body.contains("Try again in 58 minutes."),
        "{}",
        refused.body
    );
    assert_eq!(refused.retry_after(), Some(58 * 60));
    // A different number is not held up.
    assert_eq!(
        app.start("+14155552672", "US").await.location(),
        Some("/verify/code")
    );

    // Once the hour is over the same number works again.
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    lock_out(&app).await;
    app.clock
        .advance(Duration::minutes(59) + Duration::seconds(30));
    assert!(
        app.get("/verify/code")
            .await
            .body
            .contains("You can try this number again in 1 minute.")
    );
    app.clock.advance(Duration::seconds(31));
    let after = app.get("/verify/code").await;
    assert!(
        after
            .body
            .contains("This code can no longer be used. Start again to get a new code."),
        "{}",
        after.body
    );
    assert!(
        after
            .body
            .contains(r#"<p class="links"><a href="/verify">Start again</a></p>"#)
    );
    assert_eq!(app.start(US, "US").await.location(), Some("/verify/code"));
}

async fn the_lock_out_speaks_the_readers_language(backend: Backend) {
    let app = spawn_app_with(backend, &[("SUPPORT_URL", "https://help.example.com/sms")]).await;
    app.get("/verify?lang=de").await;
    app.start(US, "US").await;
    let locked = lock_out_de(&app).await;
    assert!(
        locked
            .body
            .contains("Sie können es mit dieser Nummer in 60 Minuten erneut versuchen."),
        "{}",
        locked.body
    );
    assert!(locked.body.contains("<h1>Zu viele falsche Codes</h1>"));
    assert!(
        locked.body.contains(">Andere Nummer verwenden</a>"),
        "{}",
        locked.body
    );
    assert!(!locked.body.contains("Von vorn beginnen"));
    // The support link stays, outside the help about texts (gone here).
    assert!(!locked.body.contains("<details"));
    assert!(
        locked
            .body
            .contains(r#"<p><a href="https://help.example.com/sms">"#),
        "{}",
        locked.body
    );
}

/// [`lock_out`] for a page in German (the attempts left are not read).
async fn lock_out_de(app: &crate::helpers::TestApp) -> Page {
    let wrong = wrong_for(&app.last_code(US).await);
    for _ in 0..4 {
        assert_eq!(app.submit_code(wrong).await.status, StatusCode::BAD_REQUEST);
    }
    app.submit_code(wrong).await
}

/// With a wrong-code budget larger than the attempts of one code, the
/// number is not locked out: the page leads to a new start, which works.
async fn a_lock_out_that_a_new_start_can_end_offers_it(backend: Backend) {
    let app = spawn_app_with(backend, &[("WRONG_CODE_LIMIT_PER_PHONE", "10")]).await;
    app.start(US, "US").await;
    let locked = lock_out(&app).await;
    assert!(locked.body.contains("<h1>Too many wrong codes</h1>"));
    assert!(
        locked
            .body
            .contains("This code can no longer be used. Start again to get a new code."),
        "{}",
        locked.body
    );
    assert!(!locked.body.contains("You can try this number again"));
    app.clock.advance(Duration::seconds(30));
    assert_eq!(app.start(US, "US").await.location(), Some("/verify/code"));
}

/// The number's texts used up (5 an hour) with wrong codes to spare: the
/// lock-out waits for the quota, as a new start would.
async fn a_lock_out_by_the_number_quota_waits_for_it(backend: Backend) {
    let app = spawn_app_with(backend, &[("WRONG_CODE_LIMIT_PER_PHONE", "10")]).await;
    app.start(US, "US").await;
    for _ in 0..4 {
        app.clock.advance(Duration::seconds(30));
        assert_eq!(app.resend().await.location(), Some("/verify/code"));
    }
    assert_eq!(app.outbox_len().await, 5);
    app.clock.advance(Duration::minutes(8));
    let locked = lock_out(&app).await;
    // The first text was sent 10 minutes ago: 50 minutes to go.
    assert!(
        locked
            .body
            .contains("You can try this number again in 50 minutes."),
        "{}",
        locked.body
    );
    let refused = app.start(US, "US").await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(refused.body.contains("Try again in 50 minutes."));
}

async fn a_slip_stays_in_the_field_escaped(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    for slip in [
        "12a456",
        "12345",
        "1234567",
        r#""><script>alert(1)</script>"#,
    ] {
        let page = app.submit_code(slip).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{slip}");
        assert!(
            page.body
                .contains("The code is 6 digits. Check it and try again."),
            "{slip}"
        );
        let input = code_input(&page.body);
        let value = attr(input, "value").unwrap_or_else(|| panic!("{slip}: {input}"));
        let unescaped = value
            .replace("&#34;", "\"")
            .replace("&quot;", "\"")
            .replace("&#62;", ">")
            .replace("&gt;", ">")
            .replace("&#60;", "<")
            .replace("&lt;", "<")
            .replace("&#38;", "&")
            .replace("&amp;", "&")
            .replace("&#39;", "'")
            .replace("&#x27;", "'")
            .replace("&#x2f;", "/");
        assert_eq!(unescaped, slip, "what was typed, as typed");
        assert!(!value.contains('<') && !value.contains('"'), "escaped");
        assert_eq!(attr(input, "aria-invalid"), Some("true"));
        assert!(!page.body.contains("<script>alert"), "{slip}");
    }
    // A wrong code stays too, to be compared with the text.
    let code = app.last_code(US).await;
    let wrong = wrong_for(&code);
    let page = app.submit_code(wrong).await;
    assert_eq!(attr(code_input(&page.body), "value"), Some(wrong));
    // An empty field stays empty.
    let page = app.submit_code("").await;
    assert_eq!(attr(code_input(&page.body), "value"), None);
    // What is shown again is bounded by the field's own length.
    let long = "x".repeat(5000);
    let page = app.submit_code(&long).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    let input = code_input(&page.body);
    let max: usize = attr(input, "maxlength").unwrap().parse().unwrap();
    assert_eq!(attr(input, "value").unwrap().len(), max);
    assert_eq!(app.attempts_spent(US, 5).await, 1, "only the wrong code");
    // The page without a post shows an empty field.
    assert_eq!(
        attr(code_input(&app.get("/verify/code").await.body), "value"),
        None
    );
}

async fn a_pasted_text_message_gives_its_code_in_every_locale(backend: Backend) {
    // Every locale's text from one address: the bot check (which asks an
    // address past its burst) is another test's subject.
    let app = spawn_app_with(backend, &[("BOT_CHALLENGE", "off")]).await;
    for (i, lang) in LOCALES.iter().enumerate() {
        let browser = app.new_browser(None);
        let phone = format!("+1415555{:04}", 3000 + i);
        browser.get(&format!("/verify?lang={lang}")).await;
        assert_eq!(
            browser.start(&phone, "US").await.location(),
            Some("/verify/code"),
            "{lang}"
        );
        let sms = app.last_sms(&phone).await;
        let code = code_of(&sms);
        // As copied, and as a one-line field keeps it (the line break
        // taken out, or made a space).
        let flat = sms.replace('\n', "");
        let spaced = sms.replace('\n', " ");
        let first_line = sms.lines().next().unwrap().to_owned();
        for pasted in [&sms, &flat, &spaced, &first_line] {
            assert_eq!(
                OtpCode::find(pasted, 6).map(|c| c.expose().to_owned()),
                Some(code.clone()),
                "{lang}: {pasted:?}"
            );
        }
        let done = browser.submit_code(&flat).await;
        assert_eq!(done.location(), Some("/verify/done"), "{lang}: {sms:?}");
    }
}

async fn a_pasted_text_is_one_guess_at_most(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    let sms = app.last_sms(US).await;
    let code = code_of(&sms);
    let wrong = wrong_for(&code);
    // A text with another code: one attempt, like typing it.
    let page = app.submit_code(&sms.replace(&code, wrong)).await;
    assert_eq!(page.status, StatusCode::BAD_REQUEST);
    assert!(
        page.body
            .contains("That code isn’t right. You have 4 attempts left."),
        "{}",
        page.body
    );
    // Two different codes, no WebOTP line: not read, nothing spent.
    for pasted in [
        format!("Your Acme code is {code}. Or {wrong}."),
        format!("{code}{wrong}"),
        format!("{code} {wrong}"),
        "1234567890".repeat(10),
        format!("Your code is {code}0."),
    ] {
        let page = app.submit_code(&pasted).await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{pasted}");
        assert!(
            page.body
                .contains("The code is 6 digits. Check it and try again."),
            "{pasted}: {}",
            page.body
        );
    }
    assert_eq!(app.attempts_spent(US, 5).await, 1);
    // The text itself still works.
    assert_eq!(app.submit_code(&sms).await.location(), Some("/verify/done"));
}

async fn an_early_resend_comes_back_to_the_code_page(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    app.clock.advance(Duration::seconds(10));
    let early = app.resend().await;
    assert_eq!(early.status, StatusCode::SEE_OTHER, "post/redirect/get");
    let back = early.location().expect("a redirect").to_owned();
    assert_eq!(back, "/verify/code?resend=early");
    assert_eq!(app.outbox_len().await, 1, "nothing was sent");
    let page = app.get(&back).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    assert!(
        body.contains(
            r#"<p class="notice warning" id="resend-warning" role="status" tabindex="-1" autofocus>Please wait 20 seconds before asking for another code.</p>"#
        ),
        "a warning, focused: {body}"
    );
    assert!(
        !body.contains(r#"class="notice""#),
        "no success notice: {body}"
    );
    assert_eq!(
        attr(resend_button(body), "aria-describedby"),
        Some("resend-warning resend-wait")
    );
    assert!(
        !has(code_input(body), "autofocus"),
        "the warning is read first"
    );
    assert!(
        !body.contains(r#"id="code-error""#),
        "the code is not at fault"
    );
    // The page again, later: the wait counted with the clock, then gone.
    app.clock.advance(Duration::seconds(15));
    assert!(
        app.get(&back)
            .await
            .body
            .contains("Please wait 5 seconds before asking for another code.")
    );
    app.clock.advance(Duration::seconds(5));
    let ready = app.get(&back).await;
    assert!(!ready.body.contains("resend-warning"), "{}", ready.body);
    assert_eq!(attr(resend_button(&ready.body), "aria-describedby"), None);
    let resent = app.resend().await;
    assert_eq!(resent.location(), Some("/verify/code"));
    assert_eq!(app.outbox_len().await, 2);
    // The quiet page: the button described by its wait.
    let page = app.get("/verify/code").await;
    assert_eq!(
        attr(resend_button(&page.body), "aria-describedby"),
        Some("resend-wait")
    );
    assert!(page.body.contains(r#"id="resend-wait" data-seconds="30""#));
}

async fn an_early_resend_in_an_apps_flow_keeps_the_flow(backend: Backend) {
    let app = spawn_app_with_clients(backend, &[], vec![acme(&[RETURN_TO])]).await;
    let frame = cookieless();
    let query = format!(
        "client_id=acme&return_to={}&embed=1&lang=fr",
        urlencode(RETURN_TO)
    );
    let (flow, code_page) = start_flow(&frame, &app, &query, US).await;
    let action = resend_action(&code_page.body);
    assert_eq!(action, format!("/verify/resend?flow={flow}"));
    let early = frame
        .post(app.url(&action))
        .form(&[("csrf_token", code_page.csrf().as_str())])
        .send()
        .await
        .unwrap();
    assert_eq!(early.status(), StatusCode::SEE_OTHER);
    let back = early.headers()["location"].to_str().unwrap().to_owned();
    assert_eq!(
        back,
        format!("/verify/code?flow={flow}&lang=fr&resend=early")
    );
    let page = page(frame.get(app.url(&back)).send().await.unwrap()).await;
    assert_eq!(page.status, StatusCode::OK);
    assert!(
        page.body
            .contains("Veuillez patienter 30 secondes avant de demander un autre code."),
        "{}",
        page.body
    );
    assert_eq!(app.outbox_len().await, 1);
}

/// A resend refused for the number's quota stays an answer of its own
/// (429), its message a warning beside the button, not a success.
async fn other_resend_refusals_are_warnings(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    for _ in 0..4 {
        app.clock.advance(Duration::seconds(30));
        assert_eq!(app.resend().await.location(), Some("/verify/code"));
    }
    app.clock.advance(Duration::seconds(30));
    let refused = app.resend().await;
    assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS);
    assert!(
        refused.body.contains(
            r#"<p class="notice warning" id="resend-warning" role="status" tabindex="-1" autofocus>We’ve sent too many codes to this number. Try again in 58 minutes.</p>"#
        ),
        "{}",
        refused.body
    );
    assert!(!refused.body.contains(r#"class="notice""#));
}

async fn the_lifetime_is_said_before_the_field(backend: Backend) {
    let app = spawn_app(backend).await;
    app.start(US, "US").await;
    let page = app.get("/verify/code").await;
    let body = &page.body;
    let hint = body
        .find(r#"<p id="code-lifetime" class="hint">The code expires in 10 minutes.</p>"#)
        .expect("the lifetime hint");
    let label = body.find(r#"<label for="code">"#).unwrap();
    let field = body.find(r#"<input id="code""#).unwrap();
    assert!(label < hint && hint < field, "label, hint, field: {body}");
    assert_eq!(
        attr(code_input(body), "aria-describedby"),
        Some("code-lifetime")
    );
    assert!(has(code_input(body), "autofocus"));
    // With an error, the hint and then the error describe the field.
    let wrong = wrong_for(&app.last_code(US).await);
    let page = app.submit_code(wrong).await;
    let body = &page.body;
    assert_eq!(
        attr(code_input(body), "aria-describedby"),
        Some("code-lifetime code-error")
    );
    assert!(body.find(r#"id="code-lifetime""#).unwrap() < body.find(r#"id="code-error""#).unwrap());
    // Afterwards the attempts left join the hint.
    let page = app.get("/verify/code").await;
    assert_eq!(
        attr(code_input(&page.body), "aria-describedby"),
        Some("code-lifetime attempts")
    );
    assert!(
        page.body.find(r#"id="attempts""#).unwrap()
            < page.body.find(r#"<input id="code""#).unwrap()
    );
}
