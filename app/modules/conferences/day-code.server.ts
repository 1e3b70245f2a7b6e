import { and, eq, ne, sql } from "drizzle-orm";
import QRCode from "qrcode";
import { db } from "~/db/client.server";
import { conferences } from "~/db/schema";
import { DAY_CODE_PATTERN, normaliseDayCode } from "./day-code";

export { DAY_CODE_PATTERN, normaliseDayCode };

// No 0/O, 1/I/L, 2/Z, 5/S, 8/B: easy to read from a projector and to type on a phone.
const CODE_ALPHABET = "ACDEFGHJKMNPQRTUVWXY34679";

/** Gives a conference a new random day code (the old one stops working at once), or the given one. */
export async function generateDayCode(conferenceId: string, fixed?: string): Promise<string> {
  for (let attempt = 0; attempt < 10; attempt++) {
    let code = fixed ? normaliseDayCode(fixed) : "";
    if (!code) {
      const bytes = new Uint8Array(6);
      crypto.getRandomValues(bytes);
      code = Array.from(bytes, (b) => CODE_ALPHABET[b % CODE_ALPHABET.length]).join("");
    }
    if (!DAY_CODE_PATTERN.test(code)) throw new Error("invalid day code");
    const [taken] = await db
      .select({ id: conferences.id })
      .from(conferences)
      .where(and(eq(conferences.dayCode, code), ne(conferences.id, conferenceId)));
    if (taken) {
      if (fixed) throw new Error("day code taken");
      continue;
    }
    await db.update(conferences).set({ dayCode: code }).where(eq(conferences.id, conferenceId));
    return code;
  }
  throw new Error("no free day code");
}

/**
 * The (non-draft) conference a typed day code opens, or null. Stored codes are compared
 * normalised as well (a code set by hand may contain a dash).
 */
export async function findConferenceByDayCode(raw: string) {
  const code = normaliseDayCode(raw);
  if (!DAY_CODE_PATTERN.test(code)) return null;
  const [row] = await db
    .select({ id: conferences.id, year: conferences.year, title: conferences.title, dayCode: conferences.dayCode })
    .from(conferences)
    .where(and(sql`upper(replace(${conferences.dayCode}, '-', '')) = ${code}`, ne(conferences.status, "draft")));
  return row ?? null;
}

export async function getConferenceDayCode(conferenceId: string): Promise<string | null> {
  const [row] = await db
    .select({ dayCode: conferences.dayCode })
    .from(conferences)
    .where(eq(conferences.id, conferenceId));
  return row?.dayCode ?? null;
}

/** A QR code (e.g. of a day code's link) as an SVG data URL (no request to anyone; the CSP allows data: images). */
export async function qrDataUrl(url: string): Promise<string> {
  const svg = await QRCode.toString(url, {
    type: "svg",
    errorCorrectionLevel: "M",
    margin: 2,
    color: { dark: "#000000", light: "#ffffff" },
  });
  return `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
}
