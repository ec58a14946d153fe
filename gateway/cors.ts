import { IncomingMessage, ServerResponse } from "node:http";
import { REQUEST_ID_HEADER } from "../platform/identity";

/** Headers a browser page may send to /graphql (Apollo Client and the explorer send these). */
const ALLOWED_HEADERS = ["authorization", "content-type", "accept", REQUEST_ID_HEADER, "apollo-require-preflight", "apollographql-client-name", "apollographql-client-version"];
/** Response headers a page may read: the request id to quote, Retry-After of a rate limit. */
const EXPOSED_HEADERS = [REQUEST_ID_HEADER, "retry-after"];

/**
 * CORS for the origins of an allow-list: a listed origin gets Access-Control-Allow-Origin with its own origin
 * (never `*`), preflights of /graphql are answered 204; an unlisted origin gets no CORS headers at all, and its
 * preflight 403, so the browser keeps the page from reading the answer. No list: no CORS headers anywhere.
 * Returns the `intercept` of platform/http: true when it answered the request itself.
 */
export function corsFor(origins: readonly string[]): (request: IncomingMessage, response: ServerResponse) => boolean {
  const allowed = new Set(origins);
  return (request, response) => {
    const origin = request.headers.origin;
    const listed = typeof origin === "string" && allowed.has(origin);
    if (allowed.size) response.setHeader("vary", "Origin");
    const preflight = request.method === "OPTIONS" && request.headers["access-control-request-method"] !== undefined;
    if (listed) {
      response.setHeader("access-control-allow-origin", origin);
      response.setHeader("access-control-expose-headers", EXPOSED_HEADERS.join(", "));
    }
    if (!preflight) return false;
    if (!listed) {
      response.writeHead(403, { "content-type": "text/plain; charset=utf-8" }).end(`Browser pages from ${origin ?? "this origin"} may not call this hub.\n`);
      return true;
    }
    response
      .writeHead(204, {
        "access-control-allow-methods": "GET, POST, OPTIONS",
        "access-control-allow-headers": ALLOWED_HEADERS.join(", "),
        "access-control-max-age": "600",
      })
      .end();
    return true;
  };
}
