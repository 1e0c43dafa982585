//! The workbook's package: the ZIP archive of XML parts that an XLSX file is (Office Open XML,
//! ECMA-376 part 2). The parts every workbook shares (content types, relationships, theme,
//! styles) are compressed once per run and copied into each archive as they are; a national site
//! writes tens of thousands of workbooks, and compressing those parts again for each was most
//! of their cost. The parts that differ (the workbook's filter ranges, the sheets, the shared
//! strings, the document properties) are made for each.
//!
//! Every entry is dated 1980-01-01, the earliest date ZIP can hold, so that the bytes depend
//! only on the data. Entries are compressed at deflate's fastest level: a build at scale 0.01 took
//! a sixth less CPU time than with the default level, for workbooks 29% larger (16.5 KB instead
//! of 12.8 KB on average).

use super::sheet::{column_name, escape};
use crate::model::date::Date;
use std::io::{Cursor, Write};
use std::sync::LazyLock;
use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipArchive, ZipWriter};

pub(super) const DECLARATION: &str =
    "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";

const CONTENT_TYPES: &str = r#"<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/><Override PartName="/xl/theme/theme1.xml" ContentType="application/vnd.openxmlformats-officedocument.theme+xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet2.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/worksheets/sheet3.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>"#;

const PACKAGE_RELATIONSHIPS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>"#;

const WORKBOOK_RELATIONSHIPS: &str = r#"<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet3.xml"/><Relationship Id="rId4" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/theme" Target="theme/theme1.xml"/><Relationship Id="rId5" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/><Relationship Id="rId6" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>"#;

/// Excel's default Office theme (the fonts and colours the styles refer to).
const THEME: &str = include_str!("theme1.xml");

/// The cell formats, in the order of [`super::sheet::Style`]: plain, column title, text `@`,
/// date `yyyy-mm-dd`, decimal `0.00`.
const STYLES: &str = r#"<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="3"><numFmt numFmtId="164" formatCode="@"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/><numFmt numFmtId="166" formatCode="0.00"/></numFmts><fonts count="2"><font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font><font><b/><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border><border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="5"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1" applyAlignment="1"><alignment wrapText="1"/></xf><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/><xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles><dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium9" defaultPivotStyle="PivotStyleLight16"/></styleSheet>"#;

/// The parts every workbook has as they are, in the archive's order.
const SHARED: [(&str, &str); 5] = [
    ("[Content_Types].xml", CONTENT_TYPES),
    ("_rels/.rels", PACKAGE_RELATIONSHIPS),
    ("xl/_rels/workbook.xml.rels", WORKBOOK_RELATIONSHIPS),
    ("xl/theme/theme1.xml", THEME),
    ("xl/styles.xml", STYLES),
];

/// A workbook's own part that is made as the archive takes it: a sheet (by its position) or
/// the shared strings, which come after the sheets that fill them.
pub(super) enum Part {
    Sheet(usize),
    SharedStrings,
}

/// What a workbook's own parts are made from, besides its sheets and shared strings.
pub(super) struct Own<'a> {
    /// Where the filter of each sheet that has one ends, by the sheet's position.
    pub filtered: Vec<(usize, (usize, usize))>,
    pub title: &'a str,
    pub author: &'a str,
    pub created: Option<Date>,
}

fn options() -> SimpleFileOptions {
    SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .compression_level(Some(1))
        .unix_permissions(0o600)
        .last_modified_time(DateTime::default())
}

/// The archive of the shared parts, compressed once.
static SHARED_ARCHIVE: LazyLock<Result<Vec<u8>, String>> = LazyLock::new(|| {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, xml) in SHARED {
        zip.start_file(name, options()).map_err(|e| e.to_string())?;
        write_part(&mut zip, xml)?;
    }
    let bytes = zip.finish().map_err(|e| e.to_string())?;
    Ok(bytes.into_inner())
});

fn write_part<W: Write + std::io::Seek>(zip: &mut ZipWriter<W>, xml: &str) -> Result<(), String> {
    let declaration = if xml.starts_with("<?xml") {
        ""
    } else {
        DECLARATION
    };
    zip.write_all(declaration.as_bytes())
        .and_then(|()| zip.write_all(xml.as_bytes()))
        .map_err(|e| e.to_string())
}

/// The XLSX file: the shared parts, then the workbook's own; `make` writes each sheet and the
/// shared strings into the archive when their turn comes, so that none is held whole.
pub(super) fn archive(
    own: &Own,
    make: &mut dyn FnMut(Part, &mut dyn Write) -> std::io::Result<()>,
) -> Result<Vec<u8>, String> {
    let shared = SHARED_ARCHIVE.as_ref().map_err(Clone::clone)?;
    let mut zip = ZipWriter::new(Cursor::new(Vec::with_capacity(16 * 1024)));
    let copied = ZipArchive::new(Cursor::new(shared.as_slice())).map_err(|e| e.to_string())?;
    zip.merge_archive(copied).map_err(|e| e.to_string())?;
    let add = |zip: &mut ZipWriter<_>, name: &str, xml: &str| {
        zip.start_file(name, options()).map_err(|e| e.to_string())?;
        write_part(zip, xml)
    };
    add(&mut zip, "xl/workbook.xml", &workbook(&own.filtered))?;
    let parts = (0..super::SHEETS.len())
        .map(|i| (format!("xl/worksheets/sheet{}.xml", i + 1), Part::Sheet(i)))
        .chain([("xl/sharedStrings.xml".to_string(), Part::SharedStrings)]);
    for (name, part) in parts {
        zip.start_file(name, options()).map_err(|e| e.to_string())?;
        make(part, &mut zip).map_err(|e| e.to_string())?;
    }
    add(
        &mut zip,
        "docProps/core.xml",
        &core(own.title, own.author, own.created),
    )?;
    add(&mut zip, "docProps/app.xml", &app(own.author))?;
    Ok(zip.finish().map_err(|e| e.to_string())?.into_inner())
}

/// `xl/workbook.xml`: the sheets, and the range each sheet's filter covers.
fn workbook(filtered: &[(usize, (usize, usize))]) -> String {
    let [vi, en, columns] = super::SHEETS;
    let mut x = format!(
        r#"<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><fileVersion appName="xl" lastEdited="4" lowestEdited="4" rupBuild="4505"/><workbookPr defaultThemeVersion="124226"/><bookViews><workbookView xWindow="240" yWindow="15" windowWidth="16095" windowHeight="9660"/></bookViews><sheets><sheet name="{vi}" sheetId="1" r:id="rId1"/><sheet name="{en}" sheetId="2" r:id="rId2"/><sheet name="{columns}" sheetId="3" r:id="rId3"/></sheets>"#
    );
    if !filtered.is_empty() {
        x.push_str("<definedNames>");
        for &(sheet, last) in filtered {
            // a sheet's name is quoted in a reference when it holds more than letters and digits
            let name = super::SHEETS[sheet];
            let quoted = if name.chars().all(char::is_alphanumeric) {
                name.to_string()
            } else {
                format!("'{name}'")
            };
            let (row, col) = last;
            x.push_str(&format!(
                r#"<definedName name="_xlnm._FilterDatabase" localSheetId="{sheet}" hidden="1">{quoted}!$A$1:${}${}</definedName>"#,
                column_name(col),
                row + 1
            ));
        }
        x.push_str("</definedNames>");
    }
    x.push_str(r#"<calcPr calcId="124519" fullCalcOnLoad="1"/></workbook>"#);
    x
}

/// `docProps/core.xml`: title, author, and as creation date the data's latest date.
fn core(title: &str, author: &str, created: Option<Date>) -> String {
    let date = created.map_or_else(|| "1980-01-01".to_string(), |d| d.iso());
    let mut x = String::from(
        r#"<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:dcmitype="http://purl.org/dc/dcmitype/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>"#,
    );
    escape(title, &mut x);
    x.push_str("</dc:title><dc:creator>");
    escape(author, &mut x);
    x.push_str("</dc:creator><cp:lastModifiedBy>");
    escape(author, &mut x);
    x.push_str(&format!(
        r#"</cp:lastModifiedBy><dcterms:created xsi:type="dcterms:W3CDTF">{date}T00:00:00Z</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">{date}T00:00:00Z</dcterms:modified></cp:coreProperties>"#
    ));
    x
}

/// `docProps/app.xml`: the sheets' names and the publishing body.
fn app(author: &str) -> String {
    let [vi, en, columns] = super::SHEETS;
    let mut x = format!(
        r#"<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes"><Application>Microsoft Excel</Application><DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><HeadingPairs><vt:vector size="2" baseType="variant"><vt:variant><vt:lpstr>Worksheets</vt:lpstr></vt:variant><vt:variant><vt:i4>3</vt:i4></vt:variant></vt:vector></HeadingPairs><TitlesOfParts><vt:vector size="3" baseType="lpstr"><vt:lpstr>{vi}</vt:lpstr><vt:lpstr>{en}</vt:lpstr><vt:lpstr>{columns}</vt:lpstr></vt:vector></TitlesOfParts><Company>"#
    );
    escape(author, &mut x);
    x.push_str("</Company><LinksUpToDate>false</LinksUpToDate><SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged><AppVersion>12.0000</AppVersion></Properties>");
    x
}
