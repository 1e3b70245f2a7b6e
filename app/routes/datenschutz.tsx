import type { MetaFunction } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { MessageKey } from "~/i18n/catalog";
import { pageTitle, useT } from "~/i18n/i18n";
import { retentionSettings } from "~/modules/privacy/retention.server";
import { TableWrap } from "~/components/form";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "privacy.title")];

// Generated from the same settings the retention job uses, so the page cannot drift from practice.
export function loader() {
  return retentionSettings();
}

const ROWS = [
  "registration",
  "special",
  "photo",
  "documentationNews",
  "unconfirmed",
  "mail",
  "accounts",
  "audit",
] as const;

export default function Privacy() {
  const t = useT();
  const s = useLoaderData<typeof loader>();
  const vars: Record<(typeof ROWS)[number], Record<string, number>> = {
    registration: { days: s.anonymiseDays },
    special: { days: s.specialCategoryDays },
    photo: {},
    documentationNews: { days: s.anonymiseDays },
    unconfirmed: {},
    mail: { days: s.sentMailDays },
    accounts: { idle: s.sessionIdleMinutes, hours: s.sessionAbsoluteHours },
    audit: { days: s.auditDays },
  };
  const cell = (row: string, col: string) => `privacy.row.${row}.${col}` as MessageKey;
  return (
    <article className="prose prose--wide">
      <h1>{t("privacy.title")}</h1>
      <p>{t("privacy.body")}</p>
      <TableWrap label={t("privacy.tableCaption")}>
        <table>
          <caption>{t("privacy.tableCaption")}</caption>
          <thead>
            <tr>
              <th scope="col">{t("privacy.col.data")}</th>
              <th scope="col">{t("privacy.col.purpose")}</th>
              <th scope="col">{t("privacy.col.basis")}</th>
              <th scope="col">{t("privacy.col.retention")}</th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row}>
                <th scope="row">{t(cell(row, "data"))}</th>
                <td>{t(cell(row, "purpose"))}</td>
                <td>{t(cell(row, "basis"))}</td>
                <td>{t(cell(row, "retention"), vars[row])}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </TableWrap>
      <h2>{t("privacy.rights.title")}</h2>
      <p>{t("privacy.rights.body")}</p>
      <p>{t("privacy.noTracking")}</p>
      <p>{t("privacy.cookies")}</p>
    </article>
  );
}
