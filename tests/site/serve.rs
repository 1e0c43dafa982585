//! `niemyet serve`, driven as staff use it: the program is started on the fixture site, pages are
//! fetched over HTTP, files are edited, and the event stream tells of each rebuild. Every wait
//! polls with a generous deadline, so a loaded machine makes the tests slower, never red.

use crate::harness::*;
use niemyet::diagnostics::Lang;
use niemyet::serve::{Limits, Preview, ServeOptions, Stopper};
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

mod editor;
mod safety;

const DEADLINE: Duration = Duration::from_secs(60);

/// A running `niemyet serve`, stopped (as by Ctrl-C where there is one) when dropped.
struct Server {
    child: Child,
    port: u16,
    workdir: PathBuf,
    stdout: BufReader<std::process::ChildStdout>,
}

impl Server {
    fn start(fx: &Fixture) -> Self {
        let mut child = Command::new(env!("CARGO_BIN_EXE_niemyet"))
            .args(["--lang", "en", "serve", "--content", "content"])
            .current_dir(fx.root())
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .expect("start niemyet serve");
        let mut stdout = BufReader::new(child.stdout.take().expect("stdout"));
        let (mut port, mut workdir) = (None, None);
        let mut line = String::new();
        while port.is_none() || workdir.is_none() {
            line.clear();
            let n = stdout.read_line(&mut line).expect("read serve output");
            assert!(n > 0, "serve ended before it was ready");
            if let Some(rest) = line.split("http://127.0.0.1:").nth(1) {
                port = rest.split('/').next().and_then(|p| p.parse().ok());
            }
            if let Some(rest) = line.strip_prefix("Builds are kept in ") {
                workdir = rest.split(" (").next().map(PathBuf::from);
            }
        }
        Self {
            child,
            port: port.unwrap(),
            workdir: workdir.unwrap(),
            stdout,
        }
    }

    fn get(&self, target: &str) -> (u16, String) {
        let host = format!("127.0.0.1:{}", self.port);
        request(
            self.port,
            &format!("GET {target} HTTP/1.1\r\nHost: {host}\r\n\r\n"),
        )
    }

    /// Fetches `target` until `ok` holds for its answer.
    fn get_until(&self, target: &str, ok: impl Fn(u16, &str) -> bool) -> (u16, String) {
        let started = Instant::now();
        loop {
            let (status, body) = self.get(target);
            if ok(status, &body) {
                return (status, body);
            }
            assert!(
                started.elapsed() < DEADLINE,
                "{target} never became as expected; last answer {status}:\n{body}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
    }

    /// The event stream, for a page of the given generation.
    fn events(&self, since: &str) -> Events {
        events(self.port, since)
    }

    /// Stops the server as Ctrl-C does and returns its exit status and the rest of its output.
    #[cfg(unix)]
    fn interrupt(mut self) -> (Option<i32>, String) {
        let pid = self.child.id().to_string();
        let sent = Command::new("kill").args(["-INT", &pid]).status();
        assert!(sent.is_ok_and(|s| s.success()), "kill -INT failed");
        let mut rest = String::new();
        let _ = self.stdout.read_to_string(&mut rest);
        let status = self.child.wait().expect("wait for serve");
        (status.code(), rest)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.workdir);
    }
}

struct Events {
    stream: TcpStream,
    seen: String,
}

impl Events {
    /// Reads until `text` and the rest of its event have come; returns what came up to there
    /// since the previous wait.
    fn wait_for(&mut self, text: &str) -> String {
        let mut buf = [0u8; 4096];
        let complete = |seen: &str| {
            seen.find(text)
                .is_some_and(|at| seen[at + text.len()..].contains("\n\n"))
        };
        while !complete(&self.seen) {
            let n = self
                .stream
                .read(&mut buf)
                .unwrap_or_else(|e| panic!("no “{text}” on the event stream: {e}\n{}", self.seen));
            assert!(n > 0, "event stream closed before “{text}”:\n{}", self.seen);
            self.seen.push_str(&String::from_utf8_lossy(&buf[..n]));
        }
        let at = self.seen.find(text).unwrap() + text.len();
        let upto = self.seen[at..]
            .find("\n\n")
            .map_or(self.seen.len(), |i| at + i + 2);
        let read: String = self.seen.drain(..upto).collect();
        read
    }
}

/// A preview started through the library with the given limits on a free port, as `serve` starts
/// it; stopped when dropped.
struct Running {
    port: u16,
    stopper: Stopper,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    fn start(fx: &Fixture, limits: Limits) -> Self {
        let preview = Preview::start(ServeOptions {
            content: fx.content(),
            port: Some(0),
            lang: Lang::En,
            limits,
        })
        .expect("start the preview");
        let url = preview.url();
        let port = url
            .strip_prefix("http://127.0.0.1:")
            .and_then(|rest| rest.strip_suffix('/'))
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("the preview is not on 127.0.0.1: {url}"));
        let stopper = preview.stopper();
        let thread = Some(std::thread::spawn(move || preview.run()));
        Self {
            port,
            stopper,
            thread,
        }
    }

    fn get(&self, target: &str) -> std::io::Result<(u16, String)> {
        let host = format!("127.0.0.1:{}", self.port);
        fetch(
            self.port,
            &format!("GET {target} HTTP/1.1\r\nHost: {host}\r\n\r\n"),
        )
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stopper.stop();
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

/// The event stream of the preview on `port`, for a page of the given generation.
fn events(port: u16, since: &str) -> Events {
    let mut stream = connect(port);
    let events = niemyet::serve::EVENTS_PATH;
    write!(
        stream,
        "GET {events}?since={since} HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n"
    )
    .expect("send");
    let mut events = Events {
        stream,
        seen: String::new(),
    };
    events.wait_for("retry:");
    events
}

fn connect(port: u16) -> TcpStream {
    let stream = TcpStream::connect(("127.0.0.1", port)).expect("connect");
    stream
        .set_read_timeout(Some(DEADLINE))
        .expect("read timeout");
    stream
}

/// Sends a whole request head and returns the status and the body of the answer.
fn request(port: u16, head: &str) -> (u16, String) {
    fetch(port, head).unwrap_or_else(|e| panic!("no answer to {head:?}: {e}"))
}

fn fetch(port: u16, head: &str) -> std::io::Result<(u16, String)> {
    let mut stream = connect(port);
    stream.write_all(head.as_bytes())?;
    let mut response = Vec::new();
    stream.read_to_end(&mut response)?;
    Ok(status_and_body(&response))
}

fn status_and_body(response: &[u8]) -> (u16, String) {
    let response = String::from_utf8_lossy(response);
    let status = response
        .split(' ')
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("no status in {response:?}"));
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

/// The generation a served page says it was built in.
fn generation(page: &str) -> String {
    page.split("data-generation=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .expect("the served page carries the reload script")
        .to_string()
}

#[test]
fn an_edit_is_rebuilt_served_and_announced() {
    let fx = Fixture::new();
    let server = Server::start(&fx);
    let (status, page) = server.get("/lien-he/index.html");
    assert_eq!(status, 200);
    assert!(visible_text(&page).contains("bộ phận một cửa"), "{page}");
    let mut events = server.events(&generation(&page));

    fx.replace_line(
        CONTACT,
        "Mọi thắc mắc xin gửi về bộ phận một cửa của phường.",
        "Xin gọi tổ tiếp dân của phường.",
    );
    events.wait_for("event: reload");
    let (_, page) = server.get_until("/lien-he/index.html", |_, body| {
        visible_text(body).contains("tổ tiếp dân")
    });
    assert!(page.contains(niemyet::serve::SCRIPT_PATH));

    // a renamed page moves: its old address is gone, the new one is served
    let text = fx.read(CONTACT);
    fx.remove(CONTACT);
    fx.write("trang/dia-chi.md", text);
    events.wait_for("event: reload");
    server.get_until("/dia-chi/", |status, body| {
        status == 200 && visible_text(body).contains("tổ tiếp dân")
    });
    let (status, _) = server.get("/lien-he/index.html");
    assert_eq!(status, 404);
}

#[test]
fn a_broken_file_shows_the_overlay_over_the_last_good_site() {
    let fx = Fixture::new();
    let server = Server::start(&fx);
    let (_, page) = server.get("/");
    let mut events = server.events(&generation(&page));

    fx.replace_line(ROUND_FILE, "don_vi: thu-nghiem", "don_vi: thu-nghien");
    let failed = events.wait_for("event: failed");
    assert!(failed.contains(ROUND_FILE), "{failed}");
    assert!(failed.contains("thu-nghien"), "{failed}");
    let (status, page) = server.get("/");
    assert_eq!(status, 200, "the last good site is no longer served");
    assert!(page.contains(niemyet::serve::OVERLAY_ID), "{page}");
    assert!(visible_text(&page).contains("Cổng niêm yết bầu cử phường Thử Nghiệm"));

    fx.replace_line(ROUND_FILE, "don_vi: thu-nghien", "don_vi: thu-nghiem");
    events.wait_for("event: reload");
    server.get_until("/", |status, body| {
        status == 200 && !body.contains(niemyet::serve::OVERLAY_ID)
    });
}

#[test]
fn requests_outside_the_site_are_refused() {
    let fx = Fixture::new();
    std::fs::write(fx.root().join("secret.txt"), "do not serve").unwrap();
    let server = Server::start(&fx);
    for target in [
        "/../secret.txt",
        "/../../etc/passwd",
        "/%2e%2e/secret.txt",
        "/%2E%2E%2F%2E%2E%2Fetc%2Fpasswd",
        "/..%5csecret.txt",
        "/lien-he\\..\\..\\secret.txt",
        "//etc/passwd",
        "/%2Fetc%2Fpasswd",
        "/C:/Windows/win.ini",
        "/c%3a%5cwindows%5cwin.ini",
        "/.niemyet-output",
    ] {
        let (status, body) = server.get(target);
        assert_eq!(status, 400, "{target}: {body}");
        assert!(!body.contains("do not serve") && !body.contains("root:"));
    }
    assert_eq!(server.get("/index.html").0, 200);
    assert_eq!(server.get("/khong-co/").0, 404);
}

#[test]
fn a_taken_port_or_a_missing_content_folder_is_an_error() {
    let fx = Fixture::new();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let out = Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(["serve", "--content", "content", "--port", &port])
        .current_dir(fx.root())
        .output()
        .expect("run niemyet serve");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains(&port) && err.contains("--port"), "{err}");

    let out = Command::new(env!("CARGO_BIN_EXE_niemyet"))
        .args(["serve", "--content", "khong-co", "--lang", "en"])
        .current_dir(fx.root())
        .output()
        .expect("run niemyet serve");
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("khong-co does not exist"), "{err}");
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_preview_and_removes_its_builds() {
    let fx = Fixture::new();
    let server = Server::start(&fx);
    let workdir = server.workdir.clone();
    assert!(workdir.is_dir());
    let (code, rest) = server.interrupt();
    assert_eq!(code, Some(0), "{rest}");
    assert!(rest.contains("Preview stopped"), "{rest}");
    assert!(!workdir.exists(), "{} was left behind", workdir.display());
    assert!(!fx.output().exists(), "serve wrote output/");
}

#[test]
fn build_output_never_holds_the_reload_script() {
    let fx = Fixture::new();
    fx.build_ok();
    for (path, bytes) in snapshot(&fx.output()) {
        let text = String::from_utf8_lossy(&bytes);
        assert!(
            !text.contains("__niemyet"),
            "{path} holds the preview script"
        );
    }
}
