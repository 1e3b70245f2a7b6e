import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { ConfirmForm } from "~/components/confirm-form";
import { pageTitle, useT } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { allowedActions, findReport, getReportView, transition } from "~/modules/groups/reports.server";
import { requireOrganiser } from "~/server/auth.server";
import { readForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { env } from "~/utils/env.server";

export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    data ? (t) => t("reports.unpublish.title", { group: data.group, year: data.year }) : "reports.overview",
    "admin",
  ),
];

// GET asks, POST takes the report off the public pages (only a published report, only organisers).
async function load(request: Request, reportId: string | undefined) {
  const user = await requireOrganiser(request);
  const report = await findReport(reportId ?? "");
  if (!report || !allowedActions(report.status, "organiser").includes("unpublish")) notFound();
  return { user, report };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { report } = await load(request, params.reportId);
  const view = (await getReportView(report.id))!;
  return { id: report.id, group: view.group.name, year: view.conference.year };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { user, report } = await load(request, params.reportId);
  await readForm(request, context);
  const done = await transition({
    reportId: report.id,
    actor: { id: user.id, role: user.role, groupId: user.groupId },
    action: "unpublish",
    appUrl: env.APP_URL,
    locale: await getLocale(request),
  });
  if (!done) notFound();
  throw redirect(`/verwaltung/berichte/${report.id}?zurueckgezogen=1`);
}

export default function UnpublishReport() {
  const t = useT();
  const { id, group, year } = useLoaderData<typeof loader>();
  return (
    <div className="narrow">
      <h1>{t("reports.unpublish.title", { group, year })}</h1>
      <p>{t("reports.unpublish.lead")}</p>
      <ConfirmForm
        submitLabel={t("reports.unpublish.submit")}
        cancelTo={`/verwaltung/berichte/${id}`}
        cancelLabel={t("reports.confirm.cancel")}
      />
    </div>
  );
}
