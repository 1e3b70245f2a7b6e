// Helpers shared by the registration tests (not a test file itself; nothing in the app imports it).
import { and, asc, eq } from "drizzle-orm";
import { db } from "~/db/client.server";
import { conferences, forums, outbox, registrations } from "~/db/schema";
import { renderQueued } from "~/modules/mail/outbox.server";
import { berlinParts, berlinTime } from "~/utils/time";
import "./mails.server"; // registers the template renderQueued needs
import { organiserAddSchema, type OrganiserAddInput } from "./organiser.schema";
import { registrationSchema, type RegistrationInput } from "./registration.schema";

let yearSeq = 2300;
export const DAY = 86_400_000;

export async function makeConference(opts: {
  capacity: number;
  forums?: number[];
  startsInDays?: number;
  status?: "registration_open" | "published" | "registration_closed" | "draft" | "held";
  closesAt?: Date;
  holdHours?: number;
}) {
  const start = new Date(Date.now() + (opts.startsInDays ?? 30) * DAY);
  const { year, month, day } = berlinParts(start);
  const [conf] = await db
    .insert(conferences)
    .values({
      year: yearSeq++,
      title: `Testkonferenz ${year}`,
      startsAt: berlinTime(year, month, day, 9, 30),
      endsAt: berlinTime(year, month, day, 16, 0),
      venueName: "Kulturzentrum",
      venueAddress: "Blumenstraße 12, 46236 Bottrop",
      capacity: opts.capacity,
      status: opts.status ?? "registration_open",
      registrationClosesAt: opts.closesAt ?? null,
      holdHours: opts.holdHours ?? 48,
    })
    .returning();
  const forumRows = opts.forums?.length
    ? await db
        .insert(forums)
        .values(
          opts.forums.map((capacity, i) => ({
            conferenceId: conf!.id,
            title: `Forum ${i + 1}`,
            capacity,
            position: i,
          })),
        )
        .returning()
    : [];
  return { conf: conf!, forums: forumRows };
}

const person = {
  firstName: "Aylin",
  lastName: "Kaya",
  organisation: "Stadtteilzentrum Ebel",
  organisationType: "independent_provider",
  photoConsent: "no",
  privacyConsent: "on",
};

function parsed<T>(result: { success: true; data: T } | { success: false; error: { issues: unknown } }): T {
  if (!result.success) throw new Error(JSON.stringify(result.error.issues));
  return result.data;
}

/** What the public form posts. */
export function input(email: string, extra: Partial<Record<string, unknown>> = {}): RegistrationInput {
  return parsed(registrationSchema.safeParse({ ...person, email, ...extra }));
}

/** What the organisers' form posts. */
export function organiserInput(email: string, extra: Partial<Record<string, unknown>> = {}): OrganiserAddInput {
  return parsed(organiserAddSchema.safeParse({ ...person, intent: "add", locale: "de", email, ...extra }));
}

/** The mails queued for an address, rendered as the outbox worker would send them. */
export async function mailsTo(email: string) {
  const rows = await db.select().from(outbox).where(eq(outbox.to, email)).orderBy(asc(outbox.createdAt));
  return Promise.all(rows.map(async (row) => ({ ...row, ...(await renderQueued(row)) })));
}
export const confirmTokenIn = (text: string) => /\/anmeldung-bestaetigen\/([a-z2-7]+)/.exec(text)?.[1];
export const manageTokenIn = (text: string) => /\/meine-anmeldung\/([a-z2-7]+)/.exec(text)?.[1];
export const registrationOf = async (email: string, conferenceId: string) =>
  (
    await db
      .select()
      .from(registrations)
      .where(and(eq(registrations.email, email), eq(registrations.conferenceId, conferenceId)))
  )[0];
