import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { catalog } from "./catalog";
import { hasArabic, localeDir, pageLocale } from "./locales";
import { arabicModules } from "./messages/ar";

// The files that render the Arabic pages (hasArabic) and the shell. Every catalogue key they use —
// literally or through a `prefix.${…}` template — must have an Arabic text, otherwise German would
// appear unmarked inside an Arabic page.
const files = [
  "app/root.tsx",
  "app/components/form.tsx",
  "app/components/error-page.tsx",
  "app/routes/_index.tsx",
  "app/routes/konferenzen.$year._index.tsx",
  "app/routes/konferenzen.$year.anmeldung.tsx",
  "app/routes/anmeldung-bestaetigen.$token.tsx",
  "app/routes/meine-anmeldung.$token.tsx",
  "app/routes/meine-anmeldung.$token_.abmelden.tsx",
  "app/routes/meine-anmeldung.$token_.loeschen.tsx",
  "app/routes/meine-anmeldung.$token_.ziele.tsx",
  "app/routes/live._index.tsx",
  "app/routes/live.$code._index.tsx",
  "app/routes/live.$code.$inputId.tsx",
  "app/routes/live.$code.$inputId_.saal.tsx",
  "app/routes/ziele.mitmachen._index.tsx",
  "app/routes/ziele.mitmachen.$code.tsx",
  "app/modules/registrations/ui.tsx",
  "app/modules/registrations/registration.schema.ts",
  "app/modules/discussion/inputs-section.tsx",
  "app/modules/discussion/discussion.schema.ts",
  "app/modules/goals/participate-page.tsx",
  "app/modules/groups/presentation-link.tsx",
  "app/routes/monitoring._index.tsx",
  "app/routes/monitoring.$bereich._index.tsx",
  "app/routes/monitoring.$bereich.$indikator.tsx",
  "app/modules/monitoring/public-ui.tsx",
  "app/modules/monitoring/chart.tsx",
];

const arabic: Record<string, string> = Object.assign({}, ...arabicModules);

// Imported by an Arabic page, but the keys they use never reach one (each with its reason).
const notOnArabicPages: Record<string, string> = {
  "app/modules/groups/reports.server.ts":
    "the conference page only lists approved reports; its keys are the coordinators' mails",
  "app/modules/goals/ui.tsx":
    "participant pages use its links only; the status names belong to the public goal pages (German)",
};

/**
 * The listed files and the app files they import directly: a key built in a helper the page
 * calls (e.g. the ballot's error in participate.server.ts) counts too. One level only: deeper
 * modules serve the organisers' pages as well.
 */
function withImports(roots: string[]): string[] {
  const seen = new Set<string>(roots);
  for (const file of roots) {
    const source = readFileSync(file, "utf8");
    for (const m of source.matchAll(/from\s+["'](~\/|\.\.?\/)([^"']+)["']/g)) {
      const base = m[1] === "~/" ? join("app", m[2] ?? "") : join(dirname(file), `${m[1]}${m[2]}`);
      const found = ["", ".ts", ".tsx", "/index.ts", "/index.tsx"]
        .map((ext) => `${base}${ext}`)
        .find((f) => existsSync(f) && /\.tsx?$/.test(f));
      // The catalogue itself and the message modules are the keys, not their users.
      if (
        found &&
        !found.startsWith("app/i18n/messages") &&
        found !== "app/i18n/catalog.ts" &&
        !(found in notOnArabicPages)
      )
        seen.add(found);
    }
  }
  return [...seen];
}

/**
 * Keys used in a source: literal keys, and keys built at run time from a template
 * (`goals.status.${s}` or `registration.mail.${kind}.subject`): every catalogue key the
 * template can produce counts as used.
 */
function keysUsed(source: string): string[] {
  const literal = [...source.matchAll(/["'`]([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)["'`]/g)]
    .map((m) => m[1] ?? "")
    .filter((k) => k in catalog.de);
  const templates = [
    ...source.matchAll(/`([a-zA-Z]+\.(?:[a-zA-Z0-9_.]|\$\{[^}`]*\})*\$\{[^}`]*\}(?:[a-zA-Z0-9_.]|\$\{[^}`]*\})*)`/g),
  ].map(
    (m) =>
      new RegExp(
        `^${(m[1] ?? "")
          .split(/\$\{[^}]*\}/)
          .map((part) => part.replace(/\./g, "\\."))
          .join("[a-zA-Z0-9_]+")}$`,
      ),
  );
  const templated = Object.keys(catalog.de).filter((k) => templates.some((r) => r.test(k)));
  return [...literal, ...templated];
}

describe("Arabic", () => {
  it("has a text for every key the Arabic pages use", () => {
    const missing: string[] = [];
    for (const file of withImports(files)) {
      for (const key of keysUsed(readFileSync(file, "utf8"))) if (!arabic[key]) missing.push(`${file}: ${key}`);
    }
    expect(missing).toEqual([]);
  });

  it("counts the keys a template builds at run time and the helpers the pages import", () => {
    expect(keysUsed("t(`goals.ballot.error.${result.error}`)")).toEqual(
      expect.arrayContaining(["goals.ballot.error.tooMany", "goals.ballot.error.notOpen"]),
    );
    expect(keysUsed("t(`registration.mail.${kind}.subject`)")).toEqual(
      expect.arrayContaining(["registration.mail.held.subject", "registration.mail.reminder.subject"]),
    );
    expect(withImports(["app/routes/ziele.mitmachen.$code.tsx"])).toContain("app/server/participate.server.ts");
  });

  it("keeps every {placeholder} of the German text", () => {
    const names = (s: string) =>
      [...new Set([...s.matchAll(/\{(\w+)(?=\}|,\s*plural,)/g)].map((m) => m[1] ?? ""))].sort();
    for (const [key, text] of Object.entries(arabic)) expect(names(text), key).toEqual(names(catalog.de[key] ?? ""));
  });

  it("is written in Arabic script", () => {
    for (const [key, text] of Object.entries(arabic)) expect(text, key).toMatch(/[\u0600-\u06FF]/);
  });

  it("covers the participant pages only and shows other pages in German", () => {
    for (const path of [
      "/",
      "/konferenzen/2026",
      "/konferenzen/2026/anmeldung",
      "/meine-anmeldung/abc",
      "/live/K7PX4M/1",
      "/ziele/mitmachen/IK2026",
      "/monitoring",
      "/monitoring/bildung",
      "/monitoring/rechtliche-situation/einbuergerungen",
      "/monitoring/bildung.data",
      "/konferenzen/2026/anmeldung.data",
      "/_root.data",
    ]) {
      expect(hasArabic(path), path).toBe(true);
    }
    for (const path of [
      "/verwaltung",
      "/arbeitskreise",
      "/ziele",
      "/login",
      "/barrierefreiheit",
      "/konferenzen/2026/dokumentation",
      "/monitoring/bildung/schulabgang-ohne-abschluss.csv",
    ]) {
      expect(hasArabic(path), path).toBe(false);
      expect(pageLocale("ar", path)).toBe("de");
    }
    expect(pageLocale("en", "/verwaltung")).toBe("en");
    expect(localeDir("ar")).toBe("rtl");
    expect(localeDir("de")).toBe("ltr");
    expect(catalog.ar["site.name"]).toBe(arabic["site.name"]);
    expect(catalog.ar["audit.title"] ?? catalog.de["audit.title"]).toBe(catalog.de["audit.title"]);
  });
});
