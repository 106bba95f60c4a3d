//! Apps that embed the flow: checking who asks and where to return, the
//! signed proof (a JWT) they get back, and the headers that let them frame it.
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde::Serialize;
use time::Duration;
use url::Url;

use super::error::AppError;
use crate::{config::ClientConfig, storage::AppFlow, web::state::AppState};

/// How long an app's flow may take, from the first page.
pub const FLOW_LIFETIME: Duration = Duration::minutes(30);
/// How long the proof is valid.
pub const TOKEN_LIFETIME: Duration = Duration::seconds(300);

pub fn client<'a>(state: &'a AppState, id: &str) -> Option<&'a ClientConfig> {
    state.settings.clients.iter().find(|c| c.id == id)
}

/// The claims of the proof (SPEC: iss, aud, sub, phone_number,
/// phone_number_verified, iat, exp, jti).
#[derive(Debug, Serialize, serde::Deserialize, PartialEq, Eq)]
pub struct Claims {
    pub iss: String,
    pub aud: String,
    pub sub: String,
    pub phone_number: String,
    pub phone_number_verified: bool,
    pub iat: i64,
    pub exp: i64,
    pub jti: String,
    /// The host's `nonce`, when it gave one (as OpenID Connect does).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub nonce: Option<String>,
}

/// `PUBLIC_URL` as written, without a trailing slash: the token's issuer.
pub fn issuer(state: &AppState) -> String {
    state
        .settings
        .public_url
        .as_str()
        .trim_end_matches('/')
        .to_owned()
}

/// HS256 with the client's secret.
pub fn mint_token(
    state: &AppState,
    client: &ClientConfig,
    phone: &str,
    nonce: Option<&str>,
) -> Result<String, AppError> {
    let iat = state.verifier.now().unix_timestamp();
    let claims = Claims {
        iss: issuer(state),
        aud: client.id.clone(),
        sub: phone.to_owned(),
        phone_number: phone.to_owned(),
        phone_number_verified: true,
        iat,
        exp: iat + TOKEN_LIFETIME.whole_seconds(),
        jti: uuid::Uuid::new_v4().to_string(),
        nonce: nonce.map(str::to_owned),
    };
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(client.secret.bytes()),
    )
    .map_err(|e| AppError::Internal(anyhow::anyhow!("signing the token: {e}")))
}

/// `return_to` with `verification_token` (and `state`) added to its query.
pub fn return_url(flow: &AppFlow, token: &str) -> String {
    let Ok(mut url) = Url::parse(&flow.return_to) else {
        return flow.return_to.clone();
    };
    {
        let mut query = url.query_pairs_mut();
        query.append_pair("verification_token", token);
        if let Some(state) = &flow.state {
            query.append_pair("state", state);
        }
    }
    url.to_string()
}

/// The origin of `return_to`: where an iframe's result may be posted.
pub(crate) fn origin_of(uri: &str) -> Option<String> {
    Url::parse(uri)
        .ok()
        .map(|u| u.origin().ascii_serialization())
}

/// What the iframe's done page hands to its parent.
#[derive(Debug, Clone)]
pub struct Handoff {
    pub token: String,
    /// For a browser without JavaScript: the same proof by top-level navigation.
    pub continue_url: String,
}

impl Handoff {
    pub fn new(flow: &AppFlow, token: &str) -> Self {
        Self {
            token: token.to_owned(),
            continue_url: return_url(flow, token),
        }
    }
}

/// The query parameters that open an app's flow.
pub const CLIENT_PARAMS: &[&str] = &["client_id", "return_to", "state", "nonce", "embed"];

/// The longest `state` and `nonce` accepted.
const MAX_STATE: usize = 512;
const MAX_NONCE: usize = 128;

/// Checks who asks and where to return, from the query of a page of an
/// app's flow (`client_id`, `return_to`, `state`, `nonce`, `embed`), and
/// describes the flow. Nothing is stored until the person starts a
/// verification. Anything but a registered client with one of its exact
/// registered URIs is refused (400, never a redirect).
pub fn pending_flow(
    state: &AppState,
    lang: &str,
    param: impl Fn(&str) -> Option<String>,
) -> Result<AppFlow, AppError> {
    let client_id = param("client_id").unwrap_or_default();
    let Some(client) = client(state, &client_id) else {
        tracing::info!("unknown client");
        return Err(AppError::BadClient);
    };
    let return_to = param("return_to").unwrap_or_default();
    if !client.redirect_uris.contains(&return_to) {
        tracing::info!(client = %client.id, "unregistered return_to");
        return Err(AppError::BadClient);
    }
    let embed = matches!(param("embed").as_deref(), Some("1" | "true"));
    if embed {
        let origin = origin_of(&return_to).unwrap_or_default();
        if !client.frame_ancestors.contains(&origin) {
            tracing::info!(client = %client.id, "embed asked but return_to's origin may not frame the flow");
            return Err(AppError::BadClient);
        }
    }
    let state_param = param("state");
    let nonce = param("nonce");
    if state_param.as_ref().is_some_and(|s| s.len() > MAX_STATE)
        || nonce.as_ref().is_some_and(|n| n.len() > MAX_NONCE)
    {
        return Err(AppError::BadClient);
    }
    Ok(AppFlow {
        id: String::new(),
        client_id: client.id.clone(),
        return_to,
        state: state_param,
        embed,
        lang: lang.to_owned(),
        csrf: String::new(),
        verification_id: None,
        phone: None,
        token: None,
        nonce,
        phone_hint: param("phone")
            .and_then(|p| crate::domain::PhoneNumber::parse(&p, None).ok())
            .map(|p| p.e164().to_owned()),
        expires_at: state.verifier.now() + FLOW_LIFETIME,
    })
}

/// The query that carries a not yet stored flow from page to page
/// (`?client_id=…&return_to=…`, without `lang`).
pub fn pending_query(flow: &AppFlow) -> String {
    let mut query = url::form_urlencoded::Serializer::for_suffix(String::from("?"), 1);
    query.append_pair("client_id", &flow.client_id);
    query.append_pair("return_to", &flow.return_to);
    if let Some(state) = &flow.state {
        query.append_pair("state", state);
    }
    if let Some(nonce) = &flow.nonce {
        query.append_pair("nonce", nonce);
    }
    if flow.embed {
        query.append_pair("embed", "1");
    }
    if let Some(phone) = &flow.phone_hint {
        query.append_pair("phone", phone);
    }
    query.finish()
}

/// What a not yet stored flow's form token signs: the flow's parameters.
fn pending_parts<'f>(flow: &'f AppFlow, issued: &'f str) -> [&'f str; 6] {
    [
        issued,
        &flow.client_id,
        &flow.return_to,
        flow.state.as_deref().unwrap_or("\0"),
        flow.nonce.as_deref().unwrap_or("\0"),
        if flow.embed { "1" } else { "0" },
    ]
}

/// The form token of a not yet stored flow: when it was issued and a MAC
/// over that and the flow's parameters (no row needed; valid for the
/// flow's lifetime).
pub fn pending_csrf(state: &AppState, flow: &AppFlow) -> String {
    let issued = state.verifier.now().unix_timestamp().to_string();
    let mac = state
        .signer
        .sign("flow-csrf", &pending_parts(flow, &issued));
    format!("{issued}.{mac}")
}

/// What a challenge for this not yet stored flow is bound to: a MAC of its
/// parameters alone (stable while it is not stored).
pub fn pending_binding(state: &AppState, flow: &AppFlow) -> String {
    state
        .signer
        .sign("flow-challenge", &pending_parts(flow, "challenge"))
}

/// Whether `token` is a form token of this not yet stored flow, still valid.
pub fn check_pending_csrf(state: &AppState, flow: &AppFlow, token: Option<&str>) -> bool {
    let Some((issued, mac)) = token.and_then(|t| t.split_once('.')) else {
        return false;
    };
    let Ok(at) = issued.parse::<i64>() else {
        return false;
    };
    let age = state.verifier.now().unix_timestamp() - at;
    (0..=FLOW_LIFETIME.whole_seconds()).contains(&age)
        && state
            .signer
            .verify("flow-csrf", &pending_parts(flow, issued), mac)
}

/// The CSP of an app's pages: framing only by the client's origins (iframe
/// flows), and forms that may lead back to `return_to`.
pub fn csp(state: &AppState, flow: &AppFlow, client: Option<&ClientConfig>) -> String {
    let ancestors = match client {
        Some(c) if flow.embed && !c.frame_ancestors.is_empty() => c.frame_ancestors.join(" "),
        _ => "'none'".to_owned(),
    };
    let back = origin_of(&flow.return_to)
        .map(|o| format!(" {o}"))
        .unwrap_or_default();
    super::security::csp(
        &super::security::logo_origin(state.settings.brand.logo_url.as_deref()),
        &back,
        &ancestors,
    )
}
