import type { LinksFunction } from "@remix-run/node";
import type { MessageKey } from "~/i18n/catalog";
import { useLocale, useT } from "~/i18n/i18n";
import { formatBytes, KIND_LABEL } from "~/modules/groups/format";
import styles from "~/styles/publishing.css?url";

export const publishingLinks: LinksFunction = () => [{ rel: "stylesheet", href: styles }];

export const libraryTypeKey = (type: string) => `library.type.${type}` as MessageKey;
export const libraryAreaKey = (area: string) => `library.area.${area}` as MessageKey;

type LinkedEntry = {
  title: string;
  fileId: string | null;
  fileKind: string | null;
  fileSize: number | null;
  url: string | null;
};

/** The download of a library entry's file (type and size in the accessible name) or its external link. */
export function EntryLinks({ entry }: { entry: LinkedEntry }) {
  const t = useT();
  const locale = useLocale();
  if (entry.fileId && entry.fileKind) {
    return (
      <a
        href={`/dateien/${entry.fileId}`}
        aria-label={t("library.downloadNamed", {
          title: entry.title,
          kind: KIND_LABEL[entry.fileKind] ?? entry.fileKind,
          size: formatBytes(entry.fileSize ?? 0, locale),
        })}
      >
        {t("library.download")} ({KIND_LABEL[entry.fileKind] ?? entry.fileKind},{" "}
        {formatBytes(entry.fileSize ?? 0, locale)})
      </a>
    );
  }
  if (entry.url) {
    return (
      <a
        href={entry.url}
        rel="noopener noreferrer external"
        aria-label={t("library.externalNamed", { title: entry.title })}
      >
        {t("library.external")}
      </a>
    );
  }
  return null;
}
