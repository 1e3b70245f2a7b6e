import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { SafeForm, TableWrap } from "~/components/form";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { countPendingMail, listDeadMail, retryDeadMail } from "~/modules/mail/outbox.server";
import { requireOrganiser } from "~/server/auth.server";
import { parseForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { formatDateTime } from "~/utils/time";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.outbox", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const [dead, pending] = await Promise.all([listDeadMail(), countPendingMail()]);
  return { dead, pending };
}

const retrySchema = z.object({ intent: z.literal("retry"), id: z.uuid() });

export async function action({ request, context }: ActionFunctionArgs) {
  const user = await requireOrganiser(request);
  const result = await parseForm(request, context, retrySchema);
  if (!result.ok) notFound();
  if (!(await retryDeadMail(result.data.id, user))) notFound();
  return data({ retried: true });
}

export default function Outbox() {
  const t = useT();
  const locale = useLocale();
  const { dead, pending } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <h1>{t("admin.outbox")}</h1>
      <p>{t("admin.outbox.lead")}</p>
      <p>{t("admin.outbox.pending", { count: pending })}</p>
      {actionData?.retried ? (
        <p className="notice" role="status">
          {t("admin.outbox.retried")}
        </p>
      ) : null}
      {dead.length === 0 ? (
        <p>{t("admin.outbox.empty")}</p>
      ) : (
        <TableWrap label={t("admin.outbox")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.outbox.to")}</th>
                <th scope="col">{t("admin.outbox.subject")}</th>
                <th scope="col">{t("admin.outbox.attempts")}</th>
                <th scope="col">{t("admin.outbox.error")}</th>
                <th scope="col">
                  <span className="visually-hidden">{t("admin.outbox.retry")}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {dead.map((mail) => (
                <tr key={mail.id}>
                  <td>{mail.to}</td>
                  <td>
                    {mail.subject}
                    <br />
                    <small>{formatDateTime(mail.createdAt, locale)}</small>
                  </td>
                  <td>{mail.attempts}</td>
                  <td>{mail.lastError}</td>
                  <td>
                    <SafeForm>
                      <input type="hidden" name="intent" value="retry" />
                      <input type="hidden" name="id" value={mail.id} />
                      <button type="submit" className="button button--small">
                        {t("admin.outbox.retry")}
                      </button>
                    </SafeForm>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
    </>
  );
}
