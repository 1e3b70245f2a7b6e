import { stringify } from "csv-stringify/sync";
import ExcelJS from "exceljs";
import { and, asc, count, desc, eq, ilike, inArray, isNull, notLike, or, type SQL } from "drizzle-orm";
import { createElement } from "react";
import { z } from "zod";
import { RegistrationEmail } from "#emails/registration";
import { db } from "~/db/client.server";
import { conferences, forums, registrations } from "~/db/schema";
import { isLocale, translator, type MessageKey } from "~/i18n/catalog";
import { enqueueMail, renderMail } from "~/modules/mail/outbox.server";
import { formatDateTime } from "~/utils/time";
import { ACCESSIBILITY_NEEDS, ORGANISATION_TYPES, SORTS, STATUSES } from "./registration.schema";
import { manageToken, manageUrl } from "./links.server";
import { waitlistRank } from "./seats.server";
import { ANONYMISED_DOMAIN } from "~/modules/privacy/retention.server";
import { isUuid } from "~/db/id";
import { recordAudit } from "~/modules/audit/audit.server";

export const PAGE_SIZE = 25;

export const participantFilterSchema = z.object({
  q: z.string().trim().max(200).catch(""),
  status: z.enum(STATUSES).or(z.literal("")).catch(""),
  forum: z.union([z.uuid(), z.literal("none"), z.literal("")]).catch(""),
  type: z.enum(ORGANISATION_TYPES).or(z.literal("")).catch(""),
  sort: z.enum(SORTS).catch("name"),
  dir: z.enum(["asc", "desc"]).catch("asc"),
  page: z.coerce.number().int().min(1).max(10_000).catch(1),
});
export type ParticipantFilter = z.output<typeof participantFilterSchema>;

export function parseParticipantFilter(params: URLSearchParams): ParticipantFilter {
  return participantFilterSchema.parse(Object.fromEntries(params));
}

function where(conferenceId: string, f: ParticipantFilter): SQL {
  const parts: SQL[] = [eq(registrations.conferenceId, conferenceId)];
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    parts.push(
      or(
        ilike(registrations.firstName, like),
        ilike(registrations.lastName, like),
        ilike(registrations.email, like),
        ilike(registrations.organisation, like),
      )!,
    );
  }
  if (f.status) parts.push(eq(registrations.status, f.status));
  if (f.type) parts.push(eq(registrations.organisationType, f.type));
  if (f.forum === "none") parts.push(isNull(registrations.forumId));
  else if (f.forum) parts.push(eq(registrations.forumId, f.forum));
  return and(...parts)!;
}

function orderBy(f: ParticipantFilter) {
  const dir = f.dir === "desc" ? desc : asc;
  switch (f.sort) {
    case "organisation":
      return [dir(registrations.organisation), asc(registrations.lastName), asc(registrations.id)];
    case "created":
      return [dir(registrations.createdAt), asc(registrations.id)];
    case "status":
      return [
        dir(registrations.status),
        asc(registrations.waitlistPosition),
        asc(registrations.lastName),
        asc(registrations.id),
      ];
    default:
      return [dir(registrations.lastName), dir(registrations.firstName), asc(registrations.id)];
  }
}

const columns = {
  id: registrations.id,
  firstName: registrations.firstName,
  lastName: registrations.lastName,
  latinName: registrations.latinName,
  email: registrations.email,
  organisation: registrations.organisation,
  organisationType: registrations.organisationType,
  jobTitle: registrations.jobTitle,
  status: registrations.status,
  waitlistPosition: registrations.waitlistPosition,
  forum: forums.title,
  photoConsent: registrations.photoConsent,
  createdAt: registrations.createdAt,
  confirmedAt: registrations.confirmedAt,
  checkedInAt: registrations.checkedInAt,
};

/** One page of the participant list (organisers only); search covers name, address and organisation. */
export async function listParticipants(conferenceId: string, f: ParticipantFilter) {
  const cond = where(conferenceId, f);
  const [rows, [total]] = await Promise.all([
    db
      .select(columns)
      .from(registrations)
      .leftJoin(forums, eq(forums.id, registrations.forumId))
      .where(cond)
      .orderBy(...orderBy(f))
      .limit(PAGE_SIZE)
      .offset((f.page - 1) * PAGE_SIZE),
    db.select({ n: count() }).from(registrations).where(cond),
  ]);
  const n = total?.n ?? 0;
  return { rows, total: n, pages: Math.max(1, Math.ceil(n / PAGE_SIZE)) };
}

/**
 * One registration of this conference for the organisers' edit page: the form's values and its
 * state (no tokens). Anonymised registrations are gone as persons, so they are not found.
 */
export async function getParticipant(conferenceId: string, registrationId: string) {
  if (!isUuid(registrationId)) return null;
  const [r] = await db
    .select()
    .from(registrations)
    .where(
      and(
        eq(registrations.id, registrationId),
        eq(registrations.conferenceId, conferenceId),
        notLike(registrations.email, `%@${ANONYMISED_DOMAIN}`),
      ),
    );
  if (!r) return null;
  return {
    id: r.id,
    name: `${r.firstName} ${r.lastName}`,
    status: r.status,
    position: r.status === "waitlisted" ? await waitlistRank(db, r) : 0,
    createdAt: r.createdAt,
    confirmedAt: r.confirmedAt,
    checkedInAt: r.checkedInAt,
    /** The edit form's fields as the browser posts them. */
    values: {
      firstName: r.firstName,
      lastName: r.lastName,
      latinName: r.latinName,
      email: r.email,
      organisation: r.organisation,
      organisationType: r.organisationType,
      jobTitle: r.jobTitle,
      forumId: r.forumId ?? "",
      locale: r.locale,
      accessibility: r.accessibilityNeeds.join("\n"),
      accessibilityOther: r.accessibilityOther,
      dietaryNeeds: r.dietaryNeeds,
      specialConsent: r.specialConsentAt ? "on" : "",
      photoConsent: r.photoConsent ? "yes" : "no",
      documentationNews: r.documentationNewsAt ? "on" : "",
    } as Record<string, string>,
  };
}

/** A spreadsheet must never run a cell: text starting with = + - @ or a control character gets a leading '. */
export function neutralise(value: string): string {
  return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

/** The filtered list (all pages) as a table: German headers, no Art. 9 details (those are counts only). */
export async function participantTable(conferenceId: string, f: ParticipantFilter) {
  const t = translator("de");
  const rows = await db
    .select(columns)
    .from(registrations)
    .leftJoin(forums, eq(forums.id, registrations.forumId))
    .where(where(conferenceId, f))
    .orderBy(...orderBy(f));
  const header = [
    "Nachname",
    "Vorname",
    "E-Mail",
    "Organisation",
    "Art der Organisation",
    "Funktion",
    "Forum",
    "Stand",
    "Platz auf der Warteliste",
    "Fotos erlaubt",
    "Angemeldet am",
    "Bestätigt am",
  ];
  const body = rows.map((r) => [
    r.lastName,
    r.firstName,
    r.email,
    r.organisation,
    t(`registration.orgType.${r.organisationType}` as MessageKey),
    r.jobTitle,
    r.forum ?? "",
    t(`registration.status.${r.status}` as MessageKey),
    r.status === "waitlisted" && r.waitlistPosition !== null ? String(r.waitlistPosition) : "",
    r.photoConsent ? "ja" : "nein",
    formatDateTime(r.createdAt, "de"),
    r.confirmedAt ? formatDateTime(r.confirmedAt, "de") : "",
  ]);
  return { header, rows: body.map((row) => row.map(neutralise)) };
}

/** Who exported which list: every export of personal data is in the audit log. */
type Exporter = { actor: { id: string; name?: string }; year: number };

async function auditExport(by: Exporter, format: string, rows: number) {
  await recordAudit(db, {
    actor: by.actor,
    action: "registration.export",
    subjectType: "conference",
    subjectId: String(by.year),
    summary: `${format}: ${rows} ${rows === 1 ? "Anmeldung" : "Anmeldungen"}`,
  });
}

export async function participantsCsv(conferenceId: string, f: ParticipantFilter, by: Exporter): Promise<string> {
  const table = await participantTable(conferenceId, f);
  await auditExport(by, "CSV", table.rows.length);
  // BOM and semicolons: what German Excel opens correctly.
  return "\uFEFF" + stringify([table.header, ...table.rows], { delimiter: ";" });
}

export async function participantsXlsx(conferenceId: string, f: ParticipantFilter, by: Exporter): Promise<Buffer> {
  const table = await participantTable(conferenceId, f);
  await auditExport(by, "Excel", table.rows.length);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet("Teilnehmende");
  sheet.addRow(table.header).font = { bold: true };
  for (const row of table.rows) sheet.addRow(row);
  sheet.columns.forEach((c) => (c.width = 22));
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * What the venue and the caterer need: numbers only, never names. Counts seat holders (held and
 * confirmed); dietary wishes are grouped by their wording.
 */
export async function needsCounts(conferenceId: string) {
  const rows = await db
    .select({
      accessibility: registrations.accessibilityNeeds,
      other: registrations.accessibilityOther,
      diet: registrations.dietaryNeeds,
    })
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conferenceId), inArray(registrations.status, ["held", "confirmed"])));
  const accessibility = Object.fromEntries(
    ACCESSIBILITY_NEEDS.map((need) => [need, rows.filter((r) => r.accessibility.includes(need)).length]),
  ) as Record<(typeof ACCESSIBILITY_NEEDS)[number], number>;
  const diets = new Map<string, number>();
  for (const r of rows) {
    const key = r.diet.trim().toLowerCase();
    if (key) diets.set(key, (diets.get(key) ?? 0) + 1);
  }
  return {
    seats: rows.length,
    accessibility,
    accessibilityOther: rows.filter((r) => r.other.trim() !== "").length,
    diets: [...diets.entries()]
      .map(([wish, n]) => ({ wish, count: n }))
      .sort((a, b) => b.count - a.count || a.wish.localeCompare(b.wish)),
  };
}

/** A message from the organisers to every confirmed participant, queued through the outbox in one transaction. */
export async function messageConfirmed(
  conferenceId: string,
  input: { subject: string; body: string },
): Promise<number> {
  const [conf] = await db.select().from(conferences).where(eq(conferences.id, conferenceId));
  if (!conf) return 0;
  const people = await db
    .select()
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conferenceId), eq(registrations.status, "confirmed")));
  const mails = await Promise.all(
    people.map(async (p) => {
      const locale = isLocale(p.locale) ? p.locale : "de";
      const t = translator(locale);
      const rendered = await renderMail(
        createElement(RegistrationEmail, {
          lang: locale,
          preview: input.subject,
          footer: t("mail.footer"),
          greeting: t("mail.greeting", { name: `${p.firstName} ${p.lastName}` }),
          paragraphs: input.body
            .split(/\n{2,}/)
            .map((s) => s.trim())
            .filter(Boolean),
          manage: {
            label: t("registration.mail.manageLabel"),
            url: manageUrl(manageToken(p.id, p.manageSalt), locale),
          },
        }),
      );
      return { to: p.email, subject: input.subject, ...rendered, topic: `registration:${p.id}` };
    }),
  );
  await db.transaction(async (tx) => {
    for (const mail of mails) await enqueueMail(tx, mail);
  });
  return mails.length;
}
