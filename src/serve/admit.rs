//! Whom the preview answers, and how much of it one client may take. It listens on 127.0.0.1
//! only, but any web page the clerk visits can make the browser connect there: such a page may
//! send requests (DNS rebinding even lets it read the answers, drafts and build errors included),
//! hold connections open or send its requests slowly. So a request must name the preview by its
//! own address in `Host`, send its head within a deadline, and find one of a bounded number of
//! connection slots free.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Duration;

/// A request head larger than this is refused: the preview serves files, it takes no uploads.
pub const MAX_HEAD: usize = 16 * 1024;

/// What clients may take of the preview.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// The time a client has to send its whole request head, counted from when its connection
    /// is taken up.
    pub head_deadline: Duration,
    /// Connections answered at once, event streams (one for each open tab) included; more are
    /// refused until one closes.
    pub max_connections: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            head_deadline: Duration::from_secs(10),
            max_connections: 64,
        }
    }
}

/// The names of this computer's loopback address that a browser may put in `Host`.
const LOOPBACK_NAMES: [&str; 3] = ["127.0.0.1", "localhost", "[::1]"];

/// Whom a request head says it is for.
#[derive(Debug, PartialEq, Eq)]
pub enum Addressee {
    /// The preview, by one of its own names and its port.
    Preview,
    /// Another name or port: a page of another site reaching the preview through its own name.
    Elsewhere,
    /// No `Host` line, or more than one: HTTP/1.1 refuses such a request as malformed, and a
    /// request that does not say whom it is for cannot show that it is for the preview.
    Unnamed,
}

/// The `Host` values that address the preview: each loopback name with the port, and without
/// the port only when the port is 80, where browsers leave it out.
#[derive(Debug, Clone)]
pub struct Hosts {
    port: u16,
    names: Vec<String>,
}

impl Hosts {
    pub fn new(port: u16) -> Self {
        let mut names: Vec<String> = LOOPBACK_NAMES
            .iter()
            .map(|name| format!("{name}:{port}"))
            .collect();
        if port == 80 {
            names.extend(LOOPBACK_NAMES.iter().map(|name| name.to_string()));
        }
        Self { port, names }
    }

    /// Whom `head` (the request line and header lines, separated by CRLF) is for. Host names are
    /// compared without regard to case, as DNS does; nothing else is forgiven.
    pub fn addressee(&self, head: &str) -> Addressee {
        let mut hosts = header_values(head, "host");
        match (hosts.next(), hosts.next()) {
            (Some(host), None) if self.names.iter().any(|n| n.eq_ignore_ascii_case(host)) => {
                Addressee::Preview
            }
            (Some(_), None) => Addressee::Elsewhere,
            _ => Addressee::Unnamed,
        }
    }

    /// The answer to a request for another host: where the preview is.
    pub fn refusal(&self) -> String {
        let port = self.port;
        format!(
            "Máy chủ xem trước chỉ trả lời tại http://127.0.0.1:{port}/ (hoặc localhost:{port}). \
             / The preview answers only at http://127.0.0.1:{port}/ (or localhost:{port}).\n"
        )
    }
}

/// The values of every header line named `name` (without regard to case) in `head`, the request
/// line and header lines separated by CRLF.
pub fn header_values<'h>(head: &'h str, name: &'h str) -> impl Iterator<Item = &'h str> + 'h {
    head.split("\r\n").skip(1).filter_map(move |line| {
        let (key, value) = line.split_once(':')?;
        key.eq_ignore_ascii_case(name)
            .then(|| value.trim_matches([' ', '\t']))
    })
}

/// The connections being answered, at most `max` at once.
#[derive(Debug)]
pub struct Slots {
    taken: Arc<AtomicUsize>,
    max: usize,
}

/// One connection's place among the [`Slots`], given back when it is dropped: when its
/// connection ends, however it ends.
#[derive(Debug)]
pub struct Slot(Arc<AtomicUsize>);

impl Slots {
    pub fn new(max: usize) -> Self {
        Self {
            taken: Arc::new(AtomicUsize::new(0)),
            max,
        }
    }

    /// A free slot, or `None` when all are taken.
    pub fn take(&self) -> Option<Slot> {
        self.taken
            .fetch_update(Ordering::AcqRel, Ordering::Acquire, |n| {
                (n < self.max).then_some(n + 1)
            })
            .ok()
            .map(|_| Slot(Arc::clone(&self.taken)))
    }
}

impl Drop for Slot {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn head(hosts: &[&str]) -> String {
        let mut head = "GET / HTTP/1.1\r\nAccept: */*\r\n".to_string();
        for host in hosts {
            head.push_str(&format!("Host:{host}\r\n"));
        }
        head + "\r\n"
    }

    #[test]
    fn only_the_preview_s_own_names_and_port_address_it() {
        let hosts = Hosts::new(8910);
        for host in [
            " 127.0.0.1:8910",
            " localhost:8910 ",
            "\tLOCALHOST:8910",
            " [::1]:8910",
        ] {
            assert_eq!(
                hosts.addressee(&head(&[host])),
                Addressee::Preview,
                "{host}"
            );
        }
        for host in [
            " evil.example",
            " evil.example:8910",
            " 127.0.0.1",
            " localhost",
            " 127.0.0.1:80",
            " 127.0.0.1:89100",
            " 127.0.0.1:08910",
            " localhost.:8910",
            " 127.0.0.2:8910",
            " [::1]",
            " ::1:8910",
            " 127.0.0.1:8910.evil.example",
            " 127.0.0.1:8910 evil.example",
            "",
        ] {
            assert_eq!(
                hosts.addressee(&head(&[host])),
                Addressee::Elsewhere,
                "{host}"
            );
        }
        assert_eq!(hosts.addressee(&head(&[])), Addressee::Unnamed);
        assert_eq!(
            hosts.addressee(&head(&[" 127.0.0.1:8910", " evil.example"])),
            Addressee::Unnamed
        );
        // a name with a space before the colon is no `Host` line
        assert_eq!(
            hosts.addressee("GET / HTTP/1.1\r\nHost : 127.0.0.1:8910\r\n\r\n"),
            Addressee::Unnamed
        );
        assert!(hosts.refusal().contains("http://127.0.0.1:8910/"));
    }

    #[test]
    fn on_port_80_the_port_may_be_left_out() {
        let hosts = Hosts::new(80);
        for host in [" 127.0.0.1", " localhost", " [::1]", " localhost:80"] {
            assert_eq!(
                hosts.addressee(&head(&[host])),
                Addressee::Preview,
                "{host}"
            );
        }
        assert_eq!(
            hosts.addressee(&head(&[" evil.example"])),
            Addressee::Elsewhere
        );
    }

    #[test]
    fn a_slot_is_given_back_when_its_connection_ends() {
        let slots = Slots::new(2);
        let first = slots.take().expect("a first slot");
        let second = slots.take().expect("a second slot");
        assert!(slots.take().is_none(), "a third connection got in");
        drop(first);
        let third = slots.take().expect("the slot given back");
        assert!(slots.take().is_none());
        drop((second, third));
        assert!(slots.take().is_some());
    }
}
