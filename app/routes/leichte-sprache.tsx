import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { pageTitle, useT } from "~/i18n/i18n";
import { getStatement } from "~/modules/accessibility/statement.server";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "nav.easyLanguage")];

export async function loader(_: LoaderFunctionArgs) {
  const { dgsVideoUrl, dgsCaptionsUrl } = await getStatement();
  return { video: dgsVideoUrl, captions: dgsCaptionsUrl };
}

// The text is Leichte Sprache (rules of the Netzwerk Leichte Sprache): short sentences, one
// statement each, no abbreviations, explained words. It is German on every language's page.
export default function EasyLanguage() {
  const t = useT();
  const { video, captions } = useLoaderData<typeof loader>();
  const embedded = video.startsWith("/");
  return (
    <article className="prose easy">
      <div lang="de" dir="ltr">
        <h1>Leichte Sprache</h1>
        <p>Hier erklären wir diese Internet-Seite in Leichter Sprache.</p>

        <h2>Was ist die Integrations-Konferenz?</h2>
        <p>Die Integrations-Konferenz ist ein Treffen.</p>
        <p>Das Treffen ist einmal im Jahr.</p>
        <p>Das Treffen ist in der Stadt Bottrop.</p>
        <p>Viele Menschen kommen zu dem Treffen.</p>
        <p>Sie arbeiten zum Beispiel in Schulen.</p>
        <p>Oder in Vereinen.</p>
        <p>Oder bei der Stadt.</p>
        <p>Manche Menschen sind selbst nach Deutschland gekommen.</p>

        <h2>Worum geht es?</h2>
        <p>Es geht um das Zusammen-Leben in Bottrop.</p>
        <p>Alle Menschen sollen gut in Bottrop leben können.</p>
        <p>Egal, woher sie kommen.</p>
        <p>Das nennt man: Integration.</p>

        <h2>Was passiert auf der Konferenz?</h2>
        <ul>
          <li>Gruppen erzählen: Das haben wir in diesem Jahr gemacht.</li>
          <li>Eine Expertin oder ein Experte hält einen Vortrag.</li>
          <li>Sie können Fragen stellen.</li>
          <li>Alle sprechen zusammen über Ideen.</li>
          <li>Am Ende legen alle zusammen Ziele fest. Die Ziele sind für das nächste Jahr.</li>
        </ul>

        <h2>Was finden Sie auf dieser Internet-Seite?</h2>
        <ul>
          <li>
            <Link to="/konferenzen">Konferenzen</Link>: Hier steht, wann und wo die Konferenz ist.
          </li>
          <li>Hier können Sie sich auch anmelden. Das heißt: Sie sagen uns, dass Sie kommen.</li>
          <li>
            <Link to="/arbeitskreise">Arbeitskreise</Link>: Das sind Gruppen. Jede Gruppe arbeitet an einem Thema.
          </li>
          <li>
            <Link to="/ziele">Ziele</Link>: Hier stehen die Ziele. Und hier steht, was schon geschafft ist.
          </li>
        </ul>

        <h2>Wie melde ich mich an?</h2>
        <p>Sie gehen auf die Seite von der Konferenz.</p>
        <p>Dort klicken Sie auf: Anmelden.</p>
        <p>Sie schreiben Ihren Namen in das Formular.</p>
        <p>Und Ihre E-Mail-Adresse.</p>
        <p>Dann bekommen Sie eine E-Mail.</p>
        <p>In der E-Mail ist ein Link.</p>
        <p>Sie klicken auf den Link.</p>
        <p>Dann sind Sie angemeldet.</p>
        <p>Die Anmeldung kostet nichts.</p>

        <h2>Brauchen Sie Hilfe?</h2>
        <p>Zum Beispiel eine Person, die Gebärden-Sprache spricht.</p>
        <p>Oder einen Platz für einen Roll-Stuhl.</p>
        <p>Das können Sie bei der Anmeldung sagen.</p>
        <p>Wir helfen Ihnen gern.</p>

        <h2>Gibt es Probleme mit dieser Internet-Seite?</h2>
        <p>Können Sie etwas nicht lesen?</p>
        <p>Oder funktioniert etwas nicht?</p>
        <p>
          Dann schreiben Sie uns. Das geht hier: <Link to="/barrierefreiheit#feedback">Barriere melden</Link>.
        </p>
      </div>

      <h2>{t("a11y.easy.video")}</h2>
      {video && embedded && captions ? (
        // Embedded only with captions (the organiser form requires them for a video on this site).
        <video controls preload="metadata" aria-label={t("a11y.easy.videoLabel")} className="dgs-video">
          <source src={video} type={video.toLowerCase().endsWith(".webm") ? "video/webm" : "video/mp4"} />
          <track kind="captions" src={captions} srcLang="de" label="Deutsch" default />
          <a href={video}>{t("a11y.easy.videoLink")}</a>
        </video>
      ) : video ? (
        <p>
          <a href={video}>{t("a11y.easy.videoLink")}</a>
        </p>
      ) : (
        <p>{t("a11y.easy.videoMissing")}</p>
      )}
    </article>
  );
}
