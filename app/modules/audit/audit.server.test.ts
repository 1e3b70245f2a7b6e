import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { createUser } from "~/modules/auth/accounts.server";
import { listAudit, pruneAudit, recordAudit } from "./audit.server";

describe("audit log", () => {
  it("records who did what, when, and keeps entries only for the retention period", async () => {
    const user = await createUser({ email: "audit@example.org", name: "Olga Organisation", role: "organiser" });
    await recordAudit(db, { actor: user, action: "registration.export", subjectType: "conference", subjectId: "2026", summary: "CSV mit 12 Anmeldungen" });
    const [entry] = await listAudit();
    expect(entry).toMatchObject({ actorId: user.id, actorName: "Olga Organisation", action: "registration.export", subjectId: "2026" });
    expect(await pruneAudit(365, new Date(Date.now() + 364 * 86_400_000))).toBe(0);
    expect(await pruneAudit(365, new Date(Date.now() + 366 * 86_400_000))).toBe(1);
    expect(await listAudit()).toHaveLength(0);
  });

  it("rolls back with the action it belongs to", async () => {
    await expect(
      db.transaction(async (tx) => {
        await recordAudit(tx, { actor: null, action: "report.publish", subjectType: "report" });
        throw new Error("publishing failed");
      }),
    ).rejects.toThrow();
    expect(await listAudit()).toHaveLength(0);
  });
});
