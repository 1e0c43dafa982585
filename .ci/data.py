"""Open data of a built site, checked by readers that niemyet did not write.

- Every `*.csv-metadata.json` with its CSV: the `csvw` package (the validator behind
  `csvwvalidate`) reads the metadata, then the CSV as the metadata describes it; any warning
  (a cell that is not of its column's datatype, a row of the wrong length) fails.
- `du-lieu/danh-muc.json`: parsed as JSON-LD by rdflib, then checked by pyshacl against the
  SHACL shapes of `catalogue-shapes.ttl` (the DCAT-AP properties the catalogue promises); and each
  distribution's file exists with the size and SHA-256 the catalogue gives.
- Every `*.xlsx`: opened by openpyxl; each cell has the type of its column's CSVW datatype and the
  CSV's value, so that codes stay text with their leading zero.

Usage: python3 data.py OUTPUT_DIR. Exit status 1 on any error, each printed.
"""

import csv
import datetime
import hashlib
import json
import pathlib
import sys
import urllib.parse
import urllib.request
import warnings

import csvw
import openpyxl
import pyshacl
import rdflib

SHAPES = pathlib.Path(__file__).with_name("catalogue-shapes.ttl")
SHEETS = ["Dữ liệu", "Data", "Cột - Columns"]
errors = []


def error(message):
    errors.append(message)
    print(f"data: {message}", file=sys.stderr)


def check_csvw(out):
    files = sorted(out.rglob("*.csv-metadata.json"))
    for meta in files:
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            try:
                table = csvw.CSVW(str(meta), validate=True, strict=True)
                valid = table.is_valid
            except ValueError as e:
                error(f"{meta.relative_to(out)}: {e}")
                continue
        if not valid or caught:
            for w in caught or table.warnings:
                error(f"{meta.relative_to(out)}: {w.message}")
            if not caught and not table.warnings:
                error(f"{meta.relative_to(out)}: csvw reports it invalid")
    return files


def check_catalogue(out):
    path = out / "du-lieu" / "danh-muc.json"
    graph = rdflib.Graph()
    graph.parse(path, format="json-ld", base=path.resolve().as_uri())
    conforms, _, report = pyshacl.validate(
        graph,
        shacl_graph=str(SHAPES),
        shacl_graph_format="turtle",
        inference="none",
    )
    if not conforms:
        error(f"du-lieu/danh-muc.json does not conform to {SHAPES.name}:\n{report}")
    dcat = rdflib.Namespace("http://www.w3.org/ns/dcat#")
    spdx = rdflib.Namespace("http://spdx.org/rdf/terms#")
    distributions = list(graph.subjects(rdflib.RDF.type, dcat.Distribution))
    for d in distributions:
        url = graph.value(d, dcat.downloadURL)
        file = pathlib.Path(urllib.request.url2pathname(urllib.parse.urlparse(str(url)).path))
        if not file.is_file():
            error(f"du-lieu/danh-muc.json lists {url}, which does not exist")
            continue
        data = file.read_bytes()
        if int(graph.value(d, dcat.byteSize)) != len(data):
            error(f"du-lieu/danh-muc.json: the size of {file.relative_to(out)} is wrong")
        checksum = graph.value(graph.value(d, spdx.checksum), spdx.checksumValue)
        if str(checksum) != hashlib.sha256(data).hexdigest():
            error(f"du-lieu/danh-muc.json: the SHA-256 of {file.relative_to(out)} is wrong")
    return distributions


def unguarded(text):
    """The CSV defuses text that would run as a formula with a leading `'`; a workbook does not."""
    if text[:1] == "'" and text[1:2] in ("=", "+", "-", "@"):
        return text[1:]
    return text


def agrees(value, text, datatype):
    if text == "":
        return value is None
    if datatype == "string":
        return isinstance(value, str) and value == unguarded(text)
    if datatype == "integer":
        return isinstance(value, (int, float)) and not isinstance(value, bool) and value == int(text)
    if datatype == "decimal":
        return isinstance(value, (int, float)) and not isinstance(value, bool) and value == float(text)
    if datatype == "boolean":
        return isinstance(value, bool) and value == (text == "true")
    if datatype == "date":
        return isinstance(value, datetime.datetime) and value.date().isoformat() == text
    return False


def check_workbooks(out):
    books = sorted(out.rglob("*.xlsx"))
    codes = 0
    for book_path in books:
        rel = book_path.relative_to(out)
        csv_path = book_path.with_suffix(".csv")
        meta = json.loads(pathlib.Path(f"{csv_path}-metadata.json").read_text(encoding="utf-8"))
        columns = meta["tableSchema"]["columns"]
        with open(csv_path, encoding="utf-8-sig", newline="") as f:
            rows = list(csv.reader(f))
        book = openpyxl.load_workbook(book_path, read_only=True)
        if book.sheetnames != SHEETS:
            error(f"{rel}: sheets {book.sheetnames}, expected {SHEETS}")
            continue
        for sheet, lang in zip(SHEETS[:2], ["vi", "en"]):
            cells = list(book[sheet].iter_rows(values_only=True))
            titles = [c["titles"][lang] for c in columns]
            if list(cells[0]) != titles:
                error(f"{rel} {sheet}: header {cells[0]}, expected {titles}")
            if len(cells) != len(rows):
                error(f"{rel} {sheet}: {len(cells) - 1} rows, the CSV has {len(rows) - 1}")
            for r, (values, texts) in enumerate(zip(cells[1:], rows[1:]), start=2):
                for c, (value, text) in enumerate(zip(values, texts)):
                    datatype = columns[c]["datatype"]
                    if not agrees(value, text, datatype):
                        error(f"{rel} {sheet} row {r} {columns[c]['name']}: {value!r} is not the {datatype} {text!r}")
                    if isinstance(value, str) and len(value) > 1 and value[0] == "0" and value.isdigit():
                        codes += 1
        book.close()
    if books and codes == 0:
        error("no workbook holds a code with a leading zero as text (such as 06685)")
    return books, codes


def main():
    out = pathlib.Path(sys.argv[1])
    metadata = check_csvw(out)
    distributions = check_catalogue(out)
    books, codes = check_workbooks(out)
    if not metadata or not distributions or not books:
        error(f"found {len(metadata)} CSVW files, {len(distributions)} distributions, {len(books)} workbooks")
    if errors:
        print(f"data: {len(errors)} error(s)", file=sys.stderr)
        sys.exit(1)
    print(
        f"data: {len(metadata)} CSV files valid against their CSVW metadata; "
        f"the catalogue's {len(distributions)} distributions conform and match their files; "
        f"{len(books)} workbooks agree with their CSV ({codes} codes with a leading zero kept as text)"
    )


main()
