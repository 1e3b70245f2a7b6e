import { ErrorPage } from "~/components/error-page";

// Any unknown address: a 404 inside the normal layout.
export function loader() {
  throw new Response(null, { status: 404 });
}

export default function NotFound() {
  return <ErrorPage status={404} />;
}
