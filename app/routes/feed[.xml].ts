import { publicationsFeed } from "~/modules/publishing/feed.server";
import { env } from "~/utils/env.server";

/** Atom feed of publications (documentations, library entries): only published items. */
export async function loader() {
  return new Response(await publicationsFeed(env.APP_URL), {
    headers: {
      "Content-Type": "application/atom+xml; charset=utf-8",
      "Cache-Control": "public, max-age=300",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
