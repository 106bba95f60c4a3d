//! The files of `static/`, compiled in (the app runs from any folder), and
//! the brand's accent colour as CSS, with text colours chosen for WCAG
//! contrast.
use axum::{
    Router,
    extract::{Query, State},
    http::{HeaderMap, HeaderValue, header},
    response::{IntoResponse, Response},
    routing::get,
};
use serde::Deserialize;

use super::error::AppError;
use crate::{
    i18n::{Tr, shipped_locale},
    web::state::AppState,
};

pub fn router() -> Router<AppState> {
    Router::new()
        .route("/static/style.css", get(stylesheet))
        .route("/static/embed.js", get(embed_script))
        .route("/static/phone-verify.js", get(host_script))
        .route("/static/verify.js", get(verify_script))
        .route("/static/challenge.js", get(challenge_script))
        .route("/static/challenge-worker.js", get(challenge_worker))
        .route("/static/brand.css", get(brand_stylesheet))
}

/// The host pages' dialog words (`phone-verify.js`) and the icon, outside
/// the pages' session and language layers: a host page loads the words
/// across sites, and neither sets a cookie.
pub fn host_router() -> Router<AppState> {
    Router::new()
        .route("/static/phone-verify-strings.js", get(host_strings))
        .route("/static/favicon.svg", get(favicon_svg))
        .route("/favicon.ico", get(favicon_ico))
}

/// The icon the pages link to (a check mark on the default accent).
async fn favicon_svg() -> Response {
    asset("image/svg+xml", include_str!("../../static/favicon.svg"))
}

/// The same icon where browsers and tools look without a link.
async fn favicon_ico() -> Response {
    asset(
        "image/vnd.microsoft.icon",
        &include_bytes!("../../static/favicon.ico")[..],
    )
}

#[derive(Debug, Deserialize)]
struct StringsQuery {
    lang: Option<String>,
}

/// The words of `phone-verify.js`'s dialog in one language, as the call
/// that hands them to it (`PhoneVerify._words({...})`): loaded by
/// `<script src>`, so a host page's CSP needs nothing more than
/// phone-verify's origin in `script-src`. The language is `?lang=` as the
/// flow takes it (`es-MX` → `es`), else the browser's `Accept-Language`,
/// else `DEFAULT_LOCALE` — the flow's own choice.
async fn host_strings(
    State(state): State<AppState>,
    headers: HeaderMap,
    query: Result<Query<StringsQuery>, axum::extract::rejection::QueryRejection>,
) -> Response {
    let asked = query
        .ok()
        .and_then(|Query(q)| q.lang)
        .and_then(|tag| shipped_locale(&tag));
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    let lang = asked.unwrap_or_else(|| state.i18n.negotiate(accept));
    let tr = Tr::new(state.i18n.clone(), lang, state.brand.clone());
    let words = serde_json::json!({
        "lang": lang,
        "dir": tr.dir(),
        "label": tr.t("phone-title"),
        "close": tr.t("dialog-close"),
        "refused": tr.t("dialog-refused"),
        "go": tr.t("done-continue"),
        "leave": tr.t("dialog-confirm-close"),
    });
    let mut response = asset(JS, format!("PhoneVerify._words({words});\n"));
    if asked.is_none() {
        response
            .headers_mut()
            .insert(header::VARY, HeaderValue::from_static("accept-language"));
    }
    response
}

/// The files of `static/`, compiled in: the app runs from any folder.
const CSS: &str = "text/css; charset=utf-8";
const JS: &str = "text/javascript; charset=utf-8";

/// A static asset, cacheable for an hour.
fn asset(content_type: &'static str, body: impl IntoResponse) -> Response {
    (
        [
            (header::CONTENT_TYPE, content_type),
            (header::CACHE_CONTROL, "public, max-age=3600"),
        ],
        body,
    )
        .into_response()
}

async fn stylesheet() -> Response {
    asset(CSS, include_str!("../../static/style.css"))
}

async fn embed_script() -> Response {
    asset(JS, include_str!("../../static/embed.js"))
}

/// The host pages' script (`PhoneVerify.open`).
async fn host_script() -> Response {
    asset(JS, include_str!("../../static/phone-verify.js"))
}

async fn verify_script() -> Response {
    asset(JS, include_str!("../../static/verify.js"))
}

async fn challenge_script() -> Response {
    asset(JS, include_str!("../../static/challenge.js"))
}

async fn challenge_worker() -> Response {
    asset(JS, include_str!("../../static/challenge-worker.js"))
}

/// `BRAND_ACCENT_COLOR` as CSS custom properties, with a lighter shade for
/// dark mode and, for each, the text colour that keeps WCAG AA contrast.
async fn brand_stylesheet(State(state): State<AppState>) -> Response {
    let Some(accent) = state.settings.brand.accent else {
        return AppError::NotFound.into_response();
    };
    let dark = mix(accent, [255, 255, 255], 0.45);
    let css = format!(
        ":root{{--accent:{};--accent-text:{}}}\n@media (prefers-color-scheme: dark){{:root{{--accent:{};--accent-text:{}}}}}\n",
        hex(accent),
        text_on(accent),
        hex(dark),
        text_on(dark)
    );
    asset(CSS, css)
}

fn hex(c: [u8; 3]) -> String {
    format!("#{:02x}{:02x}{:02x}", c[0], c[1], c[2])
}

fn mix(a: [u8; 3], b: [u8; 3], share_of_b: f64) -> [u8; 3] {
    let m = |x: u8, y: u8| {
        (f64::from(x) * (1.0 - share_of_b) + f64::from(y) * share_of_b).round() as u8
    };
    [m(a[0], b[0]), m(a[1], b[1]), m(a[2], b[2])]
}

/// WCAG relative luminance.
fn luminance(c: [u8; 3]) -> f64 {
    let lin = |v: u8| {
        let v = f64::from(v) / 255.0;
        if v <= 0.039_28 {
            v / 12.92
        } else {
            ((v + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * lin(c[0]) + 0.7152 * lin(c[1]) + 0.0722 * lin(c[2])
}

/// White or near-black, whichever contrasts more with the background.
fn text_on(background: [u8; 3]) -> &'static str {
    let l = luminance(background);
    let white = 1.05 / (l + 0.05);
    let black = (l + 0.05) / (luminance([17, 17, 17]) + 0.05);
    if white >= black { "#ffffff" } else { "#111111" }
}
