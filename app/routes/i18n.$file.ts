import type { LoaderFunctionArgs } from "@remix-run/node";
import { findMessagesAsset } from "~/i18n/messages.server";
import { notFound } from "~/server/http.server";

/** A language's messages for the browser (see app/i18n/messages.server.ts). */
export function loader({ params }: LoaderFunctionArgs) {
  const found = findMessagesAsset(params.file ?? "");
  if (!found) notFound();
  return new Response(found.asset.body, {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      "Cache-Control": found.immutable ? "public, max-age=31536000, immutable" : "public, max-age=300",
    },
  });
}
