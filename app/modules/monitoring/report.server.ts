import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import fontkit from "@pdf-lib/fontkit";
import {
  AlignmentType,
  Document,
  ExternalHyperlink,
  HeadingLevel,
  Packer,
  Paragraph,
  Table,
  TableCell,
  TableRow,
  TextRun,
  WidthType,
} from "docx";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { PDFDocument, rgb, type PDFFont, type PDFPage } from "pdf-lib";
import { db } from "~/db/client.server";
import { ORGANISATION_TYPES } from "~/db/enums";
import { conferences, registrations } from "~/db/schema";
import { translator, type MessageKey } from "~/i18n/catalog";
import { GOAL_STATUSES, listGoals, type GoalStatus } from "~/modules/goals/goals.server";
import { env } from "~/utils/env.server";
import { formatDate } from "~/utils/time";
import { digest, groupKey, trendSentence, valueWithUnit } from "./digest";
import { allGoalIndicatorLinks } from "./goal-links.server";
import { listIndicators, withDetails } from "./indicators.server";

/**
 * The yearly report for the Verwaltungsvorstand, the Integrationsrat and the committees: goals by
 * status and Handlungsfeld, what changed since the year before, the indicators with their trend,
 * participation in the conference by organisation type (counts only) — each item with its public
 * address. Built once as blocks, written as DOCX (the `docx` library) and as PDF (pdf-lib, no
 * external program). German: the council's language.
 */

export type ReportBlock =
  | { kind: "title" | "subtitle" | "h1" | "h2" | "p" | "note"; text: string; url?: string }
  | { kind: "bullet"; text: string; url?: string }
  | { kind: "table"; head: string[]; rows: string[][] };

export type YearlyReport = { year: number; title: string; blocks: ReportBlock[]; example: boolean };

const LOCALE = "de";

/** Conference years, newest first (the page's year choice). */
export async function reportYears(): Promise<number[]> {
  return (await db.select({ year: conferences.year }).from(conferences).orderBy(desc(conferences.year))).map(
    (r) => r.year,
  );
}

/** The year the page offers first: the newest conference that has taken place (else the newest). */
export async function defaultReportYear(now = new Date()): Promise<number | null> {
  const rows = await db
    .select({ year: conferences.year, endsAt: conferences.endsAt })
    .from(conferences)
    .orderBy(desc(conferences.year));
  return (rows.find((r) => r.endsAt <= now) ?? rows[0])?.year ?? null;
}

/** Registered (confirmed) and present (checked in) people per organisation type; counts only. */
export async function participationByType(year: number) {
  const [conference] = await db.select({ id: conferences.id }).from(conferences).where(eq(conferences.year, year));
  if (!conference) return null;
  const rows = await db
    .select({
      type: registrations.organisationType,
      registered: count(),
      attended: sql<number>`count(${registrations.checkedInAt})`.mapWith(Number),
    })
    .from(registrations)
    .where(and(eq(registrations.conferenceId, conference.id), eq(registrations.status, "confirmed")))
    .groupBy(registrations.organisationType);
  return ORGANISATION_TYPES.map((type) => {
    const row = rows.find((r) => r.type === type);
    return { type, registered: Number(row?.registered ?? 0), attended: Number(row?.attended ?? 0) };
  });
}

/** The report's content for a conference year. */
export async function buildYearlyReport({
  year,
  baseUrl = env.APP_URL,
  now = new Date(),
}: {
  year: number;
  baseUrl?: string;
  now?: Date;
}): Promise<YearlyReport> {
  const t = translator(LOCALE);
  const base = baseUrl.replace(/\/$/, "");
  const statusName = (s: GoalStatus) => t(`goals.status.${s}` as MessageKey);
  const capitalised = (text: string) => text.charAt(0).toLocaleUpperCase(LOCALE) + text.slice(1);
  const [goalList, indicatorList, links, participation] = await Promise.all([
    listGoals({ year }),
    listIndicators({ publishedOnly: true }).then(withDetails),
    allGoalIndicatorLinks(),
    participationByType(year),
  ]);
  const goalUrl = (id: number) => `${base}/ziele/${id}`;
  const goalLine = (g: { id: number; title: string }) => t("monitoringGoals.doc.goal", { id: g.id, title: g.title });
  const indicators = indicatorList.map((i) => ({ ...digest(i), goals: [] as number[] }));
  for (const [goalId, ids] of links) for (const i of indicators) if (ids.includes(i.id)) i.goals.push(goalId);
  const example = indicators.some((i) => i.example);
  const title = t("monitoringGoals.doc.title", { year });
  const blocks: ReportBlock[] = [
    { kind: "title", text: title },
    { kind: "subtitle", text: t("monitoringGoals.doc.subtitle", { date: formatDate(now, LOCALE) }) },
  ];
  if (example) blocks.push({ kind: "note", text: t("monitoring.example") });

  // Goals by status.
  blocks.push({ kind: "h1", text: t("monitoringGoals.doc.goalsByStatus") });
  if (!goalList.length) blocks.push({ kind: "p", text: t("monitoringGoals.doc.noGoals") });
  else {
    blocks.push({
      kind: "table",
      head: [t("goals.status"), t("monitoringGoals.doc.count")],
      rows: GOAL_STATUSES.map((s) => [
        capitalised(statusName(s)),
        String(goalList.filter((g) => g.status === s).length),
      ]),
    });
    for (const s of GOAL_STATUSES) {
      const list = goalList.filter((g) => g.status === s);
      if (!list.length) continue;
      blocks.push({ kind: "h2", text: `${capitalised(statusName(s))} (${list.length})` });
      for (const g of list) blocks.push({ kind: "bullet", text: goalLine(g), url: goalUrl(g.id) });
    }
  }

  // Goals by Handlungsfeld.
  blocks.push({ kind: "h1", text: t("monitoringGoals.doc.goalsByField") });
  const fieldNames = [...new Set(goalList.map((g) => g.fieldName ?? ""))].sort((a, b) =>
    a === "" ? 1 : b === "" ? -1 : a.localeCompare(b, LOCALE),
  );
  if (!goalList.length) blocks.push({ kind: "p", text: t("monitoringGoals.doc.noGoals") });
  for (const name of fieldNames) {
    const list = goalList.filter((g) => (g.fieldName ?? "") === name);
    blocks.push({ kind: "h2", text: `${name || t("monitoringGoals.doc.noField")} (${list.length})` });
    for (const g of list)
      blocks.push({ kind: "bullet", text: `${goalLine(g)} – ${statusName(g.status!)}`, url: goalUrl(g.id) });
  }

  // What changed since the year before.
  const previous = year - 1;
  blocks.push({ kind: "h1", text: t("monitoringGoals.doc.changes", { previous }) });
  const changes = goalList.flatMap((g) => {
    const before = g.history.find((h) => h.year === previous)?.status ?? null;
    if (before === g.status) return [];
    const what = before
      ? t("monitoringGoals.doc.changed", { before: statusName(before), after: statusName(g.status!) })
      : g.status === "neu"
        ? t("monitoringGoals.doc.new")
        : `${t("monitoringGoals.doc.new")} (${statusName(g.status!)})`;
    return [{ kind: "bullet" as const, text: `${goalLine(g)}: ${what}`, url: goalUrl(g.id) }];
  });
  blocks.push(...(changes.length ? changes : [{ kind: "p" as const, text: t("monitoringGoals.doc.noChanges") }]));

  // The indicators with their trend.
  blocks.push({ kind: "h1", text: t("monitoringGoals.doc.indicators") });
  if (example) blocks.push({ kind: "note", text: t("monitoring.example") });
  if (!indicators.length) blocks.push({ kind: "p", text: t("monitoringGoals.doc.noIndicators") });
  for (const i of indicators) {
    blocks.push({ kind: "h2", text: `${i.name} (${t(`monitoring.area.${i.area}`)})`, url: `${base}${i.path}` });
    blocks.push({ kind: "p", text: trendSentence(t, LOCALE, i) });
    if (i.latestYear !== null && i.latest.length)
      blocks.push({
        kind: "table",
        head: [t("monitoringGoals.values.group"), t("monitoringGoals.values.caption", { year: i.latestYear })],
        rows: i.latest.map((v) => [t(groupKey(v.group)), valueWithUnit(v.value, i, LOCALE)]),
      });
    if (i.goals.length)
      blocks.push({
        kind: "p",
        text: t("monitoringGoals.doc.measures", { goals: i.goals.map((id) => goalUrl(id)).join(", ") }),
      });
    blocks.push({
      kind: "p",
      text: t("monitoringGoals.doc.address", { url: `${base}${i.path}` }),
      url: `${base}${i.path}`,
    });
  }

  // Participation by organisation type.
  blocks.push({ kind: "h1", text: t("monitoringGoals.doc.participation", { year }) });
  if (!participation) blocks.push({ kind: "p", text: t("monitoringGoals.doc.noConference", { year }) });
  else {
    const sum = (k: "registered" | "attended") => participation.reduce((s, r) => s + r[k], 0);
    blocks.push({
      kind: "table",
      head: [t("monitoringGoals.doc.orgType"), t("monitoringGoals.doc.registered"), t("monitoringGoals.doc.attended")],
      rows: [
        ...participation.map((r) => [
          t(`registration.orgType.${r.type}` as MessageKey),
          String(r.registered),
          String(r.attended),
        ]),
        [t("monitoringGoals.doc.total"), String(sum("registered")), String(sum("attended"))],
      ],
    });
    blocks.push({
      kind: "p",
      text: t("monitoringGoals.doc.address", { url: `${base}/konferenzen/${year}` }),
      url: `${base}/konferenzen/${year}`,
    });
  }
  return { year, title, blocks, example };
}

// ---- DOCX -------------------------------------------------------------------------------------

function docxParagraph(b: Extract<ReportBlock, { text: string }>): Paragraph {
  const heading = { title: HeadingLevel.TITLE, h1: HeadingLevel.HEADING_1, h2: HeadingLevel.HEADING_2 } as const;
  const text = new TextRun({ text: b.text, italics: b.kind === "note", bold: b.kind === "note" });
  const linked =
    b.url && b.kind !== "p"
      ? new ExternalHyperlink({ link: b.url, children: [new TextRun({ text: b.text, style: "Hyperlink" })] })
      : null;
  const children =
    b.kind === "p" && b.url
      ? [new ExternalHyperlink({ link: b.url, children: [new TextRun({ text: b.text, style: "Hyperlink" })] })]
      : [linked ?? text];
  return new Paragraph({
    heading: b.kind in heading ? heading[b.kind as keyof typeof heading] : undefined,
    bullet: b.kind === "bullet" ? { level: 0 } : undefined,
    alignment: b.kind === "title" || b.kind === "subtitle" ? AlignmentType.CENTER : undefined,
    pageBreakBefore: b.kind === "h1",
    spacing: b.kind === "subtitle" ? { after: 400 } : undefined,
    children,
  });
}

function docxTable(b: Extract<ReportBlock, { kind: "table" }>): Table {
  const cell = (text: string, bold = false) =>
    new TableCell({ children: [new Paragraph({ children: [new TextRun({ text, bold })] })] });
  return new Table({
    width: { size: 100, type: WidthType.PERCENTAGE },
    rows: [
      new TableRow({ tableHeader: true, children: b.head.map((h) => cell(h, true)) }),
      ...b.rows.map((r) => new TableRow({ children: r.map((c) => cell(c)) })),
    ],
  });
}

export async function reportDocx(report: YearlyReport): Promise<Buffer> {
  const children = report.blocks.flatMap((b) =>
    b.kind === "table" ? [docxTable(b), new Paragraph({ children: [] })] : [docxParagraph(b)],
  );
  const doc = new Document({
    title: report.title,
    creator: "ikon – Integrationskonferenz",
    description: report.title,
    styles: { default: { document: { run: { font: "Liberation Sans", size: 22 } } } },
    sections: [{ properties: {}, children }],
  });
  return Packer.toBuffer(doc);
}

// ---- PDF --------------------------------------------------------------------------------------

const require = createRequire(import.meta.url);
const fontDir = path.join(path.dirname(require.resolve("dejavu-fonts-ttf/package.json")), "ttf");

function wrapLines(text: string, font: PDFFont, size: number, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(/\s+/).filter(Boolean)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width || !line) line = next;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  // A single word wider than the line (a long address) is cut between letters.
  return lines.flatMap((l) => {
    if (font.widthOfTextAtSize(l, size) <= width) return [l];
    const parts: string[] = [];
    let part = "";
    for (const ch of l) {
      if (font.widthOfTextAtSize(part + ch, size) > width && part) {
        parts.push(part);
        part = "";
      }
      part += ch;
    }
    if (part) parts.push(part);
    return parts;
  });
}

export async function reportPdf(report: YearlyReport): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  doc.registerFontkit(fontkit);
  doc.setTitle(report.title);
  doc.setLanguage("de-DE");
  doc.setProducer("ikon");
  doc.setCreator("ikon – Integrationskonferenz");
  const regular = await doc.embedFont(readFileSync(path.join(fontDir, "DejaVuSans.ttf")), { subset: true });
  const bold = await doc.embedFont(readFileSync(path.join(fontDir, "DejaVuSans-Bold.ttf")), { subset: true });
  const [W, H, M] = [595.28, 841.89, 56];
  const width = W - 2 * M;
  let page: PDFPage = doc.addPage([W, H]);
  let y = H - M;
  const newPage = () => {
    page = doc.addPage([W, H]);
    y = H - M;
  };
  const write = (
    text: string,
    o: { font?: PDFFont; size?: number; indent?: number; gap?: number; color?: number } = {},
  ) => {
    const font = o.font ?? regular;
    const size = o.size ?? 10.5;
    const indent = o.indent ?? 0;
    for (const line of wrapLines(text, font, size, width - indent)) {
      if (y - size < M) newPage();
      y -= size * 1.35;
      page.drawText(line, { x: M + indent, y, size, font, color: rgb(o.color ?? 0, o.color ?? 0, o.color ?? 0) });
    }
    y -= o.gap ?? 4;
  };
  for (const b of report.blocks) {
    if (b.kind === "table") {
      const cols = b.head.length;
      const colWidth = width / cols;
      const row = (cells: string[], font: PDFFont) => {
        if (y - 14 < M) newPage();
        y -= 14;
        cells.forEach((c, i) => {
          const [line = ""] = wrapLines(c, font, 9.5, colWidth - 6);
          page.drawText(line, { x: M + i * colWidth, y, size: 9.5, font });
        });
      };
      row(b.head, bold);
      for (const r of b.rows) row(r, regular);
      y -= 10;
    } else if (b.kind === "title") {
      y -= 120;
      write(b.text, { font: bold, size: 22, gap: 12 });
    } else if (b.kind === "subtitle") write(b.text, { size: 12, gap: 24 });
    else if (b.kind === "note") write(b.text, { font: bold, size: 10, gap: 10, color: 0.35 });
    else if (b.kind === "h1") {
      newPage();
      write(b.text, { font: bold, size: 16, gap: 10 });
    } else if (b.kind === "h2") {
      if (y < M + 80) newPage();
      write(b.text, { font: bold, size: 12, gap: 4 });
      if (b.url) write(b.url, { size: 8.5, gap: 4, color: 0.3 });
    } else if (b.kind === "p") write(b.text, { gap: 6 });
    else if (b.kind === "bullet") {
      write(`• ${b.text}`, { indent: 8, gap: 1 });
      if (b.url) write(b.url, { indent: 18, size: 8.5, gap: 4, color: 0.3 });
    }
  }
  return doc.save();
}
