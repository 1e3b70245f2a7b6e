import { and, asc, desc, eq, gte, like, lt, type SQL } from "drizzle-orm";
import { db, type DbOrTx } from "~/db/client.server";
import { auditLog, users } from "~/db/schema";
import { AUDIT_KINDS, type AuditAction, type AuditKind } from "./actions";

export { AUDIT_ACTIONS, AUDIT_KINDS, type AuditAction, type AuditKind } from "./actions";

export type AuditEntry = {
  /** Who acted; with only an id the name is read from the account in the same transaction. */
  actor: { id: string; name?: string } | null;
  /** Dotted verb, e.g. "registration.export", "report.publish" (the log shows it as a sentence: `audit.action.<verb>`). */
  action: AuditAction;
  subjectType: string;
  subjectId?: string | null;
  /** What, without personal content: "12 Anmeldungen als CSV". */
  summary?: string;
};

const isKind = (k: string): k is AuditKind => (AUDIT_KINDS as string[]).includes(k);

/** Records an organiser action; pass the transaction of the action so both commit together. */
export async function recordAudit(tx: DbOrTx, entry: AuditEntry): Promise<void> {
  let actorName = entry.actor?.name;
  if (entry.actor && !actorName) {
    const [user] = await tx.select({ name: users.name }).from(users).where(eq(users.id, entry.actor.id));
    actorName = user?.name;
  }
  await tx.insert(auditLog).values({
    actorId: entry.actor?.id ?? null,
    actorName: actorName ?? "System",
    action: entry.action,
    subjectType: entry.subjectType,
    subjectId: entry.subjectId ?? null,
    summary: entry.summary ?? "",
  });
}

export type AuditFilter = { actor?: string; kind?: string; from?: Date; until?: Date };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;

/** A calendar day of the form field (YYYY-MM-DD), plus `addDays`, as the start of that day in Berlin; null when it is no real day. */
function berlinDay(value: string, addDays = 0): Date | null {
  const m = DAY.exec(value);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) return null;
  const utc = new Date(Date.UTC(y, mo - 1, d + addDays));
  // Berlin is UTC+1 or UTC+2: the offset of that day's noon.
  const berlinNoonHour = Number(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", hour: "2-digit", hourCycle: "h23" }).format(
      new Date(utc.getTime() + 12 * 3_600_000),
    ),
  );
  return new Date(utc.getTime() - (berlinNoonHour - 12) * 3_600_000);
}

/** The log page's filter from its query (person, kind, from, until); a wrong date is named, the rest falls back to "all". */
export function parseAuditFilter(params: URLSearchParams): {
  filter: AuditFilter;
  values: Record<"actor" | "kind" | "from" | "until", string>;
  errors: Partial<Record<"from" | "until", "audit.filter.invalidDate">>;
} {
  const values = {
    actor: params.get("person") ?? "",
    kind: params.get("bereich") ?? "",
    from: params.get("von") ?? "",
    until: params.get("bis") ?? "",
  };
  const filter: AuditFilter = {};
  const errors: Partial<Record<"from" | "until", "audit.filter.invalidDate">> = {};
  if (values.actor) filter.actor = values.actor.slice(0, 200);
  if (isKind(values.kind)) filter.kind = values.kind;
  if (values.from) {
    const from = berlinDay(values.from);
    if (from) filter.from = from;
    else errors.from = "audit.filter.invalidDate";
  }
  if (values.until) {
    const until = berlinDay(values.until, 1);
    if (until) filter.until = until;
    else errors.until = "audit.filter.invalidDate";
  }
  return { filter, values, errors };
}

export async function listAudit(opts: AuditFilter & { limit?: number; offset?: number } = {}) {
  const where: SQL[] = [];
  if (opts.actor) where.push(eq(auditLog.actorName, opts.actor));
  if (opts.kind && isKind(opts.kind)) where.push(like(auditLog.action, `${opts.kind}.%`));
  if (opts.from) where.push(gte(auditLog.at, opts.from));
  if (opts.until) where.push(lt(auditLog.at, opts.until));
  return db
    .select()
    .from(auditLog)
    .where(where.length ? and(...where) : undefined)
    .orderBy(desc(auditLog.at))
    .limit(opts.limit ?? 100)
    .offset(opts.offset ?? 0);
}

/** The people who appear in the log (the filter's choices). */
export async function auditActors(): Promise<string[]> {
  const rows = await db.selectDistinct({ name: auditLog.actorName }).from(auditLog).orderBy(asc(auditLog.actorName));
  return rows.map((r) => r.name);
}

/** The log itself is personal data: entries older than the retention period are deleted. */
export async function pruneAudit(retentionDays: number, now = new Date()): Promise<number> {
  const rows = await db
    .delete(auditLog)
    .where(lt(auditLog.at, new Date(now.getTime() - retentionDays * 86_400_000)))
    .returning({ id: auditLog.id });
  return rows.length;
}
