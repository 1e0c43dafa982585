//! The portal in more than one language: English under `en/`, the switcher and `hreflang`,
//! translations by sibling files, formatting by language, and what `check` says about a
//! language that lacks strings or a translation without its original.

use crate::harness::*;
use niemyet::model::translation::untranslated;

const RESOLUTION: &str = "van-ban/nghi-quyet-dang-uy-dong-ky-bau-truong-khu-pho-2024-2027";

/// The fixture, in Vietnamese and English.
fn bilingual() -> Fixture {
    let fx = Fixture::new();
    let config = fx.read(CONFIG);
    fx.write(CONFIG, format!("{config}ngon_ngu: [vi, en]\n"));
    fx
}

/// The `href` of the switcher's link to `code` on a page.
fn switcher_target(html: &str, code: &str) -> String {
    let nav = html
        .split("class=\"languages\"")
        .nth(1)
        .and_then(|rest| rest.split("</nav>").next())
        .expect("the page has a language switcher");
    let at = nav
        .find(&format!("hreflang=\"{code}\""))
        .expect("the switcher names the language");
    let tag_start = nav[..at].rfind("<a").expect("a link");
    let tag = &nav[tag_start..at];
    let href = tag.split("href=").nth(1).expect("href");
    href.split([' ', '>'])
        .next()
        .unwrap()
        .trim_matches('"')
        .to_string()
}

#[test]
fn the_example_has_an_english_site_under_en() {
    if !example_exists() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    build_ok(&example_content(), out.path());
    let read = |rel: &str| std::fs::read_to_string(out.path().join(rel)).unwrap();
    let home = read("en/index.html");
    assert!(
        home.starts_with("<!DOCTYPE html>\n<html lang=\"en\">"),
        "{home}"
    );
    assert!(visible_text(&home).contains("Elections"));
    assert!(read("index.html").starts_with("<!DOCTYPE html>\n<html lang=\"vi\">"));

    // numbers and dates by language, from the same records
    let contest = "bau-cu/hong-gai-2022/khu-pho-3/index.html";
    let vi = visible_text(&read(contest));
    let en = visible_text(&read(&format!("en/{contest}")));
    assert!(vi.contains("159/361 = 44,04%"), "{vi}");
    assert!(en.contains("159/361 = 44.04%"), "{en}");
    assert!(en.contains("5 June 2022"), "{en}");
    assert!(vi.contains("ngày 5 tháng 6 năm 2022") || vi.contains("05/6/2022"));
    // names have their English form wherever the round shows them: table, chart, timeline
    let dashboard = read("en/bau-cu/dong-ky-2024/index.html");
    assert!(dashboard.contains(">Neighbourhood 2<") && !dashboard.contains(">Khu phố 2<"));
    // what staff wrote in Vietnamese and nobody translated is marked as Vietnamese (WCAG 3.1.2)
    let en_html = read(&format!("en/{contest}"));
    assert!(
        en_html.contains("<dd lang=\"vi\">Nhà văn hóa Khu phố 3</dd>"),
        "{en_html}"
    );
    assert!(en_html.contains("<td lang=\"vi\">Hưu trí</td>"));
    assert!(!read(contest).contains("lang=\"vi\">Hưu trí"));

    // the resolution is translated: both versions exist, and each points at the other
    let vi_doc = read(&format!("{RESOLUTION}/index.html"));
    let en_doc = read(&format!("en/{RESOLUTION}/index.html"));
    assert_eq!(
        switcher_target(&vi_doc, "en"),
        format!("../../en/{RESOLUTION}/index.html")
    );
    assert_eq!(
        switcher_target(&en_doc, "vi"),
        format!("../../../{RESOLUTION}/index.html")
    );
    assert!(vi_doc.contains("hreflang=\"en\""));
    assert!(visible_text(&en_doc).contains("Vietnamese text is the official one"));
    assert!(en_doc.contains(">9 September 2024<"), "{en_doc}");

    // a document that is not: no English page; the switcher goes to the English list and says so
    let letter = "van-ban/cong-van-13-cv-du-huong-xuan/index.html";
    assert!(!out.path().join("en").join(letter).exists());
    let vi_letter = read(letter);
    assert_eq!(
        switcher_target(&vi_letter, "en"),
        "../../en/van-ban/index.html"
    );
    assert!(visible_text(&vi_letter).contains("not yet translated into English"));
    assert!(!vi_letter.contains("rel=\"alternate\" hreflang=\"en\""));
    // and the English list still offers it, in Vietnamese, marked
    let list = read("en/van-ban/index.html");
    assert!(list.contains("../../van-ban/cong-van-13-cv-du-huong-xuan/index.html"));
    assert!(visible_text(&list).contains("Vietnamese only"));

    // every link of every page, in both languages, leads to a file (the 404 page's from the
    // path of the site's web address)
    let (site, _) = niemyet::check(&example_content());
    let (broken, checked) = broken_links(out.path(), site.config.served_path().as_deref());
    assert!(broken.is_empty(), "{broken:#?}");
    assert!(checked > 1000, "{checked}");
}

#[test]
fn the_same_page_in_the_other_language_is_linked_both_ways() {
    let fx = bilingual();
    fx.build_ok();
    for page in [
        "index.html",
        "bau-cu/tn-2022/index.html",
        "bau-cu/tn-2022/khu-1/nguyen-van-an/index.html",
        "don-vi/thu-nghiem/index.html",
        "tim-kiem/index.html",
    ] {
        let vi = fx.read_output(page);
        let en = fx.read_output(&format!("en/{page}"));
        let up = "../".repeat(page.matches('/').count());
        assert_eq!(
            switcher_target(&vi, "en"),
            format!("{up}en/{page}"),
            "{page}"
        );
        assert_eq!(
            switcher_target(&en, "vi"),
            format!("{up}../{page}"),
            "{page}"
        );
        assert_eq!(
            switcher_target(&en, "en"),
            format!("{up}../en/{page}"),
            "{page}"
        );
        assert!(
            en.contains(&format!("hreflang=\"vi\" href=\"{up}../{page}"))
                || en.contains("hreflang=\"vi\"")
        );
    }
    // theme files, photos and attachments exist once, and English pages use them
    let candidate = fx.read_output("en/bau-cu/tn-2022/khu-1/nguyen-van-an/index.html");
    assert!(
        candidate.contains(&format!(
            "../../../../../{}",
            fx.asset("tai-nguyen/style.css")
        )),
        "{candidate}"
    );
    assert!(!fx.output().join("en/tai-nguyen").exists());
    assert!(
        !fx.output()
            .join("en/van-ban/cong-van-13/cong-van-13.pdf")
            .exists()
    );
    let (broken, _) = broken_links(&fx.output(), None);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_single_language_site_has_no_switcher_and_no_en_folder() {
    let fx = Fixture::new();
    fx.build_ok();
    assert!(!fx.output().join("en").exists());
    let home = fx.read_output("index.html");
    assert!(!home.contains("class=\"languages\"") && !home.contains("hreflang"));
}

#[test]
fn a_translation_sibling_gives_the_english_page_and_keeps_the_record() {
    let fx = bilingual();
    fx.write(
        "van-ban/cong-van-13.en.md",
        "---\ntieu_de: Official letter on the election\nco_quan: People's Committee of Thu Nghiem Ward\nnguoi_dich: Ward office\n---\nThe **English** text.\n",
    );
    fx.build_ok();
    let en = fx.read_output("en/van-ban/cong-van-13/index.html");
    let text = visible_text(&en);
    assert!(text.contains("Official letter on the election"), "{text}");
    assert!(text.contains("People's Committee of Thu Nghiem Ward"));
    assert!(text.contains("The English text."));
    assert!(text.contains("Translated by: Ward office"));
    // the record is the original's: its attachment, from the one copy
    assert!(
        en.contains("../../../van-ban/cong-van-13/cong-van-13.pdf"),
        "{en}"
    );
    let vi = fx.read_output("van-ban/cong-van-13/index.html");
    assert!(!visible_text(&vi).contains("Official letter on the election"));
    let site = niemyet::check(&fx.content()).0;
    let left = untranslated(&site);
    assert_eq!(left.len(), 1);
    assert_eq!(left[0].language, niemyet::model::language::Language::En);
    let files: Vec<String> = left[0]
        .files
        .iter()
        .map(|f| f.display().to_string().replace('\\', "/"))
        .collect();
    assert!(files.contains(&PLAN.to_string()), "{files:?}");
    assert!(files.contains(&CONTACT.to_string()), "{files:?}");
    assert!(!files.contains(&LETTER.to_string()), "{files:?}");
}

#[test]
fn a_translation_must_have_its_original_and_a_language_of_the_site() {
    let fx = bilingual();
    fx.write("van-ban/cong-van-31.en.md", "---\ntieu_de: Letter\n---\n");
    let d = fx.check();
    let e = find_error(&d, "van-ban/cong-van-31.en.md", "no original");
    assert!(
        e.hint
            .as_ref()
            .is_some_and(|h| h.en.contains("cong-van-13.en.md")),
        "{e:?}"
    );
    fx.remove("van-ban/cong-van-31.en.md");
    // a language not on the list: kept for later, not published, and said so
    fx.write("van-ban/cong-van-13.fr.md", "---\ntieu_de: Lettre\n---\n");
    let d = fx.check();
    let w = d
        .iter()
        .find(|d| same_path(&d.path, "van-ban/cong-van-13.fr.md"))
        .expect("a word about the French file");
    assert!(
        !w.is_error() && w.message.en.contains("not published"),
        "{w:?}"
    );
    fx.build_ok();
    assert!(!fx.output().join("fr").exists());
    fx.remove("van-ban/cong-van-13.fr.md");
    fx.write(
        "van-ban/cong-van-13.en.md",
        "---\ntieu_de: Letter\nso_hieu: 13\n---\n",
    );
    let d = fx.check();
    let e = find_error(&d, "van-ban/cong-van-13.en.md", "so_hieu");
    assert_eq!(e.line, Some(3));
    // the plan cites two bases: a translation citing three cannot match them
    let plan = PLAN.replace(".md", ".en.md");
    fx.remove("van-ban/cong-van-13.en.md");
    fx.write(
        &plan,
        "---\ntieu_de: Plan\ncan_cu:\n  - One\n  - Two\n  - Three\n---\n",
    );
    let d = fx.check();
    let e = find_error(&d, &plan, "legal bases");
    assert_eq!((e.line, e.field.as_deref()), (Some(3), Some("can_cu")));
}

#[test]
fn a_language_without_all_strings_is_an_error_naming_what_is_missing() {
    let fx = Fixture::new();
    let config = fx.read(CONFIG);
    fx.write(CONFIG, format!("{config}ngon_ngu: [vi, fr]\n"));
    fx.write(
        "theme/i18n/fr.yaml",
        "nav_home: Accueil\nnav_search: Recherche\n",
    );
    let d = fx.check();
    let e = find_error(&d, "theme/i18n/fr.yaml", "`fr`");
    assert!(e.message.en.contains("lacks"), "{e:?}");
    assert!(e.hint.as_ref().is_some_and(|h| h.en.contains("vi.yaml")));
    // no strings at all: said as plainly
    fx.remove("theme/i18n/fr.yaml");
    let d = fx.check();
    let e = find_error(&d, "theme/i18n/fr.yaml", "no interface strings");
    assert!(e.is_error());
    assert!(matches!(fx.build(), Err(niemyet::BuildError::Content(_))));
    // a code that is not one
    fx.write(CONFIG, format!("{config}ngon_ngu: [vi, English]\n"));
    find_error(&fx.check(), CONFIG, "“English”");
    // the content is Vietnamese, so Vietnamese comes first
    fx.write(CONFIG, format!("{config}ngon_ngu: [en, vi]\n"));
    let d = fx.check();
    let e = find_error(&d, CONFIG, "Vietnamese must come first");
    assert!(e.hint.as_ref().is_some_and(|h| h.en.contains("[vi, en]")));
}

#[test]
fn a_free_page_cannot_take_a_language_s_folder() {
    let fx = bilingual();
    fx.write("trang/en.md", "---\ntieu_de: English\n---\nText.\n");
    find_error(&fx.check(), "trang/en.md", "“en”");
    let fx = Fixture::new();
    let config = fx.read(CONFIG);
    fx.write(CONFIG, format!("{config}ngon_ngu: [vi, fr]\n"));
    fx.write("trang/fr.md", "---\ntieu_de: Pháp\n---\nText.\n");
    find_error(&fx.check(), "trang/fr.md", "“fr”");
}

#[test]
fn a_third_language_needs_only_its_strings() {
    let fx = Fixture::new();
    let config = fx.read(CONFIG);
    fx.write(
        CONFIG,
        format!("{config}ngon_ngu: [vi, fr]\ndu_lieu_mau: true\n"),
    );
    let english = std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("themes/default/i18n/en.yaml"),
    )
    .unwrap();
    let french = english
        .replace("language_name: \"English\"", "language_name: \"Français\"")
        .replace("nav_home: \"Home\"", "nav_home: \"Accueil\"")
        .replace("format_thousands: \",\"", "format_thousands: \"'\"")
        .replace("format_decimal: \".\"", "format_decimal: \",\"");
    fx.write("theme/i18n/fr.yaml", french);
    fx.build_ok();
    let home = fx.read_output("fr/index.html");
    assert!(
        home.starts_with("<!DOCTYPE html>\n<html lang=\"fr\">"),
        "{home}"
    );
    assert!(visible_text(&home).contains("Accueil"));
    assert!(visible_text(&fx.read_output("index.html")).contains("Français"));
    // what the content has no French for is the Vietnamese original, marked and announced
    let round = fx.read_output("fr/bau-cu/tn-2022/index.html");
    assert!(
        round.contains("<div lang=\"vi\"><p>Bầu trưởng khu phố ở hai khu phố."),
        "{round}"
    );
    assert_eq!(visible_text(&round).matches("Sample data").count(), 1);
    let (broken, _) = broken_links(&fx.output(), None);
    assert!(broken.is_empty(), "{broken:#?}");
}

#[test]
fn a_candidate_translation_is_checked_for_personal_numbers_like_its_original() {
    let fx = bilingual();
    let an = AN.replace(".md", ".en.md");
    fx.write(
        &an,
        "---\nnghe_nghiep: Retired teacher\n---\nMr An taught at the ward school.\n",
    );
    fx.build_ok();
    let page = visible_text(&fx.read_output("en/bau-cu/tn-2022/khu-1/nguyen-van-an/index.html"));
    assert!(
        page.contains("Retired teacher") && page.contains("Mr An taught"),
        "{page}"
    );
    let vi = visible_text(&fx.read_output("bau-cu/tn-2022/khu-1/nguyen-van-an/index.html"));
    assert!(!vi.contains("Retired teacher"));
    // a bio without its translation is shown as written, and says so
    let binh = visible_text(&fx.read_output("en/bau-cu/tn-2022/khu-1/tran-thi-binh/index.html"));
    assert!(binh.contains("not yet translated into English"), "{binh}");

    fx.write(
        &an,
        "---\nnghe_nghiep: Retired teacher\n---\nMr An taught at the ward school.\n\nCall him on 0912 345 678.\n",
    );
    let d = fx.check();
    let e = find_error(&d, &an, "phone number");
    assert_eq!(e.line, Some(6));
    fx.write(&an, "---\nnghe_nghiep: \"CCCD 001234567890\"\n---\n");
    let d = fx.check();
    assert_eq!(find_error(&d, &an, "ID card").line, Some(2));
    assert!(matches!(fx.build(), Err(niemyet::BuildError::Content(_))));
}

#[test]
fn the_data_files_name_each_round_as_its_vietnamese_page_does() {
    if !example_exists() {
        return;
    }
    let out = tempfile::tempdir().unwrap();
    build_ok(&example_content(), out.path());
    let site = niemyet::check(&example_content()).0;
    for round in &site.rounds {
        let data =
            std::fs::read_to_string(out.path().join(format!("bau-cu/{}/ket-qua.json", round.id)))
                .unwrap();
        let data: serde_json::Value = serde_json::from_str(&data).unwrap();
        let title = data["tieu_de"].as_str().unwrap();
        let page =
            std::fs::read_to_string(out.path().join(format!("bau-cu/{}/index.html", round.id)))
                .unwrap();
        assert!(page.contains(&format!("<h1>{title}</h1>")), "{title}");
    }
}
