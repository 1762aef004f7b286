//! The OpenDocument text (`.odt`) writer: a small writer of the package over `zip`, as no
//! maintained crate writes OpenDocument text (see docs/exports.md). The marking is in the
//! header and footer of the master page (so on every page), the footer numbers the pages,
//! the authority is a letterhead line, tables are `table:table` with a header row. The
//! `mimetype` entry comes first, stored; no date is written (`meta.xml` holds none).

use super::doc::{Block, Cell, Document};
use super::package::Package;

const OFFICE_NS: &str = concat!(
    r#"xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" "#,
    r#"xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" "#,
    r#"xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" "#,
    r#"xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" "#,
    r#"xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" "#,
    r#"xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" "#,
    r#"xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3""#
);

/// Escapes text for XML; characters XML 1.0 cannot hold become visible marks.
pub fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in crate::text::visible_multiline(text).chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' => out.push(' '),
            '\r' => {}
            c if (c as u32) < 0x20 && c != '\n' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

/// Text with line breaks as `text:line-break`.
fn lines(text: &str) -> String {
    xml(text.trim()).replace('\n', "<text:line-break/>")
}

/// The document as an `.odt` package.
pub fn write(doc: &Document) -> Result<Vec<u8>, String> {
    let mut p = Package::new();
    p.add("mimetype", b"application/vnd.oasis.opendocument.text", true)?;
    p.add("META-INF/manifest.xml", MANIFEST.as_bytes(), false)?;
    p.add("meta.xml", meta(doc).as_bytes(), false)?;
    p.add("styles.xml", styles(doc).as_bytes(), false)?;
    p.add("content.xml", content(doc).as_bytes(), false)?;
    p.finish()
}

const MANIFEST: &str = r#"<?xml version="1.0" encoding="UTF-8"?>
<manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3">
 <manifest:file-entry manifest:full-path="/" manifest:media-type="application/vnd.oasis.opendocument.text"/>
 <manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="styles.xml" manifest:media-type="text/xml"/>
 <manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/>
</manifest:manifest>
"#;

fn meta(doc: &Document) -> String {
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-meta {OFFICE_NS}><office:meta><meta:generator>cellule</meta:generator><dc:title>{}</dc:title><dc:language>{}</dc:language></office:meta></office:document-meta>
"#,
        xml(&doc.title),
        xml(&doc.lang_code)
    )
}

fn styles(doc: &Document) -> String {
    let marking = xml(&doc.marking);
    format!(
        r#"<?xml version="1.0" encoding="UTF-8"?>
<office:document-styles {OFFICE_NS}>
<office:font-face-decls><style:font-face style:name="Liberation Sans" svg:font-family="'Liberation Sans'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:styles>
<style:default-style style:family="paragraph"><style:paragraph-properties fo:margin-bottom="0.18cm"/><style:text-properties style:font-name="Liberation Sans" fo:font-size="11pt" fo:language="{lang}"/></style:default-style>
<style:style style:name="Standard" style:family="paragraph"/>
<style:style style:name="Title" style:family="paragraph"><style:paragraph-properties fo:margin-top="0.3cm" fo:margin-bottom="0.3cm"/><style:text-properties fo:font-size="16pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_2" style:display-name="Heading 2" style:family="paragraph" style:default-outline-level="2"><style:paragraph-properties fo:margin-top="0.4cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="14pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_3" style:display-name="Heading 3" style:family="paragraph" style:default-outline-level="3"><style:paragraph-properties fo:margin-top="0.3cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="12pt" fo:font-weight="bold"/></style:style>
<style:style style:name="Heading_20_4" style:display-name="Heading 4" style:family="paragraph" style:default-outline-level="4"><style:paragraph-properties fo:margin-top="0.2cm" fo:keep-with-next="always"/><style:text-properties fo:font-size="11pt" fo:font-weight="bold" fo:font-style="italic"/></style:style>
<style:style style:name="Marking" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-weight="bold"/></style:style>
<style:style style:name="Footer" style:family="paragraph"><style:paragraph-properties fo:text-align="center"/><style:text-properties fo:font-size="9pt"/></style:style>
<style:style style:name="Strong" style:family="text"><style:text-properties fo:font-weight="bold"/></style:style>
</office:styles>
<office:automatic-styles>
<style:page-layout style:name="Page"><style:page-layout-properties fo:page-width="21cm" fo:page-height="29.7cm" fo:margin-top="1.5cm" fo:margin-bottom="1.5cm" fo:margin-left="2cm" fo:margin-right="2cm"/><style:header-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-bottom="0.4cm"/></style:header-style><style:footer-style><style:header-footer-properties fo:min-height="0.6cm" fo:margin-top="0.4cm"/></style:footer-style></style:page-layout>
</office:automatic-styles>
<office:master-styles>
<style:master-page style:name="Standard" style:page-layout-name="Page">
<style:header><text:p text:style-name="Marking">{marking}</text:p></style:header>
<style:footer><text:p text:style-name="Footer">{marking} — {page} <text:page-number text:select-page="current">1</text:page-number></text:p></style:footer>
</style:master-page>
</office:master-styles>
</office:document-styles>
"#,
        lang = xml(&doc.lang_code),
        page = xml(&doc.page_word),
    )
}

fn content(doc: &Document) -> String {
    let mut body = String::new();
    if let Some(head) = doc.letterhead.as_deref() {
        body.push_str(&format!(
            r#"<text:p text:style-name="Letterhead">{}</text:p>"#,
            lines(head)
        ));
    }
    body.push_str(&format!(
        r#"<text:p text:style-name="Title">{}</text:p><text:p text:style-name="Marking">{}</text:p>"#,
        xml(&doc.title),
        xml(&doc.marking)
    ));
    let mut tables = 0;
    // The width of each table's columns (automatic styles), fitted to their content.
    let mut columns = String::new();
    for block in &doc.blocks {
        match block {
            Block::Heading(level, text) => body.push_str(&format!(
                r#"<text:h text:style-name="Heading_20_{level}" text:outline-level="{level}">{}</text:h>"#,
                xml(text)
            )),
            Block::Para(text) => body.push_str(&format!("<text:p>{}</text:p>", lines(text))),
            Block::Field { label, text } => body.push_str(&format!(
                r#"<text:p><text:span text:style-name="Strong">{}</text:span> {}</text:p>"#,
                xml(label),
                lines(text)
            )),
            Block::List { items, numbered } => {
                for (i, item) in items.iter().enumerate() {
                    let mark = if *numbered {
                        format!("{}. ", i + 1)
                    } else {
                        "– ".to_string()
                    };
                    body.push_str(&format!(
                        r#"<text:p text:style-name="Item">{mark}{}</text:p>"#,
                        xml(item)
                    ));
                }
            }
            Block::Table { header, rows } => {
                tables += 1;
                body.push_str(&table(tables, header, rows));
                for (i, w) in super::doc::column_widths(header, rows).iter().enumerate() {
                    // Thousandths of the 17 cm of the table, in hundredths of a millimetre.
                    let hundredths = 17_000 * w / 1000;
                    columns.push_str(&format!(
                        r#"<style:style style:name="Tableau{tables}.C{i}" style:family="table-column"><style:table-column-properties style:column-width="{}.{:02}mm"/></style:style>"#,
                        hundredths / 100,
                        hundredths % 100
                    ));
                }
            }
        }
    }
    format!(
        r##"<?xml version="1.0" encoding="UTF-8"?>
<office:document-content {OFFICE_NS}>
<office:automatic-styles>
<style:style style:name="Letterhead" style:family="paragraph" style:parent-style-name="Standard"><style:text-properties fo:font-weight="bold" fo:text-transform="uppercase"/></style:style>
<style:style style:name="Item" style:family="paragraph" style:parent-style-name="Standard"><style:paragraph-properties fo:margin-left="0.6cm" fo:margin-bottom="0.05cm"/></style:style>
<style:style style:name="Grid" style:family="table"><style:table-properties style:width="17cm" table:align="margins" fo:margin-bottom="0.3cm"/></style:style>
<style:style style:name="Cell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000"/></style:style>
<style:style style:name="HeadCell" style:family="table-cell"><style:table-cell-properties fo:padding="0.08cm" fo:border="0.5pt solid #000000" fo:background-color="#d9d9d9"/></style:style>
{columns}</office:automatic-styles>
<office:body><office:text>{body}</office:text></office:body>
</office:document-content>
"##
    )
}

fn table(n: usize, header: &[String], rows: &[Vec<Cell>]) -> String {
    let mut out = format!(r#"<table:table table:name="Tableau{n}" table:style-name="Grid">"#);
    for i in 0..header.len() {
        out.push_str(&format!(
            r#"<table:table-column table:style-name="Tableau{n}.C{i}"/>"#
        ));
    }
    out.push_str("<table:table-header-rows><table:table-row>");
    let width = header.len();
    for h in header {
        out.push_str(&format!(
            r#"<table:table-cell table:style-name="HeadCell" office:value-type="string"><text:p><text:span text:style-name="Strong">{}</text:span></text:p></table:table-cell>"#,
            lines(h)
        ));
    }
    out.push_str("</table:table-row></table:table-header-rows>");
    for row in rows {
        out.push_str("<table:table-row>");
        for i in 0..width {
            let cell = row.get(i).cloned().unwrap_or_default();
            let text = if cell.strong {
                format!(
                    r#"<text:span text:style-name="Strong">{}</text:span>"#,
                    lines(&cell.text)
                )
            } else {
                lines(&cell.text)
            };
            out.push_str(&format!(
                r#"<table:table-cell table:style-name="Cell" office:value-type="string"><text:p>{text}</text:p></table:table-cell>"#
            ));
        }
        out.push_str("</table:table-row>");
    }
    out.push_str("</table:table>");
    out
}
