// The conference room on the day: 300 phones with the question page open (each holding the live
// stream, as the page does), one projector on the room view, and all 300 liking one question at
// once. Measures the likes (latency, all accepted, exactly 300 counted) and how long the room view
// and the phones take to show the final count after the last like was answered (target < 2 s).

const CLIENTS = 300;

/**
 * Follows the server-sent events at `url` like a browser's EventSource (reconnecting when the server
 * ends a stream); calls `onSnapshot(snapshot, receivedAt)` for each snapshot. Resolves once connected.
 */
async function follow(url, cookie, onSnapshot, signal) {
  const connect = () => fetch(url, { headers: { cookie, accept: "text/event-stream" }, signal });
  let res = await connect();
  if (!res.ok || !res.body) throw new Error(`${url} → ${res.status}`);
  void (async () => {
    while (!signal.aborted) {
      const decoder = new TextDecoder();
      let buffer = "";
      try {
        for await (const chunk of res.body) {
          buffer += decoder.decode(chunk, { stream: true });
          let end;
          while ((end = buffer.indexOf("\n\n")) >= 0) {
            const block = buffer.slice(0, end);
            buffer = buffer.slice(end + 2);
            const data = /^data: (.*)$/m.exec(block)?.[1];
            if (/^event: snapshot$/m.test(block) && data) onSnapshot(JSON.parse(data), performance.now());
          }
        }
        res = await connect();
      } catch {
        return; // aborted at the end of the run
      }
    }
  })();
}

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pool(items, limit, fn) {
  const out = [];
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

const cookiesOf = (res) => res.headers.getSetCookie().map((c) => c.split(";")[0]);
const pct = (sorted, p) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

/**
 * `room` is `{ url, code, inputId, questionId }` of a running app whose input takes questions now.
 * Returns the figures; never throws on a missed target (the caller records it).
 */
export async function roomBench(room) {
  const page = `${room.url}/live/${room.code}/${room.inputId}`;
  const stream = `${page}/stream`;
  const abort = new AbortController();

  // Each phone opens the page once: its device cookie, the form token, then its live stream.
  const phones = await pool(Array.from({ length: CLIENTS }), 25, async () => {
    const res = await fetch(page);
    const html = await res.text();
    const csrf = /name="_csrf" value="([^"]+)"/.exec(html)?.[1];
    if (!res.ok || !csrf) throw new Error(`question page → ${res.status}`);
    return { cookie: cookiesOf(res).join("; "), csrf, lastCount: -1, seenAt: 0 };
  });
  const projector = { lastCount: -1, seenAt: 0 };
  const countIn = (snapshot) => snapshot.questions.find((q) => q.id === room.questionId)?.likeCount ?? -1;
  const watch = (who) => (snapshot, at) => {
    const n = countIn(snapshot);
    if (n !== who.lastCount) Object.assign(who, { lastCount: n, seenAt: at });
  };
  await follow(`${stream}`, "", watch(projector), abort.signal);
  await pool(phones, 50, (phone) => follow(stream, phone.cookie, watch(phone), abort.signal));
  // Let every stream deliver its first snapshot.
  for (let i = 0; i < 100 && [projector, ...phones].some((w) => w.lastCount < 0); i++)
    await new Promise((r) => setTimeout(r, 50));
  const before = projector.lastCount;

  const latencies = [];
  let accepted = 0;
  const t0 = performance.now();
  await Promise.all(
    phones.map(async (phone) => {
      // As the page's script does it: the fetcher's POST (single fetch), then the revalidation GET.
      const started = performance.now();
      const res = await fetch(`${page}.data`, {
        method: "POST",
        headers: { origin: room.url, cookie: phone.cookie, "content-type": "application/x-www-form-urlencoded" },
        body: new URLSearchParams({ _csrf: phone.csrf, intent: "like", questionId: room.questionId, fetch: "1" }),
      });
      await res.arrayBuffer();
      const again = await fetch(`${page}.data`, { headers: { cookie: phone.cookie } });
      await again.arrayBuffer();
      latencies.push(performance.now() - started);
      if (res.ok && again.ok) accepted += 1;
    }),
  );
  const lastAnswer = performance.now();
  const expected = before + CLIENTS;
  // Wait up to 10 s for every listener to show the final count.
  for (let i = 0; i < 200 && [projector, ...phones].some((w) => w.lastCount !== expected); i++)
    await new Promise((r) => setTimeout(r, 50));
  abort.abort();

  const current = [projector, ...phones].filter((w) => w.lastCount === expected);
  const phoneLag = phones
    .filter((p) => p.lastCount === expected)
    .map((p) => Math.max(0, p.seenAt - lastAnswer))
    .sort((a, b) => a - b);
  latencies.sort((a, b) => a - b);
  return {
    clients: CLIENTS,
    accepted,
    countBefore: before,
    countAfter: projector.lastCount,
    burstMs: lastAnswer - t0,
    likeP50: pct(latencies, 50),
    likeP95: pct(latencies, 95),
    likeP99: pct(latencies, 99),
    roomViewLagMs: projector.lastCount === expected ? Math.max(0, projector.seenAt - lastAnswer) : Infinity,
    phonesCurrent: current.length - (projector.lastCount === expected ? 1 : 0),
    phoneLagP95: phoneLag.length ? pct(phoneLag, 95) : Infinity,
  };
}
