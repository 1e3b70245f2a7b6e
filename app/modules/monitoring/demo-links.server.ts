import { inArray } from "drizzle-orm";
import { db } from "~/db/client.server";
import { goalIndicators, goals, indicators } from "~/db/schema";

/** Which example indicators measure which demo goal (by title and name: the demo's own data). */
const DEMO_LINKS: Record<string, string[]> = {
  "Sprachcafés für Eltern an drei Grundschulen": ["Schulabgang ohne Abschluss", "Schulabgang mit Hochschulreife"],
  "Nachbarschaftstreff im Stadtteilzentrum Welheim": [
    "Bevölkerung mit Einwanderungsgeschichte",
    "Wohnfläche je Person",
  ],
};

/** Links the demo goals to fitting example indicators; after seedGoalsDemo and seedMonitoringDemo. */
export async function seedGoalIndicatorDemo(): Promise<number> {
  const [goalRows, indicatorRows] = await Promise.all([
    db
      .select({ id: goals.id, title: goals.title })
      .from(goals)
      .where(inArray(goals.title, Object.keys(DEMO_LINKS))),
    db
      .select({ id: indicators.id, name: indicators.name })
      .from(indicators)
      .where(inArray(indicators.name, [...new Set(Object.values(DEMO_LINKS).flat())])),
  ]);
  const rows = goalRows.flatMap((g) =>
    (DEMO_LINKS[g.title] ?? []).flatMap((name) =>
      indicatorRows.filter((i) => i.name === name).map((i) => ({ goalId: g.id, indicatorId: i.id })),
    ),
  );
  if (rows.length) await db.insert(goalIndicators).values(rows).onConflictDoNothing();
  return rows.length;
}
