import { desc, lt } from "drizzle-orm";
import { db, type DbOrTx } from "~/db/client.server";
import { auditLog } from "~/db/schema";

export type AuditEntry = {
  actor: { id: string; name: string } | null;
  /** Dotted verb, e.g. "registration.export", "report.publish". */
  action: string;
  subjectType: string;
  subjectId?: string | null;
  /** What, without personal content: "12 Anmeldungen als CSV". */
  summary?: string;
};

/** Records an organiser action; pass the transaction of the action so both commit together. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorName: entry.actor?.name ?? "System",
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    summary: entry.summary ?? "",
  });
}

export async function listAudit(opts: { limit?: number; offset?: number } = {}) {
  return db
    .select()
    .from(auditLog)
    .orderBy(desc(auditLog.at))
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0);
}

/** The log itself is personal data: entries older than the retention period are deleted. */
export async function pruneAudit(retentionDays: number, now = new Date()): Promise<number> {
  const rows = await db
    .delete(auditLog)
    .where(lt(auditLog.at, new Date(now.getTime() - retentionDays * 86_400_000)))
    .returning({ id: auditLog.id });
  return rows.length;
}
