//! The disk end of the sink: atomic, refuses to clobber folders it did not make, and
//! lets only one build at a time write to one output folder.

use std::collections::HashSet;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::{is_safe_site_path, Sink};
use crate::util::FsError;

/// Written into every output folder practice-press makes, so a later build knows the
/// folder is its own to replace.
pub const OUTPUT_MARKER: &str = ".practice-press-output";

#[derive(Debug, thiserror::Error)]
pub enum OutputError {
    #[error("refusing to write the site into {path}: {reason}")]
    Refused { path: PathBuf, reason: String },
    #[error("another build is writing to {path} right now")]
    Busy { path: PathBuf },
    #[error(transparent)]
    Fs(#[from] FsError),
}

/// Checks that `output` may be replaced by a build of the site at `site_root`.
pub fn check_output_dir(output: &Path, site_root: &Path) -> Result<(), OutputError> {
    let refuse = |reason: &str| OutputError::Refused {
        path: output.to_path_buf(),
        reason: reason.to_string(),
    };
    let output_abs = absolute(output);
    let root_abs = absolute(site_root);
    if output_abs.parent().is_none() {
        return Err(refuse("it is the root of the file system"));
    }
    if root_abs.starts_with(&output_abs) {
        return Err(refuse("it is the site folder itself, or a folder that contains it; choose a new folder such as public/"));
    }
    let content = root_abs.join("content");
    if output_abs.starts_with(&content) || output_abs.starts_with(root_abs.join("themes")) {
        return Err(refuse(
            "it is inside the content or themes folder; choose a folder such as public/",
        ));
    }
    if let Some(home) = std::env::var_os("HOME") {
        if output_abs == absolute(Path::new(&home)) {
            return Err(refuse("it is your home folder"));
        }
    }
    if !output.exists() {
        return Ok(());
    }
    if !output.is_dir() {
        return Err(refuse("it is a file, not a folder"));
    }
    if output.join(OUTPUT_MARKER).is_file() {
        return Ok(());
    }
    let mut entries = fs::read_dir(output).map_err(|e| FsError::new("cannot read", output, e))?;
    if entries.next().is_some() {
        return Err(refuse("it already holds files that practice-press did not write; empty it or choose another folder (nothing was deleted)"));
    }
    Ok(())
}

/// The folder made absolute without resolving links, so a missing folder still works.
fn absolute(path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        std::env::current_dir()
            .map(|d| d.join(path))
            .unwrap_or_else(|_| path.to_path_buf())
    };
    let mut normal = PathBuf::new();
    for part in joined.components() {
        match part {
            std::path::Component::ParentDir => {
                normal.pop();
            }
            std::path::Component::CurDir => {}
            other => normal.push(other),
        }
    }
    normal.canonicalize().unwrap_or(normal)
}

/// Writes a build into `<output>.staging-<pid>` beside the output, then swaps it in.
pub struct DiskSink {
    output: PathBuf,
    staging: PathBuf,
    made_dirs: Mutex<HashSet<PathBuf>>,
    _lock: File,
}

impl DiskSink {
    /// Takes the output folder's lock (waiting if another build holds it, unless `wait`
    /// is false) and creates an empty staging folder.
    pub fn begin(output: &Path, site_root: &Path, wait: bool) -> Result<DiskSink, OutputError> {
        check_output_dir(output, site_root)?;
        let output = absolute(output);
        let parent = output
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| PathBuf::from("."));
        fs::create_dir_all(&parent).map_err(|e| FsError::new("cannot create", &parent, e))?;
        let name = output
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_else(|| "public".into());
        let lock_path = parent.join(format!(".{name}.practice-press-lock"));
        let lock = File::options()
            .create(true)
            .truncate(false)
            .write(true)
            .open(&lock_path)
            .map_err(|e| FsError::new("cannot create", &lock_path, e))?;
        if wait {
            lock.lock()
                .map_err(|e| FsError::new("cannot lock", &lock_path, e))?;
        } else if lock.try_lock().is_err() {
            return Err(OutputError::Busy { path: output });
        }
        // Checked again under the lock: another build may have changed the folder.
        clear_stale_staging(&parent, &name, &output)?;
        check_output_dir(&output, site_root)?;
        let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
        remove_dir_if_present(&staging)?;
        fs::create_dir_all(&staging).map_err(|e| FsError::new("cannot create", &staging, e))?;
        Ok(DiskSink {
            output,
            staging,
            made_dirs: Mutex::new(HashSet::new()),
            _lock: lock,
        })
    }

    /// Swaps the staging folder in place of the output. The old output is renamed aside
    /// first and restored if the swap fails, so a reader sees either site, never a mix.
    pub fn commit(self) -> Result<PathBuf, OutputError> {
        let marker = self.staging.join(OUTPUT_MARKER);
        fs::write(
            &marker,
            b"This folder was written by practice-press and is replaced by every build.\n",
        )
        .map_err(|e| FsError::new("cannot write", &marker, e))?;
        let old = self.staging.with_file_name(format!(
            "{}.old",
            self.staging
                .file_name()
                .map(|n| n.to_string_lossy().into_owned())
                .unwrap_or_default()
        ));
        let had_output = self.output.exists();
        if had_output {
            remove_dir_if_present(&old)?;
            fs::rename(&self.output, &old)
                .map_err(|e| FsError::new("cannot move aside", &self.output, e))?;
        }
        if let Err(err) = fs::rename(&self.staging, &self.output) {
            if had_output {
                let _ = fs::rename(&old, &self.output);
            }
            return Err(FsError::new("cannot move into place", &self.staging, err).into());
        }
        if had_output {
            remove_dir_if_present(&old)?;
        }
        Ok(self.output.clone())
    }

    /// Throws the staging folder away, leaving the previous output untouched.
    pub fn abandon(self) {
        let _ = fs::remove_dir_all(&self.staging);
    }

    pub fn staging_dir(&self) -> &Path {
        &self.staging
    }
}

impl Drop for DiskSink {
    fn drop(&mut self) {
        // Staging is gone after a commit; after a failure or panic it must not linger.
        if self.staging.exists() {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }
}

/// Removes what builds that died without cleaning up (killed, power cut) left beside the
/// output. Called only under the lock, so no other build can be writing to them. A
/// build killed between moving the old site aside and the new one in leaves the old
/// site in `….old` and no output: that is put back, so it is never lost.
fn clear_stale_staging(parent: &Path, name: &str, output: &Path) -> Result<(), FsError> {
    let prefix = format!(".{name}.staging-");
    let entries = fs::read_dir(parent).map_err(|e| FsError::new("cannot read", parent, e))?;
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir || !file_name.starts_with(&prefix) {
            continue;
        }
        let path = entry.path();
        if file_name.ends_with(".old") && path.join(OUTPUT_MARKER).is_file() && !output.exists() {
            fs::rename(&path, output).map_err(|e| FsError::new("cannot restore", &path, e))?;
            continue;
        }
        remove_dir_if_present(&path)?;
    }
    Ok(())
}

fn remove_dir_if_present(path: &Path) -> Result<(), FsError> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(FsError::new("cannot remove", path, e)),
    }
}

impl Sink for DiskSink {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), FsError> {
        let target = self.staging.join(path);
        if !is_safe_site_path(path) {
            return Err(FsError::new(
                "refusing to write",
                &target,
                std::io::Error::new(
                    std::io::ErrorKind::InvalidInput,
                    "the path would leave the output folder",
                ),
            ));
        }
        if let Some(dir) = target.parent() {
            let known = self
                .made_dirs
                .lock()
                .map(|d| d.contains(dir))
                .unwrap_or(false);
            if !known {
                fs::create_dir_all(dir).map_err(|e| FsError::new("cannot create", dir, e))?;
                if let Ok(mut dirs) = self.made_dirs.lock() {
                    dirs.insert(dir.to_path_buf());
                }
            }
        }
        // Staging starts empty, so a file that exists already was written by another
        // job: two parts of the site claim one address, and the later must not win.
        let mut file = match File::options().write(true).create_new(true).open(&target) {
            Ok(file) => file,
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => {
                return Err(FsError::new(
                    "refusing to write",
                    &target,
                    std::io::Error::new(
                        e.kind(),
                        format!("two parts of the site would both be published as {path}"),
                    ),
                ))
            }
            Err(e) => return Err(FsError::new("cannot write", &target, e)),
        };
        std::io::Write::write_all(&mut file, &bytes)
            .map_err(|e| FsError::new("cannot write", &target, e))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn refuses_dangerous_output_folders() {
        let site = tempfile::tempdir().unwrap();
        let root = site.path();
        fs::create_dir_all(root.join("content")).unwrap();
        for bad in [
            Path::new("/"),
            root,
            &root.join("content"),
            &root.join("content/x"),
        ] {
            assert!(
                matches!(
                    check_output_dir(bad, root),
                    Err(OutputError::Refused { .. })
                ),
                "{bad:?}"
            );
        }
        let foreign = root.join("foreign");
        fs::create_dir_all(&foreign).unwrap();
        fs::write(foreign.join("keep.txt"), "mine").unwrap();
        assert!(check_output_dir(&foreign, root).is_err());
        assert!(check_output_dir(&root.join("public"), root).is_ok());
    }

    #[test]
    fn a_commit_replaces_the_output_and_an_abandon_keeps_it() {
        let site = tempfile::tempdir().unwrap();
        let output = site.path().join("public");
        let sink = DiskSink::begin(&output, site.path(), true).unwrap();
        sink.put("index.html", b"one".to_vec()).unwrap();
        sink.commit().unwrap();
        let sink = DiskSink::begin(&output, site.path(), true).unwrap();
        sink.put("index.html", b"two".to_vec()).unwrap();
        sink.abandon();
        assert_eq!(fs::read(output.join("index.html")).unwrap(), b"one");
        let leftovers: Vec<_> = fs::read_dir(site.path())
            .unwrap()
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().contains("staging"))
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn leftovers_of_a_killed_build_are_cleared_and_a_moved_site_put_back() {
        let site = tempfile::tempdir().unwrap();
        let output = site.path().join("public");
        let sink = DiskSink::begin(&output, site.path(), true).unwrap();
        sink.put("index.html", b"old site".to_vec()).unwrap();
        sink.commit().unwrap();
        // As if killed: one build mid-write, another between its two renames.
        fs::create_dir_all(site.path().join(".public.staging-99999/stories")).unwrap();
        fs::rename(&output, site.path().join(".public.staging-88888.old")).unwrap();
        let sink = DiskSink::begin(&output, site.path(), true).unwrap();
        assert_eq!(fs::read(output.join("index.html")).unwrap(), b"old site");
        assert!(!site.path().join(".public.staging-99999").exists());
        assert!(!site.path().join(".public.staging-88888.old").exists());
        sink.abandon();
    }

    #[test]
    fn a_file_cannot_be_written_twice_in_one_build() {
        let site = tempfile::tempdir().unwrap();
        let sink = DiskSink::begin(&site.path().join("public"), site.path(), true).unwrap();
        sink.put("stories/a/index.html", b"first".to_vec()).unwrap();
        let err = sink
            .put("stories/a/index.html", b"second".to_vec())
            .unwrap_err();
        assert!(err.to_string().contains("two parts of the site"), "{err}");
        assert_eq!(
            fs::read(sink.staging_dir().join("stories/a/index.html")).unwrap(),
            b"first"
        );
    }

    #[test]
    fn a_second_build_cannot_take_a_busy_output() {
        let site = tempfile::tempdir().unwrap();
        let output = site.path().join("public");
        let _first = DiskSink::begin(&output, site.path(), true).unwrap();
        assert!(matches!(
            DiskSink::begin(&output, site.path(), false),
            Err(OutputError::Busy { .. })
        ));
    }
}
