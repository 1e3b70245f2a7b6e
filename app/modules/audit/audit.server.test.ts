import { describe, expect, it } from "vitest";
import { db } from "~/db/client.server";
import { createUser } from "~/modules/auth/accounts.server";
import { auditLog } from "~/db/schema";
import { AUDIT_ACTIONS, auditActors, listAudit, parseAuditFilter, pruneAudit, recordAudit } from "./audit.server";
import { translator } from "~/i18n/catalog";

describe("audit log", () => {
  it("records who did what, when, and keeps entries only for the retention period", async () => {
    const user = await createUser({ email: "audit@example.org", name: "Olga Organisation", role: "organiser" });
    await recordAudit(db, {
      actor: user,
      action: "registration.export",
      subjectType: "conference",
      subjectId: "2026",
      summary: "CSV mit 12 Anmeldungen",
    });
    const [entry] = await listAudit();
    expect(entry).toMatchObject({
      actorId: user.id,
      actorName: "Olga Organisation",
      action: "registration.export",
      subjectId: "2026",
    });
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

  it("filters by person, kind and Berlin calendar day; names a wrong date instead of ignoring it", async () => {
    const anna = await createUser({ email: "anna-audit@example.org", name: "Anna Beispiel", role: "organiser" });
    const ben = await createUser({ email: "ben-audit@example.org", name: "Ben Muster", role: "organiser" });
    await recordAudit(db, { actor: { id: anna.id }, action: "documentation.publish", subjectType: "documentation" });
    await recordAudit(db, { actor: ben, action: "registration.export", subjectType: "conference", subjectId: "2027" });
    // 23:30 in Berlin on 1 March (winter time: 22:30 UTC) belongs to 1 March.
    await db.update(auditLog).set({ at: new Date("2027-03-01T22:30:00Z") });
    await recordAudit(db, { actor: ben, action: "report.publish", subjectType: "report" });

    expect(await auditActors()).toEqual(["Anna Beispiel", "Ben Muster"]);
    const byAnna = await listAudit(parseAuditFilter(new URLSearchParams("person=Anna+Beispiel")).filter);
    expect(byAnna.map((e) => [e.actorName, e.action])).toEqual([["Anna Beispiel", "documentation.publish"]]);
    const reports = await listAudit(parseAuditFilter(new URLSearchParams("bereich=report")).filter);
    expect(reports.map((e) => e.action)).toEqual(["report.publish"]);
    const march1 = parseAuditFilter(new URLSearchParams("von=2027-03-01&bis=2027-03-01"));
    expect(march1.errors).toEqual({});
    expect((await listAudit(march1.filter)).map((e) => e.action).sort()).toEqual([
      "documentation.publish",
      "registration.export",
    ]);
    expect(await listAudit(parseAuditFilter(new URLSearchParams("von=2027-03-02&bis=2027-03-31")).filter)).toHaveLength(
      0,
    );

    const bad = parseAuditFilter(new URLSearchParams("von=2027-02-30&bis=morgen&bereich=nonsense"));
    expect(bad.errors).toEqual({ from: "audit.filter.invalidDate", until: "audit.filter.invalidDate" });
    expect(bad.filter).toEqual({});
    expect(bad.values).toMatchObject({ from: "2027-02-30", until: "morgen" });
  });

  it("has a sentence for every action in German and English", () => {
    for (const locale of ["de", "en"] as const) {
      const t = translator(locale);
      for (const action of AUDIT_ACTIONS)
        expect(t(`audit.action.${action}`, { actor: "Anna Beispiel" })).toMatch(/^Anna Beispiel \S.*\.$/);
    }
    expect(translator("de")("audit.action.documentation.publish", { actor: "Anna Beispiel" })).toBe(
      "Anna Beispiel hat die Dokumentation veröffentlicht.",
    );
  });
});
