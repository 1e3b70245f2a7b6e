import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import {
  ErrorSummary,
  Field,
  type FormErrors,
  SafeForm,
  TableWrap,
  SelectField,
  TextareaField,
} from "~/components/form";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { ACCESSIBILITY_NEEDS, ORGANISATION_TYPES, SORTS, STATUSES } from "~/modules/registrations/registration.schema";
import {
  listParticipants,
  messageConfirmed,
  needsCounts,
  parseParticipantFilter,
} from "~/modules/registrations/participants.server";
import { registrationLinks } from "~/modules/registrations/ui";
import { invalid, parseForm } from "~/server/form.server";
import { requireOrganiserConference } from "~/server/organiser.server";
import { formatDateTime } from "~/utils/time";

export const links = registrationLinks;
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(
    matches,
    data ? (t) => t("participants.title", { title: data.conference.title }) : "admin.conferences",
    "admin",
  ),
];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const { conference, forums } = await requireOrganiserConference(request, params.year);
  const url = new URL(request.url);
  const filter = parseParticipantFilter(url.searchParams);
  const [list, counts] = await Promise.all([listParticipants(conference.id, filter), needsCounts(conference.id)]);
  return {
    conference: { year: conference.year, title: conference.title },
    forums: forums.map((f) => ({ id: f.id, title: f.title })),
    filter,
    list,
    counts,
    query: url.searchParams.toString(),
  };
}

const messageSchema = z.object({
  subject: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(200, "errors.tooLong"),
  body: z.string({ error: "errors.required" }).trim().min(1, "errors.required").max(10_000, "errors.tooLong"),
});

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { conference } = await requireOrganiserConference(request, params.year);
  const result = await parseForm(request, context, messageSchema);
  if (!result.ok) return invalid(result);
  const count = await messageConfirmed(conference.id, result.data);
  return data({ ok: true as const, count });
}

export default function Participants() {
  const t = useT();
  const locale = useLocale();
  const { conference, forums, filter, list, counts, query } = useLoaderData<typeof loader>();
  const acted = useActionData<typeof action>();
  const errors = acted && !acted.ok ? (acted.errors as FormErrors) : undefined;
  const values = acted && !acted.ok ? acted.values : {};
  const base = `/verwaltung/konferenzen/${conference.year}/teilnehmende`;
  const pageLink = (page: number) => {
    const p = new URLSearchParams(query);
    p.set("page", String(page));
    return `${base}?${p}`;
  };
  const exportQuery = (() => {
    const p = new URLSearchParams(query);
    p.delete("page");
    const s = p.toString();
    return s ? `?${s}` : "";
  })();
  return (
    <>
      <h1>{t("participants.title", { title: conference.title })}</h1>
      <p className="reg-actions">
        <Link className="button" to={`${base}/neu`}>
          {t("participants.add")}
        </Link>
        <Link className="button button--secondary" to={`/verwaltung/konferenzen/${conference.year}/statistik`}>
          {t("stats.link")}
        </Link>
      </p>
      {acted?.ok ? (
        <p className="notice" role="status">
          {t("participants.sent", { count: acted.count })}
        </p>
      ) : null}
      <section aria-labelledby="filter-title" className="card">
        <h2 id="filter-title">{t("participants.filter")}</h2>
        <Form method="get" className="stack">
          <Field name="q" label={t("participants.q")} type="search" defaultValue={filter.q} />
          <SelectField
            name="status"
            label={t("participants.status")}
            defaultValue={filter.status}
            options={[
              { value: "", label: t("participants.all") },
              ...STATUSES.map((s) => ({ value: s, label: t(`registration.status.${s}` as MessageKey) })),
            ]}
          />
          {forums.length ? (
            <SelectField
              name="forum"
              label={t("participants.forum")}
              defaultValue={filter.forum}
              options={[
                { value: "", label: t("participants.all") },
                { value: "none", label: t("participants.noForum") },
                ...forums.map((f) => ({ value: f.id, label: f.title })),
              ]}
            />
          ) : null}
          <SelectField
            name="type"
            label={t("participants.type")}
            defaultValue={filter.type}
            options={[
              { value: "", label: t("participants.all") },
              ...ORGANISATION_TYPES.map((o) => ({ value: o, label: t(`registration.orgType.${o}` as MessageKey) })),
            ]}
          />
          <SelectField
            name="sort"
            label={t("participants.sort")}
            defaultValue={filter.sort}
            options={SORTS.map((s) => ({ value: s, label: t(`participants.sort.${s}` as MessageKey) }))}
          />
          <SelectField
            name="dir"
            label={t("participants.dir")}
            defaultValue={filter.dir}
            options={[
              { value: "asc", label: t("participants.dir.asc") },
              { value: "desc", label: t("participants.dir.desc") },
            ]}
          />
          <button type="submit" className="button">
            {t("participants.apply")}
          </button>
        </Form>
      </section>

      <p role="status">
        {list.total === 1 ? t("participants.countOne") : t("participants.count", { total: list.total })}
      </p>
      <p className="reg-actions">
        <a href={`${base}.csv${exportQuery}`} download>
          {t("participants.csv")}
        </a>
        <a href={`${base}.xlsx${exportQuery}`} download>
          {t("participants.xlsx")}
        </a>
      </p>
      {list.rows.length === 0 ? (
        <p>{t("participants.empty")}</p>
      ) : (
        <TableWrap label={t("participants.title", { title: conference.title })}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("participants.name")}</th>
                <th scope="col">{t("participants.organisation")}</th>
                <th scope="col">{t("participants.forum")}</th>
                <th scope="col">{t("participants.status")}</th>
                <th scope="col">{t("participants.registeredAt")}</th>
              </tr>
            </thead>
            <tbody>
              {list.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row">
                    <Link to={`${base}/${r.id}`}>
                      {r.lastName}, {r.firstName}
                    </Link>
                    <br />
                    <small>{r.email}</small>
                  </th>
                  <td>
                    {r.organisation}
                    <br />
                    <small>{t(`registration.orgType.${r.organisationType}` as MessageKey)}</small>
                  </td>
                  <td>{r.forum ?? "–"}</td>
                  <td>
                    {t(`registration.status.${r.status}` as MessageKey)}
                    {r.status === "waitlisted" && r.waitlistPosition !== null ? ` (${r.waitlistPosition})` : ""}
                  </td>
                  <td>{formatDateTime(r.createdAt, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </TableWrap>
      )}
      {list.pages > 1 ? (
        <nav aria-label={t("participants.pagination")} className="reg-actions">
          {filter.page > 1 ? <Link to={pageLink(filter.page - 1)}>{t("participants.prev")}</Link> : null}
          <span>{t("participants.page", { page: filter.page, pages: list.pages })}</span>
          {filter.page < list.pages ? <Link to={pageLink(filter.page + 1)}>{t("participants.next")}</Link> : null}
        </nav>
      ) : null}

      <section aria-labelledby="needs-title" className="card">
        <h2 id="needs-title">{t("participants.needs")}</h2>
        <p>{t("participants.needsLead", { seats: counts.seats })}</p>
        <ul>
          {ACCESSIBILITY_NEEDS.map((need) => (
            <li key={need}>
              {t(`registration.access.${need}` as MessageKey)}: {counts.accessibility[need]}
            </li>
          ))}
          <li>
            {t("participants.otherSupport")}: {counts.accessibilityOther}
          </li>
        </ul>
        <h3>{t("participants.diets")}</h3>
        {counts.diets.length ? (
          <ul>
            {counts.diets.map((d) => (
              <li key={d.wish}>{t("participants.dietCount", { wish: d.wish, count: d.count })}</li>
            ))}
          </ul>
        ) : (
          <p>{t("participants.noDiets")}</p>
        )}
      </section>

      <section aria-labelledby="message-title">
        <h2 id="message-title">{t("participants.message")}</h2>
        <ErrorSummary errors={errors} labels={{ subject: t("participants.subject"), body: t("participants.body") }} />
        <SafeForm noValidate className="stack">
          <Field
            name="subject"
            label={t("participants.subject")}
            required
            defaultValue={values.subject}
            error={errors?.subject}
          />
          <TextareaField
            rows={4}
            name="body"
            label={t("participants.body")}
            required
            defaultValue={values.body}
            error={errors?.body}
          />
          <button type="submit" className="button">
            {t("participants.send")}
          </button>
        </SafeForm>
      </section>
    </>
  );
}
