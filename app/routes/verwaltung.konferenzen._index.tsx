import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useLocale, useT } from "~/i18n/i18n";
import { listConferencesForAdmin } from "~/modules/conferences/admin.server";
import { requireOrganiser } from "~/server/auth.server";
import { formatDate } from "~/utils/time";
import { TableWrap } from "~/components/form";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "admin.conferences", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  return { conferences: await listConferencesForAdmin() };
}

export default function AdminConferences() {
  const t = useT();
  const locale = useLocale();
  const { conferences } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("admin.conferences")}</h1>
      <p>{t("admin.conferences.lead")}</p>
      <p>
        <Link className="button" to="/verwaltung/konferenzen/neu">
          {t("admin.conferences.new")}
        </Link>
      </p>
      {conferences.length === 0 ? (
        <p>{t("admin.conferences.empty")}</p>
      ) : (
        <TableWrap label={t("admin.conferences")}>
          <table>
            <thead>
              <tr>
                <th scope="col">{t("admin.conferences.year")}</th>
                <th scope="col">{t("admin.conference.title")}</th>
                <th scope="col">{t("admin.conferences.status")}</th>
                <th scope="col">{t("admin.conferences.seats")}</th>
              </tr>
            </thead>
            <tbody>
              {conferences.map((c) => (
                <tr key={c.id}>
                  <td>{c.year}</td>
                  <td>
                    <Link to={`/verwaltung/konferenzen/${c.year}`}>{c.title}</Link>
                    <br />
                    <small>{formatDate(c.startsAt, locale)}</small>
                  </td>
                  <td>{t(`conference.status.${c.status}` as MessageKey)}</td>
                  <td>
                    {t("admin.conferences.seatsValue", {
                      confirmed: c.confirmed,
                      held: c.held,
                      waitlisted: c.waitlisted,
                      capacity: c.capacity,
                    })}
                    <br />
                    <Link to={`/verwaltung/konferenzen/${c.year}/teilnehmende`}>
                      {t("participants.link")}
                      <span className="visually-hidden"> {c.year}</span>
                    </Link>
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
