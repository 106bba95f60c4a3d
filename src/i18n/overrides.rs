//! An operator's `LOCALES_DIR`: a folder of `<locale>/main.ftl` files (and,
//! optionally, `<locale>/countries.txt`) read once at start-up. A shipped
//! locale's folder overrides any of its messages (the SMS included); any
//! other language tag adds a language. Everything is checked before the
//! app starts, against the shipped English messages: an unknown message
//! id, a placeholder the message does not have, a reference to nothing, a
//! file that does not parse. An SMS that would take two segments is a
//! warning, not a refusal.
use std::{
    collections::{BTreeSet, HashMap, HashSet},
    fmt,
    path::{Path, PathBuf},
    sync::LazyLock,
};

use fluent_bundle::{FluentArgs, FluentResource, FluentValue, concurrent::FluentBundle};
use fluent_syntax::ast;

use super::{ENGLISH, LOCALES, SOURCES, parse_tag};

/// The largest file read (a complete `main.ftl` is about 10 KiB).
pub const MAX_FILE_BYTES: u64 = 256 * 1024;
/// The most languages one folder may hold.
pub const MAX_LOCALES: usize = 200;

/// The brand, host and code the SMS-length check measures with: the
/// longest the README promises one segment for.
const SAMPLE_BRAND: &str = "Acme Company";
const SAMPLE_HOST: &str = "verify.acme-example.co.uk";
const SAMPLE_CODE: &str = "123456";
const SAMPLE_MINUTES: i64 = 10;
const SAMPLE_SECONDS: i64 = 45;

/// `LOCALES_DIR`, read and checked.
#[derive(Clone)]
pub struct LocalesDir {
    pub dir: PathBuf,
    pub locales: Vec<LocaleFiles>,
    /// One line each: an SMS override that needs two segments.
    pub warnings: Vec<String>,
}

impl fmt::Debug for LocalesDir {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let tags: Vec<String> = self
            .locales
            .iter()
            .map(|l| match l.shipped {
                Some(_) => format!("{} (overrides)", l.tag),
                None => format!("{} (added)", l.tag),
            })
            .collect();
        f.debug_struct("LocalesDir")
            .field("dir", &self.dir)
            .field("locales", &tags)
            .finish()
    }
}

/// One language's files in `LOCALES_DIR`.
#[derive(Debug, Clone)]
pub struct LocaleFiles {
    /// The tag, in canonical case (`pt-br/` → `pt-BR`).
    pub tag: String,
    /// The shipped locale these files override; `None` for an added language.
    pub shipped: Option<&'static str>,
    /// `main.ftl`: its path and text.
    pub messages: (PathBuf, String),
    /// `countries.txt`, if there is one.
    pub countries: Option<(PathBuf, String)>,
}

/// One thing wrong, for one line: the file, the message id (or line, or
/// nothing for a whole file) and what is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub file: PathBuf,
    pub id: String,
    pub problem: String,
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let file = self.file.display();
        if self.id.is_empty() {
            write!(f, "{file}: {}", self.problem)
        } else {
            write!(f, "{file}: {}: {}", self.id, self.problem)
        }
    }
}

fn problem(file: &Path, id: &str, what: impl Into<String>) -> Problem {
    Problem {
        file: file.to_owned(),
        id: id.to_owned(),
        problem: what.into(),
    }
}

/// The ids of the messages (not terms) of a Fluent source.
pub fn message_ids(source: &str) -> Vec<String> {
    let resource = match fluent_syntax::parser::parse(source) {
        Ok(r) => r,
        Err((r, _)) => r,
    };
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => Some(m.id.name.to_owned()),
            _ => None,
        })
        .collect()
}

/// Every English message and the variables it uses: what an override may
/// name.
static REFERENCE: LazyLock<HashMap<String, BTreeSet<String>>> = LazyLock::new(|| {
    let resource = fluent_syntax::parser::parse(ENGLISH).expect("the English messages parse");
    resource
        .body
        .iter()
        .filter_map(|entry| match entry {
            ast::Entry::Message(m) => {
                let mut refs = Refs::default();
                if let Some(value) = &m.value {
                    refs.pattern(value);
                }
                Some((m.id.name.to_owned(), refs.variables))
            }
            _ => None,
        })
        .collect()
});

/// What a pattern refers to.
#[derive(Default)]
struct Refs {
    variables: BTreeSet<String>,
    messages: BTreeSet<String>,
    terms: BTreeSet<String>,
    functions: BTreeSet<String>,
}

impl Refs {
    fn pattern(&mut self, pattern: &ast::Pattern<&str>) {
        for element in &pattern.elements {
            if let ast::PatternElement::Placeable { expression } = element {
                self.expression(expression);
            }
        }
    }

    fn expression(&mut self, expression: &ast::Expression<&str>) {
        match expression {
            ast::Expression::Select { selector, variants } => {
                self.inline(selector);
                for variant in variants {
                    self.pattern(&variant.value);
                }
            }
            ast::Expression::Inline(inline) => self.inline(inline),
        }
    }

    fn inline(&mut self, inline: &ast::InlineExpression<&str>) {
        match inline {
            ast::InlineExpression::StringLiteral { .. }
            | ast::InlineExpression::NumberLiteral { .. } => {}
            ast::InlineExpression::VariableReference { id } => {
                self.variables.insert(id.name.to_owned());
            }
            ast::InlineExpression::MessageReference { id, .. } => {
                self.messages.insert(id.name.to_owned());
            }
            ast::InlineExpression::TermReference { id, arguments, .. } => {
                self.terms.insert(id.name.to_owned());
                if let Some(arguments) = arguments {
                    self.arguments(arguments);
                }
            }
            ast::InlineExpression::FunctionReference { id, arguments } => {
                self.functions.insert(id.name.to_owned());
                self.arguments(arguments);
            }
            ast::InlineExpression::Placeable { expression } => self.expression(expression),
        }
    }

    fn arguments(&mut self, arguments: &ast::CallArguments<&str>) {
        for value in &arguments.positional {
            self.inline(value);
        }
        for named in &arguments.named {
            self.inline(&named.value);
        }
    }
}

/// `{ $brand }, { $code }` for a problem's wording.
fn placeholders(names: &BTreeSet<String>) -> String {
    if names.is_empty() {
        return "none".to_owned();
    }
    names
        .iter()
        .map(|n| format!("{{ ${n} }}"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// Reads and checks `dir`: every problem, or the languages and warnings.
pub fn read(dir: &Path) -> Result<LocalesDir, Vec<Problem>> {
    let mut problems = Vec::new();
    let entries = match std::fs::read_dir(dir) {
        Ok(entries) => entries,
        Err(e) => return Err(vec![problem(dir, "", format!("cannot be read: {e}"))]),
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    let mut locales: Vec<LocaleFiles> = Vec::new();
    let mut warnings = Vec::new();
    let mut seen: HashMap<String, PathBuf> = HashMap::new();
    for path in paths {
        let Some(name) = path.file_name().and_then(|n| n.to_str()).map(str::to_owned) else {
            problems.push(problem(&path, "", "is not named in UTF-8"));
            continue;
        };
        if name.starts_with('.') {
            continue;
        }
        if !path.is_dir() {
            // Messages in the wrong place would be silently ignored.
            if name.ends_with(".ftl") {
                problems.push(problem(
                    &path,
                    "",
                    "is not read: put each language's messages in <locale>/main.ftl (say es/main.ftl)",
                ));
            }
            continue;
        }
        if seen.len() >= MAX_LOCALES {
            problems.push(problem(
                dir,
                "",
                format!("holds more than {MAX_LOCALES} languages"),
            ));
            break;
        }
        let Some(id) = parse_tag(&name) else {
            problems.push(problem(
                &path,
                "",
                format!("`{name}` is not a language tag such as nb, es-MX or pt-BR"),
            ));
            continue;
        };
        let tag = id.to_string();
        if let Some(other) = seen.insert(tag.clone(), path.clone()) {
            problems.push(problem(
                &path,
                "",
                format!("is the same language as {}", other.display()),
            ));
            continue;
        }
        let shipped = LOCALES.iter().copied().find(|l| *l == tag);
        let main = path.join("main.ftl");
        let text = match read_text(&main) {
            Ok(Some(text)) => text,
            Ok(None) => {
                problems.push(problem(
                    &main,
                    "",
                    "is missing: each language's folder holds its messages in main.ftl",
                ));
                continue;
            }
            Err(p) => {
                problems.push(p);
                continue;
            }
        };
        let before = problems.len();
        check_messages(&main, &text, &tag, shipped, &mut problems, &mut warnings);
        let countries_path = path.join("countries.txt");
        let countries = match read_text(&countries_path) {
            Ok(Some(text)) => {
                check_countries(&countries_path, &text, &mut problems);
                Some((countries_path, text))
            }
            Ok(None) => None,
            Err(p) => {
                problems.push(p);
                None
            }
        };
        if problems.len() == before {
            locales.push(LocaleFiles {
                tag,
                shipped,
                messages: (main, text),
                countries,
            });
        }
    }
    if problems.is_empty() {
        Ok(LocalesDir {
            dir: dir.to_owned(),
            locales,
            warnings,
        })
    } else {
        Err(problems)
    }
}

/// A file's text: `None` when it does not exist; a problem when it cannot
/// be read, is too large or is not UTF-8.
fn read_text(path: &Path) -> Result<Option<String>, Problem> {
    let meta = match std::fs::metadata(path) {
        Ok(meta) => meta,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(None),
        Err(e) => return Err(problem(path, "", format!("cannot be read: {e}"))),
    };
    if !meta.is_file() {
        return Err(problem(path, "", "is not a file"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(problem(
            path,
            "",
            format!("is larger than {} KiB", MAX_FILE_BYTES / 1024),
        ));
    }
    let bytes =
        std::fs::read(path).map_err(|e| problem(path, "", format!("cannot be read: {e}")))?;
    String::from_utf8(bytes)
        .map(Some)
        .map_err(|_| problem(path, "", "is not UTF-8"))
}

/// The text before byte `at` (at a character's start at or before it).
fn before(text: &str, at: usize) -> &str {
    let mut at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    &text[..at]
}

/// The 1-based line of byte `at`.
fn line_of(text: &str, at: usize) -> usize {
    before(text, at).matches('\n').count() + 1
}

/// The id of the message or term a byte offset lies in: the last line at
/// or before it that starts an entry (`id =`).
fn entry_at(text: &str, at: usize) -> Option<String> {
    before(text, at).lines().rev().find_map(|line| {
        let (head, _) = line.split_once('=')?;
        let id = head.trim_end();
        let name = id.strip_prefix('-').unwrap_or(id);
        let mut chars = name.chars();
        let valid = chars.next().is_some_and(|c| c.is_ascii_alphabetic())
            && chars.all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
        (valid && !line.starts_with(char::is_whitespace)).then(|| id.to_owned())
    })
}

/// Checks one `main.ftl`.
fn check_messages(
    path: &Path,
    text: &str,
    tag: &str,
    shipped: Option<&'static str>,
    problems: &mut Vec<Problem>,
    warnings: &mut Vec<String>,
) {
    let resource = match fluent_syntax::parser::parse(text) {
        Ok(resource) => resource,
        Err((_, errors)) => {
            for error in errors {
                // An error at the end of the file is on its last line.
                let line = line_of(text, error.pos.start.min(text.trim_end().len()));
                let id = entry_at(text, error.pos.start).unwrap_or_default();
                problems.push(problem(
                    path,
                    &id,
                    format!("does not parse: line {line}: {error}"),
                ));
            }
            return;
        }
    };
    let before = problems.len();
    let terms: HashSet<&str> = resource
        .body
        .iter()
        .filter_map(|e| match e {
            ast::Entry::Term(t) => Some(t.id.name),
            _ => None,
        })
        .collect();
    let mut defined: Vec<&str> = Vec::new();
    for entry in &resource.body {
        let (id, refs) = match entry {
            ast::Entry::Message(m) => {
                let id = m.id.name;
                if defined.contains(&id) {
                    problems.push(problem(path, id, "is defined twice in this file"));
                    continue;
                }
                defined.push(id);
                let Some(english) = REFERENCE.get(id) else {
                    problems.push(problem(
                        path,
                        id,
                        "is not a message phone-verify has (unknown message id; locales/en/main.ftl lists them all)",
                    ));
                    continue;
                };
                if let Some(attribute) = m.attributes.first() {
                    problems.push(problem(
                        path,
                        id,
                        format!(
                            "has an attribute (.{}), which phone-verify does not show",
                            attribute.id.name
                        ),
                    ));
                    continue;
                }
                let Some(value) = &m.value else {
                    problems.push(problem(path, id, "has no text"));
                    continue;
                };
                let mut refs = Refs::default();
                refs.pattern(value);
                if let Some(unknown) = refs.variables.difference(english).next() {
                    problems.push(problem(
                        path,
                        id,
                        format!(
                            "{{ ${unknown} }} is not a placeholder of this message (it has {})",
                            placeholders(english)
                        ),
                    ));
                    continue;
                }
                (id, refs)
            }
            ast::Entry::Term(t) => {
                let mut refs = Refs::default();
                refs.pattern(&t.value);
                for attribute in &t.attributes {
                    refs.pattern(&attribute.value);
                }
                (t.id.name, refs)
            }
            _ => continue,
        };
        if let Some(message) = refs.messages.iter().find(|m| !REFERENCE.contains_key(*m)) {
            problems.push(problem(
                path,
                id,
                format!("{{ {message} }} names no message"),
            ));
        } else if let Some(term) = refs.terms.iter().find(|t| !terms.contains(t.as_str())) {
            problems.push(problem(
                path,
                id,
                format!("{{ -{term} }} names no term defined in this file"),
            ));
        } else if let Some(function) = refs.functions.iter().next() {
            problems.push(problem(
                path,
                id,
                format!("{{ {function}(…) }}: phone-verify's messages have no functions"),
            ));
        }
    }
    if shipped.is_none() && !defined.contains(&"language-name") {
        problems.push(problem(
            path,
            "language-name",
            "is missing: a new language names itself for the language switcher",
        ));
    }
    if problems.len() > before {
        return;
    }
    // What the checks above cannot see (a message referring to itself, say)
    // shows when each message is formatted with every placeholder it may use.
    let bundle = match trial_bundle(tag, shipped, text) {
        Ok(bundle) => bundle,
        Err(what) => {
            problems.push(problem(path, "", what));
            return;
        }
    };
    for id in &defined {
        let mut args = FluentArgs::new();
        for name in REFERENCE.get(*id).into_iter().flatten() {
            args.set(name.clone(), FluentValue::from(2));
        }
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        bundle.format_pattern(pattern, Some(&args), &mut errors);
        if let Some(error) = errors.first() {
            problems.push(problem(path, id, format!("does not format: {error}")));
        }
    }
    if problems.len() > before {
        return;
    }
    // The text's two wordings: its lifetime in minutes, and in seconds
    // (under a minute).
    for (id, lifetime, value) in [
        ("sms-body", "minutes", SAMPLE_MINUTES),
        ("sms-body-seconds", "seconds", SAMPLE_SECONDS),
    ] {
        if !defined.contains(&id) {
            continue;
        }
        let mut args = FluentArgs::new();
        args.set("brand", FluentValue::from(SAMPLE_BRAND));
        args.set("code", FluentValue::from(SAMPLE_CODE));
        args.set(lifetime, FluentValue::from(value));
        let Some(pattern) = bundle.get_message(id).and_then(|m| m.value()) else {
            continue;
        };
        let mut errors = Vec::new();
        let text = bundle.format_pattern(pattern, Some(&args), &mut errors);
        let body = crate::domain::segments::with_webotp_line(&text, SAMPLE_HOST, SAMPLE_CODE);
        let (encoding, units, segments) = crate::domain::segments::measure(&body);
        if segments > 1 {
            warnings.push(format!(
                "{}: {id}: the text takes {segments} segments ({}, {units} units) with a \
                 12-character brand, a 25-character host and a six-digit code; one segment \
                 holds 160 GSM-7 or 70 UCS-2 units, and each segment is charged",
                path.display(),
                encoding.as_str(),
            ));
        }
    }
}

/// The plain (SMS) bundle the locale will have: the shipped messages with
/// the override over them, or the added language's own.
fn trial_bundle(
    tag: &str,
    shipped: Option<&'static str>,
    text: &str,
) -> Result<FluentBundle<FluentResource>, String> {
    let lang = tag
        .parse()
        .map_err(|_| format!("`{tag}` is not a language tag"))?;
    let mut bundle = FluentBundle::new_concurrent(vec![lang]);
    bundle.set_use_isolating(false);
    if let Some(source) = shipped.and_then(|s| SOURCES.iter().find(|x| x.tag == s)) {
        let resource = FluentResource::try_new(source.messages.to_owned())
            .map_err(|_| "the shipped messages do not parse".to_owned())?;
        bundle.add_resource_overriding(resource);
    }
    let resource =
        FluentResource::try_new(text.to_owned()).map_err(|_| "does not parse".to_owned())?;
    bundle.add_resource_overriding(resource);
    Ok(bundle)
}

/// Checks `countries.txt`: `CODE<TAB>name` lines (ISO 3166 alpha-2 codes
/// phone-verify dials), `#` comments.
fn check_countries(path: &Path, text: &str, problems: &mut Vec<Problem>) {
    let mut seen = HashSet::new();
    for (n, line) in text.lines().enumerate() {
        let at = format!("line {}", n + 1);
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let Some((code, name)) = line.split_once('\t') else {
            problems.push(problem(path, &at, "is not CODE<TAB>country name"));
            return;
        };
        let Some(known) = crate::domain::phone::known_region(code) else {
            problems.push(problem(
                path,
                &at,
                format!("`{code}` is not a country code phone-verify knows (ISO 3166 alpha-2, such as NO)"),
            ));
            return;
        };
        let name = name.trim();
        if name.is_empty() || name.chars().count() > 100 || name.chars().any(char::is_control) {
            problems.push(problem(
                path,
                &at,
                "the name must be 1 to 100 printable characters",
            ));
            return;
        }
        if !seen.insert(known) {
            problems.push(problem(path, &at, format!("{known} is named twice")));
            return;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A fresh folder with `files` (path → text) in it.
    fn folder(files: &[(&str, &str)]) -> PathBuf {
        let dir = std::env::temp_dir().join(format!("pv-locales-{}", uuid::Uuid::new_v4()));
        for (path, text) in files {
            let path = dir.join(path);
            std::fs::create_dir_all(path.parent().unwrap()).unwrap();
            std::fs::write(path, text).unwrap();
        }
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    /// The one problem `files` have, as its line reads.
    fn only_problem(files: &[(&str, &str)]) -> String {
        let dir = folder(files);
        let problems = read(&dir).expect_err("a problem");
        assert_eq!(problems.len(), 1, "{problems:?}");
        problems[0]
            .to_string()
            .replace(&format!("{}/", dir.display()), "")
    }

    #[test]
    fn overrides_and_added_languages_are_read() {
        let dir = folder(&[
            (
                "es/main.ftl",
                "sms-body = Tu código de { $brand }: { $code }\nphone-title = ¡Verifica tu móvil!\n",
            ),
            (
                "nb/main.ftl",
                "# Norsk bokmål.\nlanguage-name = Norsk bokmål\n-brand-word = SMS\nphone-title = Bekreft telefonnummeret ditt\ncode-intro = Vi har sendt en kode med { -brand-word } til { $phone }.\n",
            ),
            ("nb/countries.txt", "# names\nNO\tNorge\nSE\tSverige\n"),
            ("README.md", "not read"),
            (".git/config", "not read"),
        ]);
        let read = read(&dir).unwrap();
        let tags: Vec<(&str, Option<&str>)> = read
            .locales
            .iter()
            .map(|l| (l.tag.as_str(), l.shipped))
            .collect();
        assert_eq!(tags, [("es", Some("es")), ("nb", None)]);
        assert!(read.locales[1].countries.is_some());
        assert!(read.warnings.is_empty(), "{:?}", read.warnings);
        // A folder named in another case is the same language.
        let dir = folder(&[("PT-br/main.ftl", "phone-title = Olá\n")]);
        assert_eq!(super::read(&dir).unwrap().locales[0].shipped, Some("pt-BR"));
    }

    #[test]
    fn each_problem_is_one_line_naming_the_file_the_id_and_what_is_wrong() {
        let cases: &[(&[(&str, &str)], &str)] = &[
            (
                &[("es/main.ftl", "sms-bodyy = { $code }\n")],
                "es/main.ftl: sms-bodyy: is not a message phone-verify has (unknown message id; locales/en/main.ftl lists them all)",
            ),
            (
                &[("es/main.ftl", "sms-body = Tu código: { $cod }\n")],
                "es/main.ftl: sms-body: { $cod } is not a placeholder of this message (it has { $brand }, { $code }, { $minutes })",
            ),
            (
                &[("fr/main.ftl", "phone-title = Vérifiez { $phone }\n")],
                "fr/main.ftl: phone-title: { $phone } is not a placeholder of this message (it has none)",
            ),
            (
                &[(
                    "es/main.ftl",
                    "phone-title = Hola\n\nsms-body = { $code \n\ncode-title = Código\n",
                )],
                "es/main.ftl: sms-body: does not parse: line 5: Expected a token starting with \"}\"",
            ),
            (
                &[("es/main.ftl", "phone-title = A\nphone-title = B\n")],
                "es/main.ftl: phone-title: is defined twice in this file",
            ),
            (
                &[("es/main.ftl", "phone-title = { nope }\n")],
                "es/main.ftl: phone-title: { nope } names no message",
            ),
            (
                &[("es/main.ftl", "phone-title = { -nope }\n")],
                "es/main.ftl: phone-title: { -nope } names no term defined in this file",
            ),
            (
                &[("es/main.ftl", "phone-title = { NUMBER(3) }\n")],
                "es/main.ftl: phone-title: { NUMBER(…) }: phone-verify's messages have no functions",
            ),
            (
                &[("es/main.ftl", "phone-title = A\n    .aria = B\n")],
                "es/main.ftl: phone-title: has an attribute (.aria), which phone-verify does not show",
            ),
            (
                &[("es/main.ftl", "phone-title = { phone-title }\n")],
                "es/main.ftl: phone-title: does not format: Resolver error: Cyclical dependency detected",
            ),
            (
                &[("nb/main.ftl", "phone-title = Bekreft\n")],
                "nb/main.ftl: language-name: is missing: a new language names itself for the language switcher",
            ),
            (
                &[("nb/countries.txt", "NO\tNorge\n")],
                "nb/main.ftl: is missing: each language's folder holds its messages in main.ftl",
            ),
            (
                &[("es.ftl", "phone-title = Hola\n")],
                "es.ftl: is not read: put each language's messages in <locale>/main.ftl (say es/main.ftl)",
            ),
            (
                &[("not_a tag/main.ftl", "phone-title = Hola\n")],
                "not_a tag: `not_a tag` is not a language tag such as nb, es-MX or pt-BR",
            ),
            (
                &[
                    ("nb/main.ftl", "language-name = Norsk\n"),
                    ("nb/countries.txt", "NO\tNorge\nXX\tNowhere\n"),
                ],
                "nb/countries.txt: line 2: `XX` is not a country code phone-verify knows (ISO 3166 alpha-2, such as NO)",
            ),
            (
                &[
                    ("nb/main.ftl", "language-name = Norsk\n"),
                    ("nb/countries.txt", "NO Norge\n"),
                ],
                "nb/countries.txt: line 1: is not CODE<TAB>country name",
            ),
        ];
        for (files, expected) in cases {
            let line = only_problem(files);
            assert!(line.starts_with(expected), "{line}\n  expected {expected}");
            assert_eq!(line.lines().count(), 1, "{line}");
        }
        // Bytes that are not UTF-8.
        let dir = folder(&[]);
        std::fs::create_dir_all(dir.join("es")).unwrap();
        std::fs::write(dir.join("es/main.ftl"), [0x70, 0xff, 0xfe]).unwrap();
        let problems = read(&dir).unwrap_err();
        assert!(
            problems[0]
                .to_string()
                .ends_with("es/main.ftl: is not UTF-8")
        );
        // Not a folder at all.
        assert!(read(&dir.join("nope")).is_err());
        // Too large to be messages.
        let big = format!("phone-title = {}\n", "a".repeat(MAX_FILE_BYTES as usize));
        let line = only_problem(&[("es/main.ftl", &big)]);
        assert_eq!(line, "es/main.ftl: is larger than 256 KiB");
    }

    proptest::proptest! {
        #![proptest_config(proptest::prelude::ProptestConfig::with_cases(200))]
        /// Whatever a file holds, the check answers (problems or not) and
        /// never panics.
        #[test]
        fn any_text_is_checked_without_a_panic(text in "(sms-body|phone-title|-t|[a-z]{1,6})? ?=? ?[{}$a-zñ -\\-\\[\\]*\n.]{0,60}") {
            let (mut problems, mut warnings) = (Vec::new(), Vec::new());
            check_messages(Path::new("x/main.ftl"), &text, "es", Some("es"), &mut problems, &mut warnings);
            check_messages(Path::new("x/main.ftl"), &text, "nb", None, &mut problems, &mut warnings);
        }
    }

    #[test]
    fn offsets_inside_a_character_do_not_panic() {
        let text = "phone-title = ñ { $x\n";
        for at in 0..=text.len() + 3 {
            assert!(line_of(text, at) >= 1);
            let _ = entry_at(text, at);
        }
        assert_eq!(entry_at(text, 16).as_deref(), Some("phone-title"));
    }

    #[test]
    fn every_problem_of_a_folder_is_reported() {
        let dir = folder(&[
            ("es/main.ftl", "sms-bodyy = x\nphone-title = { $x }\n"),
            ("fr/main.ftl", "phone-title = { $y }\n"),
        ]);
        let problems = read(&dir).unwrap_err();
        let ids: Vec<&str> = problems.iter().map(|p| p.id.as_str()).collect();
        assert_eq!(ids, ["sms-bodyy", "phone-title", "phone-title"]);
    }

    #[test]
    fn an_sms_that_needs_two_segments_is_a_warning() {
        let long = format!(
            "sms-body = Tu codigo de {{ $brand }} es {{ $code }}. {}\n",
            "Caduca pronto. ".repeat(6)
        );
        let dir = folder(&[("es/main.ftl", &long)]);
        let read = read(&dir).unwrap();
        assert_eq!(read.warnings.len(), 1, "{:?}", read.warnings);
        assert!(
            read.warnings[0].contains("es/main.ftl: sms-body: the text takes 2 segments (GSM-7,"),
            "{}",
            read.warnings[0]
        );
        // Terse enough: no warning.
        let dir = folder(&[("es/main.ftl", "sms-body = { $brand }: { $code }\n")]);
        assert!(super::read(&dir).unwrap().warnings.is_empty());
        // UCS-2 counts 70 to a segment.
        let dir = folder(&[(
            "ru/main.ftl",
            "sms-body = Ваш код { $brand }: { $code }. Никому его не сообщайте, даже сотрудникам поддержки.\n",
        )]);
        assert!(super::read(&dir).unwrap().warnings[0].contains("(UCS-2,"));
    }
}
