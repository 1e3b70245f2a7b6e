import { getRenditions, type RenditionReason } from "./renditions.server";

export type FileSlide =
  | { kind: "page"; fileId: string; versionId: string; name: string; page: number; pages: number }
  | { kind: "image"; fileId: string; name: string }
  | {
      kind: "file";
      fileId: string;
      name: string;
      fileKind: string;
      state: "pending" | "failed" | "unavailable";
      reason: RenditionReason | null;
    };

type Attachment = { fileId: string; versionId: string; displayName: string; kind: string };

/**
 * The slides of a list of files: every page of a PDF (or of an Office file's derived PDF) is one
 * slide; a photo is one slide; a file without pages yet says why (still converting, no converter,
 * damaged).
 */
export async function slidesOfFiles(attachments: Attachment[]): Promise<FileSlide[]> {
  const renditions = await getRenditions(attachments.map((a) => a.versionId));
  return attachments.flatMap((a): FileSlide[] => {
    if (a.kind === "jpeg" || a.kind === "png") return [{ kind: "image", fileId: a.fileId, name: a.displayName }];
    const r = renditions.get(a.versionId);
    if (r?.status === "done" && r.pageCount > 0) {
      return Array.from({ length: r.pageCount }, (_, i) => ({
        kind: "page" as const,
        fileId: a.fileId,
        versionId: a.versionId,
        name: a.displayName,
        page: i + 1,
        pages: r.pageCount,
      }));
    }
    const state = !r || r.status === "pending" ? "pending" : r.status === "unavailable" ? "unavailable" : "failed";
    return [
      {
        kind: "file",
        fileId: a.fileId,
        name: a.displayName,
        fileKind: a.kind,
        state,
        reason: (r?.reason as RenditionReason | null) ?? null,
      },
    ];
  });
}

/** The extracted text of one page (the screen reader's text alternative of a page slide). */
export async function pageText(versionId: string, page: number): Promise<string> {
  const r = (await getRenditions([versionId])).get(versionId);
  return r?.pageTexts[page - 1] ?? "";
}
