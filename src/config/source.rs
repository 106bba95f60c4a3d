//! Where settings come from: `.env`, then the optional `CONFIG_FILE` (TOML,
//! lower-case keys and `[[clients]]` tables), then the environment; and the
//! typed readers every section uses, so each refusal names its variable and
//! what it allows.
use std::{cell::RefCell, collections::HashMap, path::Path};

use super::{ConfigError, clients::RawClient, keys::is_known, problem, webhooks::RawWebhook};

/// The file's tables: `[[clients]]` and `[[webhooks]]`.
#[derive(Debug, Clone, Default)]
pub struct Tables {
    pub clients: Vec<RawClient>,
    pub webhooks: Vec<RawWebhook>,
}

/// The raw settings, by upper-case name. Every name read is remembered, so
/// a test can hold the readers to the list of known keys.
#[derive(Debug, Default)]
pub struct Source {
    values: HashMap<String, String>,
    asked: RefCell<Vec<&'static str>>,
}

impl Source {
    pub fn new(values: HashMap<String, String>) -> Self {
        Self {
            values,
            asked: RefCell::default(),
        }
    }

    pub fn values(&self) -> &HashMap<String, String> {
        &self.values
    }

    /// The value of `name`, trimmed; `None` when unset or empty.
    pub fn get(&self, name: &'static str) -> Option<&str> {
        debug_assert!(is_known(name), "{name} is read but not a known key");
        self.asked.borrow_mut().push(name);
        self.values
            .get(name)
            .map(|v| v.trim())
            .filter(|v| !v.is_empty())
    }

    /// The names read so far.
    pub fn asked(&self) -> Vec<&'static str> {
        self.asked.borrow().clone()
    }

    /// `true`/`false` (also 1/0, yes/no, on/off).
    pub fn flag(&self, name: &'static str, default: bool) -> Result<bool, ConfigError> {
        match self.get(name).map(str::to_ascii_lowercase).as_deref() {
            None => Ok(default),
            Some("true" | "1" | "yes" | "on") => Ok(true),
            Some("false" | "0" | "no" | "off") => Ok(false),
            Some(v) => Err(problem(
                name,
                format!("`{v}` is not allowed; true or false"),
            )),
        }
    }

    /// One of `choices` (case-insensitive), by its spelling.
    pub fn choice<T: Copy>(
        &self,
        name: &'static str,
        default: T,
        choices: &[(&str, T)],
    ) -> Result<T, ConfigError> {
        let Some(v) = self.get(name) else {
            return Ok(default);
        };
        choices
            .iter()
            .find(|(spelling, _)| v.eq_ignore_ascii_case(spelling))
            .map(|(_, value)| *value)
            .ok_or_else(|| {
                let allowed: Vec<&str> = choices.iter().map(|(s, _)| *s).collect();
                problem(
                    name,
                    format!("`{v}` is not allowed; allowed: {}", allowed.join(", ")),
                )
            })
    }

    /// A comma-separated list, entries trimmed, empty ones dropped.
    pub fn list(&self, name: &'static str) -> impl Iterator<Item = &str> {
        self.get(name)
            .unwrap_or("")
            .split(',')
            .map(str::trim)
            .filter(|e| !e.is_empty())
    }
}

/// `.env`, then `CONFIG_FILE`, then the environment, as raw strings.
pub fn read() -> Result<(HashMap<String, String>, Tables), ConfigError> {
    let _ = dotenvy::dotenv();
    let (mut raw, tables) = match std::env::var("CONFIG_FILE") {
        Ok(path) if !path.is_empty() => read_file(Path::new(&path))?,
        _ => (HashMap::new(), Tables::default()),
    };
    for key in super::keys::all() {
        if let Ok(value) = std::env::var(key) {
            raw.insert(key.to_owned(), value);
        }
    }
    Ok((raw, tables))
}

/// The TOML file's keys, upper-cased to the environment's names.
pub fn read_file(path: &Path) -> Result<(HashMap<String, String>, Tables), ConfigError> {
    let text = std::fs::read_to_string(path).map_err(|e| {
        problem(
            "CONFIG_FILE",
            format!("{} cannot be read: {e}", path.display()),
        )
    })?;
    let table: toml::Table = text.parse().map_err(|e: toml::de::Error| {
        problem(
            "CONFIG_FILE",
            format!("{} is not valid TOML: {}", path.display(), e.message()),
        )
    })?;
    let mut raw = HashMap::new();
    let mut tables = Tables::default();
    for (key, value) in table {
        if key == "clients" {
            tables.clients = value.try_into().map_err(|e: toml::de::Error| {
                problem(
                    "CONFIG_FILE",
                    format!("[[clients]] in {}: {}", path.display(), e.message()),
                )
            })?;
            continue;
        }
        if key == "webhooks" {
            tables.webhooks = value.try_into().map_err(|e: toml::de::Error| {
                problem(
                    "CONFIG_FILE",
                    format!("[[webhooks]] in {}: {}", path.display(), e.message()),
                )
            })?;
            continue;
        }
        let upper = key.to_ascii_uppercase();
        if !is_known(&upper) || key != key.to_ascii_lowercase() {
            return Err(problem(
                "CONFIG_FILE",
                format!("unknown key `{key}` in {}", path.display()),
            ));
        }
        let text = match value {
            toml::Value::String(s) => s,
            toml::Value::Integer(i) => i.to_string(),
            toml::Value::Boolean(b) => b.to_string(),
            other => {
                return Err(problem(
                    &upper,
                    format!(
                        "in {}: expected a string, number or boolean, found {}",
                        path.display(),
                        other.type_str()
                    ),
                ));
            }
        };
        raw.insert(upper, text);
    }
    Ok((raw, tables))
}
