import { Link } from "@remix-run/react";
import { useGermanContent, useT } from "~/i18n/i18n";

/** The projector view of a group's report (/praesentation/<report>), named after the group. */
export function PresentationLink({ reportId, group }: { reportId: string; group: string }) {
  const t = useT();
  return <Link to={`/praesentation/${reportId}`}>{t("reports.presentFor", { group })}</Link>;
}

/**
 * The groups presenting in the agenda slot "Präsentation der Arbeitskreise". Plain data in, no
 * server code or zod: the conference page's bundle stays small.
 */
export function AgendaPresentations({
  items,
}: {
  items: { groupName: string; groupUrl: string | null; reportId: string | null }[];
}) {
  const t = useT();
  const de = useGermanContent();
  if (!items.length) return null;
  return (
    <>
      <p>{t("agenda.presenting")}</p>
      <ul className="agenda__groups">
        {items.map((g) => (
          <li key={g.groupName}>
            {g.groupUrl ? (
              <Link to={g.groupUrl} {...de}>
                {g.groupName}
              </Link>
            ) : (
              <span {...de}>{g.groupName}</span>
            )}
            {g.reportId ? (
              <>
                {" "}
                (<PresentationLink reportId={g.reportId} group={g.groupName} />)
              </>
            ) : null}
          </li>
        ))}
      </ul>
    </>
  );
}
