//! Sources: a manifest (or a folder of `.txt`/`.md` files) in, a validated [`Corpus`] out.
//! Invariant: every source has a unique id and its text is non-empty UTF-8, kept byte for
//! byte as stored (a BOM and `\r\n` included) so that spans index the file itself.

use std::collections::BTreeSet;
use std::fmt;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::error::{line_of, Error, Result};

/// A calendar date known to year, month or day precision (`2024`, `2024-11`, `2024-11-05`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct PartialDate {
    pub year: i32,
    pub month: Option<u32>,
    pub day: Option<u32>,
}

impl PartialDate {
    pub fn parse(text: &str) -> Option<PartialDate> {
        let mut parts = text.split('-');
        let year: i32 = parts.next()?.parse().ok()?;
        let month = parts.next().map(|m| m.parse::<u32>().ok().filter(|m| (1..=12).contains(m)));
        let day = parts.next().map(|d| d.parse::<u32>().ok());
        if parts.next().is_some() || !(1000..=9999).contains(&year) {
            return None;
        }
        let month = match month {
            Some(Some(m)) => Some(m),
            Some(None) => return None,
            None => None,
        };
        let day = match day {
            Some(Some(d)) if month.is_some() && d >= 1 && d <= days_in_month(year, month?) => Some(d),
            Some(_) => return None,
            None => None,
        };
        Some(PartialDate { year, month, day })
    }
}

impl fmt::Display for PartialDate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{:04}", self.year)?;
        if let Some(m) = self.month {
            write!(f, "-{m:02}")?;
        }
        if let Some(d) = self.day {
            write!(f, "-{d:02}")?;
        }
        Ok(())
    }
}

impl Serialize for PartialDate {
    fn serialize<S: serde::Serializer>(&self, s: S) -> std::result::Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}

impl<'de> Deserialize<'de> for PartialDate {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> std::result::Result<Self, D::Error> {
        let text = String::deserialize(d)?;
        PartialDate::parse(&text).ok_or_else(|| {
            serde::de::Error::custom(format!("`{text}` is not a date: write YYYY, YYYY-MM or YYYY-MM-DD"))
        })
    }
}

pub fn days_in_month(year: i32, month: u32) -> u32 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 31,
    }
}

/// What a source is, without its text: the part every claim sheet and claim carries.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SourceMeta {
    pub id: String,
    #[serde(default)]
    pub file: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub publisher: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub authors: Vec<String>,
    #[serde(default)]
    pub published: Option<PartialDate>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(default)]
    pub cites: Vec<String>,
}

#[derive(Clone, Debug)]
pub struct Source {
    pub meta: SourceMeta,
    pub path: PathBuf,
    pub text: String,
}

#[derive(Clone, Debug, Default)]
pub struct Corpus {
    pub sources: Vec<Source>,
}

#[derive(Deserialize)]
struct RawManifest {
    sources: Vec<serde_json::Value>,
}

/// Reads a manifest (`{"sources": [...]}`) and the texts it names, relative to it.
pub fn load_manifest(path: &Path) -> Result<Corpus> {
    let raw = std::fs::read(path).map_err(|e| Error::read(path, e))?;
    let text = String::from_utf8(raw).map_err(|e| {
        Error::invalid(path, format!("byte {}", e.utf8_error().valid_up_to()), "not UTF-8; save the manifest as UTF-8 JSON")
    })?;
    let manifest: RawManifest = serde_json::from_str(&text).map_err(|e| {
        Error::invalid(path, format!("line {}", e.line()), format!("not a manifest: {e}; expected {{\"sources\": [{{\"id\", \"file\", ...}}]}}"))
    })?;
    let base = path.parent().unwrap_or(Path::new("."));
    let mut seen = BTreeSet::new();
    let mut sources = Vec::new();
    for (index, entry) in manifest.sources.into_iter().enumerate() {
        let place = format!("sources[{index}]");
        for field in ["id", "file"] {
            if !entry.get(field).is_some_and(|v| v.is_string()) {
                return Err(Error::invalid(path, place, format!("entry has no string `{field}`; every source needs an `id` and a `file`")));
            }
        }
        let meta: SourceMeta = serde_json::from_value(entry)
            .map_err(|e| Error::invalid(path, place.clone(), format!("{e}; fix the entry")))?;
        if meta.id.trim().is_empty() {
            return Err(Error::invalid(path, place, "empty `id`; give the source a name"));
        }
        if !seen.insert(meta.id.clone()) {
            return Err(Error::invalid(path, place, format!("duplicate source id `{}`; ids must be unique", meta.id)));
        }
        let file = base.join(&meta.file);
        let text = read_text(&file)?;
        sources.push(Source { meta, path: file, text });
    }
    Ok(Corpus { sources })
}

/// A folder without a manifest: every `.txt` and `.md` file is a source named by its stem.
pub fn load_folder(dir: &Path) -> Result<Corpus> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::read(dir, e))?;
    let mut files: Vec<PathBuf> = entries
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt" || x == "md"))
        .collect();
    files.sort();
    let mut sources = Vec::new();
    for file in files {
        let id = file.file_stem().unwrap_or_default().to_string_lossy().into_owned();
        let text = read_text(&file)?;
        let name = file.file_name().unwrap_or_default().to_string_lossy().into_owned();
        sources.push(Source { meta: SourceMeta { id, file: name, ..Default::default() }, path: file, text });
    }
    Ok(Corpus { sources })
}

/// Reads a source text: UTF-8, not empty, no NUL bytes.
pub fn read_text(path: &Path) -> Result<String> {
    if path.is_dir() {
        return Err(Error::invalid(path, "file", "is a folder, not a text file; point `file` at the text"));
    }
    let raw = std::fs::read(path).map_err(|e| Error::read(path, e))?;
    let text = String::from_utf8(raw).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        Error::invalid(path, format!("byte {at}"), "not UTF-8 (Latin-1 or Windows-1252?); convert the file to UTF-8, e.g. `iconv -f latin1 -t utf-8`")
    })?;
    if text.trim_start_matches('\u{feff}').trim().is_empty() {
        return Err(Error::invalid(path, "byte 0", "the text is empty; give the source some text or remove it"));
    }
    if let Some(at) = text.find('\0') {
        return Err(Error::invalid(path, format!("line {}", line_of(&text, at)), "contains a NUL byte; this is a binary file, not text"));
    }
    Ok(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn partial_dates_keep_their_precision() {
        assert_eq!(PartialDate::parse("2024").unwrap().to_string(), "2024");
        assert_eq!(PartialDate::parse("2024-11").unwrap().to_string(), "2024-11");
        assert_eq!(PartialDate::parse("2024-11-05").unwrap().to_string(), "2024-11-05");
        assert!(PartialDate::parse("2024-13").is_none());
        assert!(PartialDate::parse("2023-02-29").is_none());
        assert!(PartialDate::parse("soon").is_none());
    }
}
