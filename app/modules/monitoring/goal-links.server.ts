import { and, asc, eq, inArray, isNotNull } from "drizzle-orm";
import { db } from "~/db/client.server";
import { fieldsOfAction, goalIndicators, goals, goalYears, indicatorFields, indicators } from "~/db/schema";
import { recordAudit } from "~/modules/audit/audit.server";
import { digest } from "./digest";
import {
  indicatorOrder,
  listIndicators,
  summaryColumns,
  withDetails,
  type Indicator,
  type IndicatorSummary,
} from "./indicators.server";

/**
 * Goals meet data: which indicators measure an agreed goal, the indicators of Handlungsfelder and
 * the coverage of each Handlungsfeld by indicators and goals.
 */

const order = indicatorOrder;

/** The ids of the indicators linked to a goal (the organisers' checkboxes). */
export async function linkedIndicatorIds(goalId: number): Promise<string[]> {
  const rows = await db
    .select({ id: goalIndicators.indicatorId })
    .from(goalIndicators)
    .where(eq(goalIndicators.goalId, goalId));
  return rows.map((r) => r.id);
}

/**
 * Replaces the indicators linked to a goal. Unknown indicator ids are refused (nothing changes);
 * false when the goal does not exist. Audited as a change of the goal.
 */
export async function setGoalIndicators(input: {
  goalId: number;
  indicatorIds: string[];
  actor: { id: string } | null;
}): Promise<{ ok: true } | { ok: false; reason: "not_found" | "unknown_indicator" }> {
  const wanted = [...new Set(input.indicatorIds)];
  return db.transaction(async (tx) => {
    const [goal] = await tx.select({ title: goals.title }).from(goals).where(eq(goals.id, input.goalId));
    if (!goal) return { ok: false as const, reason: "not_found" as const };
    if (wanted.length) {
      const known = await tx.select({ id: indicators.id }).from(indicators).where(inArray(indicators.id, wanted));
      if (known.length !== wanted.length) return { ok: false as const, reason: "unknown_indicator" as const };
    }
    const before = (
      await tx
        .select({ id: goalIndicators.indicatorId })
        .from(goalIndicators)
        .where(eq(goalIndicators.goalId, input.goalId))
    ).map((r) => r.id);
    const same = before.length === wanted.length && wanted.every((id) => before.includes(id));
    if (same) return { ok: true as const };
    await tx.delete(goalIndicators).where(eq(goalIndicators.goalId, input.goalId));
    if (wanted.length)
      await tx.insert(goalIndicators).values(wanted.map((indicatorId) => ({ goalId: input.goalId, indicatorId })));
    const names = wanted.length
      ? (
          await tx
            .select({ name: indicators.name })
            .from(indicators)
            .where(inArray(indicators.id, wanted))
            .orderBy(...order)
        )
          .map((r) => r.name)
          .join(", ")
      : "–";
    await recordAudit(tx, {
      actor: input.actor,
      action: "goal.update",
      subjectType: "goal",
      subjectId: String(input.goalId),
      summary: `${goal.title}: Indikatoren ${names}`.slice(0, 500),
    });
    return { ok: true as const };
  });
}

/** The indicators that measure a goal, with their values; only published ones for the public. */
export async function indicatorsOfGoal(goalId: number, { publishedOnly = true } = {}): Promise<Indicator[]> {
  const rows = await db
    .select(summaryColumns)
    .from(goalIndicators)
    .innerJoin(indicators, eq(indicators.id, goalIndicators.indicatorId))
    .where(and(eq(goalIndicators.goalId, goalId), publishedOnly ? eq(indicators.published, true) : undefined))
    .orderBy(...order);
  return withDetails(rows);
}

/** The goals an indicator measures (number and title), oldest goal first. */
export async function goalsOfIndicator(indicatorId: string): Promise<{ id: number; title: string }[]> {
  return db
    .select({ id: goals.id, title: goals.title })
    .from(goalIndicators)
    .innerJoin(goals, eq(goals.id, goalIndicators.goalId))
    .where(eq(goalIndicators.indicatorId, indicatorId))
    .orderBy(asc(goals.id));
}

/** Every goal's linked indicator ids (the report). */
export async function allGoalIndicatorLinks(): Promise<Map<number, string[]>> {
  const rows = await db.select().from(goalIndicators);
  const result = new Map<number, string[]>();
  for (const r of rows) result.set(r.goalId, [...(result.get(r.goalId) ?? []), r.indicatorId]);
  return result;
}

export type FieldData = { id: string; code: string; name: string; indicators: Indicator[] };

/**
 * "Daten zum Handlungsfeld": the published indicators of the given Handlungsfelder, field by field
 * in the catalogue's order; fields without indicators are left out.
 */
export async function indicatorsOfFields(fieldIds: string[]): Promise<FieldData[]> {
  const ids = [...new Set(fieldIds)];
  if (!ids.length) return [];
  const [fields, links] = await Promise.all([
    db
      .select({ id: fieldsOfAction.id, code: fieldsOfAction.code, name: fieldsOfAction.name })
      .from(fieldsOfAction)
      .where(inArray(fieldsOfAction.id, ids))
      .orderBy(asc(fieldsOfAction.position), asc(fieldsOfAction.name)),
    db
      .select({ fieldId: indicatorFields.fieldId, ...summaryColumns })
      .from(indicatorFields)
      .innerJoin(indicators, eq(indicators.id, indicatorFields.indicatorId))
      .where(and(inArray(indicatorFields.fieldId, ids), eq(indicators.published, true)))
      .orderBy(...order),
  ]);
  const unique = new Map<string, IndicatorSummary>();
  for (const { fieldId: _f, ...i } of links) unique.set(i.id, i);
  const details = new Map((await withDetails([...unique.values()])).map((i) => [i.id, i]));
  return fields
    .map((f) => ({
      ...f,
      indicators: links.filter((l) => l.fieldId === f.id).map((l) => details.get(l.id)!),
    }))
    .filter((f) => f.indicators.length > 0);
}

/** The Handlungsfelder (id, code, name) in the catalogue's order: the room view's `?feld=` choice. */
export async function fieldChoices() {
  return db
    .select({ id: fieldsOfAction.id, code: fieldsOfAction.code, name: fieldsOfAction.name })
    .from(fieldsOfAction)
    .orderBy(asc(fieldsOfAction.position), asc(fieldsOfAction.name));
}

export type FieldCoverageState = "both" | "indicators" | "goals" | "neither";
export type FieldCoverageRow = {
  id: string;
  code: string;
  name: string;
  /** Published indicators assigned to the field. */
  indicators: { id: string; name: string; area: IndicatorSummary["area"]; slug: string }[];
  /** Goals of the field with a published status (any year). */
  goals: number;
  state: FieldCoverageState;
};

/** Per Handlungsfeld: does it have indicators, goals, both or neither? */
export async function fieldCoverage(): Promise<FieldCoverageRow[]> {
  const [fields, links, goalRows, published] = await Promise.all([
    fieldChoices(),
    db
      .select({
        fieldId: indicatorFields.fieldId,
        id: indicators.id,
        name: indicators.name,
        area: indicators.area,
        slug: indicators.slug,
      })
      .from(indicatorFields)
      .innerJoin(indicators, eq(indicators.id, indicatorFields.indicatorId))
      .where(eq(indicators.published, true))
      .orderBy(...order),
    db.select({ id: goals.id, fieldId: goals.fieldId }).from(goals).where(isNotNull(goals.fieldId)),
    db.selectDistinct({ goalId: goalYears.goalId }).from(goalYears).where(isNotNull(goalYears.publishedAt)),
  ]);
  const visible = new Set(published.map((p) => p.goalId));
  return fields.map((f) => {
    const list = links.filter((l) => l.fieldId === f.id).map(({ fieldId: _f, ...i }) => i);
    const goalCount = goalRows.filter((g) => g.fieldId === f.id && visible.has(g.id)).length;
    const state: FieldCoverageState =
      list.length && goalCount ? "both" : list.length ? "indicators" : goalCount ? "goals" : "neither";
    return { ...f, indicators: list, goals: goalCount, state };
  });
}

/** The indicators grouped for the organisers' checkbox list (all, published or not). */
export async function indicatorChoices() {
  return listIndicators();
}

/** The loaders' form of `indicatorsOfFields`: digests, serialisable. */
export async function fieldDigests(fieldIds: string[]) {
  return (await indicatorsOfFields(fieldIds)).map((f) => ({ ...f, indicators: f.indicators.map(digest) }));
}
