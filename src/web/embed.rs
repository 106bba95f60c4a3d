//! Apps that embed the flow: checking who asks and where to return, the
//! signed proof (a JWT) they get back, and the headers that let them frame it.
use jsonwebtoken::{Algorithm, EncodingKey, Header};
use serde::Serialize;
use time::Duration;
use url::Url;

use super::security::new_token;
use crate::{config::ClientConfig, error::AppError, state::AppState, storage::ClientFlow};

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
    };
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        &claims,
        &EncodingKey::from_secret(client.secret.bytes()),
    )
    .map_err(|e| AppError::Internal(anyhow::anyhow!("signing the token: {e}")))
}

/// `return_to` with `verification_token` (and `state`) added to its query.
pub fn return_url(flow: &ClientFlow, token: &str) -> String {
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
fn origin_of(uri: &str) -> Option<String> {
    Url::parse(uri)
        .ok()
        .map(|u| u.origin().ascii_serialization())
}

/// What the iframe's done page hands to its parent.
#[derive(Debug, Clone)]
pub struct Handoff {
    pub token: String,
    /// The registered origin the message is posted to (never `*`).
    pub origin: String,
    /// For a browser without JavaScript: the same proof by top-level navigation.
    pub continue_url: String,
}

impl Handoff {
    pub fn new(flow: &ClientFlow, token: &str) -> Self {
        Self {
            token: token.to_owned(),
            origin: origin_of(&flow.return_to).unwrap_or_default(),
            continue_url: return_url(flow, token),
        }
    }
}

/// The query of `GET /verify` that starts an app's flow.
#[derive(Debug, Default, serde::Deserialize)]
pub struct ClientQuery {
    pub client_id: Option<String>,
    pub return_to: Option<String>,
    pub state: Option<String>,
    pub embed: Option<String>,
}

/// Checks who asks and where to return, then opens the flow. Anything but
/// a registered client with one of its exact registered URIs is refused
/// (400, never a redirect).
pub async fn open_flow(
    state: &AppState,
    lang: &str,
    query: &ClientQuery,
) -> Result<ClientFlow, AppError> {
    let client_id = query.client_id.as_deref().unwrap_or_default();
    let Some(client) = client(state, client_id) else {
        tracing::info!("unknown client");
        return Err(AppError::BadClient);
    };
    let return_to = query.return_to.as_deref().unwrap_or_default();
    if !client.redirect_uris.iter().any(|u| u == return_to) {
        tracing::info!(client = %client.id, "unregistered return_to");
        return Err(AppError::BadClient);
    }
    let embed = matches!(query.embed.as_deref(), Some("1" | "true"));
    if embed {
        let origin = origin_of(return_to).unwrap_or_default();
        if !client.frame_ancestors.contains(&origin) {
            tracing::info!(client = %client.id, "embed asked but return_to's origin may not frame the flow");
            return Err(AppError::BadClient);
        }
    }
    if query.state.as_deref().is_some_and(|s| s.len() > 512) {
        return Err(AppError::BadClient);
    }
    let flow = ClientFlow {
        id: new_token(),
        client_id: client.id.clone(),
        return_to: return_to.to_owned(),
        state: query.state.clone(),
        embed,
        lang: lang.to_owned(),
        csrf: new_token(),
        verification_id: None,
        verified_phone: None,
        token: None,
        expires_at: state.verifier.now() + FLOW_LIFETIME,
    };
    state.store.save_flow(&flow).await?;
    Ok(flow)
}

/// The CSP of an app's pages: framing only by the client's origins (iframe
/// flows), and forms that may lead back to `return_to`.
pub fn csp(state: &AppState, flow: &ClientFlow, client: Option<&ClientConfig>) -> String {
    let ancestors = match client {
        Some(c) if flow.embed && !c.frame_ancestors.is_empty() => c.frame_ancestors.join(" "),
        _ => "'none'".to_owned(),
    };
    let back = origin_of(&flow.return_to)
        .map(|o| format!(" {o}"))
        .unwrap_or_default();
    super::security::csp(
        &super::security::logo_origin(state.settings.brand_logo_url.as_deref()),
        &back,
        &ancestors,
    )
}
