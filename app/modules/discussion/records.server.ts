import { stringify } from "csv-stringify/sync";
import { and, asc, desc, eq, inArray, isNotNull, isNull } from "drizzle-orm";
import { db } from "~/db/client.server";
import { recordAudit } from "~/modules/audit/audit.server";
import { createProposal } from "~/modules/goals/proposals.server";
import { toBerlinLocalInput } from "~/utils/time";
import {
  agendaItems,
  discussionGoalDrafts,
  discussionInputs,
  discussionQuestions,
  discussionRecords,
} from "~/db/schema";

/** The moderator's outcome of an input; `publish` makes it part of the public record. */
export async function saveRecord({
  inputId,
  outcome,
  publish,
  userId,
}: {
  inputId: string;
  outcome: string;
  publish: boolean;
  userId: string;
}) {
  const now = new Date();
  await db.transaction(async (tx) => {
    const [before] = await tx
      .select({ publishedAt: discussionRecords.publishedAt })
      .from(discussionRecords)
      .where(eq(discussionRecords.inputId, inputId));
    await tx
      .insert(discussionRecords)
      .values({ inputId, outcome, publishedAt: publish ? now : null, updatedBy: userId, updatedAt: now })
      .onConflictDoUpdate({
        target: discussionRecords.inputId,
        set: { outcome, publishedAt: publish ? now : null, updatedBy: userId, updatedAt: now },
      });
    // Publishing and withdrawing are recorded (edits of a draft are not).
    const wasPublic = Boolean(before?.publishedAt);
    if (publish || wasPublic) {
      await recordAudit(tx, {
        actor: { id: userId },
        action: publish ? "discussion.record.publish" : "discussion.record.unpublish",
        subjectType: "discussion_input",
        subjectId: inputId,
      });
    }
  });
}

export async function getRecord(inputId: string) {
  const [row] = await db.select().from(discussionRecords).where(eq(discussionRecords.inputId, inputId));
  return row ?? null;
}

/**
 * Turns an open (approved, not answered) question into a goal proposal with one action.
 *
 * Seam to the goals domain: the question is kept in `discussion_goal_drafts` (one per question) and
 * handed to the goals module's `createProposal` (source "discussion", originRef
 * "discussion:<question id>"); the draft remembers the proposal in `goalProposalId`. Should that
 * step fail, the draft stays open and the goals module's `importDiscussionDrafts` takes it over later.
 */
export async function createGoalDraftFromQuestion({
  inputId,
  questionId,
  userId,
}: {
  inputId: string;
  questionId: string;
  userId: string;
}) {
  const [q] = await db
    .select({ id: discussionQuestions.id, text: discussionQuestions.text, conferenceId: discussionInputs.conferenceId })
    .from(discussionQuestions)
    .innerJoin(discussionInputs, eq(discussionInputs.id, discussionQuestions.inputId))
    .where(
      and(
        eq(discussionQuestions.id, questionId),
        eq(discussionQuestions.inputId, inputId),
        eq(discussionQuestions.status, "approved"),
        isNull(discussionQuestions.mergedIntoId),
      ),
    );
  if (!q) return { ok: false as const };
  const [draft] = await db
    .insert(discussionGoalDrafts)
    .values({ questionId: q.id, inputId, conferenceId: q.conferenceId, text: q.text, createdBy: userId })
    .onConflictDoNothing()
    .returning({ id: discussionGoalDrafts.id });
  if (!draft) return { ok: true as const, created: false };
  const proposal = await createProposal({
    conferenceId: q.conferenceId,
    title: q.text.length > 200 ? `${q.text.slice(0, 199)}…` : q.text,
    description: q.text,
    source: "discussion",
    createdByUserId: userId,
    originRef: `discussion:${q.id}`,
  });
  await db
    .update(discussionGoalDrafts)
    .set({ goalProposalId: proposal.id })
    .where(and(eq(discussionGoalDrafts.id, draft.id), isNull(discussionGoalDrafts.goalProposalId)));
  return { ok: true as const, created: true, proposalId: proposal.id };
}

/** Draft goal proposals from discussions, for the goals domain (text only, no names). */
export async function listGoalDrafts(conferenceId: string) {
  return db
    .select({
      id: discussionGoalDrafts.id,
      questionId: discussionGoalDrafts.questionId,
      inputId: discussionGoalDrafts.inputId,
      text: discussionGoalDrafts.text,
      goalProposalId: discussionGoalDrafts.goalProposalId,
      createdAt: discussionGoalDrafts.createdAt,
    })
    .from(discussionGoalDrafts)
    .where(eq(discussionGoalDrafts.conferenceId, conferenceId))
    .orderBy(asc(discussionGoalDrafts.createdAt));
}

export async function goalDraftQuestionIds(inputId: string): Promise<string[]> {
  const rows = await db
    .select({ id: discussionGoalDrafts.questionId })
    .from(discussionGoalDrafts)
    .where(eq(discussionGoalDrafts.inputId, inputId));
  return rows.map((r) => r.id);
}

/**
 * The published discussion records of a conference, for its documentation: input (title, speakers,
 * abstract), outcome, answered and open questions. Only public questions, never names of askers.
 */
export async function getPublishedDiscussionRecords(conferenceId: string) {
  const inputs = await db
    .select({
      id: discussionInputs.id,
      title: discussionInputs.title,
      speakers: discussionInputs.speakers,
      abstract: discussionInputs.abstract,
      slidesFileId: discussionInputs.slidesFileId,
      startsAt: agendaItems.startsAt,
      outcome: discussionRecords.outcome,
      publishedAt: discussionRecords.publishedAt,
    })
    .from(discussionInputs)
    .innerJoin(discussionRecords, eq(discussionRecords.inputId, discussionInputs.id))
    .leftJoin(agendaItems, eq(agendaItems.id, discussionInputs.agendaItemId))
    .where(and(eq(discussionInputs.conferenceId, conferenceId), isNotNull(discussionRecords.publishedAt)))
    .orderBy(asc(agendaItems.startsAt), asc(discussionInputs.position));
  if (!inputs.length) return [];
  const questions = await db
    .select({
      inputId: discussionQuestions.inputId,
      text: discussionQuestions.text,
      status: discussionQuestions.status,
      likeCount: discussionQuestions.likeCount,
    })
    .from(discussionQuestions)
    .where(
      and(
        inArray(
          discussionQuestions.inputId,
          inputs.map((i) => i.id),
        ),
        inArray(discussionQuestions.status, ["approved", "answered"]),
        isNull(discussionQuestions.mergedIntoId),
      ),
    )
    .orderBy(desc(discussionQuestions.likeCount), asc(discussionQuestions.createdAt));
  return inputs.map((input) => {
    const own = questions.filter((q) => q.inputId === input.id);
    return {
      ...input,
      publishedAt: input.publishedAt!,
      answered: own.filter((q) => q.status === "answered").map(({ text, likeCount }) => ({ text, likeCount })),
      open: own.filter((q) => q.status === "approved").map(({ text, likeCount }) => ({ text, likeCount })),
    };
  });
}
export type PublishedDiscussionRecord = Awaited<ReturnType<typeof getPublishedDiscussionRecords>>[number];

/** A spreadsheet must never run a cell: text starting with = + - @ or a control character gets a leading '. */
function safeCell(text: string): string {
  return /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
}

/**
 * The questions of an input as CSV for the organisers' files: only what the room saw (approved and
 * answered, not merged), without names; never a pending or hidden question.
 */
export async function exportQuestionsCsv(inputId: string): Promise<string> {
  const rows = await db
    .select({
      text: discussionQuestions.text,
      status: discussionQuestions.status,
      likeCount: discussionQuestions.likeCount,
      createdAt: discussionQuestions.createdAt,
    })
    .from(discussionQuestions)
    .where(
      and(
        eq(discussionQuestions.inputId, inputId),
        inArray(discussionQuestions.status, ["approved", "answered"]),
        isNull(discussionQuestions.mergedIntoId),
      ),
    )
    .orderBy(desc(discussionQuestions.likeCount), asc(discussionQuestions.createdAt));
  return (
    "\uFEFF" +
    stringify(
      [
        ["Frage", "Stand", "Likes", "Gestellt am"],
        ...rows.map((r) => [
          safeCell(r.text),
          r.status === "answered" ? "beantwortet" : "offen",
          r.likeCount,
          toBerlinLocalInput(r.createdAt).replace("T", " "),
        ]),
      ],
      { delimiter: ";" },
    )
  );
}
