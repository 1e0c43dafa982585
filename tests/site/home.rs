//! The home page and the site's own theme.

use crate::harness::*;
use niemyet::BuildError;

#[test]
fn upcoming_comes_from_the_round_status_not_the_clock() {
    let fx = Fixture::new();
    let past = fx.build_ok();
    assert!(past.pages > 0);
    let home = fx.text("index.html");
    let (upcoming, latest) = home
        .split_once("Các cuộc bầu cử gần đây")
        .expect("home has a latest-elections section");
    assert!(
        upcoming.contains("Hiện chưa có cuộc bầu cử nào sắp diễn ra"),
        "{home}"
    );
    assert!(latest.contains("nhiệm kỳ 2022–2025"), "{home}");

    fx.replace_line(
        ROUND_FILE,
        "trang_thai: chinh-thuc",
        "trang_thai: sap-dien-ra",
    );
    fx.build_ok();
    let home = fx.text("index.html");
    let (upcoming, latest) = home.split_once("Các cuộc bầu cử gần đây").unwrap();
    assert!(
        upcoming.contains("nhiệm kỳ 2022–2025") && upcoming.contains("Sắp diễn ra"),
        "{home}"
    );
    assert!(
        latest.contains("Chưa có cuộc bầu cử nào được đăng"),
        "{home}"
    );
}

#[test]
fn a_site_theme_overrides_the_default_file_by_file() {
    let fx = Fixture::new();
    fx.write(
        "theme/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}<h1>{{ title }}</h1><p>Mẫu riêng của phường</p>{{ body_html | safe }}{% endblock content %}",
    );
    fx.write(
        "theme/static/logo.svg",
        "<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
    );
    fx.build_ok();
    assert!(
        fx.text("lien-he/index.html")
            .contains("Mẫu riêng của phường")
    );
    // the other templates and the default stylesheet are still the default theme's
    assert!(fx.text("gioi-thieu/index.html").contains("Liên hệ"));
    assert!(fx.output().join(fx.asset("tai-nguyen/style.css")).is_file());
    assert!(fx.output().join("tai-nguyen/logo.svg").is_file());
    // the theme folder is not content: it is neither published nor warned about
    assert!(!fx.output().join("theme").exists());
    assert!(fx.check().is_empty());
}

#[test]
fn a_broken_site_template_fails_the_build_and_keeps_the_output() {
    let fx = Fixture::new();
    fx.build_ok();
    let before = snapshot(&fx.output());
    fx.write(
        "theme/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{{ nope(",
    );
    // `check` already reports it, so staff see it before they build
    let d = fx.check();
    let e = find_error(&d, "theme", "page.html");
    assert!(e.hint.is_some(), "{e}");
    assert!(matches!(fx.build(), Err(BuildError::Content(_))));
    assert_eq!(snapshot(&fx.output()), before);
    // the error quotes the template as written, not with the interface strings written in
    fx.write(
        "theme/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{{ t.nav_home }}{{ nope(",
    );
    let d = fx.check();
    let e = find_error(&d, "theme", "page.html");
    assert!(e.to_string().contains("{{ t.nav_home }}{{ nope("), "{e}");
    // a template that parses but fails while rendering is a template error of the build
    fx.write(
        "theme/templates/page.html",
        "{% extends \"base.html\" %}{% block content %}{{ no_such_variable }}{% endblock content %}",
    );
    match fx.build() {
        Err(BuildError::Template(message)) => assert!(message.contains("page.html"), "{message}"),
        other => panic!("expected a template error, got {other:?}"),
    }
    assert_eq!(snapshot(&fx.output()), before);
}
