//! Times [`SearchIndexer`] over N generated records and reports the bundle size.
//!
//! Usage: `cargo run --release --example bench_search -- [N] [RUNS] [OUTDIR]`
//! (defaults: 10000 records, 5 runs). Prints each run's wall time (from `start` to
//! `finish` returning), the median, and the byte size of the bundle by part. With
//! OUTDIR, the last run's bundle is written there (under `search-index/`) so the size of
//! a first query can be measured (`scripts/bench_search.sh` does both).
//!
//! Records are generated deterministically: Zipf-distributed words from a 20,000
//! word vocabulary, 300-900 words of body each, with 40 councils, 8 services, 25
//! practice areas, 60 tags and eleven years, so the index has a realistic spread of
//! rare and common words and filter values.

use std::error::Error;
use std::time::{Duration, Instant};

use practice_press::search::{bundle_size, RecordKind, SearchIndexer, SearchRecord};

fn main() -> Result<(), Box<dyn Error>> {
    let mut args = std::env::args().skip(1);
    let count: usize = args
        .next()
        .map(|a| a.parse())
        .transpose()?
        .unwrap_or(10_000);
    let runs: usize = args.next().map(|a| a.parse()).transpose()?.unwrap_or(5);
    let out = args.next();
    if runs == 0 {
        return Err("RUNS must be at least 1".into());
    }

    let generator = Generator::new();
    let records: Vec<SearchRecord> = (0..count).map(|i| generator.record(i)).collect();
    let text_bytes: usize = records
        .iter()
        .map(|r| r.title.len() + r.summary.len() + r.body_text.len())
        .sum();
    println!(
        "{count} records, {:.1} MB of title, summary and body text",
        text_bytes as f64 / 1e6
    );

    let mut times = Vec::with_capacity(runs);
    let mut last_files = Vec::new();
    for run in 1..=runs {
        let input = records.clone();
        let started = Instant::now();
        let indexer = SearchIndexer::start("en-GB");
        for record in input {
            indexer.add(record);
        }
        let files = indexer.finish()?;
        let elapsed = started.elapsed();
        println!("run {run}: {:.2} s", elapsed.as_secs_f64());
        times.push(elapsed);
        last_files = files;
    }
    times.sort();
    let median = median(&times);
    println!(
        "median of {runs} runs: {:.2} s ({:.0} records/s)",
        median.as_secs_f64(),
        count as f64 / median.as_secs_f64()
    );

    let sizes = bundle_size(&last_files);
    let total: usize = sizes.values().sum();
    println!(
        "bundle: {} files, {} bytes ({:.1} MB)",
        last_files.len(),
        total,
        total as f64 / 1e6
    );
    for (part, bytes) in &sizes {
        println!("  {part}: {bytes} bytes");
    }
    if let Some(meta) = last_files.iter().find(|f| f.path.ends_with(".pf_meta")) {
        println!(
            "  pf_meta (fetched by every first query): {} bytes",
            meta.bytes.len()
        );
    }

    // Words of high, middle and low frequency, for measuring a first query.
    println!(
        "sample queries: {} {} {}",
        generator.words[0], generator.words[99], generator.words[4_999]
    );

    if let Some(out) = out {
        let out = std::path::Path::new(&out);
        for file in &last_files {
            let path = out.join(&file.path);
            if let Some(parent) = path.parent() {
                std::fs::create_dir_all(parent)?;
            }
            std::fs::write(&path, &file.bytes)?;
        }
        println!("wrote the bundle to {}", out.display());
    }
    Ok(())
}

fn median(sorted: &[Duration]) -> Duration {
    let mid = sorted.len() / 2;
    if sorted.len() % 2 == 1 {
        sorted[mid]
    } else {
        (sorted[mid - 1] + sorted[mid]) / 2
    }
}

/// A small deterministic generator (xorshift), so every run indexes the same text.
struct Generator {
    words: Vec<String>,
    /// Cumulative Zipf weights over `words`.
    cumulative: Vec<f64>,
    councils: Vec<String>,
    services: Vec<String>,
    areas: Vec<String>,
    tags: Vec<String>,
    people: Vec<String>,
}

struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn unit(&mut self) -> f64 {
        (self.next() >> 11) as f64 / (1u64 << 53) as f64
    }
}

const SYLLABLES: &[&str] = &[
    "ka", "ri", "mo", "ten", "sa", "lo", "ver", "ni", "da", "pol", "ine", "gar", "fos", "ter",
    "kin", "ship", "ca", "re", "wel", "bor", "set", "an", "y", "town", "ment", "ing", "ed", "al",
    "ous", "ly", "pro", "con", "sup", "port", "fam", "il", "chil", "dren", "ad", "ult",
];
const FIRST: &[&str] = &[
    "Amara", "Tom", "Priya", "Kath", "Declan", "Siân", "Zoë", "Joseph", "Kwame", "Jade", "Ewan",
    "Aisha", "Noor", "Bethan", "Callum", "Dorota", "Femi", "Grace", "Hamza", "Isla",
];
const LAST: &[&str] = &[
    "Okafor",
    "Gallagher",
    "Raman",
    "Morris",
    "O'Neill",
    "Llewellyn",
    "Brontë",
    "Mensah",
    "Asante",
    "Thompson",
    "Fraser",
    "Khan",
    "Hughes",
    "Nowak",
    "Adeyemi",
    "Clarke",
    "Iqbal",
    "Murray",
    "Patel",
    "Reid",
];

impl Generator {
    fn new() -> Self {
        let mut rng = Rng(0x9E37_79B9_7F4A_7C15);
        let mut words = Vec::with_capacity(20_000);
        let mut seen = std::collections::HashSet::new();
        while words.len() < 20_000 {
            let parts = 1 + rng.below(4);
            let word: String = (0..parts)
                .map(|_| SYLLABLES[rng.below(SYLLABLES.len())])
                .collect();
            if seen.insert(word.clone()) {
                words.push(word);
            }
        }
        let mut total = 0.0;
        let cumulative = (1..=words.len())
            .map(|rank| {
                total += 1.0 / rank as f64;
                total
            })
            .collect();
        let named = |prefix: &str, n: usize| -> Vec<String> {
            (1..=n).map(|i| format!("{prefix} {i}")).collect()
        };
        let people = FIRST
            .iter()
            .flat_map(|f| LAST.iter().map(move |l| format!("{f} {l}")))
            .collect();
        Generator {
            words,
            cumulative,
            councils: (1..=40).map(|i| format!("Council {i} Borough")).collect(),
            services: named("Service", 8),
            areas: named("Practice area", 25),
            tags: named("tag", 60),
            people,
        }
    }

    fn word(&self, rng: &mut Rng) -> &str {
        let total = self.cumulative[self.cumulative.len() - 1];
        let target = rng.unit() * total;
        let index = self.cumulative.partition_point(|&c| c < target);
        &self.words[index.min(self.words.len() - 1)]
    }

    fn sentence(&self, rng: &mut Rng, words: usize) -> String {
        let mut text = String::new();
        for i in 0..words {
            if i > 0 {
                text.push(' ');
            }
            text.push_str(self.word(rng));
        }
        text.push('.');
        text
    }

    fn prose(&self, rng: &mut Rng, words: usize) -> String {
        let mut text = String::new();
        let mut left = words;
        while left > 0 {
            let n = (6 + rng.below(18)).min(left);
            if !text.is_empty() {
                text.push(' ');
            }
            text.push_str(&self.sentence(rng, n));
            left -= n;
        }
        text
    }

    fn record(&self, i: usize) -> SearchRecord {
        let mut rng = Rng(0x2545_F491_4F6C_DD1D ^ ((i as u64 + 1) * 0x9E37_79B9));
        let kind = if rng.below(10) < 7 {
            RecordKind::Story
        } else {
            RecordKind::Nomination
        };
        let section = match kind {
            RecordKind::Story => "stories",
            RecordKind::Nomination => "nominations",
        };
        let pick = |rng: &mut Rng, list: &[String], max: usize| -> Vec<String> {
            let n = rng.below(max + 1);
            (0..n)
                .map(|_| list[rng.below(list.len())].clone())
                .collect()
        };
        let title_words = 4 + rng.below(6);
        let summary_words = 15 + rng.below(16);
        let body_words = 300 + rng.below(601);
        SearchRecord {
            url: format!("/{section}/record-{i}/"),
            title: self.sentence(&mut rng, title_words),
            summary: self.sentence(&mut rng, summary_words),
            body_text: self.prose(&mut rng, body_words),
            people: pick(&mut rng, &self.people, 3),
            kind,
            council: Some(self.councils[rng.below(self.councils.len())].clone()),
            service: Some(self.services[rng.below(self.services.len())].clone()),
            practice_areas: pick(&mut rng, &self.areas, 3),
            tags: pick(&mut rng, &self.tags, 4),
            date: format!(
                "{}-{:02}-{:02}",
                2015 + rng.below(11),
                1 + rng.below(12),
                1 + rng.below(28)
            ),
            image: (rng.below(2) == 0).then(|| {
                (
                    format!("/media/record-{i}.jpg"),
                    "A photograph from the story".to_string(),
                )
            }),
            language: "en-GB".into(),
        }
    }
}
