import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { ErrorSummary, Field, SafeForm, SelectField, TextareaField } from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useT } from "~/i18n/i18n";
import { isUuid } from "~/db/id";
import { listFields } from "~/modules/goals/catalogue.server";
import { proposalEditSchema } from "~/modules/goals/goals.schema";
import { getProposal, updateProposal } from "~/modules/goals/proposals.server";
import { conferenceYears } from "~/modules/goals/goals.server";
import { goalsLinks } from "~/modules/goals/ui";
import { requireOrganiser } from "~/server/auth.server";
import { invalid, parseForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "goals.admin.proposal.editTitle", "admin")];

async function load(request: Request, id: string | undefined) {
  const user = await requireOrganiser(request);
  if (!isUuid(id)) notFound();
  const proposal = await getProposal(id);
  if (!proposal) notFound();
  const year = (await conferenceYears()).find((c) => c.id === proposal.conferenceId)?.year;
  return { user, proposal, year };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { proposal, year } = await load(request, params.id);
  const fields = await listFields();
  return {
    year,
    proposal: {
      id: proposal.id,
      title: proposal.title,
      description: proposal.description,
      fieldId: proposal.fieldId ?? "",
      source: proposal.source,
    },
    fields: fields.map((f) => ({ value: f.id, label: f.name })),
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, proposal, year } = await load(request, params.id);
  const result = await parseForm(request, context, proposalEditSchema);
  if (!result.ok) return invalid(result);
  if (!(await updateProposal({ id: proposal.id, changes: result.data, actor: { id: user.id } }))) notFound();
  throw redirect(`/verwaltung/ziele/vorschlaege?jahr=${year}&geaendert=${proposal.id}`);
}

export default function EditProposal() {
  const t = useT();
  const { proposal, fields, year } = useLoaderData<typeof loader>();
  const failed = useActionData<typeof action>();
  const v = failed?.values ?? {};
  const labels = {
    title: t("goals.proposal.title"),
    description: t("goals.proposal.description"),
    fieldId: t("goals.field"),
  };
  const back = `/verwaltung/ziele/vorschlaege?jahr=${year}`;
  return (
    <div className="narrow">
      <p>
        <Link to={back}>{t("goals.admin.backToProposals")}</Link>
      </p>
      <h1>{t("goals.admin.proposal.editTitle")}</h1>
      <p>{t("goals.admin.proposal.editLead", { source: t(`goals.source.${proposal.source}` as MessageKey) })}</p>
      <ErrorSummary errors={failed?.errors} labels={labels} />
      <SafeForm>
        <Field
          name="title"
          label={labels.title}
          required
          maxLength={200}
          defaultValue={v.title ?? proposal.title}
          error={failed?.errors.title}
        />
        <TextareaField
          name="description"
          label={labels.description}
          maxLength={2000}
          defaultValue={v.description ?? proposal.description}
          error={failed?.errors.description}
        />
        <SelectField
          name="fieldId"
          label={labels.fieldId}
          options={[{ value: "", label: t("goals.proposal.noField") }, ...fields]}
          defaultValue={v.fieldId ?? proposal.fieldId}
          error={failed?.errors.fieldId}
        />
        <p className="reg-actions">
          <button type="submit" className="button">
            {t("goals.admin.proposal.editSave")}
          </button>
          <Link to={back}>{t("goals.admin.backToProposals")}</Link>
        </p>
      </SafeForm>
    </div>
  );
}
