import { sql, type SQL } from "drizzle-orm";
import { db, rawRows } from "~/db/client.server";
import { MONITORING_AREAS } from "~/db/enums";
import { translator } from "~/i18n/catalog";
import { type SearchKind } from "./search.schema";
import { MARK_END, MARK_START } from "./snippet";

export { SEARCH_KINDS, searchParamsSchema, type SearchKind } from "./search.schema";

/**
 * The user's words as a prefix query on German stems: "Sprachförderung" → 'sprachforder':*, which
 * also finds the compound "Sprachförderkonzept" (the German dictionary does not split compounds).
 * Only letters and digits reach to_tsquery, so no input can break the query syntax.
 */
export function prefixQuery(q: string): string | null {
  const words = q
    .normalize("NFC")
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length >= 2)
    .slice(0, 8);
  if (!words.length) return null;
  return words.map((w) => `${w}:*`).join(" & ");
}

export type SearchHit = {
  kind: SearchKind;
  id: string;
  title: string;
  year: number | null;
  url: string;
  rank: number;
  snippet: string;
};

const clean = (expr: SQL) => sql`translate(${expr}, ${MARK_START + MARK_END}, '')`;

/**
 * A row's vector, computed once per row (`t.v`) for both the match and the rank. `offset 0` keeps
 * the planner from inlining the subquery, which would compute the vector once for the filter and
 * again for the rank. Only for the few rows without a stored vector (documentation intros, records).
 */
const once = (vector: SQL) => sql`lateral (select ${vector} as v offset 0) t`;

// The text a hit's snippet is cut from, by the branch (`src`) it came from; read for the shown page only.
const materialText = sql`m.title || ' ' || coalesce(fv.text_content, '')`;
const recordText = sql`i.title || ' ' || i.abstract || ' ' || r.outcome || ' ' || coalesce((
  select string_agg(dq.text, ' ') from discussion_questions dq
  where dq.input_id = i.id and dq.status in ('approved', 'answered') and dq.merged_into_id is null), '') || ' ' || coalesce((
  select fv.text_content from files f join file_versions fv on fv.file_id = f.id and fv.version = f.current_version
  where f.id = i.slides_file_id and f.public), '')`;
const reportText = sql`g.name || ' ' || r.activities || ' ' || r.progress || ' ' || r.obstacles || ' ' || r.networking || ' ' || r.previous_goals || ' ' || r.proposals || ' ' || coalesce((
  select string_agg(fv.text_content, ' ') from group_report_files rf
  join files f on f.id = rf.file_id and f.public
  join file_versions fv on fv.file_id = f.id and fv.version = f.current_version
  where rf.report_id = r.id), '')`;
// An indicator of the monitoring: its words and its area's German name.
const indicatorText = sql`i.name || ' ' || i.definition || ' ' || i.unit || ' ' || i.source || ' ' || (case i.area::text ${sql.join(
  MONITORING_AREAS.map((a) => sql`when ${a} then ${translator("de")(`monitoring.area.${a}`)}`),
  sql` `,
)} else '' end)`;
const bodyOf = sql`case top.src
  when 'library' then (select e.description || ' ' || e.file_text from library_entries e where e.id = top.id::uuid)
  when 'speech' then (select s.plain_text from documentation_speeches s where s.id = top.id::uuid)
  when 'intro' then (select d.intro from documentations d where d.id = top.id::uuid)
  when 'material' then (select ${materialText} from documentation_materials m
    join files f on f.id = m.file_id join file_versions fv on fv.file_id = f.id and fv.version = f.current_version
    where m.id = top.id::uuid)
  when 'record' then (select ${recordText} from discussion_records r join discussion_inputs i on i.id = r.input_id
    where i.id = top.id::uuid)
  when 'report' then (select ${reportText} from group_reports r join groups g on g.id = r.group_id where r.id = top.id::uuid)
  when 'goal' then (select gl.title || ' ' || gl.description || ' ' || gl.measure || ' ' || gl.indicator from goals gl
    where gl.id::text = top.id)
  when 'indicator' then (select ${indicatorText} from indicators i where i.id = top.id::uuid)
end`;

/**
 * German full-text search over published content only: library entries (with the text of their
 * PDFs), published conference documentations (intro and speeches), published working-group
 * reports (with their public files' text) and agreed goals (goals with a published status), the
 * documentation's materials (with their files' text) and published discussion records. Drafts
 * never match: every branch filters on its own published flag.
 *
 * One pass per kind: library entries, speeches, goals, reports and file versions keep a stored
 * vector with a GIN index (generated columns); a report's vector is its sections' joined with its
 * group's name and its public files' (`tsvector_agg`, migration 0021), so words may come from
 * either. The branches return ids and ranks only; the text for the snippets (`ts_headline`) is read
 * for the shown page's hits alone.
 */
export async function search(input: {
  q: string;
  year?: number | "";
  kind?: SearchKind | "";
  limit?: number;
  now?: Date;
}): Promise<SearchHit[]> {
  const tsq = prefixQuery(input.q);
  if (!tsq) return [];
  const now = input.now ?? new Date();
  const limit = Math.min(input.limit ?? 30, 100);
  const query = sql`to_tsquery('german', ${tsq})`;
  const branches: SQL[] = [];
  const want = (k: SearchKind) => !input.kind || input.kind === k;
  if (want("dokument")) {
    branches.push(sql`
      select 'dokument' as kind, 'library' as src, e.id::text as id, e.title, e.year, '/dokumente/' || e.slug as url,
             ts_rank(e.search, q.q) as rank
      from library_entries e, q
      where e.published and e.search @@ q.q`);
  }
  if (want("dokumentation")) {
    branches.push(sql`
      select 'dokumentation', 'speech', s.id::text, s.title || coalesce(' (' || nullif(s.speaker, '') || ')', ''), c.year,
             '/konferenzen/' || c.year || '/dokumentation#rede-' || s.id, ts_rank(s.search, q.q)
      from documentation_speeches s
      join documentations d on d.id = s.documentation_id
      join conferences c on c.id = d.conference_id, q
      where d.published_at is not null and d.published_at <= ${now} and s.search @@ q.q`);
    branches.push(sql`
      select 'dokumentation', 'intro', d.id::text, 'Dokumentation: ' || c.title, c.year, '/konferenzen/' || c.year || '/dokumentation',
             ts_rank(t.v, q.q)
      from documentations d join conferences c on c.id = d.conference_id, q,
           ${once(sql`to_tsvector('german', c.title || ' ' || d.intro)`)}
      where d.published_at is not null and d.published_at <= ${now} and t.v @@ q.q`);
    // Materials of a published documentation, by their title and the text of the file (a PDF's
    // text from the upload, an Office file's from the PDF LibreOffice made of it).
    branches.push(sql`
      select 'dokumentation', 'material', m.id::text, m.title, c.year, '/konferenzen/' || c.year || '/dokumentation#materialien',
             ts_rank(t.v, q.q)
      from documentation_materials m
      join documentations d on d.id = m.documentation_id
      join conferences c on c.id = d.conference_id
      join files f on f.id = m.file_id
      join file_versions fv on fv.file_id = f.id and fv.version = f.current_version, q,
           ${once(sql`to_tsvector('german', m.title) || fv.search`)}
      where d.published_at is not null and d.published_at <= ${now} and t.v @@ q.q`);
    // Published discussion records (Fachinput, its outcome, the questions the room saw, the slides' text),
    // where the published documentation shows them.
    branches.push(sql`
      select 'dokumentation', 'record', i.id::text, 'Fachinput: ' || i.title, c.year, '/konferenzen/' || c.year || '/dokumentation#fi-' || i.id,
             ts_rank(t.v, q.q)
      from discussion_records r
      join discussion_inputs i on i.id = r.input_id
      join conferences c on c.id = i.conference_id
      join documentations d on d.conference_id = c.id, q,
           ${once(sql`to_tsvector('german', ${recordText})`)}
      where r.published_at is not null and d.include_discussion and d.published_at is not null and d.published_at <= ${now}
        and t.v @@ q.q`);
  }
  if (want("bericht")) {
    // The report's sections, its group's name and the text of its public PDFs (extracted at upload).
    branches.push(sql`
      select 'bericht', 'report', r.id::text, g.name || ': Umsetzungsbericht ' || c.year, c.year, '/arbeitskreise/' || g.slug || '#report-' || c.year,
             ts_rank(t.v, q.q)
      from group_reports r join groups g on g.id = r.group_id join conferences c on c.id = r.conference_id, q,
           ${once(sql`to_tsvector('german', g.name) || r.search || coalesce((
             select tsvector_agg(fv.search) from group_report_files rf
             join files f on f.id = rf.file_id and f.public
             join file_versions fv on fv.file_id = f.id and fv.version = f.current_version
             where rf.report_id = r.id), ''::tsvector)`)}
      where r.status = 'published' and t.v @@ q.q`);
  }
  if (want("ziel")) {
    branches.push(sql`
      select 'ziel', 'goal', gl.id::text, gl.title, c.year, '/ziele/' || gl.id, ts_rank(gl.search, q.q)
      from goals gl join conferences c on c.id = gl.origin_conference_id, q
      where gl.search @@ q.q
        and exists (select 1 from goal_years y where y.goal_id = gl.id and y.published_at is not null)`);
  }
  if (want("monitoring") && !input.year) {
    // Monitoring: published indicators (few) by name, definition, unit, source and area, vectorised
    // in the query; no year (an indicator spans many), so a year filter leaves them out. Named
    // columns: with "art=monitoring" this branch is the only one.
    branches.push(sql`
      select 'monitoring' as kind, 'indicator' as src, i.id::text as id, i.name as title, null::integer as year,
             '/monitoring/' || replace(i.area::text, '_', '-') || '/' || i.slug as url, ts_rank(t.v, q.q) as rank
      from indicators i, q, ${once(sql`to_tsvector('german', ${indicatorText})`)}
      where i.published and t.v @@ q.q`);
  }
  if (!branches.length) return [];
  const yearFilter = input.year ? sql`where year = ${input.year}` : sql``;
  const rows = await rawRows<{
    kind: SearchKind;
    id: string;
    title: string;
    year: number | null;
    url: string;
    rank: number;
    snippet: string;
  }>(
    db,
    sql`
      with q as (select ${query} as q),
      hits (kind, src, id, title, year, url, rank) as (${sql.join(branches, sql` union all `)}),
      top as (select * from hits ${yearFilter} order by rank desc, year desc nulls last, title limit ${limit})
      select kind, id, title, year, url, rank,
             ts_headline('german', ${clean(bodyOf)}, (select q from q),
               ${`StartSel=${MARK_START}, StopSel=${MARK_END}, MaxWords=30, MinWords=12, ShortWord=3, MaxFragments=2, FragmentDelimiter=" … "`}) as snippet
      from top order by rank desc, year desc nulls last, title`,
  );
  return rows.map((r) => ({ ...r, year: r.year === null ? null : Number(r.year), rank: Number(r.rank) }));
}
