import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import { Link, useActionData, useLoaderData, useLocation, useNavigation, useSearchParams } from "@remix-run/react";
import { ErrorSummary, Field, SafeForm, TableWrap, type FormErrors, TextareaField } from "~/components/form";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { getLocale } from "~/i18n/locale.server";
import { groupSchema, inviteSchema, startReportSchema } from "~/modules/groups/groups.schema";
import { isUuid } from "~/db/id";
import {
  getGroup,
  inviteCoordinator,
  listCoordinators,
  listInvitations,
  updateGroup,
} from "~/modules/groups/groups.server";
import { ensureReport, listGroupReports, reportableConferences } from "~/modules/groups/reports.server";
import styles from "~/styles/groups.css?url";
import { requireGroupAccess, requireOrganiser } from "~/server/auth.server";
import { env } from "~/utils/env.server";
import { invalid, parseForm } from "~/server/form.server";
import { notFound } from "~/server/http.server";
import { formatDate, formatDateTime } from "~/utils/time";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? () => data.group.name : "groups.admin.title", "admin"),
];

async function load(request: Request, groupId: string | undefined) {
  if (!isUuid(groupId)) notFound();
  const user = await requireGroupAccess(request, groupId);
  const group = await getGroup(groupId);
  if (!group) notFound();
  return { user, group };
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { user, group } = await load(request, params.groupId);
  const [reports, conferences, coordinators, invitations] = await Promise.all([
    listGroupReports(group.id),
    reportableConferences(),
    user.role === "organiser" ? listCoordinators(group.id) : Promise.resolve([]),
    user.role === "organiser" ? listInvitations(group.id) : Promise.resolve([]),
  ]);
  return {
    isOrganiser: user.role === "organiser",
    group,
    reports,
    startable: conferences
      .filter((c) => !reports.some((r) => r.conferenceId === c.id))
      .map((c) => ({ id: c.id, year: c.year })),
    coordinators: coordinators.filter((c) => c.active).map((c) => ({ id: c.id, name: c.name, email: c.email })),
    invitations: invitations.map((i) => ({
      userId: i.userId,
      name: i.name,
      email: i.email,
      createdAt: i.createdAt,
      expiresAt: i.expiresAt,
      status: i.status,
    })),
  };
}

const groupActionSchema = z.discriminatedUnion("intent", [startReportSchema, groupSchema, inviteSchema]);

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { user, group } = await load(request, params.groupId);
  const result = await parseForm(request, context, groupActionSchema);
  // Coordinators may only start their group's report; the rest is the organisers'.
  if (result.intent !== "start") await requireOrganiser(request);
  if (!result.ok) return result.intent === "save" || result.intent === "invite" ? invalid(result) : notFound();
  const input = result.data;
  if (input.intent === "start") {
    if (!(await reportableConferences()).some((c) => c.id === input.conferenceId)) notFound();
    const id = await ensureReport(group.id, input.conferenceId, user.id);
    throw redirect(`/verwaltung/berichte/${id}`);
  }
  if (input.intent === "save") {
    const { intent: _i, ...fields } = input;
    const saved = await updateGroup(group.id, fields);
    if (!saved.ok) return invalid({ errors: { slug: "groups.error.slugTaken" }, values: result.values });
    return data({ ok: true as const, done: "saved" as const });
  }
  const { inviteName, inviteEmail } = input;
  const sent = await inviteCoordinator({
    groupId: group.id,
    email: inviteEmail,
    name: inviteName,
    appUrl: env.APP_URL,
    locale: await getLocale(request),
  });
  if (!sent.ok && sent.error === "notFound") notFound();
  if (!sent.ok)
    return invalid({
      errors: { inviteEmail: "groups.invite.taken" },
      values: { intent: "invite", inviteName, inviteEmail },
    });
  // Post-redirect-get: the invite form comes back empty (with JS too: it is keyed by the location).
  throw redirect(`/verwaltung/arbeitskreise/${group.id}?eingeladen=${sent.userId}`);
}

export default function GroupAdmin() {
  const t = useT();
  const { isOrganiser, group, reports, startable, coordinators, invitations } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const [params] = useSearchParams();
  const { key: formKey } = useLocation();
  const invitedNow = invitations.find((i) => i.userId === params.get("eingeladen"));
  const actionData = useActionData<typeof action>();
  const navigation = useNavigation();
  const failed = actionData && !actionData.ok ? actionData : null;
  const failedIntent = failed?.values.intent;
  const groupErrors: FormErrors = failedIntent === "save" ? failed!.errors : {};
  const inviteErrors: FormErrors = failedIntent === "invite" ? failed!.errors : {};
  const v = (name: string, fallback: string) => (failedIntent === "save" ? (failed!.values[name] ?? "") : fallback);
  return (
    <>
      <h1>{group.name}</h1>
      <p>
        {t(`groups.kind.${group.kind}`)} · <Link to={`/arbeitskreise/${group.slug}`}>/arbeitskreise/{group.slug}</Link>
      </p>
      {params.has("zurueckgezogen") && !actionData ? (
        <p className="notice" role="status">
          {t("groups.invitations.withdrawn")}
        </p>
      ) : null}
      {actionData?.ok ? (
        <p className="notice" role="status">
          {t("groups.admin.saved")}
        </p>
      ) : null}
      {invitedNow && !actionData ? (
        <p className="notice" role="status">
          {t("groups.invite.sent", { email: invitedNow.email })}
        </p>
      ) : null}

      <h2>{t("groups.admin.reports")}</h2>
      {reports.length === 0 ? <p>{t("groups.admin.noReports")}</p> : null}
      <ul>
        {reports.map((r) => (
          <li key={r.id}>
            <Link to={`/verwaltung/berichte/${r.id}`}>{t("groups.admin.openReport", { year: r.year })}</Link> –{" "}
            <span className={`status status--${r.status}`}>{t(`reports.status.${r.status}`)}</span>
          </li>
        ))}
      </ul>
      {startable.map((c) => (
        <SafeForm key={c.id}>
          <input type="hidden" name="intent" value="start" />
          <input type="hidden" name="conferenceId" value={c.id} />
          <button type="submit" className="button">
            {t("groups.admin.startReport", { year: c.year })}
          </button>
        </SafeForm>
      ))}

      {isOrganiser ? (
        <>
          <h2>{t("groups.admin.coordinators")}</h2>
          {coordinators.length === 0 ? <p>{t("groups.invite.none")}</p> : null}
          <ul>
            {coordinators.map((c) => (
              <li key={c.id}>
                {c.name} ({c.email})
              </li>
            ))}
          </ul>
          {invitations.length ? (
            <>
              <h3 id="invitations-title">{t("groups.invitations.title")}</h3>
              <TableWrap label={t("groups.invitations.title")}>
                <table aria-labelledby="invitations-title">
                  <thead>
                    <tr>
                      <th scope="col">{t("groups.invitations.person")}</th>
                      <th scope="col">{t("groups.invitations.sentAt")}</th>
                      <th scope="col">{t("groups.invitations.status")}</th>
                      <th scope="col">
                        <span className="visually-hidden">{t("groups.invitations.actions")}</span>
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {invitations.map((i) => (
                      <tr key={i.userId}>
                        <td>
                          {i.name} ({i.email})
                        </td>
                        <td>{formatDateTime(i.createdAt, locale)}</td>
                        <td>
                          {t(`groups.invitations.status.${i.status}`, { until: formatDate(i.expiresAt, locale) })}
                        </td>
                        <td>
                          {i.status === "open" ? (
                            <Link
                              className="button button--small button--secondary"
                              to={`/verwaltung/arbeitskreise/${group.id}/einladungen/${i.userId}/zurueckziehen`}
                            >
                              {t("groups.invitations.withdraw")}
                              <span className="visually-hidden">: {i.name}</span>
                            </Link>
                          ) : null}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </TableWrap>
            </>
          ) : null}
          <section className="card" aria-labelledby="invite-title">
            <h3 id="invite-title">{t("groups.invite.title")}</h3>
            <p>{t("groups.invite.lead")}</p>
            <ErrorSummary
              errors={inviteErrors}
              labels={{ inviteName: t("groups.invite.name"), inviteEmail: t("groups.invite.email") }}
            />
            <SafeForm noValidate key={`invite-${formKey}`}>
              <input type="hidden" name="intent" value="invite" />
              <Field
                name="inviteName"
                label={t("groups.invite.name")}
                required
                error={inviteErrors.inviteName}
                defaultValue={failedIntent === "invite" ? failed!.values.inviteName : ""}
                autoComplete="off"
              />
              <Field
                name="inviteEmail"
                type="email"
                label={t("groups.invite.email")}
                required
                error={inviteErrors.inviteEmail}
                defaultValue={failedIntent === "invite" ? failed!.values.inviteEmail : ""}
                autoComplete="off"
              />
              <button type="submit" className="button" disabled={navigation.state === "submitting"}>
                {t("groups.invite.submit")}
              </button>
            </SafeForm>
          </section>

          <h2>{t("groups.admin.edit")}</h2>
          <ErrorSummary
            errors={groupErrors}
            labels={{
              name: t("groups.field.name"),
              slug: t("groups.field.slug"),
              kind: t("groups.field.kind"),
              contactEmail: t("groups.field.contactEmail"),
              description: t("groups.field.description"),
            }}
          />
          <SafeForm noValidate key={group.slug}>
            <input type="hidden" name="intent" value="save" />
            <Field
              name="name"
              label={t("groups.field.name")}
              required
              error={groupErrors.name}
              defaultValue={v("name", group.name)}
            />
            <div className="field">
              <label htmlFor="field-kind">{t("groups.field.kind")}</label>
              <select id="field-kind" name="kind" defaultValue={v("kind", group.kind)}>
                <option value="working_group">{t("groups.kind.working_group")}</option>
                <option value="district_network">{t("groups.kind.district_network")}</option>
              </select>
            </div>
            <Field
              name="slug"
              label={t("groups.field.slug")}
              hint={t("groups.field.slugHint")}
              required
              error={groupErrors.slug}
              defaultValue={v("slug", group.slug)}
            />
            <TextareaField
              name="description"
              label={t("groups.field.description")}
              error={groupErrors.description}
              defaultValue={v("description", group.description)}
            />
            <TextareaField
              name="fieldsOfAction"
              label={t("groups.field.fields")}
              hint={t("groups.field.fieldsHint")}
              defaultValue={v("fieldsOfAction", group.fieldsOfAction.join("\n"))}
            />
            <Field
              name="contactName"
              label={t("groups.field.contactName")}
              defaultValue={v("contactName", group.contactName ?? "")}
            />
            <Field
              name="contactEmail"
              type="email"
              label={t("groups.field.contactEmail")}
              error={groupErrors.contactEmail}
              defaultValue={v("contactEmail", group.contactEmail ?? "")}
            />
            <button type="submit" className="button">
              {t("groups.admin.save")}
            </button>
          </SafeForm>
        </>
      ) : null}
    </>
  );
}
