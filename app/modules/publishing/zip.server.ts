import { PassThrough, type Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { storage } from "~/modules/uploads/storage.server";
import type { DocumentationView } from "./documentation.server";
import { plainText } from "./documentation.server";

/**
 * A name safe inside a ZIP on every system: no path separators or "..", no control, format or bidi
 * characters, no characters Windows refuses; at most 100 characters; never empty.
 */
export function zipSafeName(name: string, fallback = "datei"): string {
  let base = name
    .normalize("NFC")
    .replace(/[\p{Cc}\p{Cf}]/gu, "")
    .replace(/[/\\:*?"<>|]/g, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "")
    .replace(/\.{2,}/g, ".");
  if (base.length > 100) {
    const dot = base.lastIndexOf(".");
    const ext = dot > 0 && base.length - dot <= 6 ? base.slice(dot) : "";
    base = base.slice(0, 100 - ext.length).trimEnd() + ext;
  }
  return base || fallback;
}

function uniqueNames() {
  const used = new Set<string>();
  return (folder: string, name: string) => {
    let candidate = `${folder}/${name}`;
    for (let i = 2; used.has(candidate.toLowerCase()); i += 1) {
      const dot = name.lastIndexOf(".");
      candidate = dot > 0 ? `${folder}/${name.slice(0, dot)} (${i})${name.slice(dot)}` : `${folder}/${name} (${i})`;
    }
    used.add(candidate.toLowerCase());
    return candidate;
  };
}

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * The whole published documentation as one ZIP, streamed: a text overview, the publication PDF,
 * the speeches as text, materials, the published groups' files and the publishable photos only. Files are read from the
 * storage by their stored keys; nothing inside a file is followed.
 */
export function documentationZip(
  view: DocumentationView,
  publication: { storageKey: string; fileName: string } | null = null,
): { stream: Readable; fileName: string } {
  const zip = new ZipArchive({ zlib: { level: 6 } });
  const out = new PassThrough();
  zip.on("error", (error) => out.destroy(error));
  zip.pipe(out);
  const name = uniqueNames();
  const store = storage();
  const lines: string[] = [`Dokumentation: ${view.conference.title}`, ""];
  if (view.documentation.intro) lines.push(view.documentation.intro, "");
  if (publication) {
    zip.append(store.read(publication.storageKey), { name: publication.fileName });
    lines.push(`Die ganze Dokumentation als PDF: ${publication.fileName}`, "");
  }
  view.speeches.forEach((s, i) => {
    const text = [s.title, s.speaker ? `(${s.speaker})` : "", "", plainText(s.html)].join("\n");
    zip.append(text, { name: name("Redebeitraege", zipSafeName(`${pad(i + 1)} ${s.title}.txt`)) });
  });
  if (view.speeches.length) lines.push("Redebeiträge: Ordner Redebeitraege", "");
  for (const m of view.materials) {
    zip.append(store.read(m.storageKey), { name: name("Materialien", zipSafeName(m.displayName)) });
  }
  for (const r of view.reports) {
    for (const a of r.attachments) {
      // Only the group's public files (published reports make their files public).
      zip.append(store.read(a.storageKey), {
        name: name(`Arbeitskreise/${zipSafeName(r.groupName, "Arbeitskreis")}`, zipSafeName(a.displayName)),
      });
    }
  }
  for (const d of view.discussion) {
    if (!d.slides) continue;
    // The Fachinput's slides as uploaded, and an Office file also as the PDF made of it.
    const folder = `Fachinputs/${zipSafeName(d.title, "Fachinput")}`;
    zip.append(store.read(d.slides.storageKey), { name: name(folder, zipSafeName(d.slides.displayName)) });
    if (d.slides.derivedPdfKey)
      zip.append(store.read(d.slides.derivedPdfKey), {
        name: name(folder, zipSafeName(d.slides.displayName.replace(/\.[^.]+$/, "") + ".pdf")),
      });
  }
  if (view.discussion.some((d) => d.slides)) lines.push("Folien der Fachinputs: Ordner Fachinputs", "");
  view.photos.forEach((p, i) => {
    if (!p.publishable) return;
    const ext = p.kind === "png" ? "png" : "jpg";
    zip.append(store.read(p.storageKey), { name: name("Fotos", zipSafeName(`Foto ${pad(i + 1)}.${ext}`)) });
    lines.push(`Foto ${pad(i + 1)}: ${p.altText}${p.caption ? ` – ${p.caption}` : ""}`);
  });
  zip.append(lines.join("\n"), { name: "Inhalt.txt" });
  // A failing entry (a file missing from the storage) ends the download, never the process.
  zip.finalize().catch(() => undefined);
  const fileName = `Dokumentation-Integrationskonferenz-${view.conference.year}.zip`;
  return { stream: out, fileName };
}
