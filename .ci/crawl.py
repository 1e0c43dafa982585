#!/usr/bin/env python3
"""Crawls a built site through a real web server, starting from its home page under a sub-path,
and fails if any page, stylesheet, image or attachment it links to does not answer 200, or if any
link leaves the sub-path. Usage: crawl.py http://127.0.0.1:PORT/sub/path/
"""
import sys
import urllib.error
import urllib.request
from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        for name, value in attrs:
            if name in ("href", "src") and value:
                self.found.append(value)


def fetch(url):
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.headers.get_content_type(), response.read()
    except urllib.error.HTTPError as error:
        return error.code, "", b""


def main():
    base = sys.argv[1]
    seen, queue, problems = set(), [base + "index.html"], []
    while queue:
        url = queue.pop()
        if url in seen:
            continue
        seen.add(url)
        status, kind, body = fetch(url)
        if status != 200:
            problems.append(f"{status} {url}")
            continue
        if kind != "text/html":
            continue
        parser = Links()
        parser.feed(body.decode("utf-8"))
        for link in parser.found:
            if link.startswith(("mailto:", "https://", "http://")) and not link.startswith(base):
                continue
            target = urldefrag(urljoin(url, link)).url
            if not target.startswith(base):
                problems.append(f"leaves {base}: {link} on {url}")
                continue
            queue.append(target)
    status, _, _ = fetch(base + "khong-co-trang-nay/")
    if status != 404:
        problems.append(f"a missing page answers {status}, not 404")
    pages = sum(1 for u in seen if u.endswith(".html"))
    print(f"crawl: {len(seen)} addresses, {pages} pages under {base}; {len(problems)} problems")
    for p in problems:
        print("  " + p)
    sys.exit(1 if problems or pages == 0 else 0)


if __name__ == "__main__":
    main()
