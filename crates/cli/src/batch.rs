//! What batch runs (`montecarlo`, `sweep`) share: a thread pool of the size asked for, and a
//! progress bar on standard error for runs that take more than a second (none when standard error
//! is not a terminal, so that pipes and logs stay clean).

use crate::args::RunArgs;
use crate::Failure;
use indicatif::{ProgressBar, ProgressStyle};
use std::time::{Duration, Instant};

/// Run `work` on `args.threads` threads (all cores when not given).
pub fn on_threads<T: Send>(args: &RunArgs, work: impl FnOnce() -> T + Send) -> Result<T, Failure> {
    let mut pool = rayon::ThreadPoolBuilder::new();
    if let Some(n) = args.threads {
        pool = pool.num_threads(usize::from(n));
    }
    let pool = pool.build().map_err(|e| Failure(format!("cannot start {} threads: {e}", args.threads.unwrap_or(0))))?;
    Ok(pool.install(work))
}

/// A progress bar that appears once a run has taken a second, for `progress(done, total)` calls.
pub struct Progress {
    started: Instant,
    bar: Option<ProgressBar>,
    label: &'static str,
}

/// How long a run goes without a bar: short runs should not flicker one.
const QUIET: Duration = Duration::from_secs(1);

impl Progress {
    /// A bar for a run of `label` (e.g. "months").
    pub fn new(label: &'static str) -> Self {
        Self { started: Instant::now(), bar: None, label }
    }

    /// `done` of `total` steps are done.
    pub fn update(&mut self, done: u32, total: u32) {
        if self.bar.is_none() && self.started.elapsed() >= QUIET {
            // Draws to standard error, only on a terminal; its clock counts the quiet second too.
            let bar = ProgressBar::new(u64::from(total)).with_elapsed(self.started.elapsed());
            let template = format!("{{elapsed_precise}} [{{bar:40}}] {{pos}}/{{len}} {} ({{eta}} left)", self.label);
            if let Ok(style) = ProgressStyle::with_template(&template) {
                bar.set_style(style.progress_chars("=> "));
            }
            self.bar = Some(bar);
        }
        if let Some(bar) = &self.bar {
            bar.set_position(u64::from(done));
        }
    }
}

impl Drop for Progress {
    fn drop(&mut self) {
        if let Some(bar) = self.bar.take() {
            bar.finish_and_clear();
        }
    }
}
