import { expect, it } from "vitest";
import { seedDemo } from "~/modules/demo/seed.server";
import { listRecommendations } from "./catalogue.server";
import { coverage, listGoals } from "./goals.server";
import { findConferenceByYear, listProposals } from "./proposals.server";
import { findConferenceByDayCode } from "~/modules/conferences/day-code.server";
import { getVotingRound, roundState, votingResults } from "./voting.server";

it("the demo has 3 recommendations per field, last year's goals rolled into this year and an open vote", async () => {
  const now = new Date();
  await seedDemo({ now });
  const recs = await listRecommendations();
  expect(recs).toHaveLength(36);
  expect(new Set(recs.map((r) => r.fieldCode)).size).toBe(12);
  const goals = await listGoals();
  expect(goals.map((g) => g.history.map((h) => h.status))).toEqual([
    ["in_umsetzung", "uebertragen"],
    ["erreicht"],
    ["neu", "uebertragen"],
  ]);
  // The day code is ours (IK<year>) or the live discussion's; either way it opens this conference.
  const conference = (await findConferenceByYear(goals[0]!.history[1]!.year))!;
  expect(conference.dayCode).toBeTruthy();
  expect((await findConferenceByDayCode(conference.dayCode!.toLowerCase()))?.id).toBe(conference.id);
  expect(roundState(await getVotingRound(conference.id), now)).toBe("open");
  const proposals = await listProposals(conference.id);
  expect(proposals.find((p) => p.title === "Gesundheitslotsinnen in jedem Stadtteil")?.mergedFrom).toHaveLength(1);
  const results = await votingResults(conference.id);
  expect(results.ballots).toBe(3);
  expect(results.rows[0]).toMatchObject({ title: "Berufsorientierung mit Eltern ab Klasse 8", points: 6 });
  const cov = await coverage({ years: 3, untilYear: conference.year });
  expect(
    cov
      .filter((c) => !c.quiet)
      .map((c) => c.code)
      .sort(),
  ).toEqual(["BIL-1", "IOV-2", "SPR-2", "WZS-1"]);
  expect(await findConferenceByYear(conference.year - 1)).not.toBeNull();
});
