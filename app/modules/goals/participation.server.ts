import type { MessageKey } from "~/i18n/catalog";
import { listFields, listRecommendations } from "./catalogue.server";
import { ballotProposals, getBallot, getVotingRound, roundState } from "./voting.server";

/** Rate limits of taking part (per participant's `limitKey`). */
export const proposalLimit = { name: "goal-proposal", limit: 10, windowMs: 60 * 60_000 };
export const ballotLimit = { name: "goal-ballot", limit: 60, windowMs: 15 * 60_000 };

/** What the page gets back after a vote or a proposal (`error`: the ballot's refusal). */
export type ParticipationAnswer = {
  intent: "vote" | "propose";
  ok: boolean;
  error: MessageKey | null;
  errors: Record<string, MessageKey>;
  values: Record<string, string>;
  spent: number;
};

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
    round: round
      ? {
          pointsPerVoter: round.pointsPerVoter,
          maxPerProposal: round.maxPerProposal,
          opensAt: round.opensAt,
          closesAt: round.closesAt,
        }
      : null,
    state: roundState(round),
    proposals,
    mine,
    fields: fields.map((f) => ({ id: f.id, name: f.name })),
    recommendations: recommendations.map((r) => ({ id: r.id, code: r.code, title: r.title, fieldId: r.fieldId })),
  };
}
