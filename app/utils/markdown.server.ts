import markdownIt, { type MarkdownIt, type Token } from "markdown-it";
import sanitizeHtml from "sanitize-html";
import TurndownService from "turndown";

/**
 * Long texts written by organisers (speeches, the documentation's introduction, a conference's
 * description) are Markdown: a blank line starts a paragraph, "- " a list, [Text](https://…) a link.
 * Rendered on the server only (see docs/decisions/010-markdown-for-long-texts.md): markdown-it without
 * raw HTML, links only to http(s) and mailto (any other link keeps its text and loses the link),
 * headings shifted below the page's own, and sanitize-html as a second fence.
 */

const SAFE_HREF = /^(https?:\/\/|mailto:)/i;

function dropUnsafeLinks(tokens: Token[]) {
  for (const block of tokens) {
    if (block.type !== "inline" || !block.children) continue;
    let dropping = false;
    block.children = block.children.filter((token) => {
      if (token.type === "link_open") {
        dropping = !SAFE_HREF.test(String(token.attrGet("href") ?? ""));
        return !dropping;
      }
      if (token.type === "link_close" && dropping) {
        dropping = false;
        return false;
      }
      return true;
    });
  }
}

function createRenderer(topHeading: number) {
  const md = markdownIt("default", { html: false, linkify: true, typographer: false, breaks: false });
  // Every link is parsed (so a "javascript:" link is recognised as a link) and then checked below:
  // an unsafe one keeps only its text. Images are not part of these texts.
  md.validateLink = () => true;
  md.disable(["image"]);
  md.core.ruler.push("ikon_safe_links", (state) => {
    dropUnsafeLinks(state.tokens);
  });
  md.core.ruler.push("ikon_heading_levels", (state) => {
    for (const token of state.tokens) {
      if (token.type !== "heading_open" && token.type !== "heading_close") continue;
      const level = Number(token.tag.slice(1)) + topHeading - 1;
      token.tag = `h${Math.min(level, 6)}`;
    }
  });
  const linkOpen = md.renderer.rules.link_open;
  md.renderer.rules.link_open = (tokens, idx, options, env, self) => {
    tokens[idx]!.attrSet("rel", "noopener noreferrer");
    return linkOpen ? linkOpen(tokens, idx, options, env, self) : self.renderToken(tokens, idx, options);
  };
  return md;
}

const renderers = new Map<number, MarkdownIt>();

/** The second fence: whatever markdown-it produced, only these tags and http(s)/mailto links pass. */
function fence(html: string): string {
  return sanitizeHtml(html, {
    allowedTags: [
      "p",
      "br",
      "strong",
      "em",
      "ul",
      "ol",
      "li",
      "h3",
      "h4",
      "h5",
      "h6",
      "blockquote",
      "a",
      "code",
      "pre",
      "hr",
    ],
    allowedAttributes: { a: ["href", "rel"], ol: ["start"] },
    allowedSchemes: ["http", "https", "mailto"],
    allowProtocolRelative: false,
    disallowedTagsMode: "escape",
    transformTags: { a: sanitizeHtml.simpleTransform("a", { rel: "noopener noreferrer" }) },
  }).trim();
}

/**
 * Markdown → safe HTML. `topHeading` is the level a "# Heading" gets (the page has its h1 and the
 * section's h2/h3 above it); deeper ones follow, at most h6.
 */
export function renderMarkdown(markdown: string, options: { topHeading?: 3 | 4 | 5 } = {}): string {
  const top = options.topHeading ?? 4;
  let md = renderers.get(top);
  if (!md) {
    md = createRenderer(top);
    renderers.set(top, md);
  }
  return fence(md.render(markdown));
}

/**
 * HTML of the time before Markdown (the speeches' allowlist: p, br, strong/em, lists, h3/h4,
 * blockquote, links) → Markdown. An old h3 becomes "#", an h4 "##", so they keep their place below the
 * speech's title once rendered again.
 */
export function htmlToMarkdown(html: string): string {
  const turndown = new TurndownService({
    headingStyle: "atx",
    bulletListMarker: "-",
    emDelimiter: "*",
    strongDelimiter: "**",
    codeBlockStyle: "fenced",
  });
  turndown.addRule("shiftedHeadings", {
    filter: ["h3", "h4"],
    replacement: (content, node) => `\n\n${node.nodeName === "H3" ? "#" : "##"} ${content}\n\n`,
  });
  return turndown.turndown(html).trim();
}
