import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConfirmForm } from "~/components/confirm-form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { deleteAgendaItem, getAgendaItem, getConferenceForAdmin } from "~/modules/conferences/admin.server";
import { requireOrganiser } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { isUuid } from "~/db/id";
import { formatTimeRange } from "~/utils/time";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    data ? (t) => t("admin.agenda.deleteTitle", { title: data.item.title }) : "admin.agenda.title",
    "admin",
  ),
];

// GET asks, POST deletes (deleting at the first click lost items by a slip).
async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireOrganiser(request);
  const year = Number(params.year);
  const id = params.id;
  if (!Number.isInteger(year) || !isUuid(id)) notFound();
  const found = await getConferenceForAdmin(year);
  if (!found) notFound();
  const item = await getAgendaItem(found.conference.id, id);
  if (!item) notFound();
  return { user, conference: found.conference, item };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference, item } = await load(request, params);
  return {
    year: conference.year,
    item: { title: item.title, kind: item.kind, startsAt: item.startsAt, endsAt: item.endsAt },
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, conference, item } = await load(request, params);
  await readForm(request, context);
  if (!(await deleteAgendaItem(conference.id, item.id, user))) notFound();
  throw redirect(`/verwaltung/konferenzen/${conference.year}?geloescht=programmpunkt`);
}

export default function DeleteAgendaItem() {
  const t = useT();
  const locale = useLocale();
  const { year, item } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("admin.agenda.deleteTitle", { title: item.title })}</h1>
      <p>
        {formatTimeRange(item.startsAt, item.endsAt, locale)} · {t(`agenda.kind.${item.kind}` as MessageKey)}
      </p>
      <p>{t("admin.agenda.deleteLead")}</p>
      <ConfirmForm
        submitLabel={t("admin.confirm.delete")}
        cancelTo={`/verwaltung/konferenzen/${year}`}
        cancelLabel={t("admin.confirm.cancel")}
      />
    </div>
  );
}
