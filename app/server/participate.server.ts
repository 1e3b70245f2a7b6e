import { data } from "@remix-run/node";
import { z } from "zod";
import type { MessageKey } from "~/i18n/catalog";
import { proposalSchema } from "~/modules/goals/goals.schema";
import {
  ballotLimit,
  proposalLimit,
  type Participant,
  type ParticipationAnswer as Answer,
} from "~/modules/goals/participation.server";
import { createProposal } from "~/modules/goals/proposals.server";
import { castBallot, type BallotError } from "~/modules/goals/voting.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";
import { parseForm } from "./form.server";
import { notFound } from "./http.server";

/** Enumerated, not built at run time: the Arabic key check (app/i18n/arabic.test.ts) sees every one. */
const ballotErrorKeys: Record<BallotError, MessageKey> = {
  tooMany: "goals.ballot.error.tooMany",
  overMax: "goals.ballot.error.overMax",
  invalid: "goals.ballot.error.invalid",
  notOpen: "goals.ballot.error.notOpen",
  unknownProposal: "goals.ballot.error.unknownProposal",
};

const participationSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("vote") }).catchall(z.union([z.string(), z.array(z.string())])),
  proposalSchema,
]);

/**
 * Votes (intent "vote") and proposals (intent "propose") of one participant; `headers` go with the
 * answer. Too many attempts: 429 with Retry-After, the message on the page, the input kept.
 */
export async function participationAction(input: {
  request: Request;
  context: Parameters<typeof parseForm>[1];
  participant: Participant & { voterKey: string };
  headers?: HeadersInit;
}) {
  const { participant } = input;
  const headers = new Headers(input.headers);
  const answer = (a: Answer, status = 200, retryAfter?: number) => {
    if (retryAfter) headers.set("Retry-After", String(retryAfter));
    return data(a, { status, headers });
  };
  const result = await parseForm(input.request, input.context, participationSchema);
  if (!result.ok) {
    if (result.intent !== "propose") notFound();
    return answer(
      { intent: "propose", ok: false, error: null, errors: result.errors, values: result.values, spent: 0 },
      400,
    );
  }
  if (result.data.intent === "vote") {
    const points: Record<string, number> = {};
    const values: Record<string, string> = {};
    for (const [key, value] of Object.entries(result.data)) {
      if (!key.startsWith("p.") || typeof value !== "string") continue;
      values[key] = value;
      const trimmed = value.trim();
      points[key.slice(2)] = trimmed === "" ? 0 : /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : -1;
    }
    const spent = Object.values(points).reduce((s, p) => s + Math.max(0, p), 0);
    const limited = await hitRateLimit(ballotLimit, participant.limitKey);
    if (!limited.allowed)
      return answer(
        { intent: "vote", ok: false, error: "errors.rateLimited", errors: {}, values, spent },
        429,
        limited.retryAfterSeconds,
      );
    const cast = await castBallot({ conferenceId: participant.conference.id, voterKey: participant.voterKey, points });
    if (!cast.ok)
      return answer({ intent: "vote", ok: false, error: ballotErrorKeys[cast.error], errors: {}, values, spent }, 400);
    return answer({ intent: "vote", ok: true, error: null, errors: {}, values: {}, spent: cast.spent });
  }
  const limited = await hitRateLimit(proposalLimit, participant.limitKey);
  if (!limited.allowed)
    return answer(
      {
        intent: "propose",
        ok: false,
        error: null,
        errors: { _form: "errors.rateLimited" },
        values: result.values,
        spent: 0,
      },
      429,
      limited.retryAfterSeconds,
    );
  await createProposal({
    ...result.data,
    proposedGroupId: null,
    conferenceId: participant.conference.id,
    source: "participant",
  });
  return answer({ intent: "propose", ok: true, error: null, errors: {}, values: {}, spent: 0 });
}
