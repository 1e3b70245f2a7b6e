import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import type { MessageKey, Translate } from "./catalog";
import { defaultLocale, interpolate, isLocale, type Locale, type Vars } from "./locales";

type RootI18n = { locale?: string; messages?: Record<string, string> };

export function useLocale(): Locale {
  const data = useRouteLoaderData<RootI18n>("root");
  return isLocale(data?.locale) ? data.locale : defaultLocale;
}

/**
 * Translation inside a route's `meta` (no hooks there): the page's messages from the root match,
 * so the document title is in the page's language too.
 */
export function metaT(matches: readonly { id: string; data?: unknown }[]): Translate {
  const messages = (matches.find((m) => m.id === "root")?.data as RootI18n | undefined)?.messages;
  return (key: MessageKey, vars?: Vars) => interpolate(messages?.[key] ?? key, vars);
}

/** The translate function for the page's language (its messages come with the root loader). */
export function useT(): Translate {
  const messages = useRouteLoaderData<RootI18n>("root")?.messages;
  return useMemo(() => (key: MessageKey, vars?: Vars) => interpolate(messages?.[key] ?? key, vars), [messages]);
}

/**
 * Attributes for text the organisers entered (German) when the page is in another language, so
 * screen readers switch voice and Arabic pages keep German lines left to right (WCAG 3.1.2).
 */
export function useGermanContent(): { lang?: "de"; dir?: "ltr" } {
  return useLocale() === "de" ? {} : { lang: "de", dir: "ltr" };
}
