import anyAscii from "any-ascii";

/**
 * Name search that ignores case, diacritics and script: both the stored names and what staff
 * type are folded the same way. German umlauts have two spellings (Schäfer = Schafer = Schaefer),
 * so a text folds to up to two variants; a query matches when one of its variants is contained in
 * one of the text's. Other scripts (Arabic, Cyrillic, Turkish ı …) are transliterated by any-ascii.
 */
export function foldVariants(text: string): string[] {
  const lower = text.normalize("NFC").toLowerCase();
  const expanded = lower.replace(/ä/g, "ae").replace(/ö/g, "oe").replace(/ü/g, "ue");
  const contracted = fold(expanded).replace(/ae/g, "a").replace(/oe/g, "o").replace(/ue/g, "u");
  const variants = new Set([fold(lower), fold(expanded), contracted]);
  return [...variants].filter((v) => v !== "");
}

function fold(text: string): string {
  const bare = text.normalize("NFKD").replace(/\p{M}/gu, "");
  return anyAscii(bare)
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

/** True when every word of the query is found in one of the fields (in any of their spellings). */
export function matchesQuery(query: string, fields: string[]): boolean {
  const words = query.split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fields.flatMap(foldVariants).join(" | ");
  return words.every((word) => {
    const variants = foldVariants(word);
    return variants.length === 0 || variants.some((v) => haystack.includes(v));
  });
}
