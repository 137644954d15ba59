//! The disk end of the sink: atomic, refuses to clobber folders it did not make, and
//! lets only one build at a time write to one output folder.

use std::collections::HashSet;
use std::fs::{self, File};
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use super::WriteError;
use super::{is_safe_site_path, Sink};
use crate::util::FsError;

/// Written into every output folder practice-press makes, so a later build knows the
/// folder is its own to replace.
pub(crate) const OUTPUT_MARKER: &str = ".practice-press-output";

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
pub(crate) fn check_output_dir(output: &Path, site_root: &Path) -> Result<(), OutputError> {
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

/// Writes a build into `.<output>.staging-<pid>` beside the output, then swaps it in.
///
/// The site it replaces is kept beside the output as `.<output>.previous` and becomes the
/// next build's staging folder: files that come out the same are left alone and only
/// changed ones are written. Creating and deleting tens of thousands of files and folders
/// on every build costs more than rendering them (most of it in the file system's inode
/// allocation), and unchanged files keep their dates, so uploads that compare dates send
/// only what changed.
pub(crate) struct DiskSink {
    output: PathBuf,
    staging: PathBuf,
    previous: PathBuf,
    /// What the staging folder started with, listed in the background while the site
    /// is loaded and checked; settled by the first write.
    seed_listing: Mutex<Option<std::thread::JoinHandle<Option<Vec<PathBuf>>>>>,
    seed: std::sync::OnceLock<Seed>,
    written: Mutex<HashSet<String>>,
    made_dirs: Mutex<HashSet<PathBuf>>,
    _lock: File,
}

impl DiskSink {
    /// Takes the output folder's lock (waiting if another build holds it, unless `wait`
    /// is false) and creates an empty staging folder.
    pub(crate) fn begin(
        output: &Path,
        site_root: &Path,
        wait: bool,
    ) -> Result<DiskSink, OutputError> {
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
        let previous = parent.join(format!(".{name}.previous"));
        // Checked again under the lock: another build may have changed the folder.
        let seed = recover_leftovers(&parent, &name, &output, &previous)?;
        check_output_dir(&output, site_root)?;
        let staging = parent.join(format!(".{name}.staging-{}", std::process::id()));
        let reused = match seed {
            Some(seed) if seed != staging => fs::rename(&seed, &staging).is_ok(),
            Some(_) => true,
            None => false,
        };
        if !reused {
            remove_dir_if_present(&staging)?;
            fs::create_dir_all(&staging).map_err(|e| FsError::new("cannot create", &staging, e))?;
        }
        let seed_listing = reused.then(|| {
            let folder = staging.clone();
            std::thread::spawn(move || list_plain_files(&folder))
        });
        Ok(DiskSink {
            output,
            staging,
            previous,
            seed_listing: Mutex::new(seed_listing),
            seed: std::sync::OnceLock::new(),
            written: Mutex::new(HashSet::new()),
            made_dirs: Mutex::new(HashSet::new()),
            _lock: lock,
        })
    }

    /// Swaps the staging folder in place of the output. The old output is moved aside
    /// first and put back if the swap fails, so a reader sees either site, never a mix.
    pub(crate) fn commit(self) -> Result<PathBuf, OutputError> {
        self.remove_unwritten()?;
        let marker = self.staging.join(OUTPUT_MARKER);
        replace_file(
            &marker,
            b"This folder was written by practice-press and is replaced by every build.\n",
        )?;
        remove_dir_if_present(&self.previous)?;
        let had_output = self.output.exists();
        if had_output {
            fs::rename(&self.output, &self.previous)
                .map_err(|e| FsError::new("cannot move aside", &self.output, e))?;
        }
        if let Err(err) = fs::rename(&self.staging, &self.output) {
            if had_output {
                let _ = fs::rename(&self.previous, &self.output);
            }
            return Err(FsError::new("cannot move into place", &self.staging, err).into());
        }
        Ok(self.output.clone())
    }

    /// Deletes what the earlier site had and this build did not write, then the folders
    /// that left empty.
    fn remove_unwritten(&self) -> Result<(), FsError> {
        let written = self
            .written
            .lock()
            .map_err(|_| FsError::new("cannot finish", &self.staging, poisoned()))?;
        let mut emptied = HashSet::new();
        for file in &self.seed().files {
            let site_path = file.to_string_lossy();
            if written.contains(site_path.as_ref()) || site_path == OUTPUT_MARKER {
                continue;
            }
            let path = self.staging.join(file);
            match fs::remove_file(&path) {
                Ok(()) => emptied.extend(path.parent().map(Path::to_path_buf)),
                // Gone already, with a folder this build replaced by a file.
                Err(e)
                    if matches!(
                        e.kind(),
                        std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
                    ) => {}
                Err(e) => return Err(FsError::new("cannot remove", &path, e)),
            }
        }
        for folder in emptied {
            // Stops at the first folder that still holds something, which should stay.
            for dir in folder.ancestors().take_while(|dir| *dir != self.staging) {
                if fs::remove_dir(dir).is_err() {
                    break;
                }
            }
        }
        Ok(())
    }

    /// The earlier site this build started from. Waits for its listing; a seed holding
    /// anything but plain files and folders is thrown away and the build starts empty.
    fn seed(&self) -> &Seed {
        self.seed.get_or_init(|| {
            let listing = self
                .seed_listing
                .lock()
                .ok()
                .and_then(|mut handle| handle.take())
                .map(|handle| handle.join().ok().flatten());
            match listing {
                None => Seed::empty(),
                Some(Some(files)) => Seed {
                    reused: true,
                    files,
                },
                Some(None) => {
                    let _ = fs::remove_dir_all(&self.staging);
                    let _ = fs::create_dir_all(&self.staging);
                    Seed::empty()
                }
            }
        })
    }

    /// Leaves the previous output untouched. What was staged is kept beside it as the
    /// next build's starting point (it is compared file by file, so a half-written
    /// build is as good a start as a whole one).
    pub(crate) fn abandon(self) {
        self.set_staging_aside();
    }

    fn set_staging_aside(&self) {
        if !self.staging.exists() {
            return;
        }
        if self.previous.exists() || fs::rename(&self.staging, &self.previous).is_err() {
            let _ = fs::remove_dir_all(&self.staging);
        }
    }

    #[cfg(test)]
    pub(crate) fn staging_dir(&self) -> &Path {
        &self.staging
    }
}

impl Drop for DiskSink {
    fn drop(&mut self) {
        // Staging is gone after a commit; after a failure or panic it must not linger.
        self.set_staging_aside();
    }
}

/// Tidies what builds that died without cleaning up (killed, power cut) left beside the
/// output, and returns the folder the new build should start from, if any. Called only
/// under the lock, so no other build can be writing to them. A build killed between
/// moving the old site aside and the new one in leaves no output and the old site in
/// `.previous`: that is put back, so it is never lost.
fn recover_leftovers(
    parent: &Path,
    name: &str,
    output: &Path,
    previous: &Path,
) -> Result<Option<PathBuf>, FsError> {
    if !output.exists() && previous.join(OUTPUT_MARKER).is_file() {
        fs::rename(previous, output).map_err(|e| FsError::new("cannot restore", previous, e))?;
    }
    let mut seed = previous.is_dir().then(|| previous.to_path_buf());
    let prefix = format!(".{name}.staging-");
    let entries = fs::read_dir(parent).map_err(|e| FsError::new("cannot read", parent, e))?;
    for entry in entries.filter_map(Result::ok) {
        let file_name = entry.file_name().to_string_lossy().into_owned();
        let is_dir = entry.file_type().is_ok_and(|t| t.is_dir());
        if !is_dir || !file_name.starts_with(&prefix) {
            continue;
        }
        // A killed build's half-made site is as good a start as the previous one.
        if seed.is_none() {
            seed = Some(entry.path());
        } else {
            remove_dir_if_present(&entry.path())?;
        }
    }
    Ok(seed)
}

/// What a build found in the folder it started from.
struct Seed {
    reused: bool,
    /// Every file in it, relative to it.
    files: Vec<PathBuf>,
}

impl Seed {
    fn empty() -> Seed {
        Seed {
            reused: false,
            files: Vec::new(),
        }
    }
}

/// Every file under `folder`, relative to it; None if it holds anything but plain files
/// and folders: writing through a link someone put there could change a file outside
/// the site.
fn list_plain_files(folder: &Path) -> Option<Vec<PathBuf>> {
    let mut files = Vec::new();
    for entry in walkdir::WalkDir::new(folder).min_depth(1) {
        let entry = entry.ok()?;
        let kind = entry.file_type();
        if kind.is_file() {
            files.push(entry.path().strip_prefix(folder).ok()?.to_path_buf());
        } else if !kind.is_dir() {
            return None;
        }
    }
    Some(files)
}

/// Writes a file that may exist already by making a new one, never by writing into
/// the old one, which may be a hard link to a file elsewhere.
fn replace_file(path: &Path, bytes: &[u8]) -> Result<(), FsError> {
    match fs::remove_file(path) {
        Ok(()) => {}
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {}
        Err(e) => return Err(FsError::new("cannot replace", path, e)),
    }
    fs::write(path, bytes).map_err(|e| FsError::new("cannot write", path, e))
}

fn poisoned() -> std::io::Error {
    std::io::Error::other("another part of the build failed while writing")
}

fn remove_dir_if_present(path: &Path) -> Result<(), FsError> {
    match fs::remove_dir_all(path) {
        Ok(()) => Ok(()),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(()),
        Err(e) => Err(FsError::new("cannot remove", path, e)),
    }
}

impl DiskSink {
    fn claim(&self, path: &str, target: &Path) -> Result<(), FsError> {
        let mut written = self
            .written
            .lock()
            .map_err(|_| FsError::new("cannot write", target, poisoned()))?;
        if written.insert(path.to_string()) {
            return Ok(());
        }
        // Two parts of the site claim one address, and the later must not win.
        Err(FsError::new(
            "refusing to write",
            target,
            std::io::Error::new(
                std::io::ErrorKind::AlreadyExists,
                format!("two parts of the site would both be published as {path}"),
            ),
        ))
    }

    fn make_folder(&self, dir: &Path) -> Result<(), FsError> {
        let known = self
            .made_dirs
            .lock()
            .map(|d| d.contains(dir))
            .unwrap_or(false);
        if known {
            return Ok(());
        }
        if let Err(err) = fs::create_dir_all(dir) {
            // An earlier site may have a file where this build needs a folder.
            if !self.seed().reused {
                return Err(FsError::new("cannot create", dir, err));
            }
            self.remove_files_in_the_way(dir)?;
            fs::create_dir_all(dir).map_err(|e| FsError::new("cannot create", dir, e))?;
        }
        if let Ok(mut dirs) = self.made_dirs.lock() {
            dirs.insert(dir.to_path_buf());
        }
        Ok(())
    }

    fn remove_files_in_the_way(&self, dir: &Path) -> Result<(), FsError> {
        for ancestor in dir.ancestors() {
            if ancestor == self.staging {
                break;
            }
            if ancestor.is_file() {
                fs::remove_file(ancestor)
                    .map_err(|e| FsError::new("cannot remove", ancestor, e))?;
            }
        }
        Ok(())
    }

    /// Clears `target` for a new file, or says it already holds exactly `bytes`.
    fn unchanged_or_cleared(&self, target: &Path, bytes: &[u8]) -> Result<bool, FsError> {
        let Ok(metadata) = fs::symlink_metadata(target) else {
            return Ok(false);
        };
        if metadata.is_dir() {
            remove_dir_if_present(target)?;
            return Ok(false);
        }
        if metadata.len() == bytes.len() as u64 && fs::read(target).is_ok_and(|old| old == bytes) {
            return Ok(true);
        }
        fs::remove_file(target).map_err(|e| FsError::new("cannot replace", target, e))?;
        Ok(false)
    }
}

impl DiskSink {
    /// Where `path` goes in the staging folder, once it is known to stay inside it and
    /// no other part of the site has claimed it.
    fn target_of(&self, path: &str) -> Result<PathBuf, FsError> {
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
        self.claim(path, &target)?;
        Ok(target)
    }
}

/// Whether two files are one file on disk (hard links to the same data).
#[cfg(unix)]
fn same_file(a: &fs::Metadata, b: &fs::Metadata) -> bool {
    use std::os::unix::fs::MetadataExt;
    a.dev() == b.dev() && a.ino() == b.ino()
}

#[cfg(not(unix))]
fn same_file(_: &fs::Metadata, _: &fs::Metadata) -> bool {
    false
}

impl Sink for DiskSink {
    fn put(&self, path: &str, bytes: Vec<u8>) -> Result<(), WriteError> {
        Ok(self.write_file(path, bytes)?)
    }

    fn put_copy_of(&self, path: &str, source: &Path) -> Result<(), WriteError> {
        Ok(self.link_file(path, source)?)
    }
}

impl DiskSink {
    /// Publishes a cache file by linking it, so a warm rebuild reads none of it.
    fn link_file(&self, path: &str, source: &Path) -> Result<(), FsError> {
        let target = self.target_of(path)?;
        if let Some(dir) = target.parent() {
            self.make_folder(dir)?;
        }
        if self.seed().reused {
            if let Ok(old) = fs::symlink_metadata(&target) {
                let new =
                    fs::metadata(source).map_err(|e| FsError::new("cannot read", source, e))?;
                if same_file(&old, &new) {
                    return Ok(());
                }
                if old.is_dir() {
                    remove_dir_if_present(&target)?;
                } else {
                    fs::remove_file(&target)
                        .map_err(|e| FsError::new("cannot replace", &target, e))?;
                }
            }
        }
        // A link needs the cache and the output on one file system; otherwise a copy.
        if fs::hard_link(source, &target).is_ok() {
            return Ok(());
        }
        fs::copy(source, &target)
            .map(|_| ())
            .map_err(|e| FsError::new("cannot write", &target, e))
    }

    fn write_file(&self, path: &str, bytes: Vec<u8>) -> Result<(), FsError> {
        let target = self.target_of(path)?;
        let reused = self.seed().reused;
        if let Some(dir) = target.parent() {
            self.make_folder(dir)?;
        }
        if reused && self.unchanged_or_cleared(&target, &bytes)? {
            return Ok(());
        }
        let mut file = File::options()
            .write(true)
            .create_new(true)
            .open(&target)
            .map_err(|e| FsError::new("cannot write", &target, e))?;
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
        fs::rename(&output, site.path().join(".public.previous")).unwrap();
        let sink = DiskSink::begin(&output, site.path(), true).unwrap();
        assert_eq!(fs::read(output.join("index.html")).unwrap(), b"old site");
        assert!(!site.path().join(".public.staging-99999").exists());
        sink.abandon();
        assert_eq!(fs::read(output.join("index.html")).unwrap(), b"old site");
    }

    fn build(output: &Path, root: &Path, files: &[(&str, &str)]) {
        let sink = DiskSink::begin(output, root, true).unwrap();
        for (path, text) in files {
            sink.put(path, text.as_bytes().to_vec()).unwrap();
        }
        sink.commit().unwrap();
    }

    fn tree(folder: &Path) -> Vec<(String, String)> {
        let mut found: Vec<(String, String)> = walkdir::WalkDir::new(folder)
            .min_depth(1)
            .into_iter()
            .filter_map(Result::ok)
            .filter(|e| e.file_type().is_file())
            .map(|e| {
                let name = e
                    .path()
                    .strip_prefix(folder)
                    .unwrap()
                    .to_string_lossy()
                    .into_owned();
                (name, fs::read_to_string(e.path()).unwrap())
            })
            .filter(|(name, _)| name != OUTPUT_MARKER)
            .collect();
        found.sort();
        found
    }

    fn assert_tree(folder: &Path, expected: &[(&str, &str)]) {
        let expected: Vec<(String, String)> = expected
            .iter()
            .map(|(name, text)| (name.to_string(), text.to_string()))
            .collect();
        assert_eq!(tree(folder), expected);
    }

    #[test]
    fn a_rebuild_keeps_unchanged_files_and_removes_what_is_gone() {
        use std::os::unix::fs::MetadataExt;
        let site = tempfile::tempdir().unwrap();
        let output = site.path().join("public");
        let first = [
            ("index.html", "home"),
            ("a/index.html", "a"),
            ("b/c/index.html", "c"),
        ];
        build(&output, site.path(), &first);
        let home_inode = fs::metadata(output.join("index.html")).unwrap().ino();
        // The live site cannot be written into, so each build starts from the one
        // before the last.
        build(&output, site.path(), &first);
        build(
            &output,
            site.path(),
            &[
                ("index.html", "home"),
                ("a/index.html", "a, changed"),
                ("d", "new"),
            ],
        );
        assert_tree(
            &output,
            &[
                ("a/index.html", "a, changed"),
                ("d", "new"),
                ("index.html", "home"),
            ],
        );
        assert!(!output.join("b").exists(), "an emptied folder stayed");
        assert_eq!(
            fs::metadata(output.join("index.html")).unwrap().ino(),
            home_inode
        );
        // A file where a folder is now needed, and a folder where a file is.
        build(
            &output,
            site.path(),
            &[("a", "now a file"), ("d/index.html", "now a folder")],
        );
        assert_tree(
            &output,
            &[("a", "now a file"), ("d/index.html", "now a folder")],
        );
    }

    #[test]
    fn links_planted_in_the_kept_copy_are_never_written_through() {
        let site = tempfile::tempdir().unwrap();
        let output = site.path().join("public");
        let outside = site.path().join("precious.txt");
        fs::write(&outside, "precious").unwrap();
        for _ in 0..2 {
            build(
                &output,
                site.path(),
                &[("a/index.html", "a"), ("b/index.html", "b")],
            );
        }
        let kept = site.path().join(".public.previous");
        // A hard link: writing into the file would change the outside one.
        fs::remove_file(kept.join("a/index.html")).unwrap();
        fs::hard_link(&outside, kept.join("a/index.html")).unwrap();
        build(
            &output,
            site.path(),
            &[("a/index.html", "new a"), ("b/index.html", "b")],
        );
        assert_eq!(fs::read_to_string(&outside).unwrap(), "precious");
        // A symbolic link: the kept copy is not used at all.
        let kept = site.path().join(".public.previous");
        fs::remove_file(kept.join("b/index.html")).unwrap();
        std::os::unix::fs::symlink(&outside, kept.join("b/index.html")).unwrap();
        build(
            &output,
            site.path(),
            &[("a/index.html", "a"), ("b/index.html", "new b")],
        );
        assert_eq!(fs::read_to_string(&outside).unwrap(), "precious");
        assert_tree(&output, &[("a/index.html", "a"), ("b/index.html", "new b")]);
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
