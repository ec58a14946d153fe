import { randomUUID } from "node:crypto";
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { performance } from "node:perf_hooks";
import { ApolloServer, BaseContext, HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { graphqlResponseStatus, howToQuery, isBrowserVisit, responseMediaType, unsupportedMediaType } from "./graphql-over-http";
import { REQUEST_ID_HEADER, safeRequestId } from "./identity";
import { log } from "./log";
import { FinishedRequest } from "./request-log";

const MAX_BODY_BYTES = 1_000_000;

type Route = (request: IncomingMessage, response: ServerResponse) => void | Promise<void>;
export type PostRoute = (request: IncomingMessage, rawBody: string, requestId: string) => Promise<{ status: number; body: unknown }>;

/** Builds the per-request context from the request and its raw body; throwing a GraphQLError answers 401/400. */
export type ContextFor<C> = (request: IncomingMessage, rawBody: string, requestId: string) => Promise<C>;

export interface HttpOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  contextFor: ContextFor<C>;
  /** Liveness and readiness probes: `/health` and `/ready`. */
  ready: () => Promise<{ ok: boolean; detail?: Record<string, unknown> }>;
  /** Extra GET routes (metrics, the gateway's explorer); a key ending in `/*` serves every path under it. */
  routes?: Record<string, Route>;
  /** POST routes beside /graphql that answer JSON from the raw body (the gateway's event receiver). */
  postRoutes?: Record<string, PostRoute>;
  /** Runs first for every request to /graphql, before its body is read: a GraphQLError it throws refuses the request (rate limits). */
  admit?: (request: IncomingMessage) => Promise<void>;
  /** Answers a browser that opens /graphql as a page; by default a short text on how to send a query. */
  browserVisit?: Route;
  /** Runs first on every request; answers it itself (a CORS preflight) by returning true, or adds headers. */
  intercept?: (request: IncomingMessage, response: ServerResponse) => boolean;
  /** Told how each /graphql request ended (kit/request-log: one log line and the request metrics). */
  onFinished?: (request: FinishedRequest) => void;
}

function readBody(request: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    request.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new GraphQLError(`The request body is larger than ${MAX_BODY_BYTES} bytes.`, { extensions: { code: "BAD_REQUEST", http: { status: 413 } } }));
        request.destroy();
      } else chunks.push(chunk);
    });
    request.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    request.on("error", reject);
  });
}

function sendJson(response: ServerResponse, status: number, body: unknown, requestId?: string, contentType = "application/json; charset=utf-8", extraHeaders?: Map<string, string>): void {
  const headers: Record<string, string> = { ...(extraHeaders ? Object.fromEntries(extraHeaders) : {}), "content-type": contentType };
  if (requestId) headers[REQUEST_ID_HEADER] = requestId;
  response.writeHead(status, headers).end(JSON.stringify(body));
}

/** The default `browserVisit`: how to send a query, as plain text. */
function sendHowToQuery(request: IncomingMessage, response: ServerResponse): void {
  const endpoint = `http://${request.headers.host ?? "localhost"}/graphql`;
  response.writeHead(200, { "content-type": "text/plain; charset=utf-8", "x-content-type-options": "nosniff" }).end(howToQuery(endpoint));
}

/** An error's `extensions.http` (Apollo's convention): the status and any headers to answer with. */
const httpOf = (error: GraphQLError) => error.extensions?.http as { status?: number; headers?: Map<string, string> } | undefined;

function errorStatus(error: GraphQLError): number {
  const http = httpOf(error);
  if (http?.status) return http.status;
  return error.extensions?.code === "UNAUTHENTICATED" ? 401 : 400;
}

/** An HTTP server that serves GraphQL at /graphql plus /health and /ready, without any framework. */
export function createHttpServer<C extends BaseContext>(options: HttpOptions<C>): Server {
  const { apollo, contextFor, ready, routes = {}, postRoutes = {}, onFinished, admit, browserVisit = sendHowToQuery, intercept } = options;
  return createServer(async (request, response) => {
    const startedAt = performance.now();
    const url = new URL(request.url ?? "/", "http://hub.local");
    // a caller's id outside the safe alphabet is replaced, never trimmed or passed on
    const requestId = safeRequestId(request.headers[REQUEST_ID_HEADER]) ?? randomUUID();
    try {
      if (intercept?.(request, response)) return;
      if (url.pathname === "/health") return sendJson(response, 200, { status: "ok" });
      if (url.pathname === "/ready") {
        const state = await ready();
        return sendJson(response, state.ok ? 200 : 503, { status: state.ok ? "ready" : "not ready", ...state.detail });
      }
      const route = routes[url.pathname] ?? routes[`${url.pathname.slice(0, url.pathname.lastIndexOf("/") + 1)}*`];
      if (route && request.method === "GET") return await route(request, response);
      const postRoute = postRoutes[url.pathname];
      if (postRoute && request.method === "POST") {
        const answer = await postRoute(request, await readBody(request), requestId);
        return sendJson(response, answer.status, answer.body, requestId);
      }
      if (url.pathname !== "/graphql") return sendJson(response, 404, { error: `Nothing at ${url.pathname}; GraphQL is served at /graphql.` });
      await admit?.(request);
      if (isBrowserVisit(request.method, request.headers, url.searchParams)) return await browserVisit(request, response);
      const refusedType = unsupportedMediaType(request.method, request.headers);
      if (refusedType) throw refusedType;

      const rawBody = request.method === "POST" ? await readBody(request) : "";
      const contextValue = await contextFor(request, rawBody, requestId);
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(", ") : value);
      }
      let body: unknown = undefined;
      if (rawBody) {
        try {
          body = JSON.parse(rawBody);
        } catch {
          throw new GraphQLError("The request body is not valid JSON.", { extensions: { code: "BAD_REQUEST" } });
        }
      }
      const httpGraphQLRequest = { method: request.method ?? "GET", headers, search: url.search, body };
      const result = await apollo.executeHTTPGraphQLRequest({ httpGraphQLRequest, context: async () => contextValue });
      const outHeaders: Record<string, string> = { [REQUEST_ID_HEADER]: requestId };
      for (const [key, value] of result.headers) outHeaders[key] = value;
      const status = result.body.kind === "complete" ? graphqlResponseStatus(result.status ?? 200, result.headers.get("content-type"), result.body.string) : (result.status ?? 200);
      response.writeHead(status, outHeaders);
      if (result.body.kind === "complete") response.end(result.body.string);
      else {
        for await (const chunk of result.body.asyncIterator) response.write(chunk);
        response.end();
      }
      onFinished?.({ requestId, startedAt, status, graphqlRequest: httpGraphQLRequest });
    } catch (error) {
      const graphql = url.pathname === "/graphql";
      if (error instanceof GraphQLError && error.extensions?.code) {
        const { http: _http, ...extensions } = error.extensions;
        sendJson(response, errorStatus(error), { errors: [{ message: error.message, extensions: { ...extensions, requestId } }] }, requestId, responseMediaType(request.headers.accept), httpOf(error)?.headers);
        if (graphql) onFinished?.({ requestId, startedAt, status: errorStatus(error), refusedWith: String(error.extensions.code) });
        return;
      }
      log.error({ err: error, requestId }, "unhandled HTTP error");
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: "Internal error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] }, requestId);
      else response.end();
      if (graphql) onFinished?.({ requestId, startedAt, status: 500, refusedWith: "INTERNAL_SERVER_ERROR" });
    }
  });
}

/** A listening server and how to stop it. Port 0 picks a free port (tests). */
export interface Listening {
  url: string;
  port: number;
  /** Stops accepting and lets in-flight requests finish (cut after `graceMs` if given), then releases what it holds. */
  stop: (graceMs?: number) => Promise<void>;
}

/** Starts listening; `stop` stops accepting, lets in-flight requests finish within its bound, then runs `onStop`. */
export function listen(server: Server, port: number, host: string, onStop: () => Promise<void>): Promise<Listening> {
  const inFlight = new Set<ServerResponse>();
  let stopping: Promise<void> | null = null;
  server.on("request", (_request: IncomingMessage, response: ServerResponse) => {
    inFlight.add(response);
    response.once("close", () => inFlight.delete(response));
    if (stopping) response.setHeader("connection", "close");
  });
  const stop = (graceMs?: number) =>
    (stopping ??= new Promise<void>((done) => {
      let cut: NodeJS.Timeout | undefined;
      server.close(() => {
        clearTimeout(cut);
        done();
      });
      server.closeIdleConnections();
      // Node keeps a kept-alive socket open after its last response, holding close() up for the keep-alive timeout
      for (const response of inFlight) if (!response.headersSent) response.setHeader("connection", "close");
      if (graceMs !== undefined) {
        cut = setTimeout(() => {
          log.warn({ requests: inFlight.size, graceMs }, "cutting connections still open at the shutdown bound");
          server.closeAllConnections();
        }, graceMs);
      }
    }).then(onStop));
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
      resolve({ url: `http://${shownHost}:${actual}/graphql`, port: actual, stop });
    });
  });
}
