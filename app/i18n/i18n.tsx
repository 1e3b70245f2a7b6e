import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { MessageKey, Translate } from "./catalog";
import { defaultLocale, interpolate, isLocale, type Locale, type Vars } from "./locales";

type RootI18n = { locale?: string };
type Messages = Record<string, string>;

declare global {
  // Set by app/i18n/messages.server.ts on the server; the browser gets one language as a script.
  var __ikonCatalog: Record<Locale, Messages> | undefined;
  interface Window {
    __ikonMessages?: { locale: Locale; messages: Messages };
  }
}

/**
 * The messages of a language: on the server from the catalogue, in the browser from the page's
 * messages script (one language per document: a change of language loads a new document).
 */
export function messagesFor(locale: Locale): Messages | undefined {
  if (typeof document === "undefined") return globalThis.__ikonCatalog?.[locale];
  return window.__ikonMessages?.messages;
}

function rootLocale(data: RootI18n | undefined): Locale {
  return isLocale(data?.locale) ? data.locale : defaultLocale;
}

export function useLocale(): Locale {
  return rootLocale(useRouteLoaderData<RootI18n>("root"));
}

/**
 * Translation inside a route's `meta` (no hooks there): the page's messages from the root match,
 * so the document title is in the page's language too.
 */
export function metaT(matches: readonly { id: string; data?: unknown }[]): Translate {
  const locale = rootLocale(matches.find((m) => m.id === "root")?.data as RootI18n | undefined);
  const messages = messagesFor(locale);
  return (key: MessageKey, vars?: Vars) => interpolate(messages?.[key] ?? key, vars, locale);
}

/**
 * A page's document title in the page's language (WCAG 2.4.2): what its heading says — a catalogue
 * key, or `(t) => …` for headings with data — then the site's name, or "Verwaltung" in the
 * organisers' area. Every route's `meta` goes through here (app/i18n/titles.test.ts).
 */
export function pageTitle(
  matches: readonly { id: string; data?: unknown }[],
  page: MessageKey | ((t: Translate) => string),
  area: "site" | "admin" = "site",
): { title: string } {
  const t = metaT(matches);
  const text = typeof page === "function" ? page(t) : t(page);
  return { title: `${text} – ${t(area === "admin" ? "admin.title" : "site.name")}` };
}

/** The translate function for the page's language. */
export function useT(): Translate {
  const locale = useLocale();
  const messages = messagesFor(locale);
  return useMemo(
    () => (key: MessageKey, vars?: Vars) => interpolate(messages?.[key] ?? key, vars, locale),
    [messages, locale],
  );
}

/**
 * Attributes for text the organisers entered (German) when the page is in another language, so
 * screen readers switch voice and Arabic pages keep German lines left to right (WCAG 3.1.2).
 */
export function useGermanContent(): { lang?: "de"; dir?: "ltr" } {
  return useLocale() === "de" ? {} : { lang: "de", dir: "ltr" };
}
