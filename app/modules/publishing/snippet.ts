/** Markers for highlighted words in snippets (private-use characters, removed from the source text first). */
export const MARK_START = "\uE000";
export const MARK_END = "\uE001";

/** Splits a snippet into plain text and highlighted parts (rendered as <mark>, never as HTML). */
export function snippetParts(snippet: string): { text: string; mark: boolean }[] {
  const parts: { text: string; mark: boolean }[] = [];
  const re = new RegExp(`${MARK_START}([^${MARK_END}]*)${MARK_END}`, "g");
  let last = 0;
  for (const m of snippet.matchAll(re)) {
    if (m.index > last) parts.push({ text: snippet.slice(last, m.index), mark: false });
    parts.push({ text: m[1] ?? "", mark: true });
    last = m.index + m[0].length;
  }
  if (last < snippet.length) parts.push({ text: snippet.slice(last), mark: false });
  return parts.map((p) => ({ ...p, text: p.text.replace(/[\uE000\uE001]/g, "") }));
}
