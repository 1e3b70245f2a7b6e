import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type DbOrTx } from "~/db/client.server";
import type { MonitoringArea, PopulationGroup } from "~/db/enums";
import { isUuid } from "~/db/id";
import { fieldsOfAction, indicatorFields, indicators, indicatorValues } from "~/db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { slugify } from "~/utils/slug";
import type { IndicatorInput } from "./monitoring.schema";
import type { IndicatorValue } from "./trend";

/** Indicators of the Integrationsmonitoring: their description, Handlungsfelder and values. */

type Actor = { id: string; name: string };

/** The columns of an indicator's summary (lists, pages, links): everything but its timestamps of creation. */
export const summaryColumns = {
  id: indicators.id,
  slug: indicators.slug,
  area: indicators.area,
  name: indicators.name,
  definition: indicators.definition,
  unit: indicators.unit,
  decimals: indicators.decimals,
  source: indicators.source,
  comparison: indicators.comparison,
  example: indicators.example,
  published: indicators.published,
  position: indicators.position,
  updatedAt: indicators.updatedAt,
};
/** The order of the area pages: by area, then the organisers' position, then name. */
export const indicatorOrder = [asc(indicators.area), asc(indicators.position), asc(indicators.name)];
export type IndicatorSummary = Pick<typeof indicators.$inferSelect, keyof typeof summaryColumns>;
export type Indicator = IndicatorSummary & {
  fields: { id: string; code: string; name: string }[];
  values: IndicatorValue[];
};

/** All indicators (or one area's), in the order of the area pages; `publishedOnly` for the public. */
export async function listIndicators({
  area,
  publishedOnly = false,
}: { area?: MonitoringArea; publishedOnly?: boolean } = {}): Promise<IndicatorSummary[]> {
  const where = and(
    area ? eq(indicators.area, area) : undefined,
    publishedOnly ? eq(indicators.published, true) : undefined,
  );
  return db
    .select(summaryColumns)
    .from(indicators)
    .where(where)
    .orderBy(...indicatorOrder);
}

/** Values of several indicators at once, oldest year first. */
export async function valuesOf(indicatorIds: string[]): Promise<Map<string, IndicatorValue[]>> {
  const result = new Map<string, IndicatorValue[]>(indicatorIds.map((id) => [id, []]));
  if (!indicatorIds.length) return result;
  const rows = await db
    .select({
      indicatorId: indicatorValues.indicatorId,
      year: indicatorValues.year,
      group: indicatorValues.group,
      value: indicatorValues.value,
    })
    .from(indicatorValues)
    .where(inArray(indicatorValues.indicatorId, indicatorIds))
    .orderBy(asc(indicatorValues.year), asc(indicatorValues.group));
  for (const r of rows) result.get(r.indicatorId)?.push({ year: r.year, group: r.group, value: r.value });
  return result;
}

/** The Handlungsfelder of several indicators. */
export async function fieldsOf(indicatorIds: string[]): Promise<Map<string, Indicator["fields"]>> {
  const result = new Map<string, Indicator["fields"]>(indicatorIds.map((id) => [id, []]));
  if (!indicatorIds.length) return result;
  const rows = await db
    .select({
      indicatorId: indicatorFields.indicatorId,
      id: fieldsOfAction.id,
      code: fieldsOfAction.code,
      name: fieldsOfAction.name,
    })
    .from(indicatorFields)
    .innerJoin(fieldsOfAction, eq(fieldsOfAction.id, indicatorFields.fieldId))
    .where(inArray(indicatorFields.indicatorId, indicatorIds))
    .orderBy(asc(fieldsOfAction.position), asc(fieldsOfAction.name));
  for (const { indicatorId, ...field } of rows) result.get(indicatorId)?.push(field);
  return result;
}

/** Indicators with their fields and values (the public pages, the report, goal pages). */
export async function withDetails(list: IndicatorSummary[]): Promise<Indicator[]> {
  const ids = list.map((i) => i.id);
  const [values, fields] = await Promise.all([valuesOf(ids), fieldsOf(ids)]);
  return list.map((i) => ({ ...i, values: values.get(i.id) ?? [], fields: fields.get(i.id) ?? [] }));
}

/** One indicator by its address (area and slug must match); null when unknown or not public. */
export async function findIndicator({
  area,
  slug,
  publishedOnly = true,
}: {
  area: MonitoringArea;
  slug: string;
  publishedOnly?: boolean;
}): Promise<Indicator | null> {
  const [row] = await db
    .select(summaryColumns)
    .from(indicators)
    .where(
      and(
        eq(indicators.area, area),
        eq(indicators.slug, slug),
        publishedOnly ? eq(indicators.published, true) : undefined,
      ),
    );
  return row ? ((await withDetails([row]))[0] ?? null) : null;
}

export async function getIndicator(id: string): Promise<Indicator | null> {
  if (!isUuid(id)) return null;
  const [row] = await db.select(summaryColumns).from(indicators).where(eq(indicators.id, id));
  return row ? ((await withDetails([row]))[0] ?? null) : null;
}

async function freeSlug(tx: DbOrTx, wanted: string, exceptId?: string): Promise<string> {
  for (let i = 1; ; i += 1) {
    const slug = i === 1 ? wanted : `${wanted}-${i}`;
    const [taken] = await tx.select({ id: indicators.id }).from(indicators).where(eq(indicators.slug, slug));
    if (!taken || taken.id === exceptId) return slug;
  }
}

async function setFields(tx: DbOrTx, indicatorId: string, fieldIds: string[]) {
  await tx.delete(indicatorFields).where(eq(indicatorFields.indicatorId, indicatorId));
  const unique = [...new Set(fieldIds)];
  if (unique.length) await tx.insert(indicatorFields).values(unique.map((fieldId) => ({ indicatorId, fieldId })));
}

/**
 * Creates an indicator (or changes it, with `id`). The address is made from the name once and
 * stays when the name changes later, so links into the monitoring keep working.
 */
export async function saveIndicator({
  id,
  input,
  actor,
  example = false,
  tx: outer,
}: {
  id?: string;
  input: IndicatorInput;
  actor: Actor | null;
  example?: boolean;
  tx?: DbOrTx;
}): Promise<{ ok: true; id: string; slug: string } | { ok: false; reason: "not_found" | "unknown_field" }> {
  const run = async (tx: DbOrTx) => {
    if (input.fieldIds.length) {
      const known = await tx
        .select({ id: fieldsOfAction.id })
        .from(fieldsOfAction)
        .where(inArray(fieldsOfAction.id, input.fieldIds));
      if (known.length !== new Set(input.fieldIds).size)
        return { ok: false as const, reason: "unknown_field" as const };
    }
    const columns = {
      name: input.name,
      area: input.area,
      definition: input.definition,
      unit: input.unit,
      decimals: input.decimals,
      source: input.source,
      comparison: input.comparison,
      published: input.published,
    };
    if (id) {
      if (!isUuid(id)) return { ok: false as const, reason: "not_found" as const };
      const [row] = await tx
        .update(indicators)
        .set({ ...columns, updatedAt: new Date() })
        .where(eq(indicators.id, id))
        .returning({ id: indicators.id, slug: indicators.slug });
      if (!row) return { ok: false as const, reason: "not_found" as const };
      await setFields(tx, row.id, input.fieldIds);
      await recordAudit(tx, {
        actor,
        action: "indicator.update",
        subjectType: "indicator",
        subjectId: row.id,
        summary: input.name,
      });
      return { ok: true as const, ...row };
    }
    const [{ max }] = (await tx
      .select({ max: sql<number>`coalesce(max(${indicators.position}), 0)` })
      .from(indicators)
      .where(eq(indicators.area, input.area))) as [{ max: number }];
    const slug = await freeSlug(tx, slugify(input.name, "indikator"));
    const [row] = await tx
      .insert(indicators)
      .values({ ...columns, slug, example, position: Number(max) + 1 })
      .returning({ id: indicators.id, slug: indicators.slug });
    await setFields(tx, row!.id, input.fieldIds);
    await recordAudit(tx, {
      actor,
      action: "indicator.create",
      subjectType: "indicator",
      subjectId: row!.id,
      summary: input.name,
    });
    return { ok: true as const, ...row! };
  };
  return outer ? run(outer) : db.transaction(run);
}

export async function deleteIndicator({ id, actor }: { id: string; actor: Actor }): Promise<boolean> {
  if (!isUuid(id)) return false;
  return db.transaction(async (tx) => {
    const [row] = await tx.delete(indicators).where(eq(indicators.id, id)).returning({ name: indicators.name });
    if (!row) return false;
    await recordAudit(tx, {
      actor,
      action: "indicator.delete",
      subjectType: "indicator",
      subjectId: id,
      summary: row.name,
    });
    return true;
  });
}

export type ValueChange = { year: number; group: PopulationGroup; value: number | null };

/**
 * Writes values of one indicator (import or the value table): a number sets the value of that year
 * and group, null removes it. One statement per kind, in the caller's transaction.
 */
export async function writeValues(tx: DbOrTx, indicatorId: string, changes: ValueChange[]): Promise<void> {
  const set = changes.filter((c): c is ValueChange & { value: number } => c.value !== null);
  const removed = changes.filter((c) => c.value === null);
  if (set.length) {
    await tx
      .insert(indicatorValues)
      .values(set.map((c) => ({ indicatorId, year: c.year, group: c.group, value: c.value })))
      .onConflictDoUpdate({
        target: [indicatorValues.indicatorId, indicatorValues.year, indicatorValues.group],
        set: { value: sql`excluded.value`, updatedAt: new Date() },
      });
  }
  for (const c of removed) {
    await tx
      .delete(indicatorValues)
      .where(
        and(
          eq(indicatorValues.indicatorId, indicatorId),
          eq(indicatorValues.year, c.year),
          eq(indicatorValues.group, c.group),
        ),
      );
  }
  if (changes.length) await tx.update(indicators).set({ updatedAt: new Date() }).where(eq(indicators.id, indicatorId));
}
