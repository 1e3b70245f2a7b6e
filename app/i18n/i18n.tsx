import { useRouteLoaderData } from "@remix-run/react";
import { useMemo } from "react";
import { defaultLocale, isLocale, translator, type Locale, type Translate } from "./catalog";

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale?: string }>("root");
  return isLocale(data?.locale) ? data.locale : defaultLocale;
}

/** The translate function for the page's language. */
export function useT(): Translate {
  const locale = useLocale();
  return useMemo(() => translator(locale), [locale]);
}
