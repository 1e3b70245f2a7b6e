// Test files made on the spot: real PDFs (pdf-lib), minimal Office zips (archiver), photos (sharp).
import { PassThrough, Readable } from "node:stream";
import { ZipArchive } from "archiver";
import { PDFDocument, StandardFonts } from "pdf-lib";
import sharp from "sharp";

export async function makePdf(text = "Umsetzungsbericht"): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  const page = doc.addPage([595, 842]);
  page.drawText(text, { x: 50, y: 780, size: 18, font });
  return Buffer.from(await doc.save());
}

type Entry = { name: string; data: string | Buffer | Readable; store?: boolean };

export async function makeZip(entries: Entry[]): Promise<Buffer> {
  const zip = new ZipArchive({ zlib: { level: 9 } });
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on("data", (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on("end", resolve);
    zip.on("error", reject);
  });
  zip.pipe(out);
  for (const e of entries) zip.append(e.data, { name: e.name, store: e.store });
  await zip.finalize();
  await done;
  return Buffer.concat(chunks);
}

const OFFICE = {
  pptx: {
    main: "application/vnd.openxmlformats-officedocument.presentationml.presentation.main+xml",
    part: "/ppt/presentation.xml",
  },
  docx: {
    main: "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
    part: "/word/document.xml",
  },
  docm: { main: "application/vnd.ms-word.document.macroEnabled.main+xml", part: "/word/document.xml" },
};

function contentTypes(kind: keyof typeof OFFICE) {
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="${OFFICE[kind].part}" ContentType="${OFFICE[kind].main}"/></Types>`;
}
const rels = (target: string) =>
  `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="${target}"/></Relationships>`;

/** A minimal PowerPoint file: the parts a reader (and our check) looks at first. */
export function makePptx(): Promise<Buffer> {
  return makeZip([
    { name: "[Content_Types].xml", data: contentTypes("pptx") },
    { name: "_rels/.rels", data: rels("ppt/presentation.xml") },
    {
      name: "ppt/presentation.xml",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><p:presentation xmlns:p="http://schemas.openxmlformats.org/presentationml/2006/main"/>`,
    },
  ]);
}

export function makeDocx(extra: Entry[] = [], kind: "docx" | "docm" = "docx"): Promise<Buffer> {
  return makeZip([
    { name: "[Content_Types].xml", data: contentTypes(kind) },
    { name: "_rels/.rels", data: rels("word/document.xml") },
    {
      name: "word/document.xml",
      data: `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"/>`,
    },
    ...extra,
  ]);
}

export function zeros(bytes: number): Readable {
  const chunk = Buffer.alloc(1024 * 1024);
  let left = bytes;
  return new Readable({
    read() {
      if (left <= 0) return this.push(null);
      const n = Math.min(left, chunk.length);
      left -= n;
      this.push(n === chunk.length ? chunk : chunk.subarray(0, n));
    },
  });
}

/** A .docx that unpacks to 150 MB of zeros (a few hundred KB packed). */
export function makeDocxBomb(): Promise<Buffer> {
  return makeDocx([{ name: "word/media/bomb.bin", data: zeros(150 * 1024 * 1024) }]);
}

/** A JPEG carrying GPS coordinates and a camera owner in its EXIF data. */
export function makeJpegWithGps(): Promise<Buffer> {
  return sharp({ create: { width: 800, height: 600, channels: 3, background: { r: 30, g: 120, b: 200 } } })
    .jpeg()
    .withExif({
      IFD0: { Artist: "Erika Mustermann", Copyright: "privat" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "51/1 31/1 0/1", GPSLongitudeRef: "E", GPSLongitude: "6/1 55/1 0/1" },
    })
    .toBuffer();
}

/**
 * A zip whose headers lie: the entry `name` claims `declared` unpacked bytes in the central
 * directory, its local header and its data descriptor, whatever it really unpacks to.
 */
export function understateZipSizes(zip: Buffer, name: string, declared: number): Buffer {
  const out = Buffer.from(zip);
  const wanted = Buffer.from(name);
  for (let i = 0; i < out.length - 46; i++) {
    const sig = out.readUInt32LE(i);
    if (sig === 0x02014b50 && out.subarray(i + 46, i + 46 + out.readUInt16LE(i + 28)).equals(wanted)) {
      out.writeUInt32LE(declared, i + 24); // central directory: uncompressed size
      const local = out.readUInt32LE(i + 42);
      out.writeUInt32LE(declared, local + 22); // local header: uncompressed size
      const compressed = out.readUInt32LE(i + 20);
      const dataStart = local + 30 + out.readUInt16LE(local + 26) + out.readUInt16LE(local + 28);
      const descriptor = dataStart + compressed;
      if (out.readUInt16LE(local + 6) & 0x08) {
        // data descriptor (optionally with its signature): crc, compressed, uncompressed
        const at = out.readUInt32LE(descriptor) === 0x08074b50 ? descriptor + 4 : descriptor;
        out.writeUInt32LE(declared, at + 8);
      }
    }
  }
  return out;
}

/** A PDF with one page per text (A4 landscape, like slides). */
export async function makePagedPdf(texts: string[]): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of texts) {
    const page = doc.addPage([842, 595]);
    page.drawText(text, { x: 60, y: 500, size: 36, font });
  }
  return Buffer.from(await doc.save());
}

/** A real PowerPoint file (pptxgenjs), one slide per title, as PowerPoint itself would write it. */
export async function makeRealPptx(titles: string[]): Promise<Buffer> {
  const { default: PptxGenJS } = await import("pptxgenjs");
  const pptx = new PptxGenJS();
  for (const title of titles) pptx.addSlide().addText(title, { x: 0.5, y: 1, w: 9, h: 1.5, fontSize: 36 });
  return (await pptx.write({ outputType: "nodebuffer" })) as Buffer;
}

const xmlEscape = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;");

/** A real (minimal, valid) Word document with one paragraph per text. */
export function makeRealDocx(paragraphs: string[]): Promise<Buffer> {
  const body = paragraphs.map((p) => `<w:p><w:r><w:t xml:space="preserve">${xmlEscape(p)}</w:t></w:r></w:p>`).join("");
  return makeZip([
    { name: "[Content_Types].xml", data: contentTypes("docx") },
    { name: "_rels/.rels", data: rels("word/document.xml") },
    {
      name: "word/document.xml",
      data: `<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`,
    },
  ]);
}
