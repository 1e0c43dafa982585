//! Horizontal bar charts (biểu đồ thanh ngang) as inline SVG, drawn with plotters: votes per
//! candidate, turnout per neighbourhood, the make-up of a candidate list.
//!
//! The chart is a picture of numbers that the page also prints in a table next to it, so it is
//! one accessible image (`role="img"`, `<title>`, `<desc>`), not a second copy of the data; a
//! label too long for the chart is cut with "…" and read in full in that table.
//!
//! Layout is made for a phone 360 px wide: the view box is 320 units wide, what such a phone has
//! inside the page's margins, and the stylesheet draws it 20rem wide at most, so that text drawn
//! at 14 units is 0.875 of the body text on every screen (not larger on a desktop, where a chart
//! scaled to its column would enlarge its text). Each bar has its label on a line of its own
//! above it, starting at the left edge: beside the bar, a name such as "Nguyễn Thị Thanh Hương"
//! would leave the bar too little width on a phone, or shrink all text below reading size.
//!
//! Without a font backend (there are no fonts on CI), plotters cannot measure text, so widths
//! are estimated here from typical sans-serif advances (see `advance`); nothing asks plotters
//! to measure, and the browser draws the text with the page's own sans-serif font.

use crate::render::xml::escape;
use plotters::coord::Shift;
use plotters::prelude::{
    Color, DrawingArea, DrawingAreaErrorKind, FontDesc, FontFamily, FontStyle, IntoDrawingArea,
    PathElement, RGBColor, Rectangle, SVGBackend, Text, TextStyle, WHITE,
};
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::fmt;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// One bar: what it is, the value drawn, and the text printed at its end (already formatted by
/// the caller in Vietnamese, e.g. "159 (44,04%)").
#[derive(Debug, Clone, PartialEq)]
pub struct Bar {
    pub label: String,
    pub value: f64,
    pub text: String,
    /// Drawn darker, with bold text (e.g. the elected candidate, người trúng cử).
    pub emphasis: bool,
}

/// A vertical reference line across all bars, e.g. the 50% threshold of the law.
#[derive(Debug, Clone, PartialEq)]
pub struct Marker {
    pub value: f64,
    pub label: String,
}

/// A chart ready to draw. Values that are NaN, infinite or negative count as 0; values above
/// `max` are drawn to the end of the axis (their text still says the real number).
#[derive(Debug, Clone, PartialEq)]
pub struct BarChart {
    /// Unique within a page; used for the ids of <title>/<desc> (aria-labelledby / aria-describedby).
    pub id: String,
    pub title: String,
    pub description: String,
    pub bars: Vec<Bar>,
    /// The value at the right end of the axis (e.g. 100.0 for percents, or the number of
    /// households). When it is 0 or not a number, the largest bar value is used instead.
    pub max: f64,
    pub marker: Option<Marker>,
}

/// Why a chart could not be drawn.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// The id is empty or has white space, so it cannot name the title and description.
    InvalidId(String),
    /// plotters reported an error while drawing (it writes to a string, so this is not expected).
    Drawing(String),
}

impl fmt::Display for ChartError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ChartError::InvalidId(id) => write!(f, "chart id {id:?} is empty or has white space"),
            ChartError::Drawing(e) => write!(f, "could not draw the chart: {e}"),
        }
    }
}

impl std::error::Error for ChartError {}

/// Printed instead of bars when there are none: "no figures".
const NOTHING_TO_DRAW: &str = "Không có số liệu";

/// Width of the view box: the stylesheet's 20rem, in units that are CSS pixels at 16 px text.
const WIDTH: u32 = 320;
/// Left and right margin.
const PAD: i32 = 4;
/// Room for text between the margins.
const INNER: f64 = (WIDTH as i32 - 2 * PAD) as f64;
/// Font size of all text, in view box units.
const FONT: f64 = 14.0;
/// plotters' SVG backend writes `font-size` as the style's size divided by 1.24; 14 × 1.24
/// divides back to exactly 14, so the attribute reads `font-size="14"`.
const FONT_FOR_PLOTTERS: f64 = FONT * 1.24;
/// Space above the bars, and the row that holds the marker's label when there is one.
const TOP: i32 = 6;
const MARKER_ROW: i32 = 20;
/// One row per bar: the label line, then the bar, then a gap.
const LABEL_LINE: i32 = 19;
const BAR_HEIGHT: i32 = 16;
const ROW_GAP: i32 = 9;
const ROW: i32 = LABEL_LINE + BAR_HEIGHT + ROW_GAP;
/// Space between the end of a bar and its text.
const TEXT_GAP: i32 = 5;
/// The text at the end of bars takes at most this share of the room; longer text is cut.
const MAX_TEXT_SHARE: f64 = 0.45;
/// The marker's line starts this far below the top of its label, just under the letters, so
/// that the label reads as the line's own; it ends this far below the last bar.
const MARKER_LABEL_HEIGHT: i32 = 17;
const MARKER_OVERHANG: i32 = 3;

/// Emphasised bars: 8.7:1 against white.
const STRONG: RGBColor = RGBColor(0x1F, 0x4E, 0x79);
/// Other bars: 3.4:1 against white (WCAG asks 3:1 for graphics).
const LIGHT: RGBColor = RGBColor(0x5D, 0x8F, 0xC9);
/// All text but the marker's: 15.9:1 against white.
const INK: RGBColor = RGBColor(0x22, 0x22, 0x22);
/// The marker line and its label: 7.3:1 against white.
const MARKER_INK: RGBColor = RGBColor(0xA4, 0x26, 0x2C);

type Area<'a> = DrawingArea<SVGBackend<'a>, Shift>;
type DrawResult = Result<(), DrawingAreaErrorKind<std::io::Error>>;

impl BarChart {
    /// The chart as one `<svg>` element to put inline in HTML5. Zero bars give a small chart
    /// that says there is nothing to draw, with the same title and description.
    pub fn to_svg(&self) -> Result<String, ChartError> {
        if self.id.is_empty() || self.id.chars().any(char::is_whitespace) {
            return Err(ChartError::InvalidId(self.id.clone()));
        }
        let geometry = Geometry::of(self);
        let mut drawn = String::new();
        {
            let root =
                SVGBackend::with_string(&mut drawn, (WIDTH, geometry.height)).into_drawing_area();
            self.draw(&root, &geometry).map_err(drawing_error)?;
            root.present().map_err(drawing_error)?;
        }
        self.wrap(&drawn, geometry.height)
    }

    fn draw(&self, root: &Area, g: &Geometry) -> DrawResult {
        // The white ground keeps the contrast of the colours when a page has a dark theme.
        root.fill(&WHITE)?;
        if self.bars.is_empty() {
            return root.draw(&Text::new(
                NOTHING_TO_DRAW,
                (PAD, TOP),
                text_style(&INK, false, HPos::Left, VPos::Top),
            ));
        }
        for (i, bar) in self.bars.iter().enumerate() {
            draw_bar(root, g, bar, g.row_top(i))?;
        }
        // Over the bars, so that it shows on them; the text at their ends moves past it.
        if let (Some(marker), Some(x)) = (&self.marker, g.marker_x) {
            draw_marker(root, g, marker, x, self.bars.len())?;
        }
        for (i, bar) in self.bars.iter().enumerate() {
            draw_bar_text(root, g, bar, g.row_top(i))?;
        }
        Ok(())
    }

    /// plotters' own `<svg>` tag has no accessibility attributes and no place for `<title>` and
    /// `<desc>`, which must be the first children: the tag is written here instead.
    fn wrap(&self, drawn: &str, height: u32) -> Result<String, ChartError> {
        let body = drawn
            .strip_prefix("<svg ")
            .and_then(|rest| rest.split_once('>'))
            .map(|(_, body)| body.trim_end())
            .ok_or_else(|| ChartError::Drawing("plotters wrote no <svg> element".to_string()))?;
        let id = escape(&self.id);
        let title = escape(&clean(&self.title));
        let description = escape(&clean(&self.description));
        // width and height stay: CSS (`width:100%;height:auto`) overrides them, and browsers
        // without that CSS get a sensible size instead of the default 300 × 150.
        Ok(format!(
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" \
             viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-labelledby=\"{id}-title\" \
             aria-describedby=\"{id}-desc\">\n<title id=\"{id}-title\">{title}</title>\n\
             <desc id=\"{id}-desc\">{description}</desc>{body}"
        ))
    }
}

/// Where things go, computed once from the whole chart.
struct Geometry {
    height: u32,
    /// Top of the first bar's row.
    bars_top: i32,
    /// Length of a bar whose value is the axis maximum.
    axis: i32,
    /// The value at the end of the axis, always finite and positive.
    scale: f64,
    /// Where the marker's line is, if there is one.
    marker_x: Option<i32>,
}

impl Geometry {
    fn of(chart: &BarChart) -> Geometry {
        // With no bars, the marker is not drawn either.
        let bars_top = if chart.marker.is_some() && !chart.bars.is_empty() {
            TOP + MARKER_ROW
        } else {
            TOP
        };
        let rows = chart.bars.len().max(1) as i32;
        // Bars leave room for their longest text, which is cut when it would take too much.
        let longest = chart
            .bars
            .iter()
            .map(|b| text_width(&clean(&b.text), b.emphasis).min(INNER * MAX_TEXT_SHARE))
            .fold(0.0, f64::max);
        let mut g = Geometry {
            height: (bars_top + ROW * rows).unsigned_abs(),
            bars_top,
            axis: (INNER - longest).floor() as i32 - TEXT_GAP,
            scale: scale(chart),
            marker_x: None,
        };
        g.marker_x = chart.marker.as_ref().map(|m| PAD + g.length(m.value));
        g
    }

    fn row_top(&self, index: usize) -> i32 {
        self.bars_top + ROW * index as i32
    }

    /// Horizontal length of `value` on the axis.
    fn length(&self, value: f64) -> i32 {
        let share = finite(value).min(self.scale) / self.scale;
        (share * f64::from(self.axis)).round() as i32
    }
}

/// The axis maximum: `max` if it is usable, else the largest bar, else 1 (all bars are 0).
fn scale(chart: &BarChart) -> f64 {
    let max = finite(chart.max);
    if max > 0.0 {
        return max;
    }
    let largest = chart
        .bars
        .iter()
        .map(|b| finite(b.value))
        .fold(0.0, f64::max);
    if largest > 0.0 { largest } else { 1.0 }
}

/// The label above the bar, and the bar.
fn draw_bar(root: &Area, g: &Geometry, bar: &Bar, row_top: i32) -> DrawResult {
    let label = truncate(&clean(&bar.label), INNER, bar.emphasis);
    if !label.is_empty() {
        root.draw(&Text::new(
            label,
            (PAD, row_top),
            text_style(&INK, bar.emphasis, HPos::Left, VPos::Top),
        ))?;
    }
    let top = row_top + LABEL_LINE;
    let colour = if bar.emphasis { STRONG } else { LIGHT };
    root.draw(&Rectangle::new(
        [(PAD, top), (PAD + g.length(bar.value), top + BAR_HEIGHT)],
        colour.filled(),
    ))
}

/// The text at the end of the bar; past the marker when it would cross it, which would make
/// digits hard to read (the axis leaves room for that: the marker is never past its end).
fn draw_bar_text(root: &Area, g: &Geometry, bar: &Bar, row_top: i32) -> DrawResult {
    let text = truncate(&clean(&bar.text), INNER * MAX_TEXT_SHARE, bar.emphasis);
    if text.is_empty() {
        return Ok(());
    }
    let end = PAD + g.length(bar.value);
    let width = text_width(&text, bar.emphasis).ceil() as i32;
    let left = match g.marker_x {
        Some(x) if (end..=end + 2 * TEXT_GAP + width).contains(&x) => x + TEXT_GAP,
        _ => end + TEXT_GAP,
    };
    root.draw(&Text::new(
        text,
        (left, row_top + LABEL_LINE + BAR_HEIGHT / 2),
        text_style(&INK, bar.emphasis, HPos::Left, VPos::Center),
    ))
}

/// One unbroken line from just under its label down across every bar, kept inside the chart
/// when the line is near an edge. Unbroken and with no white edge, it never cuts a bar in two
/// (a white gap reads as two bars), and it shows between the bars where a dark bar hides it.
fn draw_marker(root: &Area, g: &Geometry, marker: &Marker, x: i32, bars: usize) -> DrawResult {
    let bottom = g.row_top(bars.saturating_sub(1)) + LABEL_LINE + BAR_HEIGHT + MARKER_OVERHANG;
    root.draw(&PathElement::new(
        vec![(x, TOP + MARKER_LABEL_HEIGHT), (x, bottom)],
        MARKER_INK.stroke_width(2),
    ))?;
    let label = truncate(&clean(&marker.label), INNER, false);
    if label.is_empty() {
        return Ok(());
    }
    let width = text_width(&label, false).ceil() as i32;
    // Not `clamp`, which panics when the label is (by rounding) a unit wider than the room.
    let left = (x - width / 2).min(WIDTH as i32 - PAD - width).max(PAD);
    root.draw(&Text::new(
        label,
        (left, TOP),
        text_style(&MARKER_INK, false, HPos::Left, VPos::Top),
    ))
}

fn text_style(colour: &'static RGBColor, bold: bool, h: HPos, v: VPos) -> TextStyle<'static> {
    let weight = if bold {
        FontStyle::Bold
    } else {
        FontStyle::Normal
    };
    TextStyle::from(FontDesc::new(
        FontFamily::SansSerif,
        FONT_FOR_PLOTTERS,
        weight,
    ))
    .color(colour)
    .pos(Pos::new(h, v))
}

fn drawing_error(e: impl fmt::Display) -> ChartError {
    ChartError::Drawing(e.to_string())
}

/// NaN, infinities and negative numbers count as 0.
fn finite(value: f64) -> f64 {
    if value.is_finite() {
        value.max(0.0)
    } else {
        0.0
    }
}

/// Control characters are not allowed in XML (and a line break cannot show in one SVG line).
fn clean(text: &str) -> String {
    text.chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect::<String>()
        .trim()
        .to_string()
}

/// Estimated advance of `c`, in em: a little wider than Arial, Roboto or DejaVu Sans (whichever
/// the phone has) draw it, so that text fits. A Vietnamese letter is as wide as its base letter
/// ("ễ" as "e"); its combining marks, in decomposed text, take no room.
fn advance(c: char) -> f64 {
    if is_combining_mark(c) {
        return 0.0;
    }
    let mut base = c;
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            base = d;
        }
    });
    match base {
        ' ' | '.' | ',' | ':' | ';' | '\'' | '!' | '|' | 'i' | 'j' | 'l' | 'I' => 0.3,
        '(' | ')' | '[' | ']' | '-' | '/' | 'f' | 't' | 'r' => 0.38,
        'm' | 'w' | 'M' | 'W' | '%' | '@' | '…' => 0.92,
        '0'..='9' => 0.58,
        c if c.is_uppercase() => 0.74,
        c if c.is_lowercase() => 0.58,
        // Anything else (symbols, other scripts) may be as wide as the font size.
        _ => 1.0,
    }
}

/// Estimated width of `text` at the chart's font size; bold is about a tenth wider.
fn text_width(text: &str, bold: bool) -> f64 {
    let em: f64 = text.chars().map(advance).sum();
    em * FONT * if bold { 1.1 } else { 1.0 }
}

/// `text` cut to fit in `room` units, ending with "…" when it was cut; a letter keeps its
/// combining marks.
fn truncate(text: &str, room: f64, bold: bool) -> String {
    if text_width(text, bold) <= room {
        return text.to_string();
    }
    let room = room - text_width("…", bold);
    let mut out = String::new();
    let mut width = 0.0;
    for c in text.chars() {
        width += text_width(c.encode_utf8(&mut [0; 4]), bold);
        if width > room {
            break;
        }
        out.push(c);
    }
    let mut out = out.trim_end().to_string();
    out.push('…');
    out
}

#[cfg(test)]
mod tests;
