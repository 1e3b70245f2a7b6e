import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import { and, asc, eq, isNotNull } from "drizzle-orm";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { db } from "~/db/client.server";
import { conferences, registrations } from "~/db/schema";
import { formatDate } from "~/utils/time";
import { checkinUrl } from "./checkin.server";
import { qrPng } from "./qr.server";

// DejaVu covers Latin with Turkish, Cyrillic and Greek: names print as people write them.
// (pdf-lib does no Arabic shaping: Arabic script prints as separate letters — see README.)
const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");
let fonts: { regular: Uint8Array; bold: Uint8Array } | undefined;
function fontBytes() {
  fonts ??= { regular: readFileSync(path.join(fontDir, "DejaVuSans.ttf")), bold: readFileSync(path.join(fontDir, "DejaVuSans-Bold.ttf")) };
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

function centred(page: PDFPage, text: string, font: PDFFont, size: number, y: number, x0: number, width: number, color = INK) {
  for (const [i, line] of wrap(text, font, size, width).entries()) {
    page.drawText(line, { x: x0 + (width - font.widthOfTextAtSize(line, size)) / 2, y: y - i * size * 1.3, size, font, color });
  }
}

type Conf = typeof conferences.$inferSelect;
type Person = { firstName: string; lastName: string; organisation: string };

export async function certificatePdf(conference: Conf, person: Person): Promise<Uint8Array> {
  const name = `${person.firstName} ${person.lastName}`.trim();
  const { doc, regular, bold } = await newDocument(`Teilnahmebescheinigung – ${name}`);
  drawCertificate(doc.addPage([A4.w, A4.h]), conference, person, regular, bold);
  return doc.save();
}

function drawCertificate(page: PDFPage, conference: Conf, person: Person, regular: PDFFont, bold: PDFFont) {
  const margin = 25 * MM;
  const width = A4.w - 2 * margin;
  page.drawRectangle({ x: 0, y: A4.h - 18 * MM, width: A4.w, height: 18 * MM, color: BRAND });
  page.drawText("Stadt Bottrop · Referat Migration – Kommunales Integrationszentrum", { x: margin, y: A4.h - 11 * MM, size: 10, font: regular, color: rgb(1, 1, 1) });
  centred(page, "Teilnahmebescheinigung", bold, 28, A4.h - 70 * MM, margin, width, BRAND);
  centred(page, `${person.firstName} ${person.lastName}`.trim(), bold, 22, A4.h - 100 * MM, margin, width);
  if (person.organisation) centred(page, person.organisation, regular, 13, A4.h - 112 * MM, margin, width);
  centred(page, "hat an der folgenden Veranstaltung teilgenommen:", regular, 13, A4.h - 135 * MM, margin, width);
  centred(page, conference.title, bold, 16, A4.h - 150 * MM, margin, width);
  centred(page, `${formatDate(conference.startsAt, "de")} · ${conference.venueName}, ${conference.venueAddress}`, regular, 12, A4.h - 172 * MM, margin, width);
  page.drawLine({ start: { x: A4.w / 2 - 40 * MM, y: 60 * MM }, end: { x: A4.w / 2 + 40 * MM, y: 60 * MM }, thickness: 0.8, color: INK });
  centred(page, "Kommunales Integrationszentrum Bottrop", regular, 11, 54 * MM, margin, width);
}

/** Certificates of everyone who was checked in, one PDF each (organisers download them as a ZIP). */
export async function attendeesForCertificates(conferenceId: string) {
  return db
    .select({ id: registrations.id, firstName: registrations.firstName, lastName: registrations.lastName, organisation: registrations.organisation })
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conferenceId), isNotNull(registrations.checkedInAt)))
    .orderBy(asc(registrations.lastName), asc(registrations.firstName));
}

/** A file name that is safe everywhere: letters, digits, dashes. */
export function safeFileName(text: string): string {
  return (
    text
      .normalize("NFKD")
      .replace(/[\u0300-\u036f]/g, "")
      .replace(/[^A-Za-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60) || "teilnahme"
  );
}

/** Name badges, A4 with 8 per page (2 × 4, 105 × 74 mm), each with the check-in QR code. */
export async function badgesPdf(conference: Conf): Promise<Uint8Array> {
  const people = await db
    .select({ id: registrations.id, firstName: registrations.firstName, lastName: registrations.lastName, organisation: registrations.organisation })
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conference.id), eq(registrations.status, "confirmed")))
    .orderBy(asc(registrations.lastName), asc(registrations.firstName));
  const { doc, regular, bold } = await newDocument(`Namensschilder – ${conference.title}`);
  const w = 105 * MM;
  const h = 74 * MM;
  let page: PDFPage | undefined;
  for (const [i, person] of people.entries()) {
    if (i % 8 === 0) page = doc.addPage([A4.w, A4.h]);
    const col = i % 2;
    const row = Math.floor((i % 8) / 2);
    const x = col * w;
    const y = A4.h - (row + 1) * h - (A4.h - 4 * h) / 2;
    page!.drawRectangle({ x, y, width: w, height: h, borderColor: rgb(0.7, 0.7, 0.7), borderWidth: 0.5 });
    page!.drawText(conference.title.slice(0, 60), { x: x + 6 * MM, y: y + h - 9 * MM, size: 8, font: regular, color: BRAND });
    const textWidth = w - 40 * MM;
    const nameLines = wrap(`${person.firstName} ${person.lastName}`.trim(), bold, 16, textWidth).slice(0, 2);
    nameLines.forEach((line, j) => page!.drawText(line, { x: x + 6 * MM, y: y + h / 2 + 4 * MM - j * 19, size: 16, font: bold, color: INK }));
    wrap(person.organisation, regular, 10, textWidth)
      .slice(0, 2)
      .forEach((line, j) => page!.drawText(line, { x: x + 6 * MM, y: y + h / 2 - 12 * MM - j * 12, size: 10, font: regular, color: INK }));
    const qr = await doc.embedPng(await qrPng(checkinUrl(conference.year, person.id)));
    page!.drawImage(qr, { x: x + w - 34 * MM, y: y + 6 * MM, width: 28 * MM, height: 28 * MM });
  }
  if (people.length === 0) doc.addPage([A4.w, A4.h]);
  return doc.save();
}

export async function getConferenceByYear(year: number) {
  const [c] = await db.select().from(conferences).where(eq(conferences.year, year));
  return c ?? null;
}
