import { db } from "~/db/client.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { writeValues, type Indicator, type ValueChange } from "./indicators.server";

/** Saves the table's changes with one audit entry; false when nothing changed. */
export async function saveValueTable({
  indicator,
  changes,
  actor,
}: {
  indicator: Pick<Indicator, "id" | "name">;
  changes: ValueChange[];
  actor: { id: string; name: string };
}): Promise<boolean> {
  if (!changes.length) return false;
  await db.transaction(async (tx) => {
    await writeValues(tx, indicator.id, changes);
    await recordAudit(tx, {
      actor,
      action: "indicator.values",
      subjectType: "indicator",
      subjectId: indicator.id,
      summary: `${indicator.name}: ${changes.length}`,
    });
  });
  return true;
}
