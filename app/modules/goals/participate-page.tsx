import { Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { useCallback, useState, type FormEvent, type ReactNode } from "react";
import { ErrorSummary, Field, SafeForm, fieldId } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { useLocale, useT } from "~/i18n/i18n";
import { formatDateTime } from "~/utils/time";
import type { ParticipationAnswer, participationData } from "./participation.server";

type ParticipationData = () => ReturnType<typeof participationData>;

function Ballot() {
  const t = useT();
  const { round, proposals, mine } = useLoaderData<ParticipationData>();
  const result = useActionData<ParticipationAnswer>();
  const navigation = useNavigation();
  const failed = result?.intent === "vote" && !result.ok ? result : null;
  const initial = (id: string) => (failed ? (failed.values[`p.${id}`] ?? "") : mine[id] ? String(mine[id]) : "");
  const initialSpent = failed ? failed.spent : Object.values(mine).reduce((s, p) => s + p, 0);
  const [spent, setSpent] = useState(initialSpent);
  // After a failed submit the focus goes to the error (once per answer, not on every keystroke).
  const focusSummary = useCallback((el: HTMLDivElement | null) => el?.focus(), [failed]); // eslint-disable-line react-hooks/exhaustive-deps
  if (!round) return null;
  const onInput = (event: FormEvent<HTMLFormElement>) => {
    let sum = 0;
    for (const [key, value] of new FormData(event.currentTarget))
      if (key.startsWith("p.") && typeof value === "string" && /^\d+$/.test(value.trim())) sum += Number(value);
    setSpent(sum);
  };
  const left = round.pointsPerVoter - spent;
  return (
    <SafeForm onInput={onInput} aria-labelledby="ballot-title" noValidate>
      <input type="hidden" name="intent" value="vote" />
      {failed ? (
        <div className="error-summary" role="alert" tabIndex={-1} ref={focusSummary}>
          <h3>{t("goals.ballot.notSaved")}</h3>
          <p>
            {t(failed.error ?? "errors.invalid", {
              points: round.pointsPerVoter,
              max: round.maxPerProposal,
              spent: failed.spent,
            })}
          </p>
        </div>
      ) : null}
      {result?.intent === "vote" && result.ok ? (
        <p className="notice" role="status">
          {t("goals.ballot.saved", { spent: result.spent, points: round.pointsPerVoter })}
        </p>
      ) : null}
      <p className="budget" aria-live="polite" aria-atomic="true">
        {left >= 0
          ? t("goals.ballot.left", { left, points: round.pointsPerVoter })
          : t("goals.ballot.over", { over: -left, points: round.pointsPerVoter })}
      </p>
      <ul className="ballot">
        {proposals.map((p) => (
          <li key={p.id}>
            <label htmlFor={fieldId(`p.${p.id}`)} dir="auto">
              {p.title}
            </label>
            {p.description ? (
              <p className="field__hint" dir="auto">
                {p.description}
              </p>
            ) : null}
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
  const { fields, recommendations } = useLoaderData<ParticipationData>();
  const result = useActionData<ParticipationAnswer>();
  const failed = result?.intent === "propose" && !result.ok ? result : null;
  const values = failed?.values ?? {};
  const chosen = new Set((values.recommendationIds ?? "").split("\n"));
  const labels = {
    title: t("goals.proposal.title"),
    description: t("goals.proposal.description"),
    fieldId: t("goals.field"),
  };
  return (
    <SafeForm aria-labelledby="propose-title" key={result?.intent === "propose" && result.ok ? "done" : "form"}>
      <input type="hidden" name="intent" value="propose" />
      <ErrorSummary errors={failed?.errors} labels={labels} />
      {result?.intent === "propose" && result.ok ? (
        <p className="notice" role="status">
          {t("goals.proposal.thanks")}
        </p>
      ) : null}
      <Field
        name="title"
        label={labels.title}
        required
        maxLength={200}
        defaultValue={values.title}
        error={failed?.errors.title}
      />
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

/** `data`: a block the route adds between voting and proposing ("Daten zum Handlungsfeld"). */
export function ParticipatePage({ data }: { data?: ReactNode } = {}) {
  const t = useT();
  const locale = useLocale();
  const { conference, round, state, proposals, backTo } = useLoaderData<ParticipationData>();
  return (
    <div className="prose">
      <p>
        <Link to={backTo.href}>{t(backTo.label)}</Link>
      </p>
      <h1>{t("goals.participate.heading", { year: conference.year })}</h1>
      <p className="lead">{t("goals.participate.lead")}</p>
      <section aria-labelledby="ballot-title">
        <h2 id="ballot-title">{t("goals.ballot.title")}</h2>
        {round ? (
          <p id="ballot-rule">
            {t("goals.ballot.rule", { points: round.pointsPerVoter, max: round.maxPerProposal })}{" "}
            {t("goals.ballot.times", {
              from: formatDateTime(round.opensAt, locale),
              until: formatDateTime(round.closesAt, locale),
            })}
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
      {data}
      <section aria-labelledby="propose-title">
        <h2 id="propose-title">{t("goals.proposal.heading")}</h2>
        <p>{t("goals.proposal.lead")}</p>
        <ProposalForm />
      </section>
    </div>
  );
}
