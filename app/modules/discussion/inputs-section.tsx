import { Link } from "@remix-run/react";
import { useGermanContent, useLocale, useT } from "~/i18n/i18n";
import { formatTimeRange } from "~/utils/time";

type PublicInput = {
  id: string;
  title: string;
  speakers: { name: string; role: string }[];
  abstract: string;
  slidesFileId: string | null;
  startsAt: string | Date | null;
  endsAt: string | Date | null;
};

/** The conference page's section on its Fachinputs: title, speakers with role, abstract, slot. */
export function DiscussionInputsSection({ inputs, live }: { inputs: PublicInput[]; live: boolean }) {
  const t = useT();
  const locale = useLocale();
  const de = useGermanContent();
  if (!inputs.length) return null;
  return (
    <section aria-labelledby="inputs-title">
      <h2 id="inputs-title">{t("discussion.inputs")}</h2>
      {inputs.map((input) => (
        <div key={input.id} className="card">
          <h3 className="card__title" {...de}>
            {input.title}
          </h3>
          {input.startsAt ? (
            <p className="agenda__kind">{formatTimeRange(input.startsAt, input.endsAt, locale)}</p>
          ) : null}
          {input.speakers.length ? (
            <ul>
              {input.speakers.map((s) => (
                <li key={`${s.name}-${s.role}`} {...de}>
                  <strong>{s.name}</strong>
                  {s.role ? `, ${s.role}` : ""}
                </li>
              ))}
            </ul>
          ) : null}
          {/* Paragraphs as typed; no inline style (the CSP allows none). */}
          {input.abstract
            ? input.abstract.split(/\n{2,}/).map((paragraph, k) => (
                <p key={k} {...de}>
                  {paragraph}
                </p>
              ))
            : null}
          {input.slidesFileId ? (
            <p>
              <a href={`/dateien/${input.slidesFileId}`}>
                {t("discussion.slides.download")}
                <span className="visually-hidden">: {input.title}</span>
              </a>
            </p>
          ) : null}
        </div>
      ))}
      {live ? (
        <p>
          <Link to="/live">{t("discussion.join")}</Link>: {t("discussion.join.lead")}
        </p>
      ) : null}
    </section>
  );
}
