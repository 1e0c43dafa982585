//! Every form of the example site, saved unchanged.

use super::*;

/// Every value a served form holds, text areas and chosen options included, as a browser sends
/// it: the hidden and typed inputs, then each select's chosen option, then each text area.
fn all_values(page: &str) -> Vec<(String, String)> {
    let mut values = form_values(page);
    for area in page.split("<textarea ").skip(1) {
        let name = area
            .split("name=\"")
            .nth(1)
            .and_then(|r| r.split('"').next())
            .unwrap_or_default();
        let text = area
            .split_once('>')
            .and_then(|(_, rest)| rest.split("</textarea>").next())
            .unwrap_or_default()
            .replace("&quot;", "\"")
            .replace("&lt;", "<")
            .replace("&gt;", ">")
            .replace("&amp;", "&");
        values.push((name.to_string(), text));
    }
    values
}

#[test]
fn every_form_of_the_example_site_saved_unchanged_keeps_its_file_s_bytes() {
    if !example_exists() {
        return;
    }
    let fx = example_fixture();
    let preview = Running::start(&fx, Limits::default());
    let mut forms = Vec::new();
    let rounds = std::fs::read_dir(fx.path("bau-cu")).unwrap();
    for round in rounds.map(|e| e.unwrap()).filter(|e| e.path().is_dir()) {
        let id = round.file_name().to_string_lossy().into_owned();
        forms.push((
            format!("{ROUND_PATH}?dot={id}"),
            format!("bau-cu/{id}/dot-bau-cu.yaml"),
        ));
        for candidate in std::fs::read_dir(round.path().join("ung-cu-vien")).unwrap() {
            let name = candidate
                .unwrap()
                .file_name()
                .to_string_lossy()
                .into_owned();
            if let Some(slug) = name.strip_suffix(".md").filter(|s| !s.ends_with(".en")) {
                forms.push((
                    format!("{CANDIDATE_PATH}?dot={id}&ten={slug}"),
                    format!("bau-cu/{id}/ung-cu-vien/{name}"),
                ));
            }
        }
    }
    for document in std::fs::read_dir(fx.path("van-ban")).unwrap() {
        let name = document.unwrap().file_name().to_string_lossy().into_owned();
        if let Some(slug) = name.strip_suffix(".md").filter(|s| !s.ends_with(".en")) {
            forms.push((
                format!("{DOCUMENT_PATH}?ten={slug}"),
                format!("van-ban/{name}"),
            ));
        }
    }
    for commune in std::fs::read_dir(fx.path("don-vi")).unwrap() {
        let name = commune.unwrap().file_name().to_string_lossy().into_owned();
        let id = name.strip_suffix(".yaml").unwrap();
        forms.push((format!("{COMMUNE_PATH}?ma={id}"), format!("don-vi/{name}")));
    }
    forms.push((CONFIG_PATH.to_string(), "cau-hinh.yaml".to_string()));
    assert!(forms.len() > 40, "{forms:?}");
    for (target, rel) in forms {
        let before = fx.read(&rel);
        let form = get(preview.port, &target);
        assert_eq!(form.status, 200, "{target}: {}", form.body);
        let saved = post(
            preview.port,
            &target,
            &with_action(all_values(&form.body), "luu"),
            "",
        );
        assert_eq!(saved.status, 303, "{target}: {}", saved.body);
        assert_eq!(fx.read(&rel), before, "{target} changed {rel}");
    }
}
