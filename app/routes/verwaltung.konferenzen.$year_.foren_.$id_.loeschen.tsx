import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConfirmForm } from "~/components/confirm-form";
import { pageTitle, useT } from "~/i18n/i18n";
import { deleteForum, getConferenceForAdmin, getForum } from "~/modules/conferences/admin.server";
import { requireOrganiser } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { isUuid } from "~/db/id";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    data ? (t) => t("admin.forums.deleteTitle", { title: data.forum.title }) : "admin.forums.title",
    "admin",
  ),
];

// GET asks, POST deletes.
async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireOrganiser(request);
  const year = Number(params.year);
  const id = params.id;
  if (!Number.isInteger(year) || !isUuid(id)) notFound();
  const found = await getConferenceForAdmin(year);
  if (!found) notFound();
  const forum = await getForum(found.conference.id, id);
  if (!forum) notFound();
  return { user, conference: found.conference, forum };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference, forum } = await load(request, params);
  return { year: conference.year, forum: { title: forum.title } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, conference, forum } = await load(request, params);
  await readForm(request, context);
  if (!(await deleteForum(conference.id, forum.id, user))) notFound();
  throw redirect(`/verwaltung/konferenzen/${conference.year}?geloescht=forum`);
}

export default function DeleteForum() {
  const t = useT();
  const { year, forum } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("admin.forums.deleteTitle", { title: forum.title })}</h1>
      <p>{t("admin.forums.deleteLead")}</p>
      <ConfirmForm
        submitLabel={t("admin.confirm.delete")}
        cancelTo={`/verwaltung/konferenzen/${year}`}
        cancelLabel={t("admin.confirm.cancel")}
      />
    </div>
  );
}
