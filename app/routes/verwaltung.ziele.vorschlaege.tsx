import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { Fragment, useState } from "react";
import { z } from "zod";
import { ErrorSummary, Field, SafeForm } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useT } from "~/i18n/i18n";
import { listFields, listRecommendations } from "~/modules/goals/catalogue.server";
import { proposalSchema, roundSchema } from "~/modules/goals/goals.schema";
import { conferenceYears, listGroups } from "~/modules/goals/goals.server";
import {
  createProposal,
  proposalGroupFor,
  findConferenceByYear,
  importDiscussionDrafts,
  listDiscussionDrafts,
  listProposals,
  mergeProposals,
  setProposalCluster,
  setProposalStatus,
} from "~/modules/goals/proposals.server";
import { goalsLinks } from "~/modules/goals/ui";
import { getVotingRound, roundState, saveVotingRound } from "~/modules/goals/voting.server";
import { isUuid } from "~/db/id";
import { requireUser } from "~/server/auth.server";
import { formValues, readForm, validateForm } from "~/server/form.server";
import { forbidden, notFound } from "~/server/http.server";
import { parseBerlinLocal, toBerlinLocalInput } from "~/utils/time";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "goals.admin.title", "admin")];

async function conferenceFor(request: Request) {
  const years = (await conferenceYears()).map((y) => y.year);
  const asked = Number(new URL(request.url).searchParams.get("jahr"));
  const year = years.includes(asked) ? asked : years[0];
  const conference = year ? await findConferenceByYear(year) : null;
  if (!conference) notFound();
  return { conference, years };
}

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { conference, years } = await conferenceFor(request);
  const organiser = user.role === "organiser";
  const [proposals, round, fields, recommendations, drafts, groupList] = await Promise.all([
    listProposals(conference.id, { publicOnly: !organiser }),
    getVotingRound(conference.id),
    listFields(),
    listRecommendations(),
    organiser ? listDiscussionDrafts(conference.id) : Promise.resolve([]),
    listGroups(),
  ]);
  // After a rewording or ending the vote (both on pages of their own): what changed, said here.
  const params = new URL(request.url).searchParams;
  const changedId = params.get("geaendert");
  const changed = organiser && isUuid(changedId) ? (proposals.find((p) => p.id === changedId)?.title ?? null) : null;
  const ended = organiser && params.get("beendet") === "1";
  return {
    organiser,
    conference,
    years,
    proposals,
    changed,
    ended,
    drafts: drafts.length,
    groups: groupList,
    round: round
      ? {
          ...round,
          opensAtInput: toBerlinLocalInput(round.opensAt),
          closesAtInput: toBerlinLocalInput(round.closesAt),
          state: roundState(round),
        }
      : null,
    fields: fields.map((f) => ({ id: f.id, name: f.name })),
    recommendations: recommendations.map((r) => ({ id: r.id, code: r.code, title: r.title })),
  };
}

const ids = z
  .union([z.string(), z.array(z.string())])
  .optional()
  .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]))
  .pipe(z.array(z.uuid()));
const organiserSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("status"), id: z.uuid(), status: z.enum(["accepted", "rejected", "submitted"]) }),
  z.object({ intent: z.literal("merge"), targetId: z.uuid("goals.admin.merge.noTarget"), selected: ids }),
  z.object({ intent: z.literal("cluster"), cluster: z.string().trim().max(80, "errors.tooLong"), selected: ids }),
  z.object({ intent: z.literal("drafts") }),
]);

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const { conference } = await conferenceFor(request);
  const form = await readForm(request, context);
  const intent = String(form.get("intent") ?? "");
  const fail = (intent: string, errors: Record<string, MessageKey>) =>
    data(
      {
        intent,
        ok: false as const,
        errors,
        values: formValues(form),
        message: null as MessageKey | null,
        params: {} as Record<string, string | number>,
        nonce: "",
      },
      { status: 400 },
    );
  // `nonce` is new with every success: the page keys its forms by it, so ticks and inputs are
  // cleared in the browser too (Remix keeps the DOM) while a refused form keeps what was entered.
  const done = (intent: string, message: MessageKey, params: Record<string, string | number> = {}) =>
    data({
      intent,
      ok: true as const,
      errors: {} as Record<string, MessageKey>,
      values: {} as Record<string, string>,
      message,
      params,
      nonce: crypto.randomUUID(),
    });

  if (intent === "propose") {
    const parsed = validateForm(form, proposalSchema);
    if (!parsed.ok) return fail("propose", parsed.errors);
    const owner = proposalGroupFor(user, parsed.data.proposedGroupId);
    if (!owner) forbidden();
    await createProposal({ ...parsed.data, ...owner, conferenceId: conference.id, createdByUserId: user.id });
    return done("propose", "goals.admin.proposal.created");
  }
  if (user.role !== "organiser") forbidden();
  if (intent === "round") {
    const parsed = validateForm(form, roundSchema);
    if (!parsed.ok) return fail("round", parsed.errors);
    const opensAt = parseBerlinLocal(parsed.data.opensAt);
    const closesAt = parseBerlinLocal(parsed.data.closesAt);
    if (!opensAt || !closesAt) return fail("round", { [opensAt ? "closesAt" : "opensAt"]: "errors.invalid" });
    const saved = await saveVotingRound({
      conferenceId: conference.id,
      pointsPerVoter: parsed.data.pointsPerVoter,
      maxPerProposal: parsed.data.maxPerProposal,
      opensAt,
      closesAt,
      actor: { id: user.id },
    });
    if (!saved.ok)
      return fail(
        "round",
        {
          points: { pointsPerVoter: "goals.admin.round.points" },
          max: { maxPerProposal: "goals.admin.round.max" },
          times: { closesAt: "goals.admin.round.times" },
        }[saved.error] as Record<string, MessageKey>,
      );
    return done("round", "goals.admin.round.saved");
  }
  const parsed = validateForm(form, organiserSchema);
  if (!parsed.ok) return fail(intent, parsed.errors);
  const d = parsed.data;
  if (d.intent === "status") {
    if (!(await setProposalStatus({ id: d.id, status: d.status, actor: { id: user.id } }))) notFound();
    return done("status", "form.saved");
  }
  if (d.intent === "merge") {
    const merged = await mergeProposals({ targetId: d.targetId, sourceIds: d.selected, actor: { id: user.id } });
    if (!merged.ok) return fail("merge", { selected: "goals.admin.merge.invalid" });
    return done("merge", "goals.admin.merge.doneCount", { count: merged.merged, target: merged.targetTitle });
  }
  if (d.intent === "cluster") {
    if (d.selected.length === 0) return fail("cluster", { selected: "goals.admin.cluster.none" });
    const count = await setProposalCluster({
      conferenceId: conference.id,
      ids: d.selected,
      cluster: d.cluster,
      actor: { id: user.id },
    });
    return d.cluster
      ? done("cluster", "goals.admin.cluster.done", { count, cluster: d.cluster })
      : done("cluster", "goals.admin.cluster.cleared", { count });
  }
  await importDiscussionDrafts({ conferenceId: conference.id, userId: user.id });
  return done("drafts", "form.saved");
}

/** The nonce of the last successful action: forms keyed by it start empty after each success. */
function useSuccessKey() {
  const result = useActionData<typeof action>();
  const [key, setKey] = useState("");
  // A refused action leaves the key (and so the ticks and input) as they were.
  if (result?.ok && result.nonce && result.nonce !== key) setKey(result.nonce);
  return result?.ok && result.nonce ? result.nonce : key;
}

function ProposeForm() {
  const t = useT();
  const { organiser, fields, recommendations } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const successKey = useSuccessKey();
  const failed = result?.intent === "propose" && !result.ok ? result : null;
  const labels = { title: t("goals.proposal.title"), description: t("goals.proposal.description") };
  const chosenRecs = new Set((failed?.values.recommendationIds ?? "").split("\n"));
  return (
    <SafeForm key={successKey}>
      <input type="hidden" name="intent" value="propose" />
      <ErrorSummary errors={failed?.errors} labels={labels} />
      <Field
        name="title"
        label={labels.title}
        required
        maxLength={200}
        defaultValue={failed?.values.title}
        error={failed?.errors.title}
      />
      <div className="field">
        <label htmlFor="field-description">
          {labels.description} <span className="field__req">({t("form.optional")})</span>
        </label>
        <textarea
          id="field-description"
          name="description"
          maxLength={2000}
          defaultValue={failed?.values.description}
        />
      </div>
      <div className="field">
        <label htmlFor="field-fieldId">{t("goals.field")}</label>
        <select id="field-fieldId" name="fieldId" defaultValue={failed?.values.fieldId ?? ""}>
          <option value="">{t("goals.proposal.noField")}</option>
          {fields.map((f) => (
            <option key={f.id} value={f.id}>
              {f.name}
            </option>
          ))}
        </select>
      </div>
      {organiser ? <GroupSelect selected={failed?.values.proposedGroupId ?? ""} /> : null}
      <details>
        <summary>{t("goals.proposal.recommendations")}</summary>
        <ul className="check-list">
          {recommendations.map((r) => (
            <li key={r.id}>
              <label>
                <input type="checkbox" name="recommendationIds" value={r.id} defaultChecked={chosenRecs.has(r.id)} />
                <span>
                  <strong>{r.code}</strong> {r.title}
                </span>
              </label>
            </li>
          ))}
        </ul>
      </details>
      <p>
        <button type="submit" className="button">
          {t("goals.proposal.submit")}
        </button>
      </p>
    </SafeForm>
  );
}

function GroupSelect({ selected }: { selected: string }) {
  const t = useT();
  const { groups } = useLoaderData<typeof loader>();
  return (
    <div className="field">
      <label htmlFor="field-proposedGroupId">{t("goals.admin.proposal.owner")}</label>
      <select id="field-proposedGroupId" name="proposedGroupId" defaultValue={selected}>
        <option value="">{t("goals.admin.proposal.ownerLater")}</option>
        {groups.map((g) => (
          <option key={g.id} value={g.id}>
            {g.name}
          </option>
        ))}
      </select>
    </div>
  );
}

function RoundForm() {
  const t = useT();
  const { round, conference } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result?.intent === "round" && !result.ok ? result : null;
  const labels = {
    pointsPerVoter: t("goals.admin.round.pointsLabel"),
    maxPerProposal: t("goals.admin.round.maxLabel"),
    opensAt: t("goals.admin.round.opensAt"),
    closesAt: t("goals.admin.round.closesAt"),
  };
  return (
    <section aria-labelledby="round-title">
      <h2 id="round-title">{t("goals.admin.round.title")}</h2>
      {round ? (
        <p>
          {t(`goals.ballot.state.${round.state}` as MessageKey)}{" "}
          <Link to={`/ziele/ergebnis/${conference.year}`}>{t("goals.results.link")}</Link> ·{" "}
          <Link to={`/ziele/ergebnis/${conference.year}?ansicht=projektor`}>{t("goals.results.projector")}</Link>
        </p>
      ) : null}
      {round?.state === "open" ? (
        // A button to the confirm page (GET): ending asks first, also without JavaScript.
        <Form method="get" action="/verwaltung/ziele/vorschlaege/beenden">
          <input type="hidden" name="jahr" value={conference.year} />
          <p>
            <button type="submit" className="button button--secondary">
              {t("goals.admin.round.end")}
            </button>
          </p>
        </Form>
      ) : null}
      {conference.dayCode ? (
        <p>
          {t("goals.admin.round.code", { code: conference.dayCode, url: `/ziele/mitmachen/${conference.dayCode}` })}
        </p>
      ) : (
        <p>{t("goals.admin.round.noCode")}</p>
      )}
      <ErrorSummary errors={failed?.errors} labels={labels} />
      <SafeForm>
        <input type="hidden" name="intent" value="round" />
        <Field
          name="pointsPerVoter"
          type="number"
          min={1}
          max={100}
          label={labels.pointsPerVoter}
          required
          defaultValue={failed?.values.pointsPerVoter ?? round?.pointsPerVoter ?? 5}
          error={failed?.errors.pointsPerVoter}
        />
        <Field
          name="maxPerProposal"
          type="number"
          min={1}
          max={100}
          label={labels.maxPerProposal}
          required
          defaultValue={failed?.values.maxPerProposal ?? round?.maxPerProposal ?? 3}
          error={failed?.errors.maxPerProposal}
        />
        <Field
          name="opensAt"
          type="datetime-local"
          label={labels.opensAt}
          required
          defaultValue={failed?.values.opensAt ?? round?.opensAtInput}
          error={failed?.errors.opensAt}
          hint={t("goals.admin.round.timeHint")}
        />
        <Field
          name="closesAt"
          type="datetime-local"
          label={labels.closesAt}
          required
          defaultValue={failed?.values.closesAt ?? round?.closesAtInput}
          error={failed?.errors.closesAt}
        />
        <button type="submit" className="button">
          {t("goals.admin.round.save")}
        </button>
      </SafeForm>
    </section>
  );
}

export default function ProposalsAdmin() {
  const t = useT();
  const { organiser, conference, years, proposals, drafts, changed, ended } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const successKey = useSuccessKey();
  const open = proposals.filter((p) => p.status !== "merged");
  const mergeFailed = (result?.intent === "merge" || result?.intent === "cluster") && !result.ok ? result : null;
  const ticked = new Set(mergeFailed ? (mergeFailed.values.selected ?? "").split("\n") : []);
  // One live region, always in the page, so screen readers announce what an action changed.
  const notice =
    result?.ok && result.message
      ? t(result.message, result.params)
      : !result && changed
        ? t("goals.admin.proposal.updated", { title: changed })
        : !result && ended
          ? t("goals.admin.round.ended")
          : "";
  return (
    <>
      <p>
        <Link to="/verwaltung/ziele">{t("goals.admin.back")}</Link>
      </p>
      <h1>{t("goals.admin.proposalsTitle", { year: conference.year })}</h1>
      <Form method="get" className="inline-actions">
        <div className="field">
          <label htmlFor="p-jahr">{t("goals.board.year")}</label>
          <select id="p-jahr" name="jahr" defaultValue={conference.year}>
            {years.map((y) => (
              <option key={y}>{y}</option>
            ))}
          </select>
        </div>
        <button type="submit" className="button button--secondary">
          {t("goals.board.apply")}
        </button>
      </Form>
      <div role="status">{notice ? <p className="notice">{notice}</p> : null}</div>
      {mergeFailed ? (
        <div className="error-summary" role="alert">
          {Object.values(mergeFailed.errors).map((e) => (
            <p key={e}>{t(e)}</p>
          ))}
        </div>
      ) : null}

      {organiser && drafts > 0 ? (
        <SafeForm>
          <input type="hidden" name="intent" value="drafts" />
          <p>
            {t("goals.admin.drafts", { count: drafts })}{" "}
            <button type="submit" className="button button--small">
              {t("goals.admin.draftsImport")}
            </button>
          </p>
        </SafeForm>
      ) : null}

      <section aria-labelledby="list-title">
        <h2 id="list-title">{t("goals.admin.proposalList", { count: open.length })}</h2>
        {organiser ? (
          <SafeForm id="bulk">
            <p>{t("goals.admin.bulkHint")}</p>
          </SafeForm>
        ) : null}
        <Fragment key={successKey}>
          <ul className="goal-list">
            {open.map((p) => (
              <li key={p.id}>
                <h3>
                  {organiser ? (
                    <label>
                      <input
                        type="checkbox"
                        name="selected"
                        value={p.id}
                        form="bulk"
                        defaultChecked={ticked.has(p.id)}
                      />{" "}
                      {p.title}
                    </label>
                  ) : (
                    p.title
                  )}
                </h3>
                <p className="goal-meta">
                  <span>{t(`goals.admin.proposalStatus.${p.status}` as MessageKey)}</span>
                  <span>{t(`goals.source.${p.source}` as MessageKey)}</span>
                  {p.fieldName ? <span>{p.fieldName}</span> : null}
                  {p.groupName ? <span>{p.groupName}</span> : null}
                  {p.cluster ? <span>{t("goals.admin.cluster", { cluster: p.cluster })}</span> : null}
                </p>
                {p.description ? <p>{p.description}</p> : null}
                {p.recommendations.length ? (
                  <ul className="chips">
                    {p.recommendations.map((r) => (
                      <li key={r.id}>{r.code}</li>
                    ))}
                  </ul>
                ) : null}
                {p.mergedFrom.length ? (
                  <div className="trace">
                    <p>{t("goals.page.mergedFrom")}</p>
                    <ul>
                      {p.mergedFrom.map((m) => (
                        <li key={m.id}>
                          „{m.title}“ ({t(`goals.source.${m.source}` as MessageKey)})
                        </li>
                      ))}
                    </ul>
                  </div>
                ) : null}
                {organiser ? (
                  <div className="inline-actions">
                    {p.status !== "accepted" ? (
                      <SafeForm>
                        <input type="hidden" name="intent" value="status" />
                        <input type="hidden" name="id" value={p.id} />
                        <input type="hidden" name="status" value="accepted" />
                        <button type="submit" className="button button--small">
                          {t("goals.admin.accept")}
                        </button>
                      </SafeForm>
                    ) : null}
                    {p.status !== "rejected" ? (
                      <SafeForm>
                        <input type="hidden" name="intent" value="status" />
                        <input type="hidden" name="id" value={p.id} />
                        <input type="hidden" name="status" value="rejected" />
                        <button type="submit" className="button button--small button--secondary">
                          {t("goals.admin.reject")}
                        </button>
                      </SafeForm>
                    ) : null}
                    {p.status === "accepted" ? (
                      <Link
                        className="button button--small button--secondary"
                        to={`/verwaltung/ziele/vereinbaren?vorschlag=${p.id}`}
                      >
                        {t("goals.admin.agreeFrom")}
                      </Link>
                    ) : null}
                    <Link
                      className="button button--small button--secondary"
                      to={`/verwaltung/ziele/vorschlaege/${p.id}`}
                      aria-label={t("goals.admin.proposal.editNamed", { title: p.title })}
                    >
                      {t("goals.admin.proposal.edit")}
                    </Link>
                  </div>
                ) : null}
              </li>
            ))}
          </ul>
          {organiser && open.length > 1 ? (
            <div className="card">
              <h3>{t("goals.admin.merge.title")}</h3>
              <p>{t("goals.admin.merge.lead")}</p>
              <div className="inline-actions">
                <div className="field">
                  <label htmlFor="merge-target">{t("goals.admin.merge.target")}</label>
                  <select id="merge-target" name="targetId" form="bulk" defaultValue={mergeFailed?.values.targetId}>
                    {open
                      .filter((p) => p.status !== "rejected")
                      .map((p) => (
                        <option key={p.id} value={p.id}>
                          {p.title}
                        </option>
                      ))}
                  </select>
                </div>
                <button type="submit" name="intent" value="merge" form="bulk" className="button">
                  {t("goals.admin.merge.submit")}
                </button>
              </div>
              <h3>{t("goals.admin.clusterTitle")}</h3>
              <div className="inline-actions">
                <div className="field">
                  <label htmlFor="cluster-name">{t("goals.admin.clusterLabel")}</label>
                  <input
                    id="cluster-name"
                    name="cluster"
                    form="bulk"
                    maxLength={80}
                    defaultValue={mergeFailed?.values.cluster}
                  />
                </div>
                <button type="submit" name="intent" value="cluster" form="bulk" className="button button--secondary">
                  {t("goals.admin.clusterSubmit")}
                </button>
              </div>
            </div>
          ) : null}
        </Fragment>
        {proposals.some((p) => p.status === "merged") ? (
          <p>{t("goals.admin.mergedCount", { count: proposals.filter((p) => p.status === "merged").length })}</p>
        ) : null}
      </section>

      <section aria-labelledby="new-title">
        <h2 id="new-title">{organiser ? t("goals.admin.proposal.new") : t("goals.admin.proposeForGroup")}</h2>
        <ProposeForm />
      </section>
      {organiser ? <RoundForm /> : null}
    </>
  );
}
