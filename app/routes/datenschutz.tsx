import type { MetaFunction } from "@remix-run/node";
import { useT } from "~/i18n/i18n";

export const meta: MetaFunction = () => [{ title: "Datenschutz – Integrationskonferenz" }];

export default function Privacy() {
  const t = useT();
  return (
    <article className="prose">
      <h1>{t("privacy.title")}</h1>
      <p>{t("privacy.body")}</p>
      <p>{t("privacy.noTracking")}</p>
      <p>{t("privacy.cookies")}</p>
    </article>
  );
}
