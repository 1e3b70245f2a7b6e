import { data } from "@remix-run/node";
import type { MessageKey } from "~/i18n/catalog";
import { hitRateLimit } from "~/modules/security/rate-limit.server";
import { assertCsrf, fieldErrors, formValues } from "~/utils/form.server";
import { notFound, tooManyRequests } from "~/utils/http.server";
import { listFields, listRecommendations } from "./catalogue.server";
import { proposalSchema } from "./goals.schema";
import { createProposal } from "./proposals.server";
import { type BallotError, ballotProposals, castBallot, getBallot, getVotingRound, roundState } from "./voting.server";

/** Enumerated, not built at run time: the Arabic key check (app/i18n/arabic.test.ts) sees every one. */
const ballotErrorKeys: Record<BallotError, MessageKey> = {
  tooMany: "goals.ballot.error.tooMany",
  overMax: "goals.ballot.error.overMax",
  invalid: "goals.ballot.error.invalid",
  notOpen: "goals.ballot.error.notOpen",
  unknownProposal: "goals.ballot.error.unknownProposal",
};

const proposalLimit = { name: "goal-proposal", limit: 10, windowMs: 60 * 60_000 };
const ballotLimit = { name: "goal-ballot", limit: 60, windowMs: 15 * 60_000 };

/**
 * Who takes part: through the conference-day code a browser's device id, through the registration's
 * manage link the registration. `voterKey` is the hash that stands for one ballot; `limitKey` the
 * subject of the rate limits; `backTo` where the page links back to.
 */
export type Participant = {
  conference: { id: string; year: number; title: string };
  voterKey: string | null;
  limitKey: string;
  backTo: { href: string; label: "goals.participate.backToBoard" | "goals.participate.backToRegistration" };
};

export async function participationData(p: Participant) {
  const [round, proposals, fields, recommendations] = await Promise.all([
    getVotingRound(p.conference.id),
    ballotProposals(p.conference.id),
    listFields(),
    listRecommendations(),
  ]);
  const mine = round && p.voterKey ? await getBallot(round.id, p.voterKey) : {};
  return {
    conference: { year: p.conference.year, title: p.conference.title },
    backTo: p.backTo,
    round: round ? { pointsPerVoter: round.pointsPerVoter, maxPerProposal: round.maxPerProposal, opensAt: round.opensAt, closesAt: round.closesAt } : null,
    state: roundState(round),
    proposals,
    mine,
    fields: fields.map((f) => ({ id: f.id, name: f.name })),
    recommendations: recommendations.map((r) => ({ id: r.id, code: r.code, title: r.title, fieldId: r.fieldId })),
  };
}

/** Votes (intent "vote") and proposals (intent "propose") of one participant; `headers` go with the answer. */
export async function participationAction(input: { request: Request; context: Parameters<typeof assertCsrf>[1]; form: FormData; participant: Participant & { voterKey: string }; headers?: HeadersInit }) {
  const { form, participant, headers } = input;
  assertCsrf(form, input.context);
  const intent = form.get("intent");
  if (intent === "vote") {
    const limited = await hitRateLimit(ballotLimit, participant.limitKey);
    if (!limited.allowed) tooManyRequests(limited.retryAfterSeconds);
    const points: Record<string, number> = {};
    const values: Record<string, string> = {};
    for (const [key, value] of form) {
      if (!key.startsWith("p.") || typeof value !== "string") continue;
      values[key] = value;
      const trimmed = value.trim();
      points[key.slice(2)] = trimmed === "" ? 0 : /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : -1;
    }
    const result = await castBallot({ conferenceId: participant.conference.id, voterKey: participant.voterKey, points });
    if (!result.ok) {
      const spent = Object.values(points).reduce((s, p) => s + Math.max(0, p), 0);
      return data({ intent: "vote" as const, ok: false as const, error: ballotErrorKeys[result.error], values, spent, errors: {} as Record<string, MessageKey> }, { status: 400, headers });
    }
    return data({ intent: "vote" as const, ok: true as const, spent: result.spent, error: null, values: {} as Record<string, string>, errors: {} as Record<string, MessageKey> }, { headers });
  }
  if (intent === "propose") {
    const raw: Record<string, unknown> = {};
    for (const key of new Set(form.keys())) {
      const all = form.getAll(key).filter((v): v is string => typeof v === "string");
      raw[key] = key === "recommendationIds" ? all : all[0];
    }
    const parsed = proposalSchema.safeParse(raw);
    if (!parsed.success) return data({ intent: "propose" as const, ok: false as const, error: null, errors: fieldErrors(parsed.error), values: formValues(form), spent: 0 }, { status: 400, headers });
    const limited = await hitRateLimit(proposalLimit, participant.limitKey);
    if (!limited.allowed) tooManyRequests(limited.retryAfterSeconds);
    await createProposal({ ...parsed.data, proposedGroupId: null, conferenceId: participant.conference.id, source: "participant" });
    return data({ intent: "propose" as const, ok: true as const, error: null, errors: {} as Record<string, MessageKey>, values: {} as Record<string, string>, spent: 0 }, { headers });
  }
  notFound();
}
