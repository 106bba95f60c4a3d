//! What every page view carries: compressed responses for browsers that
//! ask, an icon, and a form token that reads differently in every page.
use std::io::Read;

use reqwest::StatusCode;

use crate::{
    both_backends,
    helpers::{Backend, spawn_app},
};

both_backends!(
    pages_and_assets_are_compressed_for_clients_that_ask,
    every_page_masks_its_form_token_afresh,
    field_errors_and_the_language_link_say_what_they_are
);

/// A field's error carries a hidden "Error: " in the page's language, and
/// the header's language link is named for what it does.
async fn field_errors_and_the_language_link_say_what_they_are(backend: Backend) {
    let app = spawn_app(backend).await;
    for (lang, prefix, link) in [
        ("en", "Error: ", "Language: </span>English"),
        ("de", "Fehler: ", "Sprache: </span>Deutsch"),
    ] {
        app.get(&format!("/verify?lang={lang}")).await;
        let page = app.start("12", "US").await;
        assert_eq!(page.status, StatusCode::BAD_REQUEST, "{lang}");
        assert!(
            page.body.contains(&format!(
                r#"<p id="phone-error" class="error"><span class="visually-hidden">{prefix}</span>"#
            )),
            "{lang}: {}",
            page.body
        );
        assert!(
            page.body.contains(&format!(
                r##"<a class="current-lang" href="#languages"><span class="visually-hidden">{link}</a>"##
            )),
            "{lang}"
        );
    }
}

async fn fetch(app: &crate::helpers::TestApp, path: &str, encoding: &str) -> (String, Vec<u8>) {
    let response = app
        .client
        .get(app.url(path))
        .header("accept-encoding", encoding)
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK, "{path}");
    let used = response
        .headers()
        .get("content-encoding")
        .map(|v| v.to_str().unwrap().to_owned())
        .unwrap_or_default();
    (used, response.bytes().await.unwrap().to_vec())
}

fn decode(encoding: &str, body: &[u8]) -> String {
    let mut text = String::new();
    match encoding {
        "gzip" => flate2::read::GzDecoder::new(body)
            .read_to_string(&mut text)
            .unwrap(),
        "br" => brotli::Decompressor::new(body, 4096)
            .read_to_string(&mut text)
            .unwrap(),
        _ => panic!("{encoding}"),
    };
    text
}

async fn pages_and_assets_are_compressed_for_clients_that_ask(backend: Backend) {
    let app = spawn_app(backend).await;
    for path in ["/verify", "/static/style.css", "/static/phone-verify.js"] {
        let (identity, raw) = fetch(&app, path, "identity").await;
        assert_eq!(identity, "", "{path}: nothing asked, nothing encoded");
        for encoding in ["gzip", "br"] {
            let (used, body) = fetch(&app, path, encoding).await;
            assert_eq!(used, encoding, "{path}");
            assert!(
                body.len() * 2 < raw.len(),
                "{path}: {encoding} is {} bytes of {}",
                body.len(),
                raw.len()
            );
            let text = decode(encoding, &body);
            if path == "/verify" {
                assert!(text.contains("<form"), "{path}: {text}");
                assert_eq!(text.len(), raw.len(), "{path}: the same page");
            } else {
                assert_eq!(text.as_bytes(), &raw[..], "{path}: the same file");
            }
        }
    }
    // The pages' assets as sent compressed: about 8 KB (the README).
    let mut sent = 0;
    for name in [
        "style.css",
        "verify.js",
        "embed.js",
        "challenge.js",
        "challenge-worker.js",
        "favicon.svg",
    ] {
        sent += fetch(&app, &format!("/static/{name}"), "gzip")
            .await
            .1
            .len();
    }
    assert!(sent < 9_000, "the pages' assets as sent: {sent} bytes");
    // Both asked for: the browser gets one of them.
    let (used, _) = fetch(&app, "/verify", "gzip, deflate, br").await;
    assert!(used == "br" || used == "gzip", "{used}");
    // The icon is served where browsers look, and the pages link to it.
    let ico = app
        .client
        .get(app.url("/favicon.ico"))
        .send()
        .await
        .unwrap();
    assert_eq!(ico.status(), StatusCode::OK);
    assert_eq!(ico.headers()["content-type"], "image/vnd.microsoft.icon");
    let ico = ico.bytes().await.unwrap();
    assert_eq!(&ico[..4], &[0, 0, 1, 0], "an ICO file");
    let page = app.get("/verify").await;
    assert!(
        page.body
            .contains(r#"<link rel="icon" href="/static/favicon.svg""#)
    );
    let svg = app.get("/static/favicon.svg").await;
    assert_eq!(svg.status, StatusCode::OK);
    assert_eq!(svg.headers["content-type"], "image/svg+xml");
    assert!(svg.body.starts_with("<svg"));
}

/// Pages are compressed and echo what was typed, so a token that read the
/// same in every page could be learned from compressed sizes (BREACH): each
/// page's token differs, and each one works.
async fn every_page_masks_its_form_token_afresh(backend: Backend) {
    let app = spawn_app(backend).await;
    let first = app.get("/verify").await.csrf();
    let second = app.get("/verify").await.csrf();
    assert_ne!(first, second);
    for (i, token) in [first, second].iter().enumerate() {
        let phone = format!("+1415555267{i}");
        let page = app
            .post(
                "/verify",
                &[("csrf_token", token), ("phone", &phone), ("country", "US")],
            )
            .await;
        assert_eq!(page.status, StatusCode::SEE_OTHER, "{}", page.body);
    }
    // Something that is not a page's token is refused.
    let token = app.get("/verify").await.csrf();
    for bad in [&token[..token.len() - 4], "abc", ""] {
        let page = app
            .post(
                "/verify",
                &[
                    ("csrf_token", bad),
                    ("phone", "+14155552679"),
                    ("country", "US"),
                ],
            )
            .await;
        assert_eq!(page.status, StatusCode::FORBIDDEN, "{bad}");
    }
}
