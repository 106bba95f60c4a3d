//! What people see: the brand (name, accent colour, logo), the default
//! language and an operator's own messages (`LOCALES_DIR`).
use std::path::Path;

use url::Url;

use crate::i18n::LocalesDir;

use super::{ConfigError, problem, source::Source};

/// The brand in pages and texts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Brand {
    pub name: String,
    /// `BRAND_ACCENT_COLOR` as red, green, blue.
    pub accent: Option<[u8; 3]>,
    /// `BRAND_LOGO_URL`: an https URL or a path on this host.
    pub logo_url: Option<String>,
}

pub fn brand(src: &Source) -> Result<Brand, ConfigError> {
    let name = src.get("BRAND_NAME").unwrap_or("phone-verify").to_owned();
    if name.chars().count() > 40 || name.chars().any(char::is_control) {
        return Err(problem("BRAND_NAME", "at most 40 printable characters"));
    }
    let accent = match src.get("BRAND_ACCENT_COLOR") {
        None => None,
        Some(v) => Some(parse_hex_color(v).ok_or_else(|| {
            problem(
                "BRAND_ACCENT_COLOR",
                format!("`{v}` is not a colour such as #1f5fd1"),
            )
        })?),
    };
    let logo_url = match src.get("BRAND_LOGO_URL") {
        None => None,
        Some(v)
            if v.starts_with('/') && !v.starts_with("//") && !v.contains(['"', '<', '>', ' ']) =>
        {
            Some(v.to_owned())
        }
        Some(v) => match Url::parse(v) {
            Ok(url) if url.scheme() == "https" && url.host_str().is_some() => Some(url.to_string()),
            _ => {
                return Err(problem(
                    "BRAND_LOGO_URL",
                    format!("`{v}` must be an https URL or a path such as /logo.svg"),
                ));
            }
        },
    };
    Ok(Brand {
        name,
        accent,
        logo_url,
    })
}

/// `SUPPORT_URL`: where people get help (the code page links to it): an
/// https URL, a `mailto:` address or a path on this host.
pub fn support_url(src: &Source) -> Result<Option<String>, ConfigError> {
    let Some(v) = src.get("SUPPORT_URL") else {
        return Ok(None);
    };
    let ok = if v.starts_with('/') {
        !v.starts_with("//") && !v.contains(['"', '<', '>', ' '])
    } else {
        Url::parse(v).is_ok_and(|u| {
            (u.scheme() == "https" && u.host_str().is_some()) || u.scheme() == "mailto"
        })
    };
    if ok {
        Ok(Some(v.to_owned()))
    } else {
        Err(problem(
            "SUPPORT_URL",
            format!("`{v}` must be an https URL, a mailto: address or a path such as /help"),
        ))
    }
}

/// `DEFAULT_LOCALE`: one of the shipped locales, or one `LOCALES_DIR` adds.
pub fn default_locale(src: &Source, added: Option<&LocalesDir>) -> Result<String, ConfigError> {
    let Some(v) = src.get("DEFAULT_LOCALE") else {
        return Ok("en".to_owned());
    };
    let added: Vec<&str> = added
        .map(|d| {
            d.locales
                .iter()
                .filter(|l| l.shipped.is_none())
                .map(|l| l.tag.as_str())
                .collect()
        })
        .unwrap_or_default();
    if let Some(tag) = added.iter().find(|t| t.eq_ignore_ascii_case(v)) {
        return Ok((*tag).to_owned());
    }
    crate::i18n::shipped_locale(v)
        .map(str::to_owned)
        .ok_or_else(|| {
            let mut allowed = crate::i18n::LOCALES.to_vec();
            allowed.extend(added);
            problem(
                "DEFAULT_LOCALE",
                format!("`{v}` is not available; allowed: {}", allowed.join(", ")),
            )
        })
}

/// `LOCALES_DIR`: a folder of `<locale>/main.ftl` files, read and checked
/// now (the first problem; `locales_dir_problems` lists them all).
pub fn locales_dir(src: &Source) -> Result<Option<LocalesDir>, ConfigError> {
    let Some(v) = src.get("LOCALES_DIR") else {
        return Ok(None);
    };
    read_locales_dir(v)
        .map(Some)
        .map_err(|mut all| all.swap_remove(0))
}

/// Every problem of the folder `v`, one each.
pub fn locales_dir_problems(v: &str) -> Vec<ConfigError> {
    read_locales_dir(v.trim()).err().unwrap_or_default()
}

fn read_locales_dir(v: &str) -> Result<LocalesDir, Vec<ConfigError>> {
    let path = Path::new(v);
    if !path.is_dir() {
        return Err(vec![problem(
            "LOCALES_DIR",
            format!("`{v}` is not a folder (it holds <locale>/main.ftl files)"),
        )]);
    }
    crate::i18n::overrides::read(path).map_err(|problems| {
        problems
            .into_iter()
            .map(|p| problem("LOCALES_DIR", p.to_string()))
            .collect()
    })
}

/// `#1f5fd1` or `1f5fd1`.
fn parse_hex_color(v: &str) -> Option<[u8; 3]> {
    let hex = v.strip_prefix('#').unwrap_or(v);
    if hex.len() != 6 {
        return None;
    }
    let bytes = hex::decode(hex).ok()?;
    Some([bytes[0], bytes[1], bytes[2]])
}
