import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import {
  isRouteErrorResponse,
  Link,
  Links,
  Meta,
  NavLink,
  Outlet,
  Scripts,
  ScrollRestoration,
  useLocation,
  useMatches,
  useRouteError,
  useRouteLoaderData,
} from "@remix-run/react";
import { useEffect, type ReactNode } from "react";
import { ErrorPage, errorKind } from "~/components/error-page";
import { FormDrafts, SessionWarning } from "~/components/session-warning";
import { useNonce } from "~/components/nonce";
import { localeDir, locales, pageLocale, type Locale } from "~/i18n/locales";
import { metaT, pageTitle, useLocale, useT } from "~/i18n/i18n";
import { getChosenLocale } from "~/i18n/locale.server";
import { messagesAsset } from "~/i18n/messages.server";
import { getUser } from "~/server/auth.server";
import { env } from "~/utils/env.server";
import styles from "~/styles/app.css?url";

export const links: LinksFunction = () => [
  { rel: "stylesheet", href: styles },
  { rel: "icon", href: "/favicon.svg", type: "image/svg+xml" },
];

// Pages set their own title; this one is for error pages (every document needs a title).
export const meta: MetaFunction = ({ error, matches }) => {
  if (!error) return [{ title: metaT(matches)("site.name") }];
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return [pageTitle(matches, `error.${errorKind(status)}.title`)];
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const [chosenLocale, user] = await Promise.all([getChosenLocale(request), getUser(request)]);
  // A page without Arabic is shown in German (with a note in Arabic), never half-translated.
  const locale = pageLocale(chosenLocale, new URL(request.url).pathname);
  return {
    locale,
    chosenLocale,
    // This language's messages, as a script the browser caches (not in every page's data).
    messagesSrc: messagesAsset(locale).src,
    csrfToken: context.csrfToken,
    user: user ? { name: user.name, role: user.role } : null,
    sessionIdleMinutes: env.SESSION_IDLE_MINUTES,
  };
}

export type RootData = Awaited<ReturnType<typeof loader>>;

function LanguageSwitch() {
  const t = useT();
  const pageLanguage = useLocale();
  const current = useRouteLoaderData<RootData>("root")?.chosenLocale ?? pageLanguage;
  const location = useLocation();
  const names: Record<Locale, string> = { de: "Deutsch", en: "English", ar: "العربية" };
  return (
    <nav aria-label={t("nav.language")} className="lang-switch">
      <ul>
        {locales.map((locale) => {
          return (
            <li key={locale}>
              <a
                href={`/sprache?${new URLSearchParams({ lang: locale, to: location.pathname + location.search })}`}
                lang={locale}
                hrefLang={locale}
                aria-current={locale === current ? "true" : undefined}
              >
                {names[locale]}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}

function Shell({ children }: { children: ReactNode }) {
  const t = useT();
  const data = useRouteLoaderData<RootData>("root");
  const user = data?.user;
  const location = useLocation();
  // For Arabic the page language depends on the path: when a client-side navigation crosses
  // between a page with and one without Arabic, this document's messages are of the other
  // language, so the document loads anew (a custom root shouldRevalidate would change how Remix
  // revalidates after actions).
  useEffect(() => {
    const loaded = window.__ikonMessages?.locale;
    if (data && loaded && loaded !== data.locale) window.location.reload();
  }, [location.pathname, data]);
  return (
    <>
      <a className="skip-link" href="#main">
        {t("site.skip")}
      </a>
      <header className="site-header">
        <div className="site-header__inner">
          <Link to="/" className="site-title">
            <span className="site-title__name">{t("site.name")}</span>
            <span className="site-title__owner">{t("site.owner")}</span>
          </Link>
          <LanguageSwitch />
        </div>
        <nav aria-label={t("nav.label")} className="main-nav">
          <ul>
            <li>
              <NavLink to="/" end>
                {t("nav.home")}
              </NavLink>
            </li>
            <li>
              <NavLink to="/arbeitskreise">{t("nav.groups")}</NavLink>
            </li>
            <li>
              <NavLink to="/konferenzen">{t("nav.conferences")}</NavLink>
            </li>
            <li>
              <NavLink to="/ziele">{t("nav.goals")}</NavLink>
            </li>
            <li>
              <NavLink to="/dokumente">{t("nav.documents")}</NavLink>
            </li>
            <li>
              <NavLink to="/monitoring">{t("nav.monitoring")}</NavLink>
            </li>
            <li>
              <NavLink to="/suche">{t("nav.search")}</NavLink>
            </li>
            <li>
              {/* The name of the format, in German on every language's page (the page is German). */}
              <NavLink to="/leichte-sprache" lang={data?.locale === "de" ? undefined : "de"}>
                Leichte Sprache
              </NavLink>
            </li>
            {user ? (
              <li>
                <NavLink to="/verwaltung">{t("nav.admin")}</NavLink>
              </li>
            ) : null}
          </ul>
        </nav>
      </header>
      <main id="main" tabIndex={-1}>
        {data && data.chosenLocale !== data.locale ? (
          // Arabic was chosen but this page has no Arabic: say so, in Arabic.
          <p className="lang-note" lang="ar" dir="rtl">
            هذه الصفحة متوفرة باللغة الألمانية فقط. الصفحات الخاصة بالمؤتمر والتسجيل والأسئلة والتصويت متوفرة باللغة
            العربية.
          </p>
        ) : null}
        <SessionWarning />
        <FormDrafts />
        {children}
      </main>
      <footer className="site-footer">
        <nav aria-label={t("footer.label")}>
          <ul>
            <li>
              <Link to="/impressum">{t("footer.imprint")}</Link>
            </li>
            <li>
              <Link to="/datenschutz">{t("footer.privacy")}</Link>
            </li>
            <li>
              <Link to="/barrierefreiheit">{t("footer.accessibility")}</Link>
            </li>
            <li>{user ? <Link to="/logout">{t("nav.logout")}</Link> : <Link to="/login">{t("nav.login")}</Link>}</li>
          </ul>
        </nav>
      </footer>
    </>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const nonce = useNonce();
  const locale = useLocale();
  // Without root data (an error in the root loader) the unhashed German address still works.
  const messagesSrc = useRouteLoaderData<RootData>("root")?.messagesSrc ?? "/i18n/de.js";
  // A page that updates itself live asks to be reloaded when JavaScript is off (handle.noscriptRefresh,
  // seconds); the <meta refresh> may stand in <noscript> only in the head.
  const refresh = useMatches()
    .map((m) => (m.handle as { noscriptRefresh?: number } | undefined)?.noscriptRefresh)
    .find((s) => typeof s === "number");
  return (
    <html lang={locale} dir={localeDir(locale)}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
        {refresh ? (
          <noscript>
            <meta httpEquiv="refresh" content={String(refresh)} />
          </noscript>
        ) : null}
        {/* Loads in parallel; entry.client waits for it before hydrating. */}
        <script id="ikon-messages" nonce={nonce} src={messagesSrc} defer />
      </head>
      <body>
        <Shell>{children}</Shell>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  return <ErrorPage status={status} />;
}
