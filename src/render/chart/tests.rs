//! Tests of the bar charts: layout, accessibility, determinism, size and odd values.

use super::*;

fn bar(label: &str, value: f64, text: &str, emphasis: bool) -> Bar {
    Bar {
        label: label.to_string(),
        value,
        text: text.to_string(),
        emphasis,
    }
}

/// A contest of `n` candidates out of 361 voters, the first one elected.
fn contest(n: usize) -> BarChart {
    let names = [
        "Nguyễn Thị Thanh Hương",
        "Trần Văn Bình",
        "Lê Hoàng Phúc",
        "Phạm Thị Ngọc Ánh",
    ];
    let bars = (0..n)
        .map(|i| {
            let votes = 200 - (i as u64 * 6) % 190;
            bar(
                names[i % names.len()],
                votes as f64 * 100.0 / 361.0,
                &format!(
                    "{} ({})",
                    crate::render::format::NumberStyle::VI.number(votes),
                    crate::render::format::percent_vi(votes as f64 * 100.0 / 361.0)
                ),
                i == 0,
            )
        })
        .collect();
    BarChart {
        id: "ket-qua-to-3".to_string(),
        title: "Kết quả bầu trưởng thôn".to_string(),
        description: "Số phiếu bầu của mỗi ứng cử viên trên 361 cử tri.".to_string(),
        bars,
        max: 100.0,
        marker: Some(Marker {
            value: 50.0,
            label: "Quá nửa: 50%".to_string(),
        }),
    }
}

fn svg(chart: &BarChart) -> String {
    match chart.to_svg() {
        Ok(svg) => svg,
        Err(e) => panic!("{e}"),
    }
}

/// The widths of the bars, in drawing order, found by their colours.
fn bar_widths(svg: &str) -> Vec<i32> {
    svg.lines()
        .filter(|l| l.starts_with("<rect") && (l.contains("#1F4E79") || l.contains("#5D8FC9")))
        .map(|l| {
            let w = l.split("width=\"").nth(1).and_then(|s| s.split('"').next());
            w.and_then(|w| w.parse().ok()).unwrap_or(-1)
        })
        .collect()
}

/// Every text element: where it starts, whether it is bold, and what it says.
fn texts(svg: &str) -> Vec<(i32, bool, &str)> {
    let lines: Vec<&str> = svg.lines().collect();
    lines
        .windows(2)
        .filter_map(|pair| {
            let x = pair[0].strip_prefix("<text x=\"")?.split('"').next()?;
            Some((x.parse().ok()?, pair[0].contains("bold"), pair[1]))
        })
        .collect()
}

#[test]
fn same_input_gives_the_same_bytes() {
    let chart = contest(7);
    assert_eq!(svg(&chart), svg(&chart.clone()));
}

#[test]
fn is_one_accessible_svg_element() {
    let out = svg(&contest(3));
    assert!(out.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\" "));
    assert!(out.ends_with("</svg>"));
    assert_eq!(out.matches("<svg").count(), 1);
    assert!(out.contains(" viewBox=\"0 0 320 "));
    assert!(out.contains(" role=\"img\""));
    assert!(out.contains(" aria-labelledby=\"ket-qua-to-3-title\""));
    assert!(out.contains(" aria-describedby=\"ket-qua-to-3-desc\""));
    // <title> and <desc> are the first children.
    let (_, children) = out.split_once(">\n").unwrap_or_default();
    assert!(children.starts_with(
        "<title id=\"ket-qua-to-3-title\">Kết quả bầu trưởng thôn</title>\n\
         <desc id=\"ket-qua-to-3-desc\">Số phiếu bầu"
    ));
    for absent in ["<?xml", "<script", "href", "url(", "@font-face", "<image"] {
        assert!(!out.contains(absent), "{absent}");
    }
}

#[test]
fn text_from_content_is_escaped() {
    let mut chart = contest(1);
    chart.title = "A & B <i> \"q\" 'a'".to_string();
    chart.description = "x < y".to_string();
    chart.bars[0].label = "Tổ 3 & \"Hòa Bình\" <mới>".to_string();
    chart.bars[0].text = "<b>".to_string();
    chart.marker = Some(Marker {
        value: 50.0,
        label: "a&b".to_string(),
    });
    let out = svg(&chart);
    assert!(out.contains("A &amp; B &lt;i&gt; &quot;q&quot; &apos;a&apos;</title>"));
    assert!(out.contains("x &lt; y</desc>"));
    assert!(out.contains("Tổ 3 &amp; &quot;Hòa Bình&quot; &lt;mới&gt;"));
    assert!(out.contains("&lt;b&gt;"));
    assert!(out.contains("a&amp;b"));
    assert!(!out.contains("<mới>") && !out.contains("<b>") && !out.contains("&amp;amp;"));
}

#[test]
fn ids_must_name_one_element() {
    for id in ["", "a b", "a\tb"] {
        let mut chart = contest(1);
        chart.id = id.to_string();
        assert_eq!(chart.to_svg(), Err(ChartError::InvalidId(id.to_string())));
    }
    let mut chart = contest(1);
    chart.id = "a\"b".to_string();
    assert!(svg(&chart).contains("aria-labelledby=\"a&quot;b-title\""));
}

#[test]
fn vietnamese_text_is_verbatim() {
    let mut chart = contest(2);
    chart.bars[1].label = "Tỷ lệ tham gia".to_string();
    let out = svg(&chart);
    assert!(out.contains("\nNguyễn Thị Thanh Hương\n</text>"));
    assert!(out.contains("\nTỷ lệ tham gia\n</text>"));
    assert!(out.contains("\n200 (55,40%)\n</text>"));
    assert!(out.contains("font-size=\"14\""));
}

#[test]
fn one_bar_per_input_bar_in_proportion() {
    for n in [1, 2, 10, 30] {
        let out = svg(&contest(n));
        let widths = bar_widths(&out);
        assert_eq!(widths.len(), n);
        assert_eq!(
            texts(&out).len(),
            2 * n + 1,
            "label, text, and the marker's"
        );
        assert_eq!(
            out.matches("fill=\"#1F4E79\"").count(),
            1,
            "one emphasised bar"
        );
        assert_eq!(
            out.matches("font-weight=\"bold\"").count(),
            2,
            "its label and text"
        );
        for (w, b) in widths.iter().zip(&contest(n).bars) {
            let expected = b.value / 100.0 * f64::from(widths[0]) / (200.0 / 361.0);
            assert!((f64::from(*w) - expected).abs() <= 1.0, "{w} vs {expected}");
        }
    }
}

#[test]
fn height_grows_with_bars() {
    let height = |n| {
        let out = svg(&contest(n));
        let h = out
            .split("height=\"")
            .nth(1)
            .and_then(|s| s.split('"').next());
        h.and_then(|h| h.parse::<i32>().ok()).unwrap_or(0)
    };
    assert_eq!(height(1), TOP + MARKER_ROW + ROW);
    assert_eq!(height(30) - height(10), 20 * ROW);
}

#[test]
fn marker_is_one_unbroken_line_from_its_label_across_the_bars() {
    let out = svg(&contest(4));
    assert_eq!(out.matches("stroke=\"#A4262C\"").count(), 1, "one line");
    assert!(
        !out.contains("stroke=\"#FFFFFF\""),
        "no white edge that cuts a bar in two"
    );
    assert!(out.contains("\nQuá nửa: 50%\n</text>"));
    let g = Geometry::of(&contest(4));
    let x = PAD + g.length(50.0);
    assert_eq!(x, PAD + g.axis / 2 + g.axis % 2);
    // from just under the label (drawn at TOP) to below the last bar
    let last = g.row_top(3) + LABEL_LINE + BAR_HEIGHT + MARKER_OVERHANG;
    let top = TOP + MARKER_LABEL_HEIGHT;
    assert!(top < g.bars_top, "the line starts above the first row");
    assert!(out.contains(&format!("points=\"{x},{top} {x},{last} \"")));
    let mut without = contest(4);
    without.marker = None;
    assert!(!svg(&without).contains("#A4262C"));
}

#[test]
fn text_that_would_cross_the_marker_moves_past_it() {
    let mut chart = contest(4);
    chart.bars[2].value = 45.0;
    chart.bars[2].text = "45,00%".to_string();
    chart.bars[3].value = 100.0;
    let g = Geometry::of(&chart);
    let (marker, end) = (PAD + g.length(50.0), PAD + g.length(45.0));
    let out = svg(&chart);
    assert!(out.contains(&format!("<text x=\"{}\"", marker + TEXT_GAP)));
    assert!(!out.contains(&format!("<text x=\"{}\"", end + TEXT_GAP)));
    // Text that ends before the marker, or starts after it, stays at the end of its bar.
    chart.bars[2].value = 10.0;
    let end = PAD + g.length(10.0);
    assert!(svg(&chart).contains(&format!("<text x=\"{}\"", end + TEXT_GAP)));
    let end = PAD + g.length(100.0);
    assert!(out.contains(&format!("<text x=\"{}\"", end + TEXT_GAP)));
}

#[test]
fn no_bars_says_so() {
    let mut chart = contest(0);
    chart.marker = None;
    let out = svg(&chart);
    assert!(out.contains("Không có số liệu"));
    assert!(out.contains("<title id=\"ket-qua-to-3-title\">"));
    assert!(bar_widths(&out).is_empty());
    let with_marker = svg(&contest(0));
    assert!(
        with_marker.contains("Không có số liệu"),
        "even with a marker"
    );
    assert!(!with_marker.contains("Quá nửa") && with_marker.len() == out.len());
    assert!(out.len() < 1024, "{} bytes", out.len());
}

#[test]
fn odd_numbers_are_drawn_safely() {
    let mut chart = contest(0);
    chart.max = 10.0;
    chart.bars = vec![
        bar("quá", 25.0, "25", false),
        bar("đủ", 10.0, "10", false),
        bar("NaN", f64::NAN, "?", false),
        bar("vô cùng", f64::INFINITY, "?", false),
        bar("âm", -3.0, "-3", false),
    ];
    let widths = bar_widths(&svg(&chart));
    assert_eq!(
        widths[0], widths[1],
        "values above max stop at the end of the axis"
    );
    assert!(widths[0] > 100);
    assert_eq!(&widths[2..], &[0, 0, 0]);
    for max in [0.0, f64::NAN, -1.0, f64::INFINITY] {
        chart.max = max;
        let widths = bar_widths(&svg(&chart));
        let expected = f64::from(widths[0]) * 10.0 / 25.0;
        assert!(
            (f64::from(widths[1]) - expected).abs() <= 1.0,
            "largest bar is the axis"
        );
    }
    chart.bars.iter_mut().for_each(|b| b.value = 0.0);
    chart.marker = Some(Marker {
        value: f64::NAN,
        label: String::new(),
    });
    assert_eq!(bar_widths(&svg(&chart)), vec![0; 5]);
}

#[test]
fn empty_and_long_text_fits() {
    let mut chart = contest(3);
    chart.bars[0].label = String::new();
    chart.bars[1].label = "Tổ dân phố ".repeat(10);
    chart.bars[1].text = "9".repeat(100);
    chart.bars[2].label = "a\nb\u{0}c".to_string();
    let out = svg(&chart);
    assert!(!out.contains("\n\n</text>"), "no empty text elements");
    assert!(
        out.contains("\na b c\n</text>"),
        "control characters become spaces"
    );
    // No text reaches past the right margin, so none is clipped.
    let mut odd = contest(2);
    odd.bars[1].value = 1e9;
    for chart in [&chart, &contest(30), &odd] {
        for (x, bold, text) in texts(&svg(chart)) {
            let right = f64::from(x) + text_width(text, bold);
            assert!(
                right <= f64::from(WIDTH as i32 - PAD),
                "{text} ends at {right}"
            );
        }
    }
    let long = out.lines().find(|l| l.starts_with("Tổ dân phố Tổ dân phố"));
    assert!(
        long.is_some_and(|l| l.ends_with('…') && l.len() < 100),
        "{long:?}"
    );
    let number = out.lines().find(|l| l.starts_with("999"));
    assert!(number.is_some_and(|l| l.ends_with("9…")), "{number:?}");
    // The bar with the cut text still has room for it.
    let g = Geometry::of(&chart);
    assert!(g.axis + TEXT_GAP + (INNER * MAX_TEXT_SHARE) as i32 <= INNER as i32);
}

#[test]
fn truncation_keeps_marks_with_their_letter() {
    let nfd = "Hu\u{31b}o\u{31b}ng";
    assert_eq!(text_width("Hương", false), text_width(nfd, false));
    assert_eq!(
        truncate("Hương", text_width("Hương", false), false),
        "Hương"
    );
    let room = text_width("Hươ…", false) + 1.0;
    assert_eq!(truncate("Hương", room, false), "Hươ…");
    assert_eq!(truncate(nfd, room, false), "Hu\u{31b}o\u{31b}…");
    assert_eq!(
        truncate("ab cd", text_width("ab …", false) + 1.0, false),
        "ab…"
    );
    assert_eq!(truncate("", 0.0, false), "");
}

#[test]
fn widths_are_estimated_generously() {
    // Widths drawn at 14 px by headless Chromium with DejaVu Sans, wider than Arial or
    // Roboto: the estimate is never short, and not so long that it wastes the bars' room.
    for (text, bold, drawn) in [
        ("Nguyễn Thị Thanh Hương", true, 171.5),
        ("Nguyễn Thị Thanh Hương", false, 163.3),
        ("ĐẶNG VĂN ĐỨC", true, 110.3),
        ("Tổ dân phố số 12 khu Hồng Hải mở rộng", false, 258.4),
        ("4.459.718 (100,00%)", false, 130.8),
        ("159 (44,04%)", false, 84.1),
        ("Quá nửa: 50%", false, 90.6),
    ] {
        let estimate = text_width(text, bold);
        assert!(
            estimate >= drawn && estimate < drawn * 1.25,
            "{text}: {estimate}"
        );
    }
}

#[test]
fn charts_are_small() {
    let sizes: Vec<usize> = [2, 4, 10, 30]
        .iter()
        .map(|n| svg(&contest(*n)).len())
        .collect();
    assert!(sizes[1] < 4 * 1024, "4 bars: {} bytes", sizes[1]);
    assert!(sizes[3] < 24 * 1024, "30 bars: {} bytes", sizes[3]);
}

#[test]
fn colours_meet_wcag_aa_on_white() {
    fn luminance(c: RGBColor) -> f64 {
        let channel = |v: u8| {
            let v = f64::from(v) / 255.0;
            if v <= 0.03928 {
                v / 12.92
            } else {
                ((v + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * channel(c.0) + 0.7152 * channel(c.1) + 0.0722 * channel(c.2)
    }
    let contrast = |c| 1.05 / (luminance(c) + 0.05);
    assert!(contrast(INK) >= 4.5);
    assert!(contrast(MARKER_INK) >= 4.5);
    assert!(contrast(STRONG) >= 4.5);
    assert!(contrast(LIGHT) >= 3.0);
}
