import { useEffect, useRef, useState } from "react";
import type { PDFDocumentProxy } from "pdfjs-dist";

// One document per address for the whole visit: going from page to page does not load it again.
const documents = new Map<string, Promise<PDFDocumentProxy>>();

async function loadPdf(url: string): Promise<PDFDocumentProxy> {
  let doc = documents.get(url);
  if (!doc) {
    doc = (async () => {
      const [pdfjs, worker] = await Promise.all([
        import("pdfjs-dist"),
        import("pdfjs-dist/build/pdf.worker.min.mjs?url"),
      ]);
      // The worker is a file of our own build (script-src 'self'). PDF.js 6 has no eval at all, and
      // without WebAssembly (useWasm: false) the CSP needs no 'wasm-unsafe-eval': its JS decoders are used.
      pdfjs.GlobalWorkerOptions.workerSrc = worker.default;
      return pdfjs.getDocument({ url, useWasm: false, enableXfa: false, verbosity: 0 }).promise;
    })();
    documents.set(url, doc);
    doc.catch(() => documents.delete(url));
  }
  return doc;
}

/**
 * One PDF page as a slide. Without JavaScript (and until PDF.js has drawn it) the page image the
 * server rendered; then PDF.js draws the page sharply at the size of the screen (also in full screen).
 * The page's text is the text alternative, right below in a disclosure. Keyed by file and page.
 */
export function PdfSlide(props: {
  pdfUrl: string;
  imageUrl: string;
  page: number;
  alt: string;
  text: string;
  textLabel: string;
}) {
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawn, setDrawn] = useState(false);

  useEffect(() => {
    let cancelled = false;
    let task: { cancel(): void; promise: Promise<unknown> } | undefined;
    async function draw() {
      const el = box.current;
      const c = canvas.current;
      if (!el || !c) return;
      try {
        const doc = await loadPdf(props.pdfUrl);
        const page = await doc.getPage(props.page);
        if (cancelled) return;
        const base = page.getViewport({ scale: 1 });
        const fit = Math.min(el.clientWidth / base.width, el.clientHeight / base.height);
        const ratio = window.devicePixelRatio || 1;
        const viewport = page.getViewport({ scale: fit * ratio });
        task?.cancel();
        c.width = Math.floor(viewport.width);
        c.height = Math.floor(viewport.height);
        c.style.width = `${Math.floor(viewport.width / ratio)}px`;
        c.style.height = `${Math.floor(viewport.height / ratio)}px`;
        const render = page.render({ canvas: c, viewport });
        task = render;
        await render.promise;
        if (!cancelled) setDrawn(true);
      } catch {
        // The server's page image stays: it is the same page.
      }
    }
    void draw();
    const redraw = () => void draw();
    window.addEventListener("resize", redraw);
    document.addEventListener("fullscreenchange", redraw);
    return () => {
      cancelled = true;
      task?.cancel();
      window.removeEventListener("resize", redraw);
      document.removeEventListener("fullscreenchange", redraw);
    };
  }, [props.pdfUrl, props.page]);

  return (
    <figure className="present__page">
      <div className="present__canvas" ref={box}>
        <img src={props.imageUrl} alt={props.alt} hidden={drawn} />
        <canvas ref={canvas} role="img" aria-label={props.alt} hidden={!drawn} data-pdf-page={props.page} />
      </div>
      <figcaption>
        <details className="present__text">
          <summary>{props.textLabel}</summary>
          <p>{props.text || "—"}</p>
        </details>
      </figcaption>
    </figure>
  );
}
