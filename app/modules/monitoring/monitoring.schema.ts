import { z } from "zod";
import { INDICATOR_COMPARISONS, MONITORING_AREAS, POPULATION_GROUPS, type MonitoringArea } from "~/db/enums";

export { INDICATOR_COMPARISONS, MONITORING_AREAS, POPULATION_GROUPS };

/** The area's address part: rechtliche_situation ↔ /monitoring/rechtliche-situation. */
export function areaSlug(area: MonitoringArea): string {
  return area.replace(/_/g, "-");
}
export function areaFromSlug(slug: string): MonitoringArea | null {
  const area = slug.replace(/-/g, "_");
  return (MONITORING_AREAS as readonly string[]).includes(area) ? (area as MonitoringArea) : null;
}

const idList = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.uuid()));

/** An indicator's description (its values come by import or the value table). */
export const indicatorSchema = z.object({
  name: z.string({ error: "errors.required" }).trim().min(3, "errors.required").max(200, "errors.tooLong"),
  area: z.enum(MONITORING_AREAS, { message: "errors.invalid" }),
  definition: z.string().trim().max(2000, "errors.tooLong").optional().default(""),
  unit: z.string().trim().max(60, "errors.tooLong").optional().default(""),
  decimals: z.preprocess(
    (v) => (v === "" || v === undefined ? 1 : v),
    z.coerce
      .number({ message: "errors.invalid" })
      .int("errors.invalid")
      .min(0, "errors.invalid")
      .max(3, "errors.invalid"),
  ),
  source: z.string().trim().max(500, "errors.tooLong").optional().default(""),
  comparison: z.enum(INDICATOR_COMPARISONS, { message: "errors.invalid" }),
  fieldIds: idList,
  published: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()),
});
export type IndicatorInput = z.output<typeof indicatorSchema>;
