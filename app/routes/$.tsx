import type { MetaFunction } from "@remix-run/node";
import { ErrorPage } from "~/components/error-page";
import { pageTitle } from "~/i18n/i18n";

export const meta: MetaFunction = ({ matches }) => [pageTitle(matches, "error.notFound.title")];

// Any unknown address: a 404 inside the normal layout.
export function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return <ErrorPage status={404} />;
}
