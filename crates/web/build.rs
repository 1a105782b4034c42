//! Embeds every message file under `locales/` into the binary.
//!
//! A language is a folder `locales/CODE/` of `.ftl` files; adding one needs
//! no code change. The generated `locales.rs` lists them, sorted, for
//! `i18n::Catalog`.

use std::fmt::Write;
use std::path::Path;
use std::{env, fs};

fn main() {
    let root = Path::new(&env::var("CARGO_MANIFEST_DIR").unwrap()).join("locales");
    println!("cargo:rerun-if-changed={}", root.display());
    let mut locales: Vec<_> = fs::read_dir(&root)
        .expect("crates/web/locales exists")
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.is_dir())
        .collect();
    locales.sort();
    let mut out = String::from("/// Each locale's code and its message files' names and text.\n");
    out.push_str("pub(crate) static LOCALE_SOURCES: &[(&str, &[(&str, &str)])] = &[\n");
    for dir in locales {
        let code = dir.file_name().unwrap().to_str().unwrap().to_owned();
        let mut files: Vec<_> = fs::read_dir(&dir)
            .unwrap()
            .map(|entry| entry.unwrap().path())
            .filter(|path| path.extension().is_some_and(|ext| ext == "ftl"))
            .collect();
        files.sort();
        writeln!(out, "    ({code:?}, &[").unwrap();
        for file in files {
            let name = file.file_name().unwrap().to_str().unwrap().to_owned();
            writeln!(
                out,
                "        ({name:?}, include_str!({:?})),",
                file.display().to_string()
            )
            .unwrap();
        }
        out.push_str("    ]),\n");
    }
    out.push_str("];\n");
    fs::write(
        Path::new(&env::var("OUT_DIR").unwrap()).join("locales.rs"),
        out,
    )
    .unwrap();
}
