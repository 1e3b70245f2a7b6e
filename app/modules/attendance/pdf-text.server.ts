import reshaper from "arabic-persian-reshaper";
import bidiFactory from "bidi-js";
import type { PDFFont } from "pdf-lib";

// pdf-lib draws glyphs in the order given and does no shaping. Text in Arabic script is therefore
// shaped here (presentation forms, which DejaVu has) and put into visual order (Unicode bidi
// algorithm); such lines are aligned to the right.
const bidi = bidiFactory();
const RTL = /[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF]/;

export const isRtl = (text: string) => RTL.test(text);

/** Shaped, not yet reordered (widths are measured on this). */
function shaped(text: string): string {
  return isRtl(text) ? (reshaper.ArabicShaper.convertArabic(text) as string) : text;
}

/** The line in the order pdf-lib must draw it. */
function visual(line: string): string {
  if (!isRtl(line)) return line;
  const levels = bidi.getEmbeddingLevels(line);
  // Brackets mirror in right-to-left runs; indices are UTF-16 units, like bidi-js counts them.
  const mirrored = bidi.getMirroredCharactersMap(line, levels.levels);
  const chars = line.split("").map((c, i) => mirrored.get(i) ?? c);
  for (const [start = 0, end = 0] of bidi.getReorderSegments(line, levels)) {
    const part = chars.slice(start, end + 1).reverse();
    chars.splice(start, part.length, ...part);
  }
  return chars.join("");
}

/** Splits into lines of at most `width`; a word longer than a line is broken between letters. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const lines: string[] = [];
  let line = "";
  for (let word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (fits(next)) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = "";
    while (!fits(word)) {
      // The longest start of the word that fits (at least one letter).
      let lo = 1;
      let hi = word.length - 1;
      while (lo < hi) {
        const mid = Math.ceil((lo + hi) / 2);
        if (fits(word.slice(0, mid))) lo = mid;
        else hi = mid - 1;
      }
      lines.push(word.slice(0, lo));
      word = word.slice(lo);
    }
    line = word;
  }
  if (line) lines.push(line);
  return lines;
}

export type Fitted = { lines: string[]; size: number; rtl: boolean };

/**
 * The whole text in the box: one line, shrinking from `max` to `min`; if it still does not fit,
 * up to `maxLines` lines, shrinking further down to `floor`. Nothing is cut.
 */
export function fitText(
  text: string,
  font: PDFFont,
  opts: { width: number; max: number; min: number; floor: number; maxLines: number },
): Fitted {
  const s = shaped(text.trim());
  const done = (lines: string[], size: number): Fitted => ({ lines: lines.map(visual), size, rtl: isRtl(text) });
  for (let size = opts.max; size >= opts.min; size -= 0.5)
    if (font.widthOfTextAtSize(s, size) <= opts.width) return done([s], size);
  for (let size = opts.min; size >= opts.floor; size -= 0.5) {
    const lines = wrap(s, font, size, opts.width);
    if (lines.length <= opts.maxLines) return done(lines, size);
  }
  return done(wrap(s, font, opts.floor, opts.width), opts.floor);
}

/** At most `maxLines` lines at `size`; a cut text ends with an ellipsis. */
export function clampText(
  text: string,
  font: PDFFont,
  opts: { width: number; size: number; maxLines: number },
): Fitted {
  const s = shaped(text.trim());
  const lines = wrap(s, font, opts.size, opts.width);
  if (lines.length > opts.maxLines) {
    let last = lines[opts.maxLines - 1]!;
    while (last && font.widthOfTextAtSize(`${last}…`, opts.size) > opts.width) last = last.slice(0, -1).trimEnd();
    lines.splice(opts.maxLines - 1, Infinity, `${last}…`);
  }
  return { lines: lines.map(visual), size: opts.size, rtl: isRtl(text) };
}
