import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { db } from "~/db/client.server";
import { conferences, registrations } from "~/db/schema";
import anyAscii from "any-ascii";
import { env } from "~/utils/env.server";
import { formatDate, formatTime, TIME_ZONE } from "~/utils/time";
import { checkinUrl } from "./checkin.server";
import { clampText, fitText, type Fitted } from "./pdf-text.server";
import { qrPng } from "./qr.server";

// DejaVu covers Latin with Turkish, Cyrillic, Greek and Arabic: names print as people write them
// (Arabic shaped and ordered in pdf-text.server.ts).
const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
function fontBytes() {
  fonts ??= {
    regular: readFileSync(path.join(fontDir, "DejaVuSans.ttf")),
    bold: readFileSync(path.join(fontDir, "DejaVuSans-Bold.ttf")),
  };
  return fonts;
}

async function newDocument(title: string) {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(title);
  doc.setLanguage("de-DE");
  doc.setProducer("ikon");
  doc.setCreator("ikon – Integrationskonferenz");
  const regular = await doc.embedFont(fontBytes().regular, { subset: true });
  const bold = await doc.embedFont(fontBytes().bold, { subset: true });
  return { doc, regular, bold };
}

const MM = 72 / 25.4;
const A4 = { w: 210 * MM, h: 297 * MM };
const INK = rgb(0.1, 0.1, 0.1);
const BRAND = rgb(0, 0.31, 0.49);

/** Splits text into lines that fit `width` at `size`. */
function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) > width && line) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

function centred(
  page: PDFPage,
  text: string,
  font: PDFFont,
  size: number,
  y: number,
  x0: number,
  width: number,
  color = INK,
) {
  for (const [i, line] of wrap(text, font, size, width).entries()) {
    page.drawText(line, {
      x: x0 + (width - font.widthOfTextAtSize(line, size)) / 2,
      y: y - i * size * 1.3,
      size,
      font,
      color,
    });
  }
}

type Conf = typeof conferences.$inferSelect;
type Person = { firstName: string; lastName: string; organisation: string };
export type Issuer = { name: string; function: string };

export async function certificatePdf(
  conference: Conf,
  person: Person,
  opts: { issuer?: Issuer; issuedAt?: Date } = {},
): Promise<Uint8Array> {
  const name = `${person.firstName} ${person.lastName}`.trim();
  const { doc, regular, bold } = await newDocument(`Teilnahmebescheinigung – ${name}`);
  const issuer = opts.issuer ?? { name: env.CERTIFICATE_ISSUER_NAME ?? "", function: env.CERTIFICATE_ISSUER_FUNCTION };
  drawCertificate(doc.addPage([A4.w, A4.h]), conference, person, {
    regular,
    bold,
    issuer,
    issuedAt: opts.issuedAt ?? new Date(),
  });
  return doc.save();
}

/** "6,5 Stunden" / "45 Minuten": the conference's length as printed on the certificate. */
export function durationText(startsAt: Date, endsAt: Date): string {
  const minutes = Math.round((endsAt.getTime() - startsAt.getTime()) / 60_000);
  if (minutes < 60) return `${minutes} Minuten`;
  const hours = new Intl.NumberFormat("de-DE", { maximumFractionDigits: 2 }).format(minutes / 60);
  return `${hours} ${minutes === 60 ? "Stunde" : "Stunden"}`;
}

function drawCertificate(
  page: PDFPage,
  conference: Conf,
  person: Person,
  o: { regular: PDFFont; bold: PDFFont; issuer: Issuer; issuedAt: Date },
) {
  const { regular, bold } = o;
  const margin = 25 * MM;
  const width = A4.w - 2 * margin;
  page.drawRectangle({ x: 0, y: A4.h - 18 * MM, width: A4.w, height: 18 * MM, color: BRAND });
  page.drawText("Stadt Bottrop · Referat Migration – Kommunales Integrationszentrum", {
    x: margin,
    y: A4.h - 11 * MM,
    size: 10,
    font: regular,
    color: rgb(1, 1, 1),
  });
  centred(page, "Teilnahmebescheinigung", bold, 28, A4.h - 70 * MM, margin, width, BRAND);
  drawFitted(
    page,
    fitText(`${person.firstName} ${person.lastName}`, bold, { width, max: 22, min: 14, floor: 10, maxLines: 2 }),
    bold,
    { x: margin, y: A4.h - 100 * MM, width, align: "centre" },
  );
  if (person.organisation) centred(page, person.organisation, regular, 13, A4.h - 114 * MM, margin, width);
  centred(page, "hat an der folgenden Veranstaltung teilgenommen:", regular, 13, A4.h - 135 * MM, margin, width);
  centred(page, conference.title, bold, 16, A4.h - 150 * MM, margin, width);
  const time = `${formatTime(conference.startsAt, "de")}–${formatTime(conference.endsAt, "de")} Uhr`;
  centred(
    page,
    `${formatDate(conference.startsAt, "de")}, ${time} (Dauer: ${durationText(conference.startsAt, conference.endsAt)})`,
    regular,
    12,
    A4.h - 168 * MM,
    margin,
    width,
  );
  centred(page, `${conference.venueName}, ${conference.venueAddress}`, regular, 12, A4.h - 176 * MM, margin, width);
  page.drawText(
    `Bottrop, ${new Intl.DateTimeFormat("de-DE", { dateStyle: "long", timeZone: TIME_ZONE }).format(o.issuedAt)}`,
    { x: margin, y: 75 * MM, size: 11, font: regular, color: INK },
  );
  page.drawLine({
    start: { x: A4.w / 2 - 40 * MM, y: 60 * MM },
    end: { x: A4.w / 2 + 40 * MM, y: 60 * MM },
    thickness: 0.8,
    color: INK,
  });
  const signature = [o.issuer.name, o.issuer.function].filter(Boolean);
  signature.forEach((line, i) =>
    centred(page, line, i === 0 && o.issuer.name ? bold : regular, 11, 54 * MM - i * 6 * MM, margin, width),
  );
}

/** Draws fitted lines from the top line's baseline `y` down; right-to-left lines align to the right. */
function drawFitted(
  page: PDFPage,
  f: Fitted,
  font: PDFFont,
  box: { x: number; y: number; width: number; align?: "start" | "centre" },
  color = INK,
) {
  f.lines.forEach((line, i) => {
    const w = font.widthOfTextAtSize(line, f.size);
    const x = box.align === "centre" ? box.x + (box.width - w) / 2 : f.rtl ? box.x + box.width - w : box.x;
    page.drawText(line, { x, y: box.y - i * f.size * 1.2, size: f.size, font, color });
  });
}

/** Certificates of everyone who was checked in, one PDF each (organisers download them as a ZIP). */
export async function attendeesForCertificates(conferenceId: string) {
  return db
    .select({
      id: registrations.id,
      firstName: registrations.firstName,
      lastName: registrations.lastName,
      organisation: registrations.organisation,
    })
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conferenceId), isNotNull(registrations.checkedInAt)))
    .orderBy(asc(registrations.lastName), asc(registrations.firstName));
}

/** A file name that is safe everywhere: the text transliterated (any-ascii: Yılmaz → Yilmaz, Großer → Grosser, سلمى → slmy), letters, digits, dashes. */
export function safeFileName(text: string): string {
  return (
    anyAscii(text.normalize("NFC"))
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "teilnahme"
  );
}

/**
 * Name badges, A4 with 8 per page (2 × 4, 105 × 74 mm), each with the check-in QR code and the
 * day code (for questions and voting). The name is printed whole: it shrinks, then wraps to two
 * lines (fitText); the organisation takes two lines at most and ends with "…" when cut.
 */
export async function badgesPdf(conference: Conf): Promise<Uint8Array> {
  const people = await db
    .select({
      id: registrations.id,
      firstName: registrations.firstName,
      lastName: registrations.lastName,
      organisation: registrations.organisation,
    })
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conference.id), eq(registrations.status, "confirmed")))
    .orderBy(asc(registrations.lastName), asc(registrations.firstName));
  const { doc, regular, bold } = await newDocument(`Namensschilder – ${conference.title}`);
  const w = 105 * MM;
  const h = 74 * MM;
  const pad = 6 * MM;
  const qrSize = 26 * MM;
  let page: PDFPage | undefined;
  for (const [i, person] of people.entries()) {
    if (i % 8 === 0) page = doc.addPage([A4.w, A4.h]);
    const col = i % 2;
    const row = Math.floor((i % 8) / 2);
    const x = col * w;
    const y = A4.h - (row + 1) * h - (A4.h - 4 * h) / 2;
    page!.drawRectangle({ x, y, width: w, height: h, borderColor: rgb(0.7, 0.7, 0.7), borderWidth: 0.5 });
    drawFitted(
      page!,
      clampText(conference.title, regular, { width: w - 2 * pad, size: 8, maxLines: 1 }),
      regular,
      { x: x + pad, y: y + h - 9 * MM, width: w - 2 * pad },
      BRAND,
    );
    // The name: the full width between the title and the QR code.
    const name = fitText(`${person.firstName} ${person.lastName}`, bold, {
      width: w - 2 * pad,
      max: 20,
      min: 13,
      floor: 7,
      maxLines: 2,
    });
    const nameTop = y + h - 20 * MM + (name.lines.length === 1 ? -3 * MM : 0);
    drawFitted(page!, name, bold, { x: x + pad, y: nameTop, width: w - 2 * pad });
    // Beside the QR code: the organisation and the day code.
    const side = w - 2 * pad - qrSize - 3 * MM;
    drawFitted(page!, clampText(person.organisation, regular, { width: side, size: 10, maxLines: 2 }), regular, {
      x: x + pad,
      y: y + 24 * MM,
      width: side,
    });
    if (conference.dayCode)
      page!.drawText(`Tagescode: ${conference.dayCode}`, {
        x: x + pad,
        y: y + pad + 1 * MM,
        size: 9,
        font: bold,
        color: BRAND,
      });
    const qr = await doc.embedPng(await qrPng(checkinUrl(conference.year, person.id)));
    page!.drawImage(qr, { x: x + w - pad - qrSize, y: y + 4 * MM, width: qrSize, height: qrSize });
  }
  if (people.length === 0) doc.addPage([A4.w, A4.h]);
  return doc.save();
}

export async function getConferenceByYear(year: number) {
  const [c] = await db.select().from(conferences).where(eq(conferences.year, year));
  return c ?? null;
}
