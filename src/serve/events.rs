//! The event stream (server-sent events) that tells open pages to reload or to show a build
//! error. Every event is written by [`event`], the one place that turns text into event lines.

use super::live::Live;
use std::io::{self, Write};
use std::net::TcpStream;
use std::time::Duration;

/// How long an event stream stays silent before a comment line checks the browser is still there.
const KEEP_ALIVE: Duration = Duration::from_secs(15);

/// The event stream: `reload` when a newer good build is served than the page's (`since`),
/// `failed` with the error text when a build fails. Ends when the preview stops or the browser
/// goes away.
pub fn stream(mut stream: TcpStream, live: &Live, since: Option<u64>) -> io::Result<()> {
    stream.write_all(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\n\
          Connection: keep-alive\r\n\r\nretry: 1000\n\n",
    )?;
    let mut seen = live.snapshot();
    // the page may have been served before a build that finished while it loaded
    if since.is_some_and(|g| g != seen.generation) {
        send(&mut stream, "reload", &seen.generation.to_string())?;
    } else if let Some(error) = &seen.error {
        send(&mut stream, "failed", error)?;
    }
    loop {
        let now = live.wait_change(seen.version, KEEP_ALIVE);
        if now.stopping {
            return Ok(());
        }
        if now.version == seen.version {
            stream.write_all(b": ping\n\n")?;
        } else if now.generation != seen.generation {
            send(&mut stream, "reload", &now.generation.to_string())?;
        } else if let Some(error) = &now.error {
            send(&mut stream, "failed", error)?;
        }
        stream.flush()?;
        seen = now;
    }
}

fn send(stream: &mut TcpStream, name: &str, data: &str) -> io::Result<()> {
    stream.write_all(event(name, data).as_bytes())?;
    stream.flush()
}

/// One event: its name, then each line of `data` on a `data:` line of its own, then a blank line.
/// A browser ends a line at CR, LF or CRLF, so `data` is split at all three: no text, however it
/// breaks its lines, can start a line or an event of its own. Empty data still makes one `data:`
/// line, without which a browser drops the event.
fn event(name: &str, data: &str) -> String {
    let mut message = format!("event: {name}\n");
    for line in data.split("\r\n").flat_map(|l| l.split(['\r', '\n'])) {
        message.push_str("data: ");
        message.push_str(line);
        message.push('\n');
    }
    message.push('\n');
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The events a browser reads from `text`: a line ends at CR, LF or CRLF (the rules of
    /// server-sent events), a blank line ends an event.
    fn parse(text: &str) -> Vec<(String, String)> {
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

    #[test]
    fn line_breaks_in_data_cannot_start_a_line_or_an_event() {
        for data in [
            "dòng 3: \"x\rdata: reload\"",
            "a\n\nevent: reload\ndata: 9",
            "a\r\revent: reload\rdata: 9\r\r",
            "a\r\n\r\nevent: reload\r\ndata: 9",
            "",
            "kết thúc\n",
        ] {
            let text = event("failed", data);
            let expected = data.replace("\r\n", "\n").replace('\r', "\n");
            assert_eq!(
                parse(&text),
                vec![("failed".to_string(), expected)],
                "{data:?} became {text:?}"
            );
            assert!(text.ends_with("\n\n") && !text.contains('\r'), "{text:?}");
        }
    }
}
