/** Addresses made from titles. */

/** "Integrationsbericht 2019: Bildung" → "integrationsbericht-2019-bildung" (umlauts spelled out). */
export function slugify(value: string, fallback: string): string {
  const base = value
    .toLowerCase()
    .replace(/ä/g, "ae")
    .replace(/ö/g, "oe")
    .replace(/ü/g, "ue")
    .replace(/ß/g, "ss")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80)
    .replace(/-+$/g, "");
  return base || fallback;
}
