import { expect, it } from "vitest";
import { db } from "~/db/client.server";
import { conferences, discussionGoalDrafts, discussionInputs, discussionQuestions } from "~/db/schema";
import { importDiscussionDrafts, listDiscussionDrafts, listProposals, proposalGroupFor } from "./proposals.server";
import { findConferenceByDayCode } from "~/modules/conferences/day-code.server";

it("takes the live discussion's goal drafts over as proposals, each once, with their origin", async () => {
  const [conf] = await db
    .insert(conferences)
    .values({
      year: 2030,
      title: "K",
      startsAt: new Date("2030-11-12T09:00Z"),
      endsAt: new Date("2030-11-12T15:00Z"),
      venueName: "S",
      venueAddress: "A",
      capacity: 10,
      status: "published",
      dayCode: "ABCD2030",
    })
    .returning({ id: conferences.id });
  const [input] = await db
    .insert(discussionInputs)
    .values({ conferenceId: conf!.id, title: "Fachinput" })
    .returning({ id: discussionInputs.id });
  const [question] = await db
    .insert(discussionQuestions)
    .values({ inputId: input!.id, text: "Wie erreichen wir Eltern?", deviceHash: "x" })
    .returning({ id: discussionQuestions.id });
  await db.insert(discussionGoalDrafts).values({
    questionId: question!.id,
    inputId: input!.id,
    conferenceId: conf!.id,
    text: "Eltern über Vereine erreichen",
  });

  expect(await listDiscussionDrafts(conf!.id)).toHaveLength(1);
  expect(await importDiscussionDrafts({ conferenceId: conf!.id })).toBe(1);
  expect(await importDiscussionDrafts({ conferenceId: conf!.id })).toBe(0);
  const proposals = await listProposals(conf!.id, { publicOnly: true });
  expect(proposals).toEqual([
    expect.objectContaining({
      title: "Eltern über Vereine erreichen",
      source: "discussion",
      status: "accepted",
      originRef: `discussion:${question!.id}`,
    }),
  ]);
  expect(await listDiscussionDrafts(conf!.id)).toEqual([]);

  // Day codes: typed with spaces, hyphens or lower case; drafts and unknown codes open nothing.
  expect((await findConferenceByDayCode("abcd-2030"))?.id).toBe(conf!.id);
  expect(await findConferenceByDayCode("ZZZZ")).toBeNull();
  expect(await findConferenceByDayCode("'; drop table goals; --")).toBeNull();
});

it("decides which group a staff member proposes for: organisers any or none, a coordinator only their own", () => {
  const own = "6f1c2a4e-0b7d-4c1e-9a3f-2d5b8e7c1a90";
  const other = "0a9b8c7d-6e5f-4a3b-8c2d-1e0f9a8b7c6d";
  expect(proposalGroupFor({ role: "organiser", groupId: null }, other)).toEqual({
    proposedGroupId: other,
    source: "organiser",
  });
  expect(proposalGroupFor({ role: "organiser", groupId: null }, null)).toEqual({
    proposedGroupId: null,
    source: "organiser",
  });
  expect(proposalGroupFor({ role: "coordinator", groupId: own }, other)).toEqual({
    proposedGroupId: own,
    source: "group",
  });
  expect(proposalGroupFor({ role: "coordinator", groupId: null }, other)).toBeNull();
});
