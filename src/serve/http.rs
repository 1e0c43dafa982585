//! A small HTTP/1.1 server on `std::net` for the preview: one thread per connection (up to a
//! cap), requests addressed to the preview only, files from the current build's folder and
//! nowhere else (GET and HEAD), an event stream (server-sent events) that tells open pages to
//! reload or to show a build error, and the editor's forms (GET and POST, see `edit`).

use super::admit::{Addressee, Hosts, Limits, MAX_HEAD, Slots, header_values};
use super::edit::{self, Editor};
use super::live::{Live, Snapshot};
use super::{events, inject};
use std::io::{self, ErrorKind, Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::{Duration, Instant};

/// The event stream of the preview.
pub const EVENTS_PATH: &str = "/__niemyet/events";
/// The script that listens to it, added to every page the preview serves.
pub const SCRIPT_PATH: &str = "/__niemyet/reload.js";

/// A client that stops reading its answer lets its thread go after this long.
const WRITE_WAIT: Duration = Duration::from_secs(30);

const TEXT: &str = "text/plain; charset=utf-8";
const BAD_REQUEST: &str = "yêu cầu không hợp lệ / bad request\n";
const NO_HOST: &str =
    "yêu cầu phải có đúng một dòng Host / the request must have exactly one Host line\n";
const NOT_GET: &str = "chỉ nhận GET hoặc HEAD / GET or HEAD only\n";
const NO_LENGTH: &str = "biểu mẫu phải có Content-Length / a form must come with Content-Length\n";
const NOT_A_FORM: &str = "chỉ nhận biểu mẫu (application/x-www-form-urlencoded, \
    multipart/form-data) / forms only (application/x-www-form-urlencoded, multipart/form-data)\n";
const BODY_TOO_LARGE: &str = "biểu mẫu hoặc tệp quá lớn (tệp đính kèm tối đa 32 MB) / the form or file is too large \
     (32 MB at most for an attachment)\n";
const OUTSIDE: &str = "từ chối: đường dẫn ra ngoài trang / refused: the path leaves the site\n";
const TOO_SLOW: &str = "yêu cầu đến quá chậm / the request came too slowly\n";
const TOO_LARGE: &str = "phần đầu yêu cầu quá lớn / the request head is too large\n";
const TOO_MANY: &str =
    "quá nhiều kết nối cùng lúc, hãy thử lại / too many connections at once, try again\n";

/// Binds `port` on 127.0.0.1 (never on other interfaces: the preview is for the person at this
/// computer). Without a port, the first free one from `default` on is taken.
pub fn bind(port: Option<u16>, default: u16) -> io::Result<TcpListener> {
    let local = |p: u16| SocketAddr::from((Ipv4Addr::LOCALHOST, p));
    match port {
        Some(p) => TcpListener::bind(local(p)),
        None => {
            let mut last = io::Error::other("no port tried");
            for p in default..default.saturating_add(100) {
                match TcpListener::bind(local(p)) {
                    Ok(listener) => return Ok(listener),
                    Err(e) => last = e,
                }
            }
            Err(last)
        }
    }
}

/// What every connection shares.
struct Server {
    live: Arc<Live>,
    editor: Editor,
    hosts: Hosts,
    head_deadline: Duration,
}

/// Accepts connections until the preview stops; each is answered on its own thread while a slot
/// is free, and refused at once otherwise.
pub fn spawn(
    listener: TcpListener,
    live: Arc<Live>,
    editor: Editor,
    limits: Limits,
) -> io::Result<JoinHandle<()>> {
    let port = listener.local_addr()?.port();
    let server = Arc::new(Server {
        live,
        editor,
        hosts: Hosts::new(port),
        head_deadline: limits.head_deadline,
    });
    let slots = Slots::new(limits.max_connections);
    std::thread::Builder::new()
        .name("niemyet-http".into())
        .spawn(move || {
            for stream in listener.incoming() {
                if server.live.snapshot().stopping {
                    break;
                }
                let Ok(mut stream) = stream else { continue };
                let Some(slot) = slots.take() else {
                    // nothing is read, so the refusal cannot wait on the client
                    let _ = stream.set_write_timeout(Some(Duration::from_secs(1)));
                    let _ = respond(&mut stream, 503, TEXT, TOO_MANY.as_bytes(), true);
                    continue;
                };
                let server = Arc::clone(&server);
                let _ = std::thread::Builder::new()
                    .name("niemyet-connection".into())
                    .spawn(move || {
                        // a browser that goes away mid-answer is no error of the preview
                        let _ = answer(stream, &server);
                        // the slot is free again once the answer is over, however it ended
                        drop(slot);
                    });
            }
        })
}

fn answer(mut stream: TcpStream, server: &Server) -> io::Result<()> {
    stream.set_write_timeout(Some(WRITE_WAIT))?;
    let deadline = Instant::now() + server.head_deadline;
    let (head, early) = match read_head(&mut stream, deadline)? {
        Head::Whole(head, early) => (head, early),
        Head::Late => return respond(&mut stream, 408, TEXT, TOO_SLOW.as_bytes(), true),
        Head::TooLarge => return respond(&mut stream, 431, TEXT, TOO_LARGE.as_bytes(), true),
        Head::Broken => return respond(&mut stream, 400, TEXT, BAD_REQUEST.as_bytes(), true),
    };
    let mut words = head.lines().next().unwrap_or_default().split(' ');
    let (method, target) = (words.next().unwrap_or_default(), words.next());
    let Some(target) = target else {
        return respond(&mut stream, 400, TEXT, BAD_REQUEST.as_bytes(), true);
    };
    let with_body = method != "HEAD";
    match server.hosts.addressee(&head) {
        Addressee::Preview => {}
        Addressee::Elsewhere => {
            let body = server.hosts.refusal();
            return respond(&mut stream, 421, TEXT, body.as_bytes(), with_body);
        }
        Addressee::Unnamed => {
            return respond(&mut stream, 400, TEXT, NO_HOST.as_bytes(), with_body);
        }
    }
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if Editor::handles(path) {
        return to_editor(&mut stream, server, &head, early, deadline);
    }
    if method != "GET" && method != "HEAD" {
        return respond(&mut stream, 405, TEXT, NOT_GET.as_bytes(), true);
    }
    if path == EVENTS_PATH && with_body {
        let since = query
            .split('&')
            .find_map(|kv| kv.strip_prefix("since="))
            .and_then(|v| v.parse().ok());
        return events::stream(stream, &server.live, since);
    }
    if path == SCRIPT_PATH {
        let script = inject::script();
        return respond(
            &mut stream,
            200,
            "text/javascript",
            script.as_bytes(),
            with_body,
        );
    }
    let snapshot = server.live.snapshot();
    let Some(file) = resolve(&snapshot.site, target) else {
        return respond(&mut stream, 400, TEXT, OUTSIDE.as_bytes(), with_body);
    };
    match std::fs::read(&file) {
        Ok(bytes) => {
            let kind = content_type(&file);
            let bytes = page(bytes, kind, &snapshot, path);
            respond(&mut stream, 200, kind, &bytes, with_body)
        }
        Err(_) => {
            let missing = std::fs::read(snapshot.site.join("404.html"))
                .unwrap_or_else(|_| inject::NOT_FOUND.as_bytes().to_vec());
            let bytes = page(missing, "text/html; charset=utf-8", &snapshot, path);
            respond(
                &mut stream,
                404,
                "text/html; charset=utf-8",
                &bytes,
                with_body,
            )
        }
    }
}

/// A request for the editor's forms: its body read (a form, within [`edit::MAX_BODY`], by the
/// head's deadline) and the editor's answer sent.
fn to_editor(
    stream: &mut TcpStream,
    server: &Server,
    head: &str,
    mut body: Vec<u8>,
    deadline: Instant,
) -> io::Result<()> {
    let mut words = head.lines().next().unwrap_or_default().split(' ');
    let (method, target) = (
        words.next().unwrap_or_default(),
        words.next().unwrap_or("/"),
    );
    let (path, query) = target.split_once('?').unwrap_or((target, ""));
    if method == "POST" {
        let length = header_values(head, "content-length").next();
        let Some(length) = length.and_then(|l| l.parse::<usize>().ok()) else {
            return respond(stream, 411, TEXT, NO_LENGTH.as_bytes(), true);
        };
        let kind = header_values(head, "content-type")
            .next()
            .unwrap_or_default();
        let most = if kind.starts_with("application/x-www-form-urlencoded") {
            edit::MAX_BODY
        } else if kind.starts_with("multipart/form-data") {
            edit::MAX_UPLOAD
        } else {
            return respond(stream, 415, TEXT, NOT_A_FORM.as_bytes(), true);
        };
        if length > most {
            return respond(stream, 413, TEXT, BODY_TOO_LARGE.as_bytes(), true);
        }
        if !read_body(stream, &mut body, length, deadline)? {
            return respond(stream, 408, TEXT, TOO_SLOW.as_bytes(), true);
        }
    }
    let reply = server.editor.answer(&edit::Request {
        method,
        path,
        query,
        head,
        body: &body,
    });
    let location = reply
        .location
        .map(|l| format!("Location: {l}\r\n"))
        .unwrap_or_default();
    respond_with(
        stream,
        reply.status,
        reply.kind,
        &reply.body,
        true,
        &location,
    )
}

/// Reads the rest of a body of `length` bytes after the `body` read with the head; `false` when
/// the deadline passes or the client stops first.
fn read_body(
    stream: &mut TcpStream,
    body: &mut Vec<u8>,
    length: usize,
    deadline: Instant,
) -> io::Result<bool> {
    body.truncate(length);
    let mut buf = [0u8; 8192];
    while body.len() < length {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(false);
        }
        stream.set_read_timeout(Some(left))?;
        let n = match stream.read(&mut buf[..(length - body.len()).min(8192)]) {
            Ok(0) => return Ok(false),
            Ok(n) => n,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Ok(false);
            }
            Err(e) => return Err(e),
        };
        body.extend_from_slice(&buf[..n]);
    }
    Ok(true)
}

/// Pages get the reload script, the editor's link and the error overlay; other files are served
/// as they are.
fn page(bytes: Vec<u8>, kind: &str, snapshot: &Snapshot, path: &str) -> Vec<u8> {
    if kind.starts_with("text/html") {
        inject::into_page(&bytes, snapshot, path)
    } else {
        bytes
    }
}

/// A request head as it came, or why it did not.
enum Head {
    /// Up to and with the blank line that ends it, and the bytes of the body read with it.
    Whole(String, Vec<u8>),
    /// The deadline passed before its end.
    Late,
    /// Larger than [`MAX_HEAD`].
    TooLarge,
    /// Cut off by the client, or not UTF-8.
    Broken,
}

/// Reads up to the blank line that ends a request head, by `deadline` at the latest: each wait
/// for more is only as long as the time left, so a client sending a byte at a time gains nothing.
fn read_head(stream: &mut TcpStream, deadline: Instant) -> io::Result<Head> {
    let mut head = Vec::new();
    let mut buf = [0u8; 1024];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") {
        let left = deadline.saturating_duration_since(Instant::now());
        if left.is_zero() {
            return Ok(Head::Late);
        }
        stream.set_read_timeout(Some(left))?;
        let n = match stream.read(&mut buf) {
            Ok(n) => n,
            Err(e) if matches!(e.kind(), ErrorKind::WouldBlock | ErrorKind::TimedOut) => {
                return Ok(Head::Late);
            }
            Err(e) => return Err(e),
        };
        if n == 0 {
            return Ok(Head::Broken);
        }
        if head.len() + n > MAX_HEAD {
            return Ok(Head::TooLarge);
        }
        head.extend_from_slice(&buf[..n]);
    }
    let end = head
        .windows(4)
        .position(|w| w == b"\r\n\r\n")
        .map_or(head.len(), |at| at + 4);
    let early = head.split_off(end);
    Ok(String::from_utf8(head).map_or(Head::Broken, |head| Head::Whole(head, early)))
}

/// The file of the site a request target names, or `None` when the target could name anything
/// outside it. Only `/`-separated relative segments are followed; a segment that is empty
/// (`//etc`), hidden or a parent (`.`, `..`, `%2e%2e`), or that holds a Windows separator or
/// drive (`\`, `%5c`, `C:`) refuses the whole request, after percent-decoding. A folder stands for
/// its `index.html`; links are followed only when they stay inside the site.
pub fn resolve(root: &Path, target: &str) -> Option<PathBuf> {
    let path = target.split(['?', '#']).next().unwrap_or_default();
    let decoded = percent_decode(path.strip_prefix('/')?)?;
    let segments: Vec<&str> = decoded.split('/').collect();
    let mut file = root.to_path_buf();
    for (i, segment) in segments.iter().enumerate() {
        let last = i + 1 == segments.len();
        if segment.is_empty() && last {
            break;
        }
        let unsafe_segment =
            segment.is_empty() || segment.starts_with('.') || segment.contains(['\\', ':', '\0']);
        if unsafe_segment {
            return None;
        }
        file.push(segment);
    }
    if file.is_dir() {
        file.push("index.html");
    }
    match (file.canonicalize(), root.canonicalize()) {
        (Ok(real), Ok(real_root)) if !real.starts_with(&real_root) => None,
        _ => Some(file),
    }
}

/// `%xx` escapes decoded; `None` for a malformed escape or bytes that are not UTF-8.
fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

fn content_type(path: &Path) -> &'static str {
    let extension = path
        .extension()
        .map(|e| e.to_string_lossy().to_ascii_lowercase())
        .unwrap_or_default();
    match extension.as_str() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "js" => "text/javascript; charset=utf-8",
        "json" => "application/json",
        "csv" => "text/csv; charset=utf-8",
        "txt" => "text/plain; charset=utf-8",
        "xml" => "application/xml",
        "pdf" => "application/pdf",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "webp" => "image/webp",
        "ico" => "image/x-icon",
        "svg" => "image/svg+xml",
        "woff2" => "font/woff2",
        _ => "application/octet-stream",
    }
}

fn respond(
    stream: &mut TcpStream,
    status: u16,
    kind: &str,
    body: &[u8],
    with_body: bool,
) -> io::Result<()> {
    respond_with(stream, status, kind, body, with_body, "")
}

/// [`respond`] with `extra` header lines, each ended by CRLF.
fn respond_with(
    stream: &mut TcpStream,
    status: u16,
    kind: &str,
    body: &[u8],
    with_body: bool,
    extra: &str,
) -> io::Result<()> {
    let reason = match status {
        200 => "OK",
        303 => "See Other",
        400 => "Bad Request",
        403 => "Forbidden",
        404 => "Not Found",
        405 => "Method Not Allowed",
        408 => "Request Timeout",
        409 => "Conflict",
        411 => "Length Required",
        413 => "Content Too Large",
        415 => "Unsupported Media Type",
        421 => "Misdirected Request",
        422 => "Unprocessable Content",
        431 => "Request Header Fields Too Large",
        500 => "Internal Server Error",
        _ => "Service Unavailable",
    };
    // the forms' pages may not be framed by another site, which could trick a click on Save
    let head = format!(
        "HTTP/1.1 {status} {reason}\r\nContent-Type: {kind}\r\nContent-Length: {}\r\n\
         Cache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\n\
         X-Frame-Options: SAMEORIGIN\r\n{extra}Connection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(head.as_bytes())?;
    if with_body {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_themes_icon_is_served_as_svg() {
        assert_eq!(
            content_type(Path::new("tai-nguyen/bieu-tuong.9c53293b.svg")),
            "image/svg+xml"
        );
    }

    #[test]
    fn only_paths_inside_the_site_resolve() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(root.join("van-ban")).unwrap();
        std::fs::write(root.join("index.html"), "x").unwrap();
        std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
        assert_eq!(resolve(&root, "/"), Some(root.join("index.html")));
        assert_eq!(
            resolve(&root, "/van-ban/?x=1"),
            Some(root.join("van-ban/index.html"))
        );
        assert_eq!(
            resolve(&root, "/van-ban/t%E1%BB%87p.pdf#a"),
            Some(root.join("van-ban").join("tệp.pdf"))
        );
        for bad in [
            "/../secret.txt",
            "/van-ban/../../secret.txt",
            "/%2e%2e/secret.txt",
            "/%2E%2E%2Fsecret.txt",
            "/..%5csecret.txt",
            "/van-ban\\..\\..\\secret.txt",
            "//etc/passwd",
            "/%2Fetc%2Fpasswd",
            "/C:/Windows/win.ini",
            "/c%3A%5CWindows",
            "/.niemyet-output",
            "/a%00b",
            "/%zz",
            "/%ff",
            "secret.txt",
            "http://example.org/secret.txt",
        ] {
            assert_eq!(resolve(&root, bad), None, "{bad}");
        }
    }

    #[cfg(unix)]
    #[test]
    fn a_link_out_of_the_site_is_refused() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("site");
        std::fs::create_dir_all(&root).unwrap();
        std::fs::write(dir.path().join("secret.txt"), "x").unwrap();
        std::os::unix::fs::symlink(dir.path().join("secret.txt"), root.join("s.txt")).unwrap();
        assert_eq!(resolve(&root, "/s.txt"), None);
    }

    #[test]
    fn a_taken_port_is_an_error_only_when_asked_for() {
        let taken = bind(None, 18_470).unwrap();
        let port = taken.local_addr().unwrap().port();
        assert!(bind(Some(port), port).is_err());
        let next = bind(None, port).unwrap();
        assert_ne!(next.local_addr().unwrap().port(), port);
    }
}
