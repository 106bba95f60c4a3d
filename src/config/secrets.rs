//! Secrets: the server key, API keys and the operator password. `Debug`
//! never prints one.
use std::path::Path;

use url::Url;

use super::{ConfigError, problem, source::Source};

/// The server key. `Debug` never prints it.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretKey(Vec<u8>);

impl SecretKey {
    /// A key of these bytes (a client's secret, as configured).
    pub fn from_bytes(bytes: Vec<u8>) -> Self {
        Self(bytes)
    }

    pub fn bytes(&self) -> &[u8] {
        &self.0
    }
}

impl std::fmt::Debug for SecretKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SecretKey(<redacted>)")
    }
}

/// An API key and the name it is known by in logs and metrics (`name:key`
/// in `API_KEYS`; else `key-` and the first 8 hex digits of its SHA-256).
/// The name is the tenant: keys of one name share their verifications.
#[derive(Clone, PartialEq, Eq)]
pub struct ApiKey {
    pub name: String,
    pub key: SecretString,
}

impl std::fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "ApiKey({})", self.name)
    }
}

/// One `API_KEYS` entry: `key` or `name:key`.
fn parse_api_key(entry: &str) -> Result<ApiKey, ConfigError> {
    let (name, key) = match entry.split_once(':') {
        Some((name, key)) => (Some(name), key),
        None => (None, entry),
    };
    if key.len() < 16 || key.chars().any(|c| c.is_whitespace() || c.is_control()) {
        return Err(problem(
            "API_KEYS",
            "each key must be at least 16 characters, without spaces",
        ));
    }
    let name = match name {
        // `key-…` is the unnamed keys' own (so a name cannot join a tenant
        // it was not given).
        Some(name)
            if (1..=64).contains(&name.len())
                && !name.starts_with("key-")
                && name
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') =>
        {
            name.to_owned()
        }
        Some(name) => {
            return Err(problem(
                "API_KEYS",
                format!(
                    "the key name `{name}` must be 1 to 64 letters, digits, - or _, not starting with key-"
                ),
            ));
        }
        None => {
            use sha2::Digest as _;
            format!(
                "key-{}",
                &hex::encode(sha2::Sha256::digest(key.as_bytes()))[..8]
            )
        }
    };
    Ok(ApiKey {
        name,
        key: SecretString(key.to_owned()),
    })
}

/// A string that `Debug` never prints.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretString(pub String);

impl std::fmt::Debug for SecretString {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("<redacted>")
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
pub fn redact_url(raw: &str) -> String {
    if raw.starts_with("postgres://") || raw.starts_with("postgresql://") {
        // Several hosts are not a URL the url crate reads.
        return crate::storage::postgres::hosts::redact(raw);
    }
    match Url::parse(raw) {
        Ok(mut url) if url.password().is_some() => {
            let _ = url.set_password(Some("***"));
            url.to_string()
        }
        _ => raw.to_owned(),
    }
}

/// Hex (64+ digits) or base64 (standard or URL-safe) for at least 32 bytes.
fn parse_secret(v: &str) -> Result<SecretKey, ConfigError> {
    use base64::Engine as _;
    let engines = [
        base64::engine::general_purpose::STANDARD,
        base64::engine::general_purpose::URL_SAFE,
        base64::engine::general_purpose::STANDARD_NO_PAD,
        base64::engine::general_purpose::URL_SAFE_NO_PAD,
    ];
    let decoded = hex::decode(v)
        .ok()
        .or_else(|| engines.iter().find_map(|e| e.decode(v).ok()));
    match decoded {
        Some(bytes) if bytes.len() >= 32 => Ok(SecretKey(bytes)),
        Some(bytes) => Err(problem(
            "SECRET_KEY",
            format!(
                "decodes to {} bytes; at least 32 bytes are required (64 hex digits)",
                bytes.len()
            ),
        )),
        None => Err(problem(
            "SECRET_KEY",
            "must be hex or base64 for at least 32 bytes",
        )),
    }
}

/// Reads the generated key, or makes one (32 random bytes, mode 0600).
fn load_or_create_key(path: &Path) -> Result<SecretKey, ConfigError> {
    let fail = |what: String| problem("SECRET_KEY", format!("not set, and {what}"));
    match std::fs::read_to_string(path) {
        Ok(text) => {
            return parse_secret(text.trim())
                .map_err(|e| fail(format!("{}: {}", path.display(), e.problem)));
        }
        Err(e) if e.kind() != std::io::ErrorKind::NotFound => {
            return Err(fail(format!("{} cannot be read: {e}", path.display())));
        }
        Err(_) => {}
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir)
            .map_err(|e| fail(format!("{} cannot be created: {e}", dir.display())))?;
    }
    let mut bytes = vec![0u8; 32];
    rand::TryRngCore::try_fill_bytes(&mut rand::rngs::OsRng, &mut bytes)
        .map_err(|e| fail(format!("the OS random generator failed: {e}")))?;
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let mut file = options
        .open(path)
        .map_err(|e| fail(format!("{} cannot be written: {e}", path.display())))?;
    std::io::Write::write_all(&mut file, format!("{}\n", hex::encode(&bytes)).as_bytes())
        .map_err(|e| fail(format!("{} cannot be written: {e}", path.display())))?;
    Ok(SecretKey(bytes))
}

/// `API_KEYS`: `key` or `name:key` entries. Keys that share a name are one
/// tenant (each sees the other's verifications: how a key is rotated); a
/// key listed twice is refused.
pub fn api_keys(src: &Source) -> Result<Vec<ApiKey>, ConfigError> {
    let mut keys: Vec<ApiKey> = Vec::new();
    for entry in src.list("API_KEYS") {
        let key = parse_api_key(entry)?;
        if keys.iter().any(|k| k.key == key.key) {
            return Err(problem(
                "API_KEYS",
                format!("a key of `{}` is listed twice", key.name),
            ));
        }
        keys.push(key);
    }
    Ok(keys)
}

/// `ADMIN_PASSWORD`: 16 characters or more; unset turns the page off.
pub fn admin_password(src: &Source) -> Result<Option<SecretString>, ConfigError> {
    match src.get("ADMIN_PASSWORD") {
        None => Ok(None),
        Some(v) if v.chars().count() >= 16 => Ok(Some(SecretString(v.to_owned()))),
        Some(_) => Err(problem("ADMIN_PASSWORD", "at least 16 characters")),
    }
}

/// `SECRET_KEY`, else the key kept in (or generated into) `key_file`.
pub fn secret_key(src: &Source, key_file: &Path) -> Result<SecretKey, ConfigError> {
    match src.get("SECRET_KEY") {
        Some(v) => parse_secret(v),
        None => load_or_create_key(key_file),
    }
}
