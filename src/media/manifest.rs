//! What the last build found out about each photo, so the next one need not read it
//! again: kept in `.practice-press-cache/images/manifest.json`, keyed by the photo's
//! site path and its file system stamp (size, modification and change times, file
//! number). A photo whose stamp is the same is taken as unchanged: its content hash,
//! size and kind, or the problem it had, come from here, and its bytes are read only
//! if a copy or card has to be made from them again.
//!
//! The stamp includes the change time, which no program can set back, so a photo
//! rewritten in place and given its old modification time is still read again. A photo
//! changed less than [`SETTLE`] before it was recorded is not recorded at all: on a
//! file system with coarse times, a second change in that same tick would keep the
//! stamp (git calls this "racily clean").
//!
//! Like the rest of the cache, the manifest can be deleted at any time, and one that
//! cannot be read or written only makes the build slower.

use std::collections::HashMap;
use std::fs::{self, Metadata};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, PoisonError};
use std::time::{Duration, SystemTime};

use serde::{Deserialize, Serialize};

use super::cache::CACHE_DIR;
use crate::diagnostic::Diagnostic;
use crate::resolve::images::{ImageInfo, PictureKind};

/// Changes to how photos are cleaned or checked make earlier findings stale.
const FORMAT: &str = concat!("photo-manifest-1 ", env!("CARGO_PKG_VERSION"));

/// How long after its last change a photo must have stayed unchanged to be recorded.
const SETTLE: Duration = Duration::from_secs(2);

/// When and how a file was last written, as the file system tells it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stamp {
    len: u64,
    modified_ns: i128,
    changed_ns: i128,
    file_id: u64,
}

impl Stamp {
    pub(crate) fn of(meta: &Metadata) -> Option<Stamp> {
        let modified = meta.modified().ok()?;
        let (changed_ns, file_id) = change_time_and_id(meta);
        Some(Stamp {
            len: meta.len(),
            modified_ns: nanoseconds(modified)?,
            changed_ns,
            file_id,
        })
    }

    /// Changed so recently that a second change could still leave the same stamp.
    fn is_settling(&self, now: SystemTime) -> bool {
        let settled = nanoseconds(now).map(|now| now - SETTLE.as_nanos() as i128);
        settled.is_none_or(|settled| self.modified_ns.max(self.changed_ns) > settled)
    }
}

#[cfg(unix)]
fn change_time_and_id(meta: &Metadata) -> (i128, u64) {
    use std::os::unix::fs::MetadataExt;
    let changed = i128::from(meta.ctime()) * 1_000_000_000 + i128::from(meta.ctime_nsec());
    (changed, meta.ino())
}

#[cfg(not(unix))]
fn change_time_and_id(_meta: &Metadata) -> (i128, u64) {
    (0, 0)
}

fn nanoseconds(time: SystemTime) -> Option<i128> {
    let since = time.duration_since(SystemTime::UNIX_EPOCH).ok()?;
    Some(since.as_nanos() as i128)
}

/// What was found reading a photo.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "outcome", rename_all = "snake_case")]
pub(crate) enum Finding {
    /// Cleaned and readable: the SHA-256 of the cleaned bytes, and its upright size.
    Photo {
        digest: String,
        width: u32,
        height: u32,
        graphic: bool,
    },
    /// Refused, with the problem as it was reported.
    Refused {
        code: String,
        message: String,
        hint: Option<String>,
    },
}

impl Finding {
    pub(crate) fn photo(digest: String, info: ImageInfo) -> Finding {
        Finding::Photo {
            digest,
            width: info.width,
            height: info.height,
            graphic: info.kind == PictureKind::Graphic,
        }
    }

    /// A refusal worth remembering: only problems of the photo's own bytes are, never
    /// one of reading it (permissions can change without changing the stamp).
    pub(crate) fn refused(diagnostic: &Diagnostic) -> Option<Finding> {
        (diagnostic.code == "PP0805").then(|| Finding::Refused {
            code: diagnostic.code.to_string(),
            message: diagnostic.message.clone(),
            hint: diagnostic.hint.clone(),
        })
    }

    /// The problem again, at `site_path`; None for a photo, or a code this version
    /// does not remember.
    pub(crate) fn problem(&self, site_path: &str) -> Option<Diagnostic> {
        let Finding::Refused {
            code,
            message,
            hint,
        } = self
        else {
            return None;
        };
        let code = match code.as_str() {
            "PP0805" => "PP0805",
            _ => return None,
        };
        let diagnostic = Diagnostic::error(code, site_path, message.clone());
        Some(match hint {
            Some(hint) => diagnostic.with_hint(hint.clone()),
            None => diagnostic,
        })
    }
}

#[derive(Debug, Clone, Serialize, Deserialize)]
struct Record {
    /// The real file read, which a shortcut may lead to.
    file: PathBuf,
    stamp: Stamp,
    finding: Finding,
}

#[derive(Debug, Default, Serialize, Deserialize)]
struct Stored {
    format: String,
    photos: HashMap<String, Record>,
}

/// The findings of the last build, and those of this one as they come.
#[derive(Debug, Default)]
pub(crate) struct Manifest {
    path: Option<PathBuf>,
    before: HashMap<String, Record>,
    now: Mutex<HashMap<String, Record>>,
}

impl Manifest {
    /// The manifest of the site at `site_root`, empty when there is none yet, it cannot
    /// be read, or an older version of practice-press wrote it.
    pub(crate) fn open(site_root: &Path) -> Manifest {
        let path = site_root
            .join(CACHE_DIR)
            .join("images")
            .join("manifest.json");
        let before = fs::read(&path)
            .ok()
            .and_then(|bytes| serde_json::from_slice::<Stored>(&bytes).ok())
            .filter(|stored| stored.format == FORMAT)
            .map(|stored| stored.photos)
            .unwrap_or_default();
        Manifest {
            path: Some(path),
            before,
            now: Mutex::default(),
        }
    }

    /// What the last build found for the photo at `site_path`, if the file read then is
    /// the one there now and has not changed since; kept for the next build too.
    pub(crate) fn known(&self, site_path: &str, file: &Path, stamp: Stamp) -> Option<&Finding> {
        let record = self.before.get(site_path)?;
        if record.file != file || record.stamp != stamp {
            return None;
        }
        self.now
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(site_path.to_string(), record.clone());
        Some(&record.finding)
    }

    /// Notes what this build found, for the next one.
    pub(crate) fn record(&self, site_path: &str, file: &Path, stamp: Stamp, finding: Finding) {
        if stamp.is_settling(SystemTime::now()) {
            return;
        }
        let record = Record {
            file: file.to_path_buf(),
            stamp,
            finding,
        };
        self.now
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .insert(site_path.to_string(), record);
    }

    /// Writes this build's findings in place of the last (photos no longer in the
    /// media folder drop out), by a temporary file renamed into place. Failures are
    /// ignored: the next build reads the photos again.
    pub(crate) fn save(self) {
        let Some(path) = self.path else {
            return;
        };
        let photos = self
            .now
            .into_inner()
            .unwrap_or_else(PoisonError::into_inner);
        let unchanged = photos.len() == self.before.len()
            && photos.iter().all(|(site_path, record)| {
                self.before.get(site_path).is_some_and(|before| {
                    before.file == record.file
                        && before.stamp == record.stamp
                        && before.finding == record.finding
                })
            });
        if unchanged {
            return;
        }
        let stored = Stored {
            format: FORMAT.to_string(),
            photos,
        };
        let Ok(bytes) = serde_json::to_vec(&stored) else {
            return;
        };
        let Some(dir) = path.parent() else {
            return;
        };
        let temporary = dir.join(format!(".manifest.{}.tmp", std::process::id()));
        let written = fs::create_dir_all(dir)
            .and_then(|()| fs::write(&temporary, bytes))
            .and_then(|()| fs::rename(&temporary, &path));
        if written.is_err() {
            let _ = fs::remove_file(&temporary);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stamp(modified_ns: i128) -> Stamp {
        Stamp {
            len: 10,
            modified_ns,
            changed_ns: modified_ns,
            file_id: 7,
        }
    }

    #[test]
    fn a_photo_changed_just_now_is_not_trusted_yet() {
        let now = SystemTime::UNIX_EPOCH + Duration::from_secs(1_000);
        let just_now = 999 * 1_000_000_000;
        let earlier = 990 * 1_000_000_000;
        assert!(stamp(just_now).is_settling(now));
        assert!(!stamp(earlier).is_settling(now));
    }

    #[test]
    fn findings_come_back_only_for_the_same_file_with_the_same_stamp() {
        let dir = tempfile::tempdir().expect("temp dir");
        let manifest = Manifest::open(dir.path());
        let finding = Finding::Photo {
            digest: "ab".into(),
            width: 4,
            height: 3,
            graphic: false,
        };
        let file = dir.path().join("a.jpg");
        manifest.record("media/a.jpg", &file, stamp(5), finding.clone());
        manifest.save();
        let again = Manifest::open(dir.path());
        assert_eq!(again.known("media/a.jpg", &file, stamp(6)), None);
        assert_eq!(
            again.known("media/a.jpg", Path::new("/b.jpg"), stamp(5)),
            None
        );
        assert_eq!(again.known("media/b.jpg", &file, stamp(5)), None);
        assert_eq!(again.known("media/a.jpg", &file, stamp(5)), Some(&finding));
        // What a build took from the manifest stays in it for the next.
        again.save();
        let third = Manifest::open(dir.path());
        assert_eq!(third.known("media/a.jpg", &file, stamp(5)), Some(&finding));
    }

    #[test]
    fn a_remembered_problem_is_reported_again_in_full() {
        let problem = Diagnostic::error("PP0805", "media/a.jpg", "it is damaged")
            .with_hint("export it again");
        let finding = Finding::refused(&problem).expect("a photo's own problem");
        let again = finding.problem("media/a.jpg").expect("the problem");
        assert_eq!(again.code, "PP0805");
        assert_eq!(again.message, "it is damaged");
        assert_eq!(again.hint.as_deref(), Some("export it again"));
        let unreadable = Diagnostic::error("PP0804", "media/a.jpg", "cannot be opened");
        assert_eq!(Finding::refused(&unreadable), None);
    }
}
