import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData, useNavigate } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useHydrated } from "~/components/live-stream";
import { PdfSlide } from "~/components/pdf-slide";
import { pageTitle, useT } from "~/i18n/i18n";
import { KIND_LABEL } from "~/modules/groups/format";
import { REPORT_SECTIONS } from "~/modules/groups/report-sections";
import { getReportView } from "~/modules/groups/reports.server";
import { pageText, slidesOfFiles, type FileSlide } from "~/modules/renditions/slides.server";
import styles from "~/styles/groups.css?url";
import { requireGroupAccess } from "~/server/auth.server";
import { notFound } from "~/server/http.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: styles }];
export const meta: MetaFunction<typeof loader> = ({ data, matches }) => [
  pageTitle(matches, data ? (t) => t("title.presentation", { group: data.group }) : "error.notFound.title"),
];

type Slide =
  | { kind: "title"; title: string; subtitle: string }
  | { kind: "section"; key: (typeof REPORT_SECTIONS)[number]; text: string }
  | FileSlide;

/**
 * The projector view of an approved (or published) report: one slide per part, then every page of
 * the slides and documents (PDFs, and Office files as the PDF LibreOffice made of them).
 * Published reports are public; approved ones only for the group and the organisers.
 * Every slide has its own address (?folie=n), so it also works without JavaScript.
 */
export async function loader({ request, params }: LoaderFunctionArgs) {
  const view = await getReportView(params.reportId ?? "");
  if (!view || !["approved", "published"].includes(view.report.status)) notFound();
  if (view.report.status !== "published") await requireGroupAccess(request, view.group.id);
  const slides: Slide[] = [
    { kind: "title", title: view.group.name, subtitle: String(view.conference.year) },
    ...REPORT_SECTIONS.filter((s) => view.report[s].trim()).map((s) => ({
      kind: "section" as const,
      key: s,
      text: view.report[s],
    })),
    ...(await slidesOfFiles(view.attachments)),
  ];
  const n = Number(new URL(request.url).searchParams.get("folie") ?? "1");
  const index = Number.isInteger(n) && n >= 1 && n <= slides.length ? n - 1 : 0;
  const current = slides[index]!;
  const text = current.kind === "page" ? await pageText(current.versionId, current.page) : "";
  return {
    group: view.group.name,
    slug: view.group.slug,
    published: view.report.status === "published",
    reportId: view.report.id,
    slides,
    index,
    text,
  };
}

export default function Presentation() {
  const t = useT();
  const navigate = useNavigate();
  const { group, slug, published, reportId, slides, index, text } = useLoaderData<typeof loader>();
  const slide = slides[index]!;
  const total = slides.length;
  const root = useRef<HTMLDivElement>(null);
  const exit = published ? `/arbeitskreise/${slug}` : `/verwaltung/berichte/${reportId}`;
  const go = (i: number) => `?folie=${Math.min(Math.max(i, 0), total - 1) + 1}`;

  // Full screen needs JavaScript: the button appears once the page runs it.
  const scripted = useHydrated();
  useEffect(() => {
    root.current?.focus();
  }, [index]);
  useEffect(() => {
    function onKey(e: KeyboardEvent) {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      const target = e.target as HTMLElement;
      if (target.closest("a, button, input, iframe, summary") && (e.key === " " || e.key === "Enter")) return;
      if (["ArrowRight", "PageDown", " "].includes(e.key)) navigate(go(index + 1), { replace: true });
      else if (["ArrowLeft", "PageUp"].includes(e.key)) navigate(go(index - 1), { replace: true });
      else if (e.key === "Home") navigate(go(0), { replace: true });
      else if (e.key === "End") navigate(go(total - 1), { replace: true });
      else if (e.key === "f" || e.key === "F")
        void (document.fullscreenElement ? document.exitFullscreen() : document.documentElement.requestFullscreen?.());
      else if (e.key === "Escape" && !document.fullscreenElement) navigate(exit);
      else return;
      e.preventDefault();
    }
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  });

  return (
    <div className="present" role="region" aria-label={t("present.title", { group })}>
      <div className="present__bar">
        <span aria-live="polite">{t("present.slide", { n: index + 1, total })}</span>
        <span className="visually-hidden">{t("present.help")}</span>
        <nav className="actions" aria-label={t("present.title", { group })}>
          {index > 0 ? (
            <Link to={go(index - 1)} replace>
              {t("present.prev")}
            </Link>
          ) : null}
          {index < total - 1 ? (
            <Link to={go(index + 1)} replace>
              {t("present.next")}
            </Link>
          ) : null}
          {scripted ? (
            <button type="button" onClick={() => void document.documentElement.requestFullscreen?.()}>
              {t("present.fullscreen")}
            </button>
          ) : null}
          <Link to={exit}>{t("present.close")}</Link>
        </nav>
      </div>
      <div
        className={slide.kind === "page" ? "present__slide present__slide--page" : "present__slide"}
        ref={root}
        tabIndex={-1}
      >
        {slide.kind === "title" ? (
          <>
            <h1>{slide.title}</h1>
            <p>{t("groups.resultYear", { year: slide.subtitle })}</p>
            <p className="field__hint">{t("present.help")}</p>
          </>
        ) : slide.kind === "section" ? (
          <>
            <h1 className="visually-hidden">{group}</h1>
            <h2>{t(`reports.section.${slide.key}`)}</h2>
            <p>{slide.text}</p>
          </>
        ) : slide.kind === "page" ? (
          <>
            <h1 className="visually-hidden">{group}</h1>
            <h2 className="present__pagetitle">
              {t("present.page", { name: slide.name, n: slide.page, total: slide.pages })}
            </h2>
            <PdfSlide
              key={`${slide.fileId}:${slide.page}`}
              pdfUrl={`/dateien/${slide.fileId}?pdf=1`}
              imageUrl={`/dateien/${slide.fileId}?seite=${slide.page}`}
              page={slide.page}
              alt={t("present.pageAlt", { name: slide.name, n: slide.page, total: slide.pages })}
              text={text}
              textLabel={t("present.pageText")}
            />
          </>
        ) : slide.kind === "image" ? (
          <>
            <h1 className="visually-hidden">{group}</h1>
            <h2>{slide.name}</h2>
            <img src={`/dateien/${slide.fileId}`} alt={slide.name} />
          </>
        ) : (
          <>
            <h1 className="visually-hidden">{group}</h1>
            <h2>{slide.name}</h2>
            <p>
              {t(
                slide.state === "pending"
                  ? "present.pending"
                  : slide.reason === "noConverter" || slide.reason === "noRenderer"
                    ? "present.noConverter"
                    : "present.damaged",
              )}
            </p>
            <p>
              <a href={`/dateien/${slide.fileId}`}>
                {t("present.download", { name: `${slide.name} (${KIND_LABEL[slide.fileKind] ?? slide.fileKind})` })}
              </a>
            </p>
          </>
        )}
      </div>
    </div>
  );
}
