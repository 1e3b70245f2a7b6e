import { render } from "@react-email/render";
import { and, asc, count, eq, inArray, isNull, lte, lt, or, sql } from "drizzle-orm";
import type { ReactElement } from "react";
import { db, type DbOrTx } from "~/db/client.server";
import { outbox, type OutboxAttachment } from "~/db/schema";
import { recordAudit } from "~/modules/audit/audit.server";

export type MailMessage = {
  to: string;
  subject: string;
  html: string;
  text: string;
  attachments?: OutboxAttachment[];
  /** What the mail is about, e.g. "registration:<id>": lets deletion requests reach queued mail. */
  topic?: string;
  /** Queued as data: the outbox worker renders this template (html and text are then empty). */
  template?: { name: string; props: Record<string, unknown> };
};

type MailTemplate = (props: Record<string, unknown>) => Promise<{ html: string; text: string }>;
const templates = new Map<string, MailTemplate>();

/** A mail template the outbox worker can render; modules register theirs when they load. */
export function registerMailTemplate(name: string, template: MailTemplate): void {
  templates.set(name, template);
}

/** A queued mail's html and text: stored, or rendered now from its template and props. */
export async function renderQueued(mail: {
  html: string;
  text: string;
  template?: string | null;
  props?: Record<string, unknown> | null;
}): Promise<{ html: string; text: string }> {
  if (!mail.template) return { html: mail.html, text: mail.text };
  const template = templates.get(mail.template);
  if (!template) throw new Error(`Unknown mail template ${mail.template}`);
  return template(mail.props ?? {});
}

/** Renders a react-email template to HTML and plain text. Call before opening the transaction. */
export async function renderMail(element: ReactElement): Promise<{ html: string; text: string }> {
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { html, text };
}

/** Queues a mail; pass the transaction of the change that causes it, so both commit or neither. */
export async function enqueueMail(tx: DbOrTx, message: MailMessage): Promise<string> {
  // Header injection: an address or subject must be a single line.
  if (/[\r\n]/.test(message.to) || /[\r\n]/.test(message.subject)) throw new Error("Mail header contains a line break");
  const [row] = await tx
    .insert(outbox)
    .values({
      to: message.to,
      subject: message.subject,
      html: message.html,
      text: message.text,
      attachments: message.attachments ?? [],
      topic: message.topic ?? "",
      template: message.template?.name ?? null,
      props: message.template?.props ?? null,
    })
    .returning({ id: outbox.id });
  notifyQueued();
  return row!.id;
}

let onQueued: (() => void) | undefined;
/** The worker registers here so a fresh mail goes out at once instead of on the next poll. */
export function setQueuedListener(listener: (() => void) | undefined) {
  onQueued = listener;
}
function notifyQueued() {
  if (onQueued) setTimeout(onQueued, 0);
}

const CLAIM_MS = 2 * 60_000;

export type ClaimedMail = typeof outbox.$inferSelect;

/**
 * Claims up to `limit` due mails for this worker. SKIP LOCKED lets several app instances poll one
 * PostgreSQL without sending a mail twice; the claim expires if the worker dies while sending.
 */
export async function claimDueMail(now = new Date(), limit = 10): Promise<ClaimedMail[]> {
  return db.transaction(async (tx) => {
    const due = tx
      .select({ id: outbox.id })
      .from(outbox)
      .where(
        and(
          eq(outbox.status, "pending"),
          lte(outbox.nextAttemptAt, now),
          or(isNull(outbox.lockedUntil), lt(outbox.lockedUntil, now)),
        ),
      )
      .orderBy(asc(outbox.createdAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    return tx
      .update(outbox)
      .set({ lockedUntil: new Date(now.getTime() + CLAIM_MS), attempts: sql`${outbox.attempts} + 1` })
      .where(inArray(outbox.id, due))
      .returning();
  });
}

export async function markSent(id: string, now = new Date()) {
  await db
    .update(outbox)
    .set({ status: "sent", sentAt: now, lockedUntil: null, lastError: null })
    .where(eq(outbox.id, id));
}

/** Exponential backoff: 30 s, 1 min, 2 min … capped at one hour. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

export async function markFailed(mail: ClaimedMail, error: unknown, maxAttempts: number, now = new Date()) {
  const dead = mail.attempts >= maxAttempts;
  await db
    .update(outbox)
    .set({
      status: dead ? "dead" : "pending",
      lockedUntil: null,
      lastError: String(error instanceof Error ? error.message : error).slice(0, 500),
      nextAttemptAt: new Date(now.getTime() + backoffMs(mail.attempts)),
    })
    .where(eq(outbox.id, mail.id));
}

export async function listDeadMail() {
  return db
    .select({
      id: outbox.id,
      to: outbox.to,
      subject: outbox.subject,
      attempts: outbox.attempts,
      lastError: outbox.lastError,
      createdAt: outbox.createdAt,
    })
    .from(outbox)
    .where(eq(outbox.status, "dead"))
    .orderBy(asc(outbox.createdAt));
}

export async function countPendingMail(): Promise<number> {
  const [row] = await db.select({ n: count() }).from(outbox).where(eq(outbox.status, "pending"));
  return row?.n ?? 0;
}

/** An organiser sends a dead letter again: it starts over with a fresh count of tries. */
export async function retryDeadMail(id: string, actor: { id: string; name: string } | null = null): Promise<boolean> {
  // The audit entry is written in the same transaction: a retry is recorded exactly when it happens.
  const retried = await db.transaction(async (tx) => {
    const rows = await tx
      .update(outbox)
      .set({ status: "pending", attempts: 0, nextAttemptAt: new Date(), lockedUntil: null })
      .where(and(eq(outbox.id, id), eq(outbox.status, "dead")))
      .returning({ id: outbox.id });
    if (rows.length) await recordAudit(tx, { actor, action: "mail.retry", subjectType: "outbox", subjectId: id });
    return rows.length > 0;
  });
  if (retried) notifyQueued();
  return retried;
}
