import { and, asc, desc, eq, inArray, isNull, ne, TransactionRollbackError } from "drizzle-orm";
import { db } from "~/db/client.server";
import { recordAudit } from "~/modules/audit/audit.server";
import {
  conferences,
  discussionGoalDrafts,
  fieldsOfAction,
  goalProposals,
  groups,
  proposalRecommendations,
  recommendations,
} from "~/db/schema";

export type ProposalSource = (typeof goalProposals.$inferSelect)["source"];

export async function findConferenceByYear(year: number) {
  const [row] = await db
    .select({ id: conferences.id, year: conferences.year, title: conferences.title, dayCode: conferences.dayCode })
    .from(conferences)
    .where(eq(conferences.year, year));
  return row ?? null;
}

/**
 * The group a staff member's proposal is made for: an organiser names any group (or none), a
 * coordinator always proposes for their own group. null: this person may not propose at all.
 */
export function proposalGroupFor(
  user: { role: "organiser" | "coordinator"; groupId: string | null },
  asked: string | null,
): { proposedGroupId: string | null; source: "organiser" | "group" } | null {
  if (user.role === "organiser") return { proposedGroupId: asked, source: "organiser" };
  return user.groupId ? { proposedGroupId: user.groupId, source: "group" } : null;
}

export type ProposalInput = {
  conferenceId: string;
  title: string;
  description?: string;
  fieldId?: string | null;
  proposedGroupId?: string | null;
  recommendationIds?: string[];
  source: ProposalSource;
  createdByUserId?: string | null;
  originRef?: string;
};

/**
 * A goal proposal. Participants' proposals wait for an organiser's review before they are public
 * and on the ballot; those of working groups, organisers and the discussion record are accepted.
 */
export async function createProposal(input: ProposalInput) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .insert(goalProposals)
      .values({
        conferenceId: input.conferenceId,
        title: input.title,
        description: input.description ?? "",
        fieldId: input.fieldId ?? null,
        proposedGroupId: input.proposedGroupId ?? null,
        source: input.source,
        status: input.source === "participant" ? "submitted" : "accepted",
        createdByUserId: input.createdByUserId ?? null,
        originRef: input.originRef ?? "",
      })
      .returning();
    const recs = [...new Set(input.recommendationIds ?? [])];
    if (recs.length)
      await tx
        .insert(proposalRecommendations)
        .values(recs.map((recommendationId) => ({ proposalId: row!.id, recommendationId })));
    return row!;
  });
}

export async function setProposalStatus(input: {
  id: string;
  status: "accepted" | "rejected" | "submitted";
  actor?: { id: string; name?: string } | null;
}) {
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(goalProposals)
      .set({ status: input.status })
      .where(and(eq(goalProposals.id, input.id), ne(goalProposals.status, "merged")))
      .returning({ id: goalProposals.id, title: goalProposals.title });
    // The page only admits or rejects; "submitted" (back to review) has no button and no sentence.
    if (rows.length && input.actor && input.status !== "submitted")
      await recordAudit(tx, {
        actor: input.actor,
        action: input.status === "rejected" ? "goal.proposal.reject" : "goal.proposal.accept",
        subjectType: "goal_proposal",
        subjectId: input.id,
        summary: rows[0]!.title,
      });
    return rows.length > 0;
  });
}

/**
 * Gives the ticked proposals of one conference a theme (an empty theme removes it); returns how
 * many were changed. The change is recorded in the audit log.
 */
export async function setProposalCluster(input: {
  conferenceId: string;
  ids: string[];
  cluster: string;
  actor?: { id: string; name?: string } | null;
}) {
  if (input.ids.length === 0) return 0;
  const cluster = input.cluster.trim();
  return db.transaction(async (tx) => {
    const rows = await tx
      .update(goalProposals)
      .set({ cluster })
      .where(and(eq(goalProposals.conferenceId, input.conferenceId), inArray(goalProposals.id, input.ids)))
      .returning({ id: goalProposals.id });
    if (rows.length && input.actor)
      await recordAudit(tx, {
        actor: input.actor,
        action: "goal.proposal.cluster",
        subjectType: "goal_proposal",
        subjectId: rows.length === 1 ? rows[0]!.id : null,
        summary: `${rows.length} → „${cluster}“`,
      });
    return rows.length;
  });
}

export type ProposalChanges = { title: string; description: string; fieldId: string | null };

/**
 * An organiser rewords a proposal (title, description, field of action). Who proposed it, its
 * source and its points stay; the change is recorded in the audit log. null: no such proposal.
 */
export async function updateProposal(input: {
  id: string;
  changes: ProposalChanges;
  actor: { id: string; name?: string } | null;
}) {
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(goalProposals)
      .set({ title: input.changes.title, description: input.changes.description, fieldId: input.changes.fieldId })
      .where(eq(goalProposals.id, input.id))
      .returning({ id: goalProposals.id, conferenceId: goalProposals.conferenceId });
    if (!row) return null;
    await recordAudit(tx, {
      actor: input.actor,
      action: "goal.proposal.update",
      subjectType: "goal_proposal",
      subjectId: row.id,
      summary: input.changes.title,
    });
    return row;
  });
}

/**
 * Merges duplicates into one proposal: they become "merged" and point to it, their linked
 * recommendations are added to it, and points already given to them count for it.
 */
export async function mergeProposals(input: {
  targetId: string;
  sourceIds: string[];
  now?: Date;
  actor?: { id: string; name?: string } | null;
}) {
  const sources = input.sourceIds.filter((id) => id !== input.targetId);
  if (sources.length === 0) return { ok: false as const, error: "nothing" as const };
  return db.transaction(async (tx) => {
    const [target] = await tx.select().from(goalProposals).where(eq(goalProposals.id, input.targetId));
    if (!target || target.status === "merged" || target.status === "rejected")
      return { ok: false as const, error: "target" as const };
    const rows = await tx.select().from(goalProposals).where(inArray(goalProposals.id, sources));
    if (
      rows.length !== sources.length ||
      rows.some((r) => r.conferenceId !== target.conferenceId || r.status === "merged")
    ) {
      return { ok: false as const, error: "sources" as const };
    }
    await tx
      .update(goalProposals)
      .set({ status: "merged", mergedIntoId: target.id, mergedAt: input.now ?? new Date() })
      .where(inArray(goalProposals.id, sources));
    const links = await tx
      .select({ recommendationId: proposalRecommendations.recommendationId })
      .from(proposalRecommendations)
      .where(inArray(proposalRecommendations.proposalId, sources));
    if (links.length) {
      await tx
        .insert(proposalRecommendations)
        .values(
          [...new Set(links.map((l) => l.recommendationId))].map((recommendationId) => ({
            proposalId: target.id,
            recommendationId,
          })),
        )
        .onConflictDoNothing();
    }
    if (target.status === "submitted")
      await tx.update(goalProposals).set({ status: "accepted" }).where(eq(goalProposals.id, target.id));
    if (input.actor)
      await recordAudit(tx, {
        actor: input.actor,
        action: "goal.proposal.merge",
        subjectType: "goal_proposal",
        subjectId: target.id,
        summary: `${sources.length} → „${target.title}“`,
      });
    return { ok: true as const, merged: sources.length, targetTitle: target.title };
  });
}

/** Every proposal of a conference with its links and merge trace (for organisers). */
export async function listProposals(conferenceId: string, opts: { publicOnly?: boolean } = {}) {
  const where = opts.publicOnly
    ? and(eq(goalProposals.conferenceId, conferenceId), inArray(goalProposals.status, ["accepted", "merged"]))
    : eq(goalProposals.conferenceId, conferenceId);
  const rows = await db
    .select({
      id: goalProposals.id,
      title: goalProposals.title,
      description: goalProposals.description,
      source: goalProposals.source,
      status: goalProposals.status,
      cluster: goalProposals.cluster,
      mergedIntoId: goalProposals.mergedIntoId,
      originRef: goalProposals.originRef,
      createdAt: goalProposals.createdAt,
      fieldId: goalProposals.fieldId,
      fieldName: fieldsOfAction.name,
      proposedGroupId: goalProposals.proposedGroupId,
      groupName: groups.name,
    })
    .from(goalProposals)
    .leftJoin(fieldsOfAction, eq(fieldsOfAction.id, goalProposals.fieldId))
    .leftJoin(groups, eq(groups.id, goalProposals.proposedGroupId))
    .where(where)
    .orderBy(asc(goalProposals.cluster), desc(goalProposals.createdAt));
  const ids = rows.map((r) => r.id);
  const links = ids.length
    ? await db
        .select({
          proposalId: proposalRecommendations.proposalId,
          id: recommendations.id,
          code: recommendations.code,
          title: recommendations.title,
        })
        .from(proposalRecommendations)
        .innerJoin(recommendations, eq(recommendations.id, proposalRecommendations.recommendationId))
        .where(inArray(proposalRecommendations.proposalId, ids))
        .orderBy(asc(recommendations.code))
    : [];
  return rows.map((r) => ({
    ...r,
    recommendations: links.filter((l) => l.proposalId === r.id).map(({ id, code, title }) => ({ id, code, title })),
    mergedFrom: rows
      .filter((m) => m.mergedIntoId === r.id)
      .map((m) => ({ id: m.id, title: m.title, source: m.source })),
  }));
}

export async function getProposal(id: string) {
  const [row] = await db.select().from(goalProposals).where(eq(goalProposals.id, id));
  if (!row) return null;
  const recs = await db
    .select({ id: recommendations.id, code: recommendations.code })
    .from(proposalRecommendations)
    .innerJoin(recommendations, eq(recommendations.id, proposalRecommendations.recommendationId))
    .where(eq(proposalRecommendations.proposalId, id));
  return { ...row, recommendations: recs };
}

/** Open questions the live discussion turned into goal drafts and that are not proposals yet. */
export async function listDiscussionDrafts(conferenceId: string) {
  return db
    .select({
      id: discussionGoalDrafts.id,
      text: discussionGoalDrafts.text,
      questionId: discussionGoalDrafts.questionId,
    })
    .from(discussionGoalDrafts)
    .where(and(eq(discussionGoalDrafts.conferenceId, conferenceId), isNull(discussionGoalDrafts.goalProposalId)))
    .orderBy(asc(discussionGoalDrafts.createdAt));
}

/** Takes the discussion's goal drafts over as accepted proposals (source "discussion"); each once. */
export async function importDiscussionDrafts(input: { conferenceId: string; userId?: string | null }) {
  const drafts = await listDiscussionDrafts(input.conferenceId);
  let created = 0;
  for (const draft of drafts) {
    const title = draft.text.length > 200 ? `${draft.text.slice(0, 197)}…` : draft.text;
    await db
      .transaction(async (tx) => {
        const [proposal] = await tx
          .insert(goalProposals)
          .values({
            conferenceId: input.conferenceId,
            title,
            description: draft.text,
            source: "discussion",
            status: "accepted",
            createdByUserId: input.userId ?? null,
            originRef: `discussion:${draft.questionId}`,
          })
          .returning({ id: goalProposals.id });
        const taken = await tx
          .update(discussionGoalDrafts)
          .set({ goalProposalId: proposal!.id })
          .where(and(eq(discussionGoalDrafts.id, draft.id), isNull(discussionGoalDrafts.goalProposalId)))
          .returning({ id: discussionGoalDrafts.id });
        if (taken.length === 0) tx.rollback();
        else created++;
      })
      .catch((error: unknown) => {
        if (!(error instanceof TransactionRollbackError)) throw error;
      });
  }
  return created;
}
