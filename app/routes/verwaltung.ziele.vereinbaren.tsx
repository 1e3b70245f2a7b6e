import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { isUuid } from "~/db/id";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, SafeForm } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { listFields, listRecommendations } from "~/modules/goals/catalogue.server";
import { agreeSchema } from "~/modules/goals/goals.schema";
import { agreeGoal, conferenceYears, listGroups } from "~/modules/goals/goals.server";
import { getProposal } from "~/modules/goals/proposals.server";
import { goalsLinks } from "~/modules/goals/ui";
import { requireOrganiser } from "~/server/auth.server";
import { invalid, parseForm } from "~/server/form.server";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "goals.admin.agree", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const from = new URL(request.url).searchParams.get("vorschlag");
  const proposal = isUuid(from) ? await getProposal(from) : null;
  const [fields, recommendations, groupList, years] = await Promise.all([
    listFields(),
    listRecommendations(),
    listGroups(),
    conferenceYears(),
  ]);
  return {
    proposal: proposal && proposal.status === "accepted" ? proposal : null,
    fields: fields.map((f) => ({ id: f.id, name: f.name })),
    recommendations: recommendations.map((r) => ({ id: r.id, code: r.code, title: r.title })),
    groups: groupList,
    conferences: years,
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const result = await parseForm(request, context, agreeSchema);
  if (!result.ok) return invalid(result);
  const id = await agreeGoal({ ...result.data, actor: user });
  throw redirect(`/ziele/${id}`);
}

export default function AgreeGoal() {
  const t = useT();
  const { proposal, fields, recommendations, groups, conferences } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const errors = result?.errors;
  const values: Record<string, string> = result?.values ?? {};
  const chosen = new Set(
    values.recommendationIds
      ? values.recommendationIds.split("\n")
      : (proposal?.recommendations.map((r) => r.id) ?? []),
  );
  const conferenceId = values.conferenceId ?? proposal?.conferenceId ?? conferences[0]?.id;
  const labels = {
    title: t("goals.goal"),
    ownerGroupId: t("goals.owner"),
    targetYear: t("goals.targetYear"),
    partners: t("goals.partners"),
    measure: t("goals.measure"),
    indicator: t("goals.indicator"),
    description: t("goals.admin.agreeDescription"),
  };
  return (
    <div className="prose">
      <p>
        <Link to="/verwaltung/ziele">{t("goals.admin.back")}</Link>
      </p>
      <h1>{t("goals.admin.agree")}</h1>
      {proposal ? (
        <p className="lead">{t("goals.admin.agreeFromProposal", { title: proposal.title })}</p>
      ) : (
        <p className="lead">{t("goals.admin.agreeLead")}</p>
      )}
      <ErrorSummary errors={errors} labels={labels} />
      <SafeForm>
        {proposal ? <input type="hidden" name="originProposalId" value={proposal.id} /> : null}
        <div className="field">
          <label htmlFor="field-conferenceId">{t("goals.admin.agreedAt")}</label>
          <select id="field-conferenceId" name="conferenceId" defaultValue={conferenceId}>
            {conferences.map((c) => (
              <option key={c.id} value={c.id}>
                {t("goals.page.conference", { year: c.year })}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="title"
          label={labels.title}
          required
          maxLength={200}
          defaultValue={values.title ?? proposal?.title}
          error={errors?.title}
        />
        <div className="field">
          <label htmlFor="field-description">
            {labels.description} <span className="field__req">({t("form.optional")})</span>
          </label>
          <textarea
            id="field-description"
            name="description"
            maxLength={2000}
            defaultValue={values.description ?? proposal?.description}
          />
        </div>
        <div className={errors?.ownerGroupId ? "field field--error" : "field"}>
          <label htmlFor="field-ownerGroupId">
            {labels.ownerGroupId} <span className="field__req">({t("form.required")})</span>
          </label>
          {errors?.ownerGroupId ? <p className="field__error">{t(errors.ownerGroupId)}</p> : null}
          <select
            id="field-ownerGroupId"
            name="ownerGroupId"
            required
            defaultValue={values.ownerGroupId ?? proposal?.proposedGroupId ?? ""}
            aria-invalid={errors?.ownerGroupId ? true : undefined}
          >
            <option value="">{t("goals.admin.choose")}</option>
            {groups.map((g) => (
              <option key={g.id} value={g.id}>
                {g.name}
              </option>
            ))}
          </select>
        </div>
        <Field
          name="partners"
          label={labels.partners}
          maxLength={500}
          defaultValue={values.partners}
          error={errors?.partners}
        />
        <Field
          name="measure"
          label={labels.measure}
          maxLength={1000}
          defaultValue={values.measure}
          error={errors?.measure}
        />
        <Field
          name="indicator"
          label={labels.indicator}
          maxLength={500}
          defaultValue={values.indicator}
          error={errors?.indicator}
        />
        <Field
          name="targetYear"
          label={labels.targetYear}
          type="number"
          min={2000}
          max={2100}
          required
          defaultValue={values.targetYear ?? (conferences[0] ? conferences[0].year + 1 : "")}
          error={errors?.targetYear}
        />
        <div className="field">
          <label htmlFor="field-fieldId">{t("goals.field")}</label>
          <select id="field-fieldId" name="fieldId" defaultValue={values.fieldId ?? proposal?.fieldId ?? ""}>
            <option value="">{t("goals.proposal.noField")}</option>
            {fields.map((f) => (
              <option key={f.id} value={f.id}>
                {f.name}
              </option>
            ))}
          </select>
        </div>
        <fieldset>
          <legend>{t("goals.page.recommendations")}</legend>
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
        <p>
          <button type="submit" className="button">
            {t("goals.admin.agreeSubmit")}
          </button>
        </p>
      </SafeForm>
    </div>
  );
}
