/**
 * Numbers as organisers type them and statistics offices export them: "12,5" and "12.5",
 * "1.234,5" (German thousands) and "1,234.5" (English), a leading minus (also "−"), spaces.
 * Pure: the value table and the import use it.
 */

/** What counts as "no value" in a cell: empty, or the dash/dot statistics tables put there. */
const NO_VALUE = new Set(["", "-", "–", "—", ".", "…", "..."]);

export type ParsedNumber = { ok: true; value: number | null } | { ok: false };

export function parseDecimal(input: string): ParsedNumber {
  const text = input.replace(/[\s\u00a0\u202f]/g, "").replace(/^\u2212/, "-");
  if (NO_VALUE.has(text)) return { ok: true, value: null };
  const m = /^([+-]?)([\d.,]+)$/.exec(text);
  if (!m) return { ok: false };
  const [, sign, body] = m as unknown as [string, string, string];
  const lastComma = body.lastIndexOf(",");
  const lastPoint = body.lastIndexOf(".");
  let digits: string;
  if (lastComma >= 0 && lastPoint >= 0) {
    // Both: the later one is the decimal mark, the other groups thousands (in threes).
    const [thousands, decimal] = lastComma > lastPoint ? [".", ","] : [",", "."];
    const [whole, fraction, ...rest] = body.split(decimal);
    if (rest.length || !fraction || !grouped(whole!, thousands)) return { ok: false };
    digits = `${whole!.split(thousands).join("")}.${fraction}`;
  } else if (lastComma >= 0 || lastPoint >= 0) {
    const mark = lastComma >= 0 ? "," : ".";
    const parts = body.split(mark);
    if (parts.length === 2) digits = `${parts[0]}.${parts[1]}`;
    // Several of one mark only as thousands: 1.234.567
    else if (grouped(body, mark)) digits = parts.join("");
    else return { ok: false };
  } else digits = body;
  if (!/^\d*\.?\d+$|^\d+\.?\d*$/.test(digits)) return { ok: false };
  const value = Number(`${sign}${digits}`);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false };
}

function grouped(whole: string, mark: string): boolean {
  return new RegExp(`^\\d{1,3}(\\${mark}\\d{3})*$`).test(whole);
}

/** A stored value in an input field: as given (never in exponent notation), with the language's decimal mark. */
export function valueForInput(value: number, locale: string): string {
  const text = value.toLocaleString("en-US", { useGrouping: false, maximumFractionDigits: 20 });
  return locale === "de" ? text.replace(".", ",") : text;
}
