//! Writing the new file into the site without ever replacing one.

use std::io::Write;
use std::path::{Path, PathBuf};

use super::files::NewFile;
use super::NewError;
use crate::util::{slugify, FsError};

/// Writes `file` under `site_root`, never replacing a file: a slug already used by
/// another file of the same kind (in any year folder) gets `-2`, `-3`, … so two files
/// never share an address.
pub(crate) fn write_new_file(site_root: &Path, file: &NewFile) -> Result<PathBuf, NewError> {
    let folder = site_root.join(&file.folder);
    std::fs::create_dir_all(&folder).map_err(|e| FsError::new("cannot create", &folder, e))?;
    let section = site_root.join(section_of(&file.folder));
    let taken = slugs_in(&section);
    for n in 1.. {
        let slug = if n == 1 {
            file.slug.clone()
        } else {
            format!("{}-{n}", file.slug)
        };
        if taken.contains(&slug) {
            continue;
        }
        let path = folder.join(format!("{slug}.md"));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&path)
        {
            Ok(mut out) => {
                out.write_all(file.text.as_bytes())
                    .map_err(|e| FsError::new("cannot write", &path, e))?;
                return Ok(path
                    .strip_prefix(site_root)
                    .map(Path::to_path_buf)
                    .unwrap_or(path));
            }
            Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(FsError::new("cannot write", &path, e).into()),
        }
    }
    unreachable!("the numbered names never run out")
}

/// `content/stories` for `content/stories/2026`.
fn section_of(folder: &Path) -> PathBuf {
    folder.components().take(2).collect()
}

/// The slug of every markdown file below `section`, as `check` derives it.
fn slugs_in(section: &Path) -> Vec<String> {
    walkdir::WalkDir::new(section)
        .into_iter()
        .filter_map(Result::ok)
        .filter(|e| e.path().extension().is_some_and(|x| x == "md"))
        .filter_map(|e| e.path().file_stem().map(|s| slugify(&s.to_string_lossy())))
        .collect()
}
