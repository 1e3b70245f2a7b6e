import { renderMarkdown } from "~/utils/markdown.server";

/** The conference description as the public page will show it (Markdown), for the form's "Vorschau". */
export function previewConferenceDescription(markdown: string): { html: string } | { error: "errors.tooLong" } {
  if (markdown.length > 5000) return { error: "errors.tooLong" };
  return { html: renderConferenceDescription(markdown) };
}

/** The description's one rendering (public page and preview): below the page's h1, headings start at h3. */
export function renderConferenceDescription(markdown: string): string {
  return renderMarkdown(markdown, { topHeading: 3 });
}
