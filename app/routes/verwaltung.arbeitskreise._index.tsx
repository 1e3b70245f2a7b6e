import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { listCoordinators, listGroups } from "~/modules/groups/groups.server";
import styles from "~/styles/groups.css?url";
import { requireUser } from "~/server/auth.server";
import { notFound } from "~/server/http.server";
import { TableWrap } from "~/components/form";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "groups.admin.title", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  if (user.role === "coordinator") {
    if (!user.groupId) notFound();
    throw redirect(`/verwaltung/arbeitskreise/${user.groupId}`);
  }
  const all = await listGroups();
  const rows = await Promise.all(
    all.map(async (g) => ({
      id: g.id,
      name: g.name,
      kind: g.kind,
      coordinators: (await listCoordinators(g.id)).map((c) => c.name),
    })),
  );
  return { groups: rows };
}

export default function GroupsAdmin() {
  const t = useT();
  const { groups } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("groups.admin.title")}</h1>
      <p>{t("groups.admin.lead")}</p>
      <TableWrap label={t("groups.admin.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("groups.admin.name")}</th>
              <th scope="col">{t("groups.admin.kind")}</th>
              <th scope="col">{t("groups.admin.coordinators")}</th>
            </tr>
          </thead>
          <tbody>
            {groups.map((g) => (
              <tr key={g.id}>
                <th scope="row">
                  <Link to={`/verwaltung/arbeitskreise/${g.id}`}>{g.name}</Link>
                </th>
                <td>{t(`groups.kind.${g.kind}`)}</td>
                <td>{g.coordinators.join(", ") || "–"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
