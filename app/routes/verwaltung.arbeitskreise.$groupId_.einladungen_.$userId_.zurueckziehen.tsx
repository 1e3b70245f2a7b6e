import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConfirmForm } from "~/components/confirm-form";
import { pageTitle, useT } from "~/i18n/i18n";
import { getGroup, getOpenInvitation, withdrawInvitation } from "~/modules/groups/groups.server";
import { requireOrganiser } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { isUuid } from "~/db/id";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    data ? (t) => t("groups.invitations.withdrawTitle", { name: data.invitation.name }) : "groups.invitations.title",
    "admin",
  ),
];

// GET asks, POST withdraws. Only open invitations can be withdrawn.
async function load(request: Request, params: LoaderFunctionArgs["params"]) {
  const user = await requireOrganiser(request);
  if (!isUuid(params.groupId) || !isUuid(params.userId)) notFound();
  const group = await getGroup(params.groupId);
  if (!group) notFound();
  const invitation = await getOpenInvitation(group.id, params.userId);
  if (!invitation) notFound();
  return { user, group, invitation };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { group, invitation } = await load(request, params);
  return { group: { id: group.id, name: group.name }, invitation: { name: invitation.name, email: invitation.email } };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, group, invitation } = await load(request, params);
  await readForm(request, context);
  if (!(await withdrawInvitation({ groupId: group.id, userId: invitation.userId, actor: user }))) notFound();
  throw redirect(`/verwaltung/arbeitskreise/${group.id}?zurueckgezogen=1`);
}

export default function WithdrawInvitation() {
  const t = useT();
  const { group, invitation } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("groups.invitations.withdrawTitle", { name: invitation.name })}</h1>
      <p>
        {invitation.email} · {group.name}
      </p>
      <p>{t("groups.invitations.withdrawLead")}</p>
      <ConfirmForm
        submitLabel={t("groups.invitations.withdrawSubmit")}
        cancelTo={`/verwaltung/arbeitskreise/${group.id}`}
        cancelLabel={t("groups.invitations.cancel")}
      />
    </div>
  );
}
