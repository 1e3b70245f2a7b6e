import { describe, expect, it } from "vitest";
import { htmlToMarkdown, renderMarkdown } from "./markdown.server";

describe("renderMarkdown", () => {
  it("turns pasted text with blank lines into paragraphs", () => {
    const html = renderMarkdown("Liebe Gäste,\nwillkommen.\n\nZweiter Absatz.\r\n\r\nDritter.");
    expect(html).toBe("<p>Liebe Gäste,\nwillkommen.</p>\n<p>Zweiter Absatz.</p>\n<p>Dritter.</p>");
  });

  it("renders lists and links, bare addresses too", () => {
    const html = renderMarkdown(
      "- eins\n- zwei\n\n[Programm](https://example.org/p) und https://example.org/a?b=1 und info@example.org",
    );
    expect(html).toContain("<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>");
    expect(html).toContain('<a href="https://example.org/p" rel="noopener noreferrer">Programm</a>');
    expect(html).toContain(
      '<a href="https://example.org/a?b=1" rel="noopener noreferrer">https://example.org/a?b=1</a>',
    );
    expect(html).toContain('<a href="mailto:info@example.org" rel="noopener noreferrer">info@example.org</a>');
  });

  it("keeps only the text of a javascript: or relative link", () => {
    const html = renderMarkdown("[Klick](javascript:alert(1)) und [Daten](data:text/html,x) und [Seite](/x)");
    expect(html).toBe("<p>Klick und Daten und Seite</p>");
    expect(html).not.toContain("<a");
  });

  it("escapes raw HTML such as <script>", () => {
    const html = renderMarkdown('<script>alert(1)</script>\n\n<p onclick="x">Hallo</p>');
    expect(html).not.toContain("<script");
    expect(html).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(html).not.toContain("<p onclick");
  });

  it("shifts headings below the page's own", () => {
    expect(renderMarkdown("# Titel\n\n## Unter\n\n#### Tief")).toBe("<h4>Titel</h4>\n<h5>Unter</h5>\n<h6>Tief</h6>");
    expect(renderMarkdown("# Titel", { topHeading: 3 })).toBe("<h3>Titel</h3>");
  });
});

describe("htmlToMarkdown", () => {
  it("turns the speeches' old HTML into Markdown that renders to the same structure", () => {
    const old =
      '<h3>Begrüßung</h3><p>Liebe <strong>Gäste</strong>,</p><p>mehr unter <a href="https://example.org" rel="noopener noreferrer">example.org</a>.</p><ul><li>eins</li><li>zwei</li></ul>';
    const markdown = htmlToMarkdown(old);
    expect(markdown).toBe(
      "# Begrüßung\n\nLiebe **Gäste**,\n\nmehr unter [example.org](https://example.org).\n\n-   eins\n-   zwei",
    );
    expect(renderMarkdown(markdown)).toBe(
      '<h4>Begrüßung</h4>\n<p>Liebe <strong>Gäste</strong>,</p>\n<p>mehr unter <a href="https://example.org" rel="noopener noreferrer">example.org</a>.</p>\n<ul>\n<li>eins</li>\n<li>zwei</li>\n</ul>',
    );
  });
});
