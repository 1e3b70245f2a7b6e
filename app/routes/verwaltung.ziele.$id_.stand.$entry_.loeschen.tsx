import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useActionData, useLoaderData } from "@remix-run/react";
import { SafeForm } from "~/components/form";
import { pageTitle, useT } from "~/i18n/i18n";
import { isUuid } from "~/db/id";
import { deleteStatusEntry, getStatusEntry } from "~/modules/goals/status-entries.server";
import { goalsLinks, StatusBadge } from "~/modules/goals/ui";
import { requireOrganiser } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";

export const links = goalsLinks;
export const meta: MetaFunction = ({ matches, params, data }) => [
  pageTitle(
    matches,
    (t) =>
      t("goals.admin.entries.deleteTitle", {
        id: params.id ?? "",
        year: (data as { entry?: { year: number } } | undefined)?.entry?.year ?? "",
      }),
    "admin",
  ),
];

// Deleting asks first: GET shows the entry, the POST deletes it.
async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireOrganiser(request);
  if (!/^\d{1,9}$/.test(params.id ?? "") || !isUuid(params.entry)) notFound();
  const goalId = Number(params.id);
  const found = await getStatusEntry(goalId, params.entry);
  if (!found) notFound();
  return { user, goalId, entry: found.entry, last: found.count === 1 };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { goalId, entry, last } = await load(request, params);
  return { goalId, last, entry: { year: entry.year, status: entry.status, sachstand: entry.sachstand } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, goalId, entry } = await load(request, params);
  await readForm(request, context);
  const deleted = await deleteStatusEntry({ goalId, entryId: entry.id, actor: { id: user.id } });
  if (!deleted) notFound();
  if (!deleted.ok) return { last: true };
  throw redirect(`/verwaltung/ziele/${goalId}?geloescht=${deleted.year}`);
}

export default function DeleteStatusEntry() {
  const t = useT();
  const { goalId, entry, last } = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const back = `/verwaltung/ziele/${goalId}`;
  return (
    <div className="narrow">
      <h1>{t("goals.admin.entries.deleteTitle", { id: goalId, year: entry.year })}</h1>
      <p>
        <StatusBadge status={entry.status} /> {entry.sachstand}
      </p>
      {last || refused?.last ? (
        <>
          <p className="notice" role="status">
            {t("goals.admin.entries.last")}
          </p>
          <p>
            <Link to={back}>{t("goals.admin.entries.back")}</Link>
          </p>
        </>
      ) : (
        <>
          <p>{t("goals.admin.entries.deleteLead", { year: entry.year })}</p>
          <SafeForm className="reg-actions">
            <button type="submit" className="button button--danger">
              {t("goals.admin.entries.deleteSubmit")}
            </button>
            <Link to={back}>{t("goals.admin.entries.back")}</Link>
          </SafeForm>
        </>
      )}
    </div>
  );
}
