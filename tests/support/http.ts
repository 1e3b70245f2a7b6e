// Forms over plain HTTP, the way a browser without JavaScript sends them: the page first (CSRF
// token and cookies), then a urlencoded POST with the Origin header, redirects not followed.

/** The demo organiser (app/modules/demo/seed.server.ts, seeded into every test app's empty database). */
export const DEMO_ORGANISER = { email: "orga@ikon.example", password: "Konferenz-Demo-2026" };

export type FormSession = { url: string; csrf: string; cookie: string };

/** Fetches a form page: its CSRF token and the cookies to send back (those given plus those it set). */
export async function openForm(
  url: string,
  opts: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<FormSession> {
  const page = await fetch(url, { headers: { ...opts.headers, cookie: opts.cookie ?? "" } });
  const html = await page.text();
  const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
  if (!csrf) throw new Error(`no CSRF field on ${url} (${page.status})`);
  const cookie = [opts.cookie, ...page.headers.getSetCookie().map((c) => c.split(";")[0])].filter(Boolean).join("; ");
  return { url, csrf, cookie };
}

/** Posts the fields to the opened form (CSRF token and cookies included). */
export function postForm(
  form: FormSession,
  fields: Record<string, string>,
  headers: Record<string, string> = {},
): Promise<Response> {
  return fetch(form.url, {
    method: "POST",
    redirect: "manual",
    headers: {
      ...headers,
      origin: new URL(form.url).origin,
      cookie: form.cookie,
      "content-type": "application/x-www-form-urlencoded",
    },
    body: new URLSearchParams({ _csrf: form.csrf, ...fields }),
  });
}

/** Opens the form at `url` and posts the fields to it. */
export async function submitForm(
  url: string,
  fields: Record<string, string>,
  opts: { cookie?: string; headers?: Record<string, string> } = {},
): Promise<Response> {
  return postForm(await openForm(url, opts), fields, opts.headers);
}

/** The `name=value` of the session cookie a response set. */
export function sessionCookie(res: Response): string {
  const set = res.headers.getSetCookie().find((c) => c.startsWith("__Host-ikon_session="));
  if (!set) throw new Error(`no session cookie (${res.status})`);
  return set.split(";")[0]!;
}

/** Signs in through the password form (the demo organiser unless told otherwise): the session cookie. */
export async function signInOverHttp(appUrl: string, who = DEMO_ORGANISER): Promise<string> {
  const res = await submitForm(`${appUrl}/login`, { intent: "password", email: who.email, password: who.password });
  if (res.status !== 302) throw new Error(`sign-in as ${who.email} answered ${res.status}`);
  return sessionCookie(res);
}

/** The year of the conference the home page leads to (the demo's current one). */
export async function conferenceYear(appUrl: string): Promise<string> {
  const year = /\/konferenzen\/(\d{4})/.exec(await (await fetch(appUrl)).text())?.[1];
  if (!year) throw new Error("the home page links to no conference");
  return year;
}
