import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useState, type FormEvent } from "react";
import { ErrorSummary, Field, SafeForm, fieldId } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { useLocale, useT } from "~/i18n/i18n";
import { listFields, listRecommendations } from "~/modules/goals/catalogue.server";
import { proposalSchema } from "~/modules/goals/goals.schema";
import { createProposal, findConferenceByDayCode } from "~/modules/goals/proposals.server";
import { goalsLinks } from "~/modules/goals/ui";
import { ballotProposals, castBallot, getBallot, getVotingRound, roundState, voterKey } from "~/modules/goals/voting.server";
import { hitRateLimit } from "~/modules/security/rate-limit.server";
import { readDeviceId, deviceId } from "~/utils/device.server";
import { assertCsrf, fieldErrors, formValues } from "~/utils/form.server";
import { notFound, tooManyRequests } from "~/utils/http.server";
import { formatDateTime } from "~/utils/time";

export const links = goalsLinks;
export const meta: MetaFunction = () => [{ title: "Ziele vorschlagen und abstimmen – Integrationskonferenz Bottrop" }];

const proposalLimit = { name: "goal-proposal-device", limit: 10, windowMs: 60 * 60_000 };
const ballotLimit = { name: "goal-ballot-device", limit: 60, windowMs: 15 * 60_000 };

/**
 * Seam for the registration's manage link: a page keyed by a registration would resolve the
 * conference and use voterKey("registration", id); everything below takes the key as it comes.
 */
async function conferenceFor(code: string | undefined) {
  const conference = code ? await findConferenceByDayCode(code) : null;
  if (!conference) notFound();
  return conference;
}

export async function loader({ params, request }: LoaderFunctionArgs) {
  const conference = await conferenceFor(params.code);
  const [round, proposals, fields, recommendations] = await Promise.all([getVotingRound(conference.id), ballotProposals(conference.id), listFields(), listRecommendations()]);
  const device = await readDeviceId(request);
  const mine = round && device ? await getBallot(round.id, voterKey("device", device)) : {};
  return {
    conference: { year: conference.year, title: conference.title },
    code: params.code!,
    round: round ? { pointsPerVoter: round.pointsPerVoter, maxPerProposal: round.maxPerProposal, opensAt: round.opensAt, closesAt: round.closesAt } : null,
    state: roundState(round),
    proposals,
    mine,
    fields: fields.map((f) => ({ id: f.id, name: f.name })),
    recommendations: recommendations.map((r) => ({ id: r.id, code: r.code, title: r.title, fieldId: r.fieldId })),
  };
}

export async function action({ params, request, context }: ActionFunctionArgs) {
  const conference = await conferenceFor(params.code);
  const form = await request.formData();
  assertCsrf(form, context);
  const device = await deviceId(request);
  const headers: HeadersInit = device.setCookie ? { "Set-Cookie": device.setCookie } : {};
  const intent = form.get("intent");
  if (intent === "vote") {
    const limited = await hitRateLimit(ballotLimit, device.id);
    if (!limited.allowed) tooManyRequests(limited.retryAfterSeconds);
    const points: Record<string, number> = {};
    const values: Record<string, string> = {};
    for (const [key, value] of form) {
      if (!key.startsWith("p.") || typeof value !== "string") continue;
      values[key] = value;
      const trimmed = value.trim();
      points[key.slice(2)] = trimmed === "" ? 0 : /^\d{1,3}$/.test(trimmed) ? Number(trimmed) : -1;
    }
    const result = await castBallot({ conferenceId: conference.id, voterKey: voterKey("device", device.id), points });
    if (!result.ok) return data({ intent: "vote" as const, ok: false as const, error: `goals.ballot.error.${result.error}` as MessageKey, values, spent: Object.values(points).reduce((s, p) => s + Math.max(0, p), 0), errors: {} as Record<string, MessageKey> }, { status: 400, headers });
    return data({ intent: "vote" as const, ok: true as const, spent: result.spent, error: null, values: {}, errors: {} as Record<string, MessageKey> }, { headers });
  }
  if (intent === "propose") {
    const raw: Record<string, unknown> = {};
    for (const key of new Set(form.keys())) {
      const all = form.getAll(key).filter((v): v is string => typeof v === "string");
      raw[key] = key === "recommendationIds" ? all : all[0];
    }
    const parsed = proposalSchema.safeParse(raw);
    if (!parsed.success) return data({ intent: "propose" as const, ok: false as const, error: null, errors: fieldErrors(parsed.error), values: formValues(form), spent: 0 }, { status: 400, headers });
    const limited = await hitRateLimit(proposalLimit, device.id);
    if (!limited.allowed) tooManyRequests(limited.retryAfterSeconds);
    await createProposal({ ...parsed.data, proposedGroupId: null, conferenceId: conference.id, source: "participant" });
    return data({ intent: "propose" as const, ok: true as const, error: null, errors: {} as Record<string, MessageKey>, values: {}, spent: 0 }, { headers });
  }
  notFound();
}

function Ballot() {
  const t = useT();
  const { round, proposals, mine } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = result?.intent === "vote" && !result.ok ? result : null;
  const initial = (id: string) => (failed ? (failed.values[`p.${id}`] ?? "") : mine[id] ? String(mine[id]) : "");
  const initialSpent = failed ? failed.spent : Object.values(mine).reduce((s, p) => s + p, 0);
  const [spent, setSpent] = useState(initialSpent);
  if (!round) return null;
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    let sum = 0;
    for (const [key, value] of new FormData(event.currentTarget)) if (key.startsWith("p.") && typeof value === "string" && /^\d+$/.test(value.trim())) sum += Number(value);
    setSpent(sum);
  };
  const left = round.pointsPerVoter - spent;
  return (
    <SafeForm onInput={onInput} aria-labelledby="ballot-title" noValidate>
      <input type="hidden" name="intent" value="vote" />
      {failed ? (
        <div className="error-summary" role="alert" tabIndex={-1}>
          <h3>{t("goals.ballot.notSaved")}</h3>
          <p>{t(failed.error, { points: round.pointsPerVoter, max: round.maxPerProposal, spent: failed.spent })}</p>
        </div>
      ) : null}
      {result?.intent === "vote" && result.ok ? (
        <p className="notice" role="status">
          {t("goals.ballot.saved", { spent: result.spent, points: round.pointsPerVoter })}
        </p>
      ) : null}
      <p className="budget" aria-live="polite" aria-atomic="true">
        {left >= 0 ? t("goals.ballot.left", { left, points: round.pointsPerVoter }) : t("goals.ballot.over", { over: -left, points: round.pointsPerVoter })}
      </p>
      <ul className="ballot">
        {proposals.map((p) => (
          <li key={p.id}>
            <label htmlFor={fieldId(`p.${p.id}`)}>{p.title}</label>
            {p.description ? <p className="field__hint">{p.description}</p> : null}
            <input
              id={fieldId(`p.${p.id}`)}
              name={`p.${p.id}`}
              type="number"
              inputMode="numeric"
              min={0}
              max={round.maxPerProposal}
              step={1}
              defaultValue={initial(p.id)}
              aria-describedby="ballot-rule"
            />
          </li>
        ))}
      </ul>
      <button type="submit" className="button" disabled={navigation.state === "submitting"}>
        {t("goals.ballot.submit")}
      </button>
    </SafeForm>
  );
}

function ProposalForm() {
  const t = useT();
  const { fields, recommendations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result?.intent === "propose" && !result.ok ? result : null;
  const values = failed?.values ?? {};
  const chosen = new Set((values.recommendationIds ?? "").split("\n"));
  const labels = { title: t("goals.proposal.title"), description: t("goals.proposal.description"), fieldId: t("goals.field") };
  return (
    <SafeForm aria-labelledby="propose-title" key={result?.intent === "propose" && result.ok ? "done" : "form"}>
      <input type="hidden" name="intent" value="propose" />
      <ErrorSummary errors={failed?.errors} labels={labels} />
      {result?.intent === "propose" && result.ok ? (
        <p className="notice" role="status">
          {t("goals.proposal.thanks")}
        </p>
      ) : null}
      <Field name="title" label={labels.title} required maxLength={200} defaultValue={values.title} error={failed?.errors.title} />
      <div className={failed?.errors.description ? "field field--error" : "field"}>
        <label htmlFor="field-description">
          {labels.description} <span className="field__req">({t("form.optional")})</span>
        </label>
        <textarea id="field-description" name="description" maxLength={2000} defaultValue={values.description} />
      </div>
      <div className="field">
        <label htmlFor="field-fieldId">
          {labels.fieldId} <span className="field__req">({t("form.optional")})</span>
        </label>
        <select id="field-fieldId" name="fieldId" defaultValue={values.fieldId ?? ""}>
          <option value="">{t("goals.proposal.noField")}</option>
          {fields.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      <details>
        <summary>{t("goals.proposal.recommendations")}</summary>
        <fieldset>
          <legend>{t("goals.proposal.recommendationsLegend")}</legend>
          <ul className="check-list">
            {recommendations.map((r) => (
              <li key={r.id}>
                <label>
                  <input type="checkbox" name="recommendationIds" value={r.id} defaultChecked={chosen.has(r.id)} />
                  <span>
                    <strong>{r.code}</strong> {r.title}
                  </span>
                </label>
              </li>
            ))}
          </ul>
        </fieldset>
      </details>
      <p>
        <button type="submit" className="button">
          {t("goals.proposal.submit")}
        </button>
      </p>
    </SafeForm>
  );
}

export default function Participate() {
  const t = useT();
  const locale = useLocale();
  const { conference, round, state, proposals } = useLoaderData<typeof loader>();
  return (
    <div className="prose">
      <h1>{t("goals.participate.heading", { year: conference.year })}</h1>
      <p className="lead">{t("goals.participate.lead")}</p>
      <section aria-labelledby="ballot-title">
        <h2 id="ballot-title">{t("goals.ballot.title")}</h2>
        {round ? (
          <p id="ballot-rule">
            {t("goals.ballot.rule", { points: round.pointsPerVoter, max: round.maxPerProposal })}{" "}
            {t("goals.ballot.times", { from: formatDateTime(round.opensAt, locale), until: formatDateTime(round.closesAt, locale) })}
          </p>
        ) : null}
        {state === "open" ? (
          proposals.length ? (
            <Ballot />
          ) : (
            <p>{t("goals.ballot.noProposals")}</p>
          )
        ) : (
          <p>{t(`goals.ballot.state.${state}` as MessageKey)}</p>
        )}
        {state === "closed" ? (
          <p>
            <Link to={`/ziele/ergebnis/${conference.year}`}>{t("goals.results.link")}</Link>
          </p>
        ) : null}
      </section>
      <section aria-labelledby="propose-title">
        <h2 id="propose-title">{t("goals.proposal.heading")}</h2>
        <p>{t("goals.proposal.lead")}</p>
        <ProposalForm />
      </section>
    </div>
  );
}
