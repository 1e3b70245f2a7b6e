import { existsSync, mkdirSync, readdirSync, utimesSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import path from "node:path";
import type { AppLoadContext } from "@remix-run/node";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { createUser } from "~/modules/auth/accounts.server";
import {
  makeDocx,
  makeDocxBomb,
  makeJpegWithGps,
  makePdf,
  makePptx,
  makeZip,
  understateZipSizes,
  zeros,
} from "../../../tests/support/files";
import { contentDisposition, displayFileName } from "./filename";
import { fileResponse } from "~/server/download.server";
import { getFile, quotaUsed, saveUpload } from "./files.server";
import { UploadError } from "./inspect.server";
import { receiveUploads } from "~/server/uploads/multipart.server";
import { sweepUploadTemp } from "./temp.server";
import { storage, uploadsTmpDir } from "./storage.server";

const CSRF = "csrf-token-for-tests-0123456789ab";
const context = { csrfToken: CSRF, clientIp: "127.0.0.1", cspNonce: "n" } as AppLoadContext;

function uploadRequest(name: string, content: Buffer | string, opts: { csrf?: string | null; type?: string } = {}) {
  const form = new FormData();
  if (opts.csrf !== null) form.append("_csrf", opts.csrf ?? CSRF);
  form.append("titel", "Folien");
  form.append(
    "datei",
    new Blob([typeof content === "string" ? content : new Uint8Array(content)], {
      type: opts.type ?? "application/octet-stream",
    }),
    name,
  );
  return new Request("http://ikon.test/upload", { method: "POST", body: form });
}

async function refusal(name: string, content: Buffer | string, maxFileBytes?: number) {
  const result = await receiveUploads(uploadRequest(name, content), context, { fileFields: ["datei"], maxFileBytes });
  expect(result.files).toEqual([]);
  return result.error;
}

describe("hostile uploads are refused, each with its own German reason", () => {
  it("HTML renamed to .pdf: the content does not match the extension", async () => {
    const error = await refusal("bericht.pdf", "<html><script>alert(document.cookie)</script></html>");
    expect(error).toMatchObject({ field: "datei", code: "mismatch", status: 422 });
  });

  it("an SVG (scriptable image) is not on the allowlist, also not renamed to .png", async () => {
    const svg = `<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect width="10" height="10"/></svg>`;
    expect((await refusal("logo.svg", svg))?.code).toBe("type");
    expect((await refusal("logo.png", svg))?.code).toBe("mismatch");
    expect((await refusal("seite.html", "<p>hi</p>"))?.code).toBe("type");
  });

  it("a zip bomb in a .docx (150 MB unpacked) and a .docx with 10 001 entries", async () => {
    const bomb = await makeDocxBomb();
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    expect((await refusal("bericht.docx", bomb))?.code).toBe("zipBomb");
    const many = await makeDocx(
      Array.from({ length: 10_001 }, (_, i) => ({ name: `word/x/${i}.xml`, data: "", store: true })),
    );
    expect((await refusal("bericht.docx", many))?.code).toBe("zipBomb");
  }, 60_000);

  it("a .docx whose zip headers understate the unpacked size (1 KB claimed, 200 MB of zeros): counted while inflating", async () => {
    const lying = understateZipSizes(
      await makeDocx([{ name: "word/media/bomb.bin", data: zeros(200 * 1024 * 1024) }]),
      "word/media/bomb.bin",
      1024,
    );
    expect((await refusal("bericht.docx", lying))?.code).toBe("zipBomb");
    expect(readdirSync(uploadsTmpDir())).toEqual([]);
  }, 60_000);

  it("an upload cut off mid-body or without its closing boundary: refused, no temp file left", async () => {
    const boundary = "----cut";
    const head = `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${CSRF}\r\n--${boundary}\r\nContent-Disposition: form-data; name="datei"; filename="a.pdf"\r\n\r\n%PDF-1.4 `;
    // The form token and part of the file arrive, then the connection breaks.
    let sent = false;
    const cut = new ReadableStream<Uint8Array>({
      async pull(controller) {
        if (!sent) {
          sent = true;
          return controller.enqueue(new TextEncoder().encode(head + "x".repeat(70_000)));
        }
        await new Promise((r) => setImmediate(r)); // the parser takes what came before the break
        controller.error(new Error("aborted"));
      },
    });
    const aborted = new Request("http://ikon.test/upload", {
      method: "POST",
      body: cut,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
      duplex: "half",
    } as RequestInit);
    expect((await receiveUploads(aborted, context, { fileFields: ["datei"] })).error?.code).toBe("damaged");
    const open = new Request("http://ikon.test/upload", {
      method: "POST",
      body: head + "x".repeat(1000),
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect((await receiveUploads(open, context, { fileFields: ["datei"] })).error?.code).toBe("damaged");
    const nul = new Request("http://ikon.test/upload", {
      method: "POST",
      body: head.replace('filename="a.pdf"', 'filename="a\u0000.pdf"') + `\r\n--${boundary}--\r\n`,
      headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    });
    expect((await receiveUploads(nul, context, { fileFields: ["datei"] })).files).toEqual([]);
    expect(readdirSync(uploadsTmpDir())).toEqual([]);
  });

  it("a macro-enabled document saved as .docx, and a plain zip named .pptx", async () => {
    expect((await refusal("bericht.docx", await makeDocx([], "docm")))?.code).toBe("macro");
    expect((await refusal("folien.pptx", await makeZip([{ name: "a.txt", data: "x" }])))?.code).toBe("mismatch");
    expect((await refusal("folien.pptx", await makeDocx()))?.code).toBe("mismatch");
  });

  it("a file over the limit: 413, cut off while streaming, nothing kept", async () => {
    const big = Buffer.concat([await makePdf(), Buffer.alloc(2 * 1024 * 1024, 0x20)]);
    expect(await refusal("gross.pdf", big, 1024 * 1024)).toMatchObject({ code: "tooLarge", status: 413 });
  });

  it("a body that declares more than the limit is refused before it is read", async () => {
    const request = uploadRequest("gross.pdf", await makePdf());
    const declared = new Request(request.url, {
      method: "POST",
      body: request.body,
      headers: { "content-type": request.headers.get("content-type")!, "content-length": String(50 * 1024 * 1024) },
      duplex: "half",
    } as RequestInit);
    const result = await receiveUploads(declared, context, { fileFields: ["datei"], maxFileBytes: 10 * 1024 * 1024 });
    expect(result.error).toMatchObject({ code: "tooLarge", status: 413 });
    expect(declared.bodyUsed).toBe(false);
  });

  it("names with a path or a right-to-left override", async () => {
    const pdf = await makePdf();
    expect((await refusal("../../x.pdf", pdf))?.code).toBe("name");
    expect((await refusal("..\\..\\x.pdf", pdf))?.code).toBe("name");
    expect((await refusal("rechnung\u202Efdp.exe", pdf))?.code).toBe("name");
    expect((await refusal("bericht\u202E.pdf", pdf))?.code).toBe("name");
  });

  it("no CSRF token before the file: 403, the file is never read", async () => {
    const thrown = await receiveUploads(uploadRequest("a.pdf", await makePdf(), { csrf: "falsch" }), context, {
      fileFields: ["datei"],
    }).catch((e: unknown) => e);
    expect((thrown as { init?: { status?: number } }).init?.status).toBe(403);
    const missing = await receiveUploads(uploadRequest("a.pdf", await makePdf(), { csrf: null }), context, {
      fileFields: ["datei"],
    }).catch((e: unknown) => e);
    expect((missing as { init?: { status?: number } }).init?.status).toBe(403);
  });

  it("an empty file input: asks for a file", async () => {
    const form = new FormData();
    form.append("_csrf", CSRF);
    form.append("datei", new Blob([]), "");
    const result = await receiveUploads(new Request("http://ikon.test/u", { method: "POST", body: form }), context, {
      fileFields: ["datei"],
    });
    expect(result.error?.code).toBe("missing");
  });
});

describe("valid files are accepted", () => {
  it("a PDF: type, hash, and its text for the search", async () => {
    const pdf = await makePdf("Sprachcafe im Stadtteilzentrum");
    const result = await receiveUploads(uploadRequest("Umsetzungsbericht 2026.pdf", pdf), context, {
      fileFields: ["datei"],
    });
    expect(result.error).toBeNull();
    expect(result.fields.titel).toBe("Folien");
    const [file] = result.files;
    expect(file).toMatchObject({
      kind: "pdf",
      contentType: "application/pdf",
      displayName: "Umsetzungsbericht 2026.pdf",
      size: pdf.length,
    });
    expect(file!.text).toContain("Sprachcafe im Stadtteilzentrum");
  });

  it("a PPTX and an XLSX-free DOCX", async () => {
    const pptx = await receiveUploads(uploadRequest("Folien.pptx", await makePptx()), context, {
      fileFields: ["datei"],
    });
    expect(pptx.files[0]).toMatchObject({
      kind: "pptx",
      contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    });
    const docx = await receiveUploads(uploadRequest("Bericht.docx", await makeDocx()), context, {
      fileFields: ["datei"],
    });
    expect(docx.files[0]?.kind).toBe("docx");
  });

  it("a JPEG is re-encoded without EXIF and GPS, and gets a thumbnail", async () => {
    const photo = await makeJpegWithGps();
    expect((await sharp(photo).metadata()).exif).toBeDefined();
    const result = await receiveUploads(uploadRequest("foto.jpg", photo), context, { fileFields: ["datei"] });
    const [file] = result.files;
    expect(file?.kind).toBe("jpeg");
    const clean = await readFile(file!.path);
    const meta = await sharp(clean).metadata();
    expect(meta.exif).toBeUndefined();
    expect(clean.includes(Buffer.from("Mustermann"))).toBe(false);
    expect(meta.width).toBe(800);
    const thumb = await sharp(await readFile(file!.thumbnailPath!)).metadata();
    expect(thumb.width).toBeLessThanOrEqual(480);
  });
});

describe("storage, versions, quota, downloads", () => {
  it("stores under a random name, keeps the earlier version when replaced, enforces the quota", async () => {
    const user = await createUser({ email: "k@example.org", name: "K", role: "coordinator" });
    const first = (
      await receiveUploads(uploadRequest("Folien.pdf", await makePdf("eins")), context, { fileFields: ["datei"] })
    ).files[0]!;
    const saved = await saveUpload({ upload: first, quotaKey: "group:test", uploadedBy: user.id });
    const second = (
      await receiveUploads(uploadRequest("Folien neu.pdf", await makePdf("zwei")), context, { fileFields: ["datei"] })
    ).files[0]!;
    const replaced = await saveUpload({
      upload: second,
      quotaKey: "group:test",
      uploadedBy: user.id,
      replaceFileId: saved.fileId,
    });
    expect(replaced).toEqual({ fileId: saved.fileId, version: 2 });
    const file = await getFile(saved.fileId);
    expect(file?.versions.map((v) => [v.version, v.displayName])).toEqual([
      [2, "Folien neu.pdf"],
      [1, "Folien.pdf"],
    ]);
    expect(file!.versions[0]!.storageKey).toMatch(/^[a-f0-9]{32}$/);
    expect(await storage().size(file!.versions[1]!.storageKey)).toBe(first.size);
    const used = await quotaUsed("group:test");
    expect(used.count).toBe(2);

    const third = (
      await receiveUploads(uploadRequest("c.pdf", await makePdf("drei")), context, { fileFields: ["datei"] })
    ).files[0]!;
    const over = await saveUpload({
      upload: third,
      quotaKey: "group:test",
      uploadedBy: user.id,
      quota: { bytes: used.bytes + 10, count: 100 },
    }).catch((e: unknown) => e);
    expect(over).toBeInstanceOf(UploadError);
    expect((over as UploadError).code).toBe("quota");
    expect((await quotaUsed("group:test")).count).toBe(2);
  });

  it("downloads carry the stored type, attachment for Office, nosniff and a sandbox CSP", async () => {
    const prepared = (
      await receiveUploads(uploadRequest("Präsentation «Ebel».pptx", await makePptx()), context, {
        fileFields: ["datei"],
      })
    ).files[0]!;
    const saved = await saveUpload({ upload: prepared, quotaKey: "group:dl", uploadedBy: null });
    const version = (await getFile(saved.fileId))!.versions[0]!;
    const res = await fileResponse(version);
    expect(res.headers.get("content-type")).toBe(
      "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    );
    expect(res.headers.get("content-disposition")).toBe(
      `attachment; filename="Pr_sentation _Ebel_.pptx"; filename*=UTF-8''Pr%C3%A4sentation%20%C2%ABEbel%C2%BB.pptx`,
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("content-security-policy")).toMatch(/^sandbox; default-src 'none'/);
    expect(
      Buffer.from(await res.arrayBuffer())
        .subarray(0, 2)
        .toString(),
    ).toBe("PK");
  });

  it("sweeps temp files of requests that died, leaves fresh ones", async () => {
    mkdirSync(uploadsTmpDir(), { recursive: true });
    const old = path.join(uploadsTmpDir(), "old.part");
    const fresh = path.join(uploadsTmpDir(), "fresh.part");
    writeFileSync(old, "x");
    writeFileSync(fresh, "x");
    const twoHoursAgo = new Date(Date.now() - 2 * 3600_000);
    utimesSync(old, twoHoursAgo, twoHoursAgo);
    expect(await sweepUploadTemp()).toBe(1);
    expect(existsSync(old)).toBe(false);
    expect(existsSync(fresh)).toBe(true);
  });

  it("cleans names for display: no path, no control characters, at most 120 characters", () => {
    expect(displayFileName("C:\\Users\\a\\bericht.pdf", "pdf")).toBe("bericht.pdf");
    expect(displayFileName("a\u0000b\u202E.pdf", "pdf")).toBe("ab.pdf");
    expect(displayFileName(`${"x".repeat(300)}.pdf`, "pdf")).toHaveLength(120);
    expect(contentDisposition("inline", 'a"b.pdf')).toBe(`inline; filename="a_b.pdf"; filename*=UTF-8''a%22b.pdf`);
  });
});
