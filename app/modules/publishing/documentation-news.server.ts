import { and, eq, inArray, isNotNull, isNull, lt, notExists, notLike, or } from "drizzle-orm";
import { createElement } from "react";
import { RegistrationEmail } from "#emails/registration";
import { db, type DbOrTx } from "~/db/client.server";
import { conferences, documentationNotices, documentations, outbox, registrations } from "~/db/schema";
import { isLocale, translator } from "~/i18n/catalog";
import { enqueueMail, renderMail, type MailMessage } from "~/modules/mail/outbox.server";
import { ANONYMISED_DOMAIN } from "~/modules/privacy/retention.server";
import { mailedUrl, manageToken, manageUrl } from "~/modules/registrations/links.server";

// "Telling people" (consent purpose documentation_news): when a conference documentation becomes
// public, every participant of that conference who asked for it gets one mail, in their language.
// documentation_notices keeps who was told, so nobody is mailed twice for one documentation.

type Recipient = { id: string; email: string; firstName: string; lastName: string; locale: string; manageSalt: string };
type DocumentationRef = { id: string; conferenceId: string; title: string; year: number };
/** Mails rendered before the transaction, keyed by registration and manage salt (a new salt means a new manage link). */
export type PreparedNews = Map<string, MailMessage>;

const recipientColumns = {
  id: registrations.id,
  email: registrations.email,
  firstName: registrations.firstName,
  lastName: registrations.lastName,
  locale: registrations.locale,
  manageSalt: registrations.manageSalt,
};
const preparedKey = (r: Recipient) => `${r.id}:${r.manageSalt}`;

/**
 * Who is to be told: the consent is given now, the registration is confirmed (or the person was
 * checked in), it is not anonymised, and this documentation was not announced to them before.
 */
function notToldYet(doc: Pick<DocumentationRef, "id" | "conferenceId">) {
  return and(
    eq(registrations.conferenceId, doc.conferenceId),
    isNotNull(registrations.documentationNewsAt),
    or(eq(registrations.status, "confirmed"), isNotNull(registrations.checkedInAt)),
    notLike(registrations.email, `%@${ANONYMISED_DOMAIN}`),
    notExists(
      db
        .select({ one: documentationNotices.registrationId })
        .from(documentationNotices)
        .where(
          and(
            eq(documentationNotices.documentationId, doc.id),
            eq(documentationNotices.registrationId, registrations.id),
          ),
        ),
    ),
  );
}

async function documentationRef(tx: DbOrTx, documentationId: string, lock: boolean) {
  const query = tx
    .select({
      id: documentations.id,
      conferenceId: documentations.conferenceId,
      publishedAt: documentations.publishedAt,
      title: conferences.title,
      year: conferences.year,
    })
    .from(documentations)
    .innerJoin(conferences, eq(conferences.id, documentations.conferenceId))
    .where(eq(documentations.id, documentationId));
  const [row] = lock ? await query.for("update", { of: documentations }) : await query;
  return row ?? null;
}

async function newsMail(reg: Recipient, doc: DocumentationRef): Promise<MailMessage> {
  const locale = isLocale(reg.locale) ? reg.locale : "de";
  const t = translator(locale);
  const subject = t("registration.mail.documentation.subject", { title: doc.title });
  const rendered = await renderMail(
    createElement(RegistrationEmail, {
      lang: locale,
      preview: subject,
      footer: t("mail.footer"),
      greeting: t("mail.greeting", { name: `${reg.firstName} ${reg.lastName}` }),
      paragraphs: [
        t("registration.mail.documentation.body", { title: doc.title }),
        t("registration.mail.documentation.why"),
      ],
      button: {
        label: t("registration.mail.documentation.button"),
        url: mailedUrl(`/konferenzen/${doc.year}/dokumentation`, locale),
      },
      manage: {
        label: t("registration.mail.documentation.manageLabel"),
        url: manageUrl(manageToken(reg.id, reg.manageSalt), locale),
      },
    }),
  );
  // The topic ties the mail to the registration: it is in the person's data export and goes with a deletion.
  return { to: reg.email, subject, ...rendered, topic: `registration:${reg.id}` };
}

/** Renders the mails outside the transaction (it then holds its locks only for the inserts). */
export async function prepareDocumentationNews(documentationId: string): Promise<PreparedNews> {
  const doc = await documentationRef(db, documentationId, false);
  if (!doc) return new Map();
  const due = await db.select(recipientColumns).from(registrations).where(notToldYet(doc));
  const mails = await Promise.all(due.map((r) => newsMail(r, doc)));
  return new Map(due.map((r, i) => [preparedKey(r), mails[i]!]));
}

/**
 * Queues the mails about a documentation that is public now, in the transaction that makes it
 * public. A documentation not (yet) visible mails nobody: no mail may reveal it early. Returns the
 * number of mails queued.
 */
export async function queueDocumentationNews(
  tx: DbOrTx,
  input: { documentationId: string; now: Date; prepared?: PreparedNews },
): Promise<number> {
  const doc = await documentationRef(tx, input.documentationId, true);
  if (!doc?.publishedAt || doc.publishedAt > input.now) return 0;
  const due = await tx.select(recipientColumns).from(registrations).where(notToldYet(doc));
  for (const reg of due) {
    const mail = input.prepared?.get(preparedKey(reg)) ?? (await newsMail(reg, doc));
    const outboxId = await enqueueMail(tx, mail);
    await tx
      .insert(documentationNotices)
      .values({ documentationId: doc.id, registrationId: reg.id, outboxId, createdAt: input.now });
  }
  await tx.update(documentations).set({ notifiedAt: input.now }).where(eq(documentations.id, doc.id));
  return due.length;
}

/**
 * A documentation is withdrawn: its mails that have not gone out yet (and are not being sent right
 * now) are taken back with their record, so these people are told once when it is public again.
 */
export async function takeBackDocumentationNews(tx: DbOrTx, documentationId: string, now: Date): Promise<number> {
  const unsent = await tx
    .select({ id: outbox.id })
    .from(outbox)
    .innerJoin(documentationNotices, eq(documentationNotices.outboxId, outbox.id))
    .where(
      and(
        eq(documentationNotices.documentationId, documentationId),
        eq(outbox.status, "pending"),
        or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now)),
      ),
    )
    .for("update", { of: outbox, skipLocked: true });
  if (!unsent.length) return 0;
  const ids = unsent.map((r) => r.id);
  await tx
    .delete(documentationNotices)
    .where(and(eq(documentationNotices.documentationId, documentationId), inArray(documentationNotices.outboxId, ids)));
  await tx.delete(outbox).where(inArray(outbox.id, ids));
  return ids.length;
}
