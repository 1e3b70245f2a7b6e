// What the browser may import from i18n: no messages here (the catalogue stays on the server and
// each page gets only its language's messages through the root loader).
export const locales = ["de", "en"] as const;
export type Locale = (typeof locales)[number];
export const defaultLocale: Locale = "de";

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (locales as readonly string[]).includes(value);
}

export type Vars = Record<string, string | number>;

/** Fills {name} placeholders; only the given variables, never anything else. */
export function interpolate(template: string, vars?: Vars): string {
  return vars ? template.replace(/\{(\w+)\}/g, (_, name: string) => String(vars[name] ?? `{${name}}`)) : template;
}
