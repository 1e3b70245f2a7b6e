import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

// Every page's document title comes from the catalogue (de, en, ar), through pageTitle/metaT in
// the route's `meta`: no German literal that English and Arabic pages would show as well.
const pages = [
  "app/root.tsx",
  ...readdirSync("app/routes")
    .filter((f) => f.endsWith(".tsx"))
    .map((f) => `app/routes/${f}`),
].filter((file) => {
  const source = readFileSync(file, "utf8");
  // Pages render something; layouts (an <Outlet/>) leave the title to their children.
  return /export default function/.test(source) && !/<Outlet\b/.test(source);
});

/** The source of the route's `export const meta …` statement. */
function metaOf(source: string): string | undefined {
  const start = source.indexOf("export const meta");
  if (start < 0) return undefined;
  const rest = source.slice(start);
  const end = rest.search(/\n[}\]];?\n|\];\n/);
  return end < 0 ? rest : rest.slice(0, end + 3);
}

// Strings a meta may contain besides catalogue keys: attribute names and values that are no text.
const NOT_TEXT = new Set(["", "robots", "noindex", "referrer", "same-origin", "description", "admin", "site"]);

describe("page titles", () => {
  it("finds the pages", () => {
    expect(pages.length).toBeGreaterThan(50);
  });

  it.each(pages)("%s takes its title from the catalogue", (file) => {
    const meta = metaOf(readFileSync(file, "utf8"));
    expect(meta, `${file} has no meta export`).toBeDefined();
    expect(meta).toMatch(/pageTitle\(|metaT\(/);
    const literals = [...meta!.matchAll(/"([^"]*)"/g)].map((m) => m[1]!);
    const text = literals.filter((l) => !NOT_TEXT.has(l) && !/^[a-z][a-zA-Z0-9]*(\.[a-zA-Z0-9]+)+$/.test(l));
    expect(text, "text in a meta export belongs in the catalogue").toEqual([]);
    // Template literals may only join catalogue texts and data, never carry words of their own.
    for (const template of meta!.matchAll(/`([^`]*)`/g)) {
      let words = template[1]!;
      while (/\{[^{}]*\}/.test(words)) words = words.replace(/\{[^{}]*\}/g, "");
      words = words.replace(/[$\s:–\-.]/g, "");
      expect(words, `${file}: ${template[0]}`).toBe("");
    }
  });
});
