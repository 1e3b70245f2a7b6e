import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { bodyPolicy, FORM_BODY_BYTES } from "./body-policy.server";

/** The URL of a flat route file, its parameters filled with "x" ("verwaltung_.berichte.$reportId.datei.tsx"). */
function urlOf(file: string): string {
  const name = file.replace(/\.(tsx|ts)$/, "").replace(/\[([^\]]*)\]/g, (_, s: string) => s.replace(/\./g, "\uE000"));
  const segments = name
    .split(".")
    .map((s) => s.replace(/\uE000/g, "."))
    .filter((s) => s !== "_index" && !/^_[^.]*$/.test(s))
    .map((s) => s.replace(/_$/, "").replace(/^\$.*/, "x"));
  return `/${segments.join("/")}`;
}

describe("bodyPolicy", () => {
  it("takes multipart exactly on the routes that read uploads", () => {
    const dir = path.resolve("app/routes");
    const readers = readdirSync(dir).filter((f) =>
      /receiveUploads\(|encType="multipart\/form-data"/.test(readFileSync(path.join(dir, f), "utf8")),
    );
    expect(readers.length).toBeGreaterThan(3);
    for (const file of readers) {
      expect(bodyPolicy(urlOf(file)).multipart, file).toBe(true);
      // The same form sent with JavaScript: Remix posts to the route's data address.
      expect(bodyPolicy(`${urlOf(file)}.data`).multipart, `${file} (.data)`).toBe(true);
    }
    for (const other of ["/login", "/konferenzen/2026/anmeldung", "/verwaltung/konferenzen/neu"]) {
      expect(bodyPolicy(other)).toMatchObject({ multipart: false, bytes: FORM_BODY_BYTES });
    }
  });
});
