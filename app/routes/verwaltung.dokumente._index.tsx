import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { inTreeOrder, listLibrary } from "~/modules/publishing/library.server";
import { libraryTypeKey, publishingLinks } from "~/modules/publishing/ui";
import { requireOrganiser } from "~/server/auth.server";
import { TableWrap } from "~/components/form";

export const links = publishingLinks;
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "library.admin.title", "admin")];

export async function loader({ request }: LoaderFunctionArgs) {
  await requireOrganiser(request);
  const entries = inTreeOrder(await listLibrary({ includeDrafts: true }));
  return { entries, deleted: new URL(request.url).searchParams.has("geloescht") };
}

export default function LibraryAdmin() {
  const t = useT();
  const { entries, deleted } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("library.admin.title")}</h1>
      <p className="lead">{t("library.admin.lead")}</p>
      <p>
        <Link to="/verwaltung/dokumente/neu" className="button">
          {t("library.admin.new")}
        </Link>
      </p>
      {deleted ? (
        <p className="notice" role="status">
          {t("library.admin.deleted")}
        </p>
      ) : null}
      <TableWrap label={t("library.admin.title")}>
        <table>
          <thead>
            <tr>
              <th scope="col">{t("library.field.title")}</th>
              <th scope="col">{t("library.field.year")}</th>
              <th scope="col">{t("library.field.type")}</th>
              <th scope="col">{t("library.admin.file")}</th>
              <th scope="col">{t("library.admin.status")}</th>
            </tr>
          </thead>
          <tbody>
            {entries.map((e) => (
              <tr key={e.id}>
                <th scope="row">
                  {e.parentId ? "↳ " : null}
                  <Link to={`/verwaltung/dokumente/${e.id}`}>{e.title}</Link>
                </th>
                <td>{e.year ?? "–"}</td>
                <td>{t(libraryTypeKey(e.type))}</td>
                <td>{e.fileName ?? (e.url ? t("library.field.url") : "–")}</td>
                <td>{e.published ? t("library.admin.published") : t("library.admin.draft")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
    </>
  );
}
