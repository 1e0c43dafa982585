//! What the preview refuses, so that it is safe on a shared office network: requests that name
//! another host (DNS rebinding), request heads too large or too slow, connections over the cap,
//! and text that would forge an event on the event stream.

use super::*;
use niemyet::serve::Limits;
use std::io::ErrorKind;

/// The events a browser reads from `text`: a line ends at CR, LF or CRLF, a blank line ends an
/// event (the rules of server-sent events).
fn parse_events(text: &str) -> Vec<(String, String)> {
    let mut events = Vec::new();
    let (mut name, mut data) = (String::new(), Vec::new());
    for line in text.replace("\r\n", "\n").replace('\r', "\n").split('\n') {
        if line.is_empty() {
            if !data.is_empty() {
                events.push((std::mem::take(&mut name), data.join("\n")));
            }
            data.clear();
            continue;
        }
        let (field, value) = line.split_once(':').unwrap_or((line, ""));
        let value = value.strip_prefix(' ').unwrap_or(value);
        match field {
            "event" => name = value.to_string(),
            "data" => data.push(value.to_string()),
            _ => {}
        }
    }
    events
}

const HOME_TEXT: &str = "Cổng niêm yết bầu cử phường Thử Nghiệm";

#[test]
fn only_requests_addressed_to_the_preview_are_answered() {
    let fx = Fixture::new();
    let server = Server::start(&fx);
    let port = server.port;
    let ask = |method: &str, target: &str, host: &str| {
        request(
            port,
            &format!("{method} {target} HTTP/1.1\r\nHost: {host}\r\n\r\n"),
        )
    };
    for host in [
        format!("127.0.0.1:{port}"),
        format!("localhost:{port}"),
        format!("LocalHost:{port}"),
        format!("[::1]:{port}"),
    ] {
        let (status, page) = ask("GET", "/", &host);
        assert_eq!(status, 200, "{host}: {page}");
        assert!(visible_text(&page).contains(HOME_TEXT), "{host}: {page}");
    }
    // a page of another site that the clerk visits may name the preview's address by its own
    // name (DNS rebinding): only the preview's own names and port are answered
    for host in [
        "evil.example".to_string(),
        format!("evil.example:{port}"),
        format!("127.0.0.1.evil.example:{port}"),
        format!("localhost.:{port}"),
        format!("127.0.0.1:{port}0"),
        format!("127.0.0.1:0{port}"),
        "127.0.0.1".to_string(),
        "localhost".to_string(),
        format!("[::1]:{port}.evil.example"),
        String::new(),
    ] {
        for (method, target) in [
            ("GET", "/"),
            ("GET", "/khong-co/"),
            ("HEAD", "/"),
            ("GET", niemyet::serve::SCRIPT_PATH),
            ("GET", &format!("{}?since=1", niemyet::serve::EVENTS_PATH)),
        ] {
            let (status, body) = ask(method, target, &host);
            assert_eq!(status, 421, "{method} {target} for {host:?}: {body}");
            if method == "HEAD" {
                assert_eq!(body, "");
            } else {
                assert!(
                    body.contains("chỉ trả lời") && body.contains("answers only"),
                    "{body}"
                );
            }
            assert!(
                !body.contains("niêm yết") && !body.contains("EventSource"),
                "{body}"
            );
        }
    }
    // HTTP/1.1 requires one Host line; a request without one (or with two) is refused
    for head in [
        "GET / HTTP/1.0\r\n\r\n".to_string(),
        format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nHost: evil.example\r\n\r\n"),
        format!("GET / HTTP/1.1\r\nHost : 127.0.0.1:{port}\r\n\r\n"),
    ] {
        let (status, body) = request(port, &head);
        assert_eq!(status, 400, "{head:?}: {body}");
        assert!(
            body.contains("Host") && !body.contains("niêm yết"),
            "{body}"
        );
    }
}

#[test]
fn a_request_head_over_the_cap_is_refused() {
    let fx = Fixture::new();
    let server = Server::start(&fx);
    let port = server.port;
    let start = format!("GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Pad: ");
    let end = "\r\n\r\n";
    let at_cap = niemyet::serve::MAX_HEAD - start.len() - end.len();
    let (status, page) = request(port, &format!("{start}{}{end}", "a".repeat(at_cap)));
    assert_eq!(status, 200, "{page}");
    let (status, body) = request(port, &format!("{start}{}{end}", "a".repeat(at_cap + 1)));
    assert_eq!(status, 431, "{body}");
    assert!(!body.contains("niêm yết"), "{body}");
}

#[test]
fn a_request_head_sent_too_slowly_is_cut_off() {
    let fx = Fixture::new();
    let preview = Running::start(
        &fx,
        Limits {
            head_deadline: Duration::from_secs(1),
            ..Limits::default()
        },
    );
    let port = preview.port;
    let (status, page) = preview.get("/").expect("a whole head in time is answered");
    assert_eq!(status, 200, "{page}");

    // a slow-loris client: a header line one byte at a time, each well within any per-read wait
    let mut stream = connect(port);
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nX-Slow: "
    )
    .expect("send");
    stream
        .set_read_timeout(Some(Duration::from_millis(100)))
        .expect("read timeout");
    let started = Instant::now();
    let mut answer = Vec::new();
    let mut buf = [0u8; 1024];
    loop {
        assert!(
            started.elapsed() < DEADLINE,
            "the connection was still open after {DEADLINE:?}"
        );
        if stream.write_all(b"x").is_err() {
            break;
        }
        match stream.read(&mut buf) {
            Ok(0) => break,
            Ok(n) => answer.extend_from_slice(&buf[..n]),
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {}
            Err(_) => break,
        }
    }
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408 "),
        "{answer}"
    );

    // a client that connects and sends nothing is cut off too
    let mut silent = connect(port);
    let mut answer = Vec::new();
    let _ = silent.read_to_end(&mut answer);
    let answer = String::from_utf8_lossy(&answer);
    assert!(
        answer.is_empty() || answer.starts_with("HTTP/1.1 408 "),
        "{answer}"
    );
    assert!(started.elapsed() < DEADLINE);
}

#[test]
fn connections_over_the_cap_are_refused_until_one_closes() {
    let fx = Fixture::new();
    let preview = Running::start(
        &fx,
        Limits {
            max_connections: 3,
            // the connections that send nothing must outlast the test
            head_deadline: DEADLINE,
        },
    );
    let port = preview.port;
    let (_, page) = preview.get("/").expect("the home page");
    // an open tab's event stream counts, as do two connections that have not sent a request yet
    let mut tab = events(port, &generation(&page));
    let mut waiting = vec![connect(port), connect(port)];

    let mut extra = connect(port);
    let mut answer = Vec::new();
    extra.read_to_end(&mut answer).expect("read the refusal");
    let (status, body) = status_and_body(&answer);
    assert_eq!(status, 503, "{body}");
    assert!(
        body.contains("quá nhiều") && body.contains("too many"),
        "{body}"
    );

    drop(waiting.pop());
    let started = Instant::now();
    loop {
        match preview.get("/") {
            Ok((200, page)) => {
                assert!(visible_text(&page).contains(HOME_TEXT));
                break;
            }
            Ok((503, _)) | Err(_) => {}
            Ok((status, body)) => panic!("{status}: {body}"),
        }
        assert!(
            started.elapsed() < DEADLINE,
            "no connection was let in after one closed"
        );
        std::thread::sleep(Duration::from_millis(20));
    }

    // the open tab still hears of the next build
    fx.replace_line(
        CONTACT,
        "Mọi thắc mắc xin gửi về bộ phận một cửa của phường.",
        "Xin gọi tổ tiếp dân của phường.",
    );
    tab.wait_for("event: reload");
}

#[test]
fn several_open_tabs_are_all_told_to_reload() {
    let fx = Fixture::new();
    let server = Server::start(&fx);
    let (_, page) = server.get("/");
    let mut tabs: Vec<Events> = (0..8).map(|_| server.events(&generation(&page))).collect();
    fx.replace_line(
        CONTACT,
        "Mọi thắc mắc xin gửi về bộ phận một cửa của phường.",
        "Xin gọi tổ tiếp dân của phường.",
    );
    for tab in &mut tabs {
        tab.wait_for("event: reload");
    }
}

#[test]
fn a_line_break_in_an_error_cannot_forge_an_event() {
    let fx = Fixture::new();
    let server = Server::start(&fx);
    let (_, page) = server.get("/");
    let mut events = server.events(&generation(&page));

    // YAML's "\r" makes a carriage return in the value, which the error message quotes
    fx.replace_line(
        ROUND_FILE,
        "don_vi: thu-nghiem",
        r#"don_vi: "thu-nghien\revent: reload\rdata: 99\r\r\n\nevent: reload\ndata: 98\n\n""#,
    );
    let failed = events.wait_for("event: failed");
    let parsed = parse_events(&failed);
    assert_eq!(parsed.len(), 1, "{parsed:?}");
    let (name, data) = &parsed[0];
    assert_eq!(name, "failed");
    assert!(
        data.contains("thu-nghien\nevent: reload\ndata: 99"),
        "{data:?}"
    );
}
