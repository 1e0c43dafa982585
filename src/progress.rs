//! Progress of a build or an import (tiến độ): on a terminal, a bar once the task has taken more
//! than about a second; elsewhere (CI, a log file) plain lines, one per stage, and only for such
//! long tasks. Small sites build faster than that and print nothing but the closing summary.

use crate::diagnostics::Lang;
use std::io::{IsTerminal, Write};
use std::time::{Duration, Instant};

/// Tasks shorter than this show no progress.
const PATIENCE: Duration = Duration::from_secs(1);
/// The bar is redrawn at most this often.
const REDRAW: Duration = Duration::from_millis(100);
const WIDTH: usize = 24;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Stage {
    /// Reading, modelling and validating the content.
    Checking,
    Rendering,
    /// Reading the rows of a sheet.
    Reading,
    Writing,
    /// Checking the site again with the files an import wrote.
    Rechecking,
}

impl Stage {
    fn label(self, lang: Lang) -> &'static str {
        match self {
            Self::Checking => lang.pick("Đang đọc và kiểm tra nội dung", "Reading and checking"),
            Self::Rendering => lang.pick("Đang tạo trang", "Rendering pages"),
            Self::Reading => lang.pick("Đang đọc các dòng của bảng tính", "Reading the rows"),
            Self::Writing => lang.pick("Đang ghi tệp", "Writing files"),
            Self::Rechecking => {
                lang.pick("Đang kiểm tra các tệp đã ghi", "Checking the files written")
            }
        }
    }
}

/// The stages of a task in order, each with its share of the bar in percent.
pub type Plan = &'static [(Stage, usize)];

/// A build: checking, then rendering the pages and writing each as it is rendered, then the
/// files made once for the whole site (data, feeds).
pub const BUILD: Plan = &[
    (Stage::Checking, 25),
    (Stage::Rendering, 65),
    (Stage::Writing, 10),
];

/// An import: checking the site, reading the rows, writing the files, checking them.
pub const IMPORT: Plan = &[
    (Stage::Checking, 15),
    (Stage::Reading, 35),
    (Stage::Writing, 35),
    (Stage::Rechecking, 15),
];

/// Where a task is: a stage, and within it, how many items (files, rows) of how many.
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
        Self::of(Stage::Writing, done, total)
    }

    pub fn of(stage: Stage, done: usize, total: usize) -> Self {
        Self { stage, done, total }
    }

    /// The share of the whole task done, in percent: the shares of the stages before this one,
    /// and of this one as much as is done.
    pub fn percent(self, plan: Plan) -> usize {
        let before: usize = plan
            .iter()
            .take_while(|(s, _)| *s != self.stage)
            .map(|(_, share)| share)
            .sum();
        let share = plan
            .iter()
            .find(|(s, _)| *s == self.stage)
            .map_or(0, |(_, share)| *share);
        before + share * self.done / self.total.max(1)
    }
}

/// Shows the progress of one task on standard error.
pub struct Progress {
    lang: Lang,
    plan: Plan,
    terminal: bool,
    started: Instant,
    /// When the bar was drawn last, and for which stage.
    drawn: Option<(Instant, Stage)>,
    stage: Option<Stage>,
}

impl Progress {
    pub fn new(lang: Lang, plan: Plan) -> Self {
        Self {
            lang,
            plan,
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
        let due = self.drawn.is_none_or(|(at, _)| at.elapsed() >= REDRAW);
        if due || step.done == step.total {
            // a shorter label must not leave the end of a longer one on the line
            let clear = match self.drawn {
                Some((_, stage)) if stage != step.stage => "\x1b[2K",
                _ => "",
            };
            let bar = bar(step.percent(self.plan), step, label);
            let _ = write!(err, "\r{clear}{bar}");
            let _ = err.flush();
            self.drawn = Some((Instant::now(), step.stage));
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
fn bar(percent: usize, step: Step, label: &str) -> String {
    let percent = percent.min(100);
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
        let step = Step::start(Stage::Checking);
        assert_eq!(
            bar(step.percent(BUILD), step, "x"),
            "[------------------------]   0% x"
        );
        let step = Step::of(Stage::Rendering, 1, 2);
        assert_eq!(step.percent(BUILD), 57);
        let step = Step::writing(1, 2);
        assert_eq!(
            bar(step.percent(BUILD), step, "Đang ghi tệp"),
            "[######################--]  95% Đang ghi tệp 1/2"
        );
        assert_eq!(Step::writing(0, 0).percent(BUILD), 90);
        assert_eq!(Step::writing(9, 9).percent(BUILD), 100);
    }

    #[test]
    fn an_import_moves_through_its_own_stages() {
        assert_eq!(Step::of(Stage::Reading, 0, 100).percent(IMPORT), 15);
        assert_eq!(Step::of(Stage::Reading, 50, 100).percent(IMPORT), 32);
        assert_eq!(Step::writing(10, 10).percent(IMPORT), 85);
        assert_eq!(Step::start(Stage::Rechecking).percent(IMPORT), 85);
    }

    #[test]
    fn durations_read_naturally_in_each_language() {
        assert_eq!(duration(Duration::from_millis(340), Lang::Vi), "340 ms");
        assert_eq!(duration(Duration::from_millis(1250), Lang::Vi), "1,25 giây");
        assert_eq!(duration(Duration::from_millis(1250), Lang::En), "1.25 s");
    }
}
