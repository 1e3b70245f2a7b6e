import { beforeAll, describe, expect, it } from "vitest";
import { translator } from "~/i18n/catalog";
import { listAudit } from "~/modules/audit/audit.server";
import { seedGoalData } from "../../../tests/support/goal-data";
import { digest, trendSentence } from "./digest";
import {
  fieldCoverage,
  fieldDigests,
  goalsOfIndicator,
  indicatorsOfGoal,
  linkedIndicatorIds,
  setGoalIndicators,
} from "./goal-links.server";

let data: Awaited<ReturnType<typeof seedGoalData>>;
beforeAll(async () => {
  data = await seedGoalData();
});

describe("goal ↔ indicator links", () => {
  it("are set and replaced by organisers, audited, and shown with the trend on the goal", async () => {
    const { goals, indicators, organiser } = data;
    expect(await linkedIndicatorIds(goals.work)).toEqual([]);
    expect(
      await setGoalIndicators({
        goalId: goals.work,
        indicatorIds: [indicators.jobless, indicators.vaccination],
        actor: organiser,
      }),
    ).toEqual({ ok: true });
    expect((await linkedIndicatorIds(goals.work)).sort()).toEqual([indicators.jobless, indicators.vaccination].sort());
    // The public sees only the published indicator, with its trend sentence and newest values.
    const shown = (await indicatorsOfGoal(goals.work)).map(digest);
    expect(shown.map((i) => i.name)).toEqual(["Arbeitslosenquote"]);
    expect(trendSentence(translator("de"), "de", shown[0]!)).toBe(
      "Der Abstand ist seit 2019 um 3,0 Prozentpunkte kleiner geworden.",
    );
    expect(shown[0]).toMatchObject({
      path: "/monitoring/beschaeftigung/arbeitslosenquote",
      example: true,
      latestYear: 2025,
      latest: [
        { group: "german", value: 6 },
        { group: "foreign", value: 16 },
      ],
    });
    expect((await indicatorsOfGoal(goals.work, { publishedOnly: false })).length).toBe(2);
    expect(await goalsOfIndicator(indicators.jobless)).toEqual([{ id: goals.work, title: expect.any(String) }]);

    // Replacing the set; the audit log records the change of the goal.
    expect(
      await setGoalIndicators({ goalId: goals.work, indicatorIds: [indicators.jobless], actor: organiser }),
    ).toEqual({ ok: true });
    expect(await linkedIndicatorIds(goals.work)).toEqual([indicators.jobless]);
    const audit = await listAudit({ kind: "goal" });
    expect(
      audit.some(
        (r) =>
          r.action === "goal.update" && r.subjectId === String(goals.work) && r.summary.includes("Arbeitslosenquote"),
      ),
    ).toBe(true);
  });

  it("refuse unknown indicators and goals without changing anything", async () => {
    const { goals, indicators, organiser } = data;
    await setGoalIndicators({ goalId: goals.school, indicatorIds: [indicators.jobless], actor: organiser });
    expect(
      await setGoalIndicators({
        goalId: goals.school,
        indicatorIds: ["00000000-0000-4000-8000-0000000000ff"],
        actor: organiser,
      }),
    ).toEqual({ ok: false, reason: "unknown_indicator" });
    expect(await linkedIndicatorIds(goals.school)).toEqual([indicators.jobless]);
    expect(await setGoalIndicators({ goalId: 999_999, indicatorIds: [], actor: organiser })).toEqual({
      ok: false,
      reason: "not_found",
    });
    await setGoalIndicators({ goalId: goals.school, indicatorIds: [], actor: organiser });
    expect(await linkedIndicatorIds(goals.school)).toEqual([]);
  });
});

describe("Handlungsfelder and data", () => {
  it("coverage says per field: indicators, goals, both or neither", async () => {
    const rows = await fieldCoverage();
    const state = Object.fromEntries(rows.map((r) => [r.code, r.state]));
    // ABE: a goal and a published indicator; BIL, GES: goals only; KUL: a published indicator (and an
    // unpublished one, which does not count); the fields the catalogue brings along: neither.
    expect(state).toMatchObject({ ABE: "both", BIL: "goals", GES: "goals", KUL: "indicators", AUM: "neither" });
    expect(rows.filter((r) => r.state === "neither").length).toBe(rows.length - 4);
    const abe = rows.find((r) => r.code === "ABE")!;
    expect(abe.goals).toBe(1);
    expect(abe.indicators.map((i) => i.slug)).toEqual(["arbeitslosenquote"]);
  });

  it("'Daten zum Handlungsfeld' lists the published indicators of the fields in play", async () => {
    const { fields } = data;
    const list = await fieldDigests([fields.abe, fields.bil, fields.kul, fields.abe]);
    expect(list.map((f) => f.code)).toEqual(["ABE", "KUL"]);
    expect(list.map((f) => f.indicators.map((i) => [i.name, i.trend.key]))).toEqual([
      [["Arbeitslosenquote", "monitoring.trend.gapSmaller"]],
      [["Kulturvereine", "monitoring.trend.tooFew"]],
    ]);
    expect(await fieldDigests([])).toEqual([]);
  });
});
