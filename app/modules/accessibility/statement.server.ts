import { and, eq } from "drizzle-orm";
import { createElement } from "react";
import { db } from "~/db/client.server";
import { accessibilityStatement, users } from "~/db/schema";
import { translator } from "~/i18n/catalog";
import { recordAudit } from "~/modules/audit/audit.server";
import { enqueueMail, renderMail } from "~/modules/mail/outbox.server";
import { AccessibilityFeedbackEmail } from "#emails/accessibility-feedback";
import { isLocalPath, isVideoAddress, type FeedbackInput, type StatementInput } from "./statement.schema";

export type Statement = Omit<typeof accessibilityStatement.$inferSelect, "id" | "updatedBy">;

// What the page says until an organiser saves the statement for the first time.
const defaults: Statement = {
  conformity: "partial",
  knownBarriers: "",
  alternatives: "",
  preparedOn: "2026-11-24",
  reviewedOn: "2026-11-24",
  contactEmail: "",
  dgsVideoUrl: "",
  dgsCaptionsUrl: "",
  updatedAt: new Date("2026-11-24T00:00:00Z"),
};

export async function getStatement(): Promise<Statement> {
  const [row] = await db.select().from(accessibilityStatement).where(eq(accessibilityStatement.id, "current"));
  if (!row) return defaults;
  const { id: _id, updatedBy: _by, ...statement } = row;
  return statement;
}

export async function saveStatement(
  input: StatementInput,
  actor: { id: string; name: string },
  now = new Date(),
): Promise<void> {
  // The form checks this too; a caller that skipped the schema must not get a javascript: link onto a public page.
  if (!isVideoAddress(input.dgsVideoUrl) || !(input.dgsCaptionsUrl === "" || isLocalPath(input.dgsCaptionsUrl)))
    throw new Error("DGS video: address refused");
  await db.transaction(async (tx) => {
    const values = { ...input, updatedAt: now, updatedBy: actor.id };
    await tx
      .insert(accessibilityStatement)
      .values({ id: "current", ...values })
      .onConflictDoUpdate({ target: accessibilityStatement.id, set: values });
    await recordAudit(tx, {
      actor,
      action: "accessibility.statement.update",
      subjectType: "accessibility_statement",
      subjectId: null,
      summary: `Überprüft am ${input.reviewedOn}`,
    });
  });
}

/**
 * The statement's feedback mechanism: one mail per recipient (every active organiser and the
 * statement's contact address) through the outbox, in German (the organisers' language).
 */
export async function sendFeedback(input: Omit<FeedbackInput, "website">): Promise<number> {
  const t = translator("de");
  const statement = await getStatement();
  const organisers = await db
    .select({ email: users.email })
    .from(users)
    .where(and(eq(users.role, "organiser"), eq(users.active, true)));
  const recipients = [
    ...new Set([...organisers.map((o) => o.email), statement.contactEmail].filter(Boolean).map((e) => e.toLowerCase())),
  ];
  const subject = t("a11y.feedback.mail.subject");
  const rendered = await renderMail(
    createElement(AccessibilityFeedbackEmail, {
      preview: subject,
      footer: t("mail.footer"),
      intro: t("a11y.feedback.mail.intro"),
      from: t("a11y.feedback.mail.from", {
        name: input.name || t("a11y.feedback.mail.anonymous"),
        email: input.email || t("a11y.feedback.mail.anonymous"),
      }),
      page: input.page ? t("a11y.feedback.mail.page", { page: input.page }) : "",
      message: input.message,
    }),
  );
  await db.transaction(async (tx) => {
    for (const to of recipients) await enqueueMail(tx, { to, subject, ...rendered, topic: "accessibility-feedback" });
  });
  return recipients.length;
}
