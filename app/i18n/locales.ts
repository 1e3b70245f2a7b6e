// What the browser may import from i18n: no messages here (the catalogue stays on the server and
// each page gets only its language's messages through the root loader).
export const locales = ["de", "en", "ar"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "de";

/** Writing direction of a language: Arabic is right-to-left. */
export function localeDir(locale: Locale): "ltr" | "rtl" {
  return locale === "ar" ? "rtl" : "ltr";
}

// Arabic covers the participant-facing pages only (conference, registration, confirmation, manage
// page, live questions, goal participation). Any other page is shown in German with a note in
// Arabic, so no German text ever sits unmarked inside an Arabic page.
const arabicPages = [
  /^\/$/,
  /^\/konferenzen\/\d{4}(\/anmeldung)?\/?$/,
  /^\/anmeldung-bestaetigen\//,
  /^\/meine-anmeldung\//,
  /^\/live(\/|$)/,
  /^\/ziele\/mitmachen(\/|$)/,
  // The Integrationsmonitoring's public pages (not the CSV download).
  /^\/monitoring(\/[a-z0-9-]+){0,2}\/?$/,
];

/** Whether a page (its path, also as a `.data` request) is available in Arabic. */
export function hasArabic(pathname: string): boolean {
  const page = pathname === "/_root.data" ? "/" : pathname.replace(/\.data$/, "");
  return arabicPages.some((pattern) => pattern.test(page));
}

/** The language a page is rendered in: the chosen one, or German where Arabic does not cover it. */
export function pageLocale(chosen: Locale, pathname: string): Locale {
  return chosen === "ar" && !hasArabic(pathname) ? "de" : chosen;
}

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export type Vars = Record<string, string | number>;

// A plural block: {count, plural, one {# Punkt} other {# Punkte}} (the ICU message syntax's plural
// part; the categories are Intl.PluralRules' — Arabic has zero, one, two, few, many and other; "=N"
// matches the exact number). "#" stands for the number; {name} placeholders may sit inside.
const PLURAL = /\{(\w+),\s*plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{(?:[^{}]|\{\w+\})*\})+)\s*\}/g;
const PLURAL_OPTION = /(=\d+|zero|one|two|few|many|other)\s*\{((?:[^{}]|\{\w+\})*)\}/g;
const pluralRules = new Map<string, Intl.PluralRules>();

function pluralCategory(locale: Locale, n: number): string {
  let rules = pluralRules.get(locale);
  if (!rules) pluralRules.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules.select(n);
}

/**
 * Fills {name} placeholders (only the given variables, never anything else) and plural blocks,
 * chosen by the language's plural rules: "1 Punkt", "2 Punkte", never "1 Punkte".
 */
export function interpolate(template: string, vars?: Vars, locale: Locale = defaultLocale): string {
  if (!vars) return template;
  const withPlurals = template.includes("plural,")
    ? template.replace(PLURAL, (block, name: string, options: string) => {
        const n = Number(vars[name]);
        if (!Number.isFinite(n)) return block;
        const choices = new Map([...options.matchAll(PLURAL_OPTION)].map((m) => [m[1]!, m[2]!]));
        const chosen = choices.get(`=${n}`) ?? choices.get(pluralCategory(locale, n)) ?? choices.get("other") ?? "";
        return chosen.replace(/#/g, String(n));
      })
    : template;
  return withPlurals.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`));
}
