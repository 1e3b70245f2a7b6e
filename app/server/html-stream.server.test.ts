import { PassThrough, type Transform } from "node:stream";
import { createElement, Suspense } from "react";
import { renderToPipeableStream, renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { createNulFreeHtmlStream, stripViewPadding } from "./html-stream.server";

// Paragraphs of Arabic, German and emoji text: a multibyte character meets React's 2 KB view
// boundary at some offset in at least one of the shifted variants.
function page(shift: number) {
  const texts = Array.from(
    { length: 60 },
    (_, i) => `${"x".repeat((i * 7 + shift) % 13)}مؤتمر الاندماج Größe Übersicht 🙂 ${i}`,
  );
  return createElement("main", null, ...texts.map((text, i) => createElement("p", { key: i }, text)));
}

async function render(shift: number, body: PassThrough | Transform): Promise<Buffer> {
  const chunks: Buffer[] = [];
  body.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise((resolve) => body.on("end", resolve));
  await new Promise<void>((resolve, reject) => {
    const { pipe } = renderToPipeableStream(page(shift), {
      onAllReady() {
        pipe(body);
        resolve();
      },
      onShellError: reject,
    });
  });
  await done;
  return Buffer.concat(chunks);
}

describe("NUL-free HTML stream", () => {
  it("React 18 alone pads chunks with NUL bytes on these pages (the fault this guards against)", async () => {
    const outputs = await Promise.all(Array.from({ length: 6 }, (_, shift) => render(shift, new PassThrough())));
    expect(outputs.some((b) => b.includes(0))).toBe(true);
  });

  it("removes the padding byte-correctly: the page is exactly what React meant to write", async () => {
    for (let shift = 0; shift < 6; shift++) {
      const bytes = await render(shift, createNulFreeHtmlStream());
      expect(bytes.includes(0), `shift ${shift}`).toBe(false);
      const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
      expect(text).toBe(renderToStaticMarkup(page(shift)).replace(/<!-- -->/g, ""));
    }
  });

  it("leaves other chunks alone, including zero bytes that are not a full view's tail", () => {
    const short = Buffer.from([0x61, 0, 0]);
    expect(stripViewPadding(short)).toBe(short);
    const full = Buffer.alloc(2048, 0x61);
    full[2047] = 0;
    full[2046] = 0;
    expect(stripViewPadding(full).length).toBe(2046);
    const four = Buffer.alloc(2048, 0);
    expect(stripViewPadding(four).length).toBe(2045);
  });

  it("writes the document's end last: content React streams after the shell stays inside the body", async () => {
    for (const body of [new PassThrough(), createNulFreeHtmlStream()]) {
      let resolveLate!: () => void;
      const late = new Promise<void>((r) => (resolveLate = r));
      let ready = false;
      const Late = () => {
        if (!ready) throw late;
        return createElement("p", null, "spät geladen");
      };
      const doc = createElement(
        "html",
        { lang: "de" },
        createElement("head", null, createElement("title", null, "t")),
        createElement(
          "body",
          null,
          createElement("main", null, "Hallo"),
          createElement(Suspense, { fallback: null }, createElement(Late)),
        ),
      );
      const chunks: Buffer[] = [];
      body.on("data", (c: Buffer) => chunks.push(c));
      const done = new Promise((resolve) => body.on("end", resolve));
      await new Promise<void>((resolve) => {
        const { pipe } = renderToPipeableStream(doc, {
          onShellReady() {
            pipe(body);
            resolve();
          },
        });
      });
      ready = true;
      resolveLate();
      await done;
      const html = Buffer.concat(chunks).toString("utf8");
      expect(html).toContain("spät geladen");
      // React alone writes the late part after </html>; the stream moves the end behind it.
      expect(html.indexOf("</body></html>") === html.length - "</body></html>".length).toBe(
        !(body instanceof PassThrough),
      );
    }
  });

  it("finds the document's end when it straddles two chunks, byte for byte", async () => {
    const stream = createNulFreeHtmlStream();
    const out: Buffer[] = [];
    stream.on("data", (c: Buffer) => out.push(c));
    const done = new Promise((resolve) => stream.on("end", resolve));
    for (const part of ["<html><body><p>Größe</p></bo", "dy></ht", "ml><script>x()</script>"])
      stream.write(Buffer.from(part));
    stream.end();
    await done;
    expect(Buffer.concat(out).toString("utf8")).toBe("<html><body><p>Größe</p><script>x()</script></body></html>");
  });
});
