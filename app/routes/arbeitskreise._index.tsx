import type { LinksFunction, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { listGroups } from "~/modules/groups/groups.server";
import styles from "~/styles/groups.css?url";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "groups.title")];

export async function loader() {
  const all = await listGroups();
  return {
    groups: all.map((g) => ({
      slug: g.slug,
      name: g.name,
      kind: g.kind,
      description: g.description,
      fieldsOfAction: g.fieldsOfAction,
    })),
  };
}

export default function GroupsIndex() {
  const t = useT();
  const { groups } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>{t("groups.title")}</h1>
      <p className="lead">{t("groups.lead")}</p>
      {(["working_group", "district_network"] as const).map((kind) => (
        <section key={kind} aria-labelledby={`kind-${kind}`}>
          <h2 id={`kind-${kind}`}>{t(`groups.kindPlural.${kind}`)}</h2>
          <ul className="group-list">
            {groups
              .filter((g) => g.kind === kind)
              .map((g) => (
                <li key={g.slug}>
                  <h3>
                    <Link to={`/arbeitskreise/${g.slug}`}>{g.name}</Link>
                  </h3>
                  <p>{g.description}</p>
                  {g.fieldsOfAction.length ? (
                    <ul className="tags" aria-label={t("groups.fields")}>
                      {g.fieldsOfAction.map((f) => (
                        <li key={f}>{f}</li>
                      ))}
                    </ul>
                  ) : null}
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}
