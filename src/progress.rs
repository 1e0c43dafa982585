//! Progress of a build (tiến độ): on a terminal, a bar once the build has taken more than about a
//! second; elsewhere (CI, a log file) plain lines, one per stage, and only for such long builds.
//! Small sites build faster than that and print nothing but the closing summary.

use crate::diagnostics::Lang;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Builds shorter than this show no progress.
const PATIENCE: Duration = Duration::from_secs(1);
/// The bar is redrawn at most this often.
const REDRAW: Duration = Duration::from_millis(100);
const WIDTH: usize = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading, modelling and validating the content.
    Checking,
    Rendering,
    Writing,
}

impl Stage {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::Checking => lang.pick("Đang đọc và kiểm tra nội dung", "Reading and checking"),
            Self::Rendering => lang.pick("Đang tạo trang", "Rendering pages"),
            Self::Writing => lang.pick("Đang ghi tệp", "Writing files"),
        }
    }
}

/// Where a build is: a stage, and within writing, how many files of how many.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Step {
    pub stage: Stage,
    pub done: usize,
    pub total: usize,
}

impl Step {
    pub fn start(stage: Stage) -> Self {
        Self {
            stage,
            done: 0,
            total: 0,
        }
    }

    pub fn writing(done: usize, total: usize) -> Self {
        Self {
            stage: Stage::Writing,
            done,
            total,
        }
    }

    /// The share of the whole build done, in percent: checking and rendering count for the
    /// first half, writing for the second.
    pub fn percent(self) -> usize {
        match self.stage {
            Stage::Checking => 0,
            Stage::Rendering => 40,
            Stage::Writing => 50 + 50 * self.done / self.total.max(1),
        }
    }
}

/// Shows the progress of one build on standard error.
pub struct Progress {
    lang: Lang,
    terminal: bool,
    started: Instant,
    drawn: Option<Instant>,
    stage: Option<Stage>,
}

impl Progress {
    pub fn new(lang: Lang) -> Self {
        Self {
            lang,
            terminal: std::io::stderr().is_terminal(),
            started: Instant::now(),
            drawn: None,
            stage: None,
        }
    }

    pub fn step(&mut self, step: Step) {
        let new_stage = self.stage != Some(step.stage);
        self.stage = Some(step.stage);
        if self.started.elapsed() < PATIENCE {
            return;
        }
        let label = step.stage.label(self.lang);
        let mut err = std::io::stderr().lock();
        if !self.terminal {
            if new_stage {
                let _ = writeln!(err, "{label}…");
            }
            return;
        }
        let due = self.drawn.is_none_or(|at| at.elapsed() >= REDRAW);
        if due || step.done == step.total {
            let _ = write!(err, "\r{}", bar(step, label));
            let _ = err.flush();
            self.drawn = Some(Instant::now());
        }
    }

    /// Clears the bar, so that the summary line starts clean.
    pub fn finish(&mut self) {
        if self.terminal && self.drawn.is_some() {
            let mut err = std::io::stderr().lock();
            let _ = write!(err, "\r\x1b[2K");
            let _ = err.flush();
        }
    }

    pub fn elapsed(&self) -> Duration {
        self.started.elapsed()
    }
}

/// `[############------------]  50% Đang ghi tệp 1/2`
fn bar(step: Step, label: &str) -> String {
    let percent = step.percent().min(100);
    let full = WIDTH * percent / 100;
    let counts = if step.total > 0 {
        format!(" {}/{}", step.done, step.total)
    } else {
        String::new()
    };
    format!(
        "[{}{}] {percent:>3}% {label}{counts}",
        "#".repeat(full),
        "-".repeat(WIDTH - full)
    )
}

/// `1,25 giây` / `1.25 s`, or milliseconds below a second.
pub fn duration(d: Duration, lang: Lang) -> String {
    let ms = d.as_millis();
    if ms < 1000 {
        return format!("{ms} ms");
    }
    let seconds = format!("{:.2}", d.as_secs_f64());
    match lang {
        Lang::Vi => format!("{} giây", seconds.replace('.', ",")),
        Lang::En => format!("{seconds} s"),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_fills_with_the_files_written() {
        assert_eq!(
            bar(Step::start(Stage::Checking), "x"),
            "[------------------------]   0% x"
        );
        assert_eq!(
            bar(Step::writing(1, 2), "Đang ghi tệp"),
            "[##################------]  75% Đang ghi tệp 1/2"
        );
        assert_eq!(Step::writing(0, 0).percent(), 50);
        assert_eq!(Step::writing(9, 9).percent(), 100);
    }

    #[test]
    fn durations_read_naturally_in_each_language() {
        assert_eq!(duration(Duration::from_millis(340), Lang::Vi), "340 ms");
        assert_eq!(duration(Duration::from_millis(1250), Lang::Vi), "1,25 giây");
        assert_eq!(duration(Duration::from_millis(1250), Lang::En), "1.25 s");
    }
}
