//! ARCHITECTURE.md's picture, held: each room of `src/` (a top-level module)
//! imports only rooms below it, so there is no circle and no arrow back up.
use std::{collections::BTreeSet, path::Path};

/// The rooms, top to bottom, as ARCHITECTURE.md draws them (`main.rs` and
/// `lib.rs` sit above them all).
const ROOMS: &[&str] = &[
    "startup",
    "web",
    "verification",
    "webhooks",
    "telemetry",
    "sms",
    "config",
    "i18n",
    "challenge",
    "storage",
    "metrics",
    "pumping",
    "clock",
    "domain",
];

fn sources(path: &Path, out: &mut Vec<(String, String)>) {
    if path.is_dir() {
        for entry in std::fs::read_dir(path).unwrap() {
            sources(&entry.unwrap().path(), out);
        }
    } else if path.extension().is_some_and(|e| e == "rs") {
        let text = std::fs::read_to_string(path).unwrap();
        // A module's own unit tests may reach anywhere.
        let code = text.split("#[cfg(test)]\nmod tests").next().unwrap();
        out.push((path.display().to_string(), code.to_owned()));
    }
}

/// The rooms a file names: `crate::room…` and the first names of a
/// `use crate::{room::…, room, …}` group.
fn named(code: &str) -> BTreeSet<String> {
    let mut rooms = BTreeSet::new();
    let ident = |s: &str| -> String {
        s.chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
            .collect()
    };
    for (at, _) in code.match_indices("crate::") {
        let rest = &code[at + "crate::".len()..];
        if let Some(group) = rest.strip_prefix('{') {
            let (mut depth, mut item) = (0, String::new());
            for c in group.chars() {
                match c {
                    '{' => depth += 1,
                    '}' if depth == 0 => break,
                    '}' => depth -= 1,
                    ',' if depth == 0 => {
                        rooms.insert(ident(item.trim()));
                        item.clear();
                        continue;
                    }
                    _ => {}
                }
                item.push(c);
            }
            rooms.insert(ident(item.trim()));
        } else {
            rooms.insert(ident(rest));
        }
    }
    rooms
}

#[test]
fn imports_only_go_down_the_rooms() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut problems = Vec::new();
    for entry in std::fs::read_dir(&src).unwrap() {
        let path = entry.unwrap().path();
        let name = path.file_stem().unwrap().to_str().unwrap().to_owned();
        if ["lib", "main"].contains(&name.as_str()) {
            continue;
        }
        let Some(level) = ROOMS.iter().position(|r| *r == name) else {
            problems.push(format!("src/{name}: not in the picture (ROOMS)"));
            continue;
        };
        let mut files = Vec::new();
        sources(&path, &mut files);
        for (file, code) in files {
            for room in named(&code) {
                match ROOMS.iter().position(|r| *r == room) {
                    Some(below) if below > level => {}
                    Some(same) if same == level => {}
                    Some(_) => problems.push(format!("{file}: {name} imports {room}, above it")),
                    None => {}
                }
            }
        }
    }
    assert!(problems.is_empty(), "{problems:#?}");
}

#[test]
fn the_rule_sees_both_forms_of_import() {
    let rooms = named(
        "use crate::{web::state::AppState, domain, i18n::{Arg, Tr}};\nlet x = crate::storage::Store;",
    );
    let want: BTreeSet<String> = ["web", "domain", "i18n", "storage"]
        .map(String::from)
        .into();
    assert_eq!(rooms, want);
}
