import { randomUUID } from "node:crypto";
import { createServer, IncomingMessage, Server, ServerResponse } from "node:http";
import { AddressInfo } from "node:net";
import { ApolloServer, BaseContext, HeaderMap } from "@apollo/server";
import { GraphQLError } from "graphql";
import { REQUEST_ID_HEADER } from "./identity";
import { log } from "./log";

const MAX_BODY_BYTES = 1_000_000;

/** Builds the per-request context from the request and its raw body; throwing a GraphQLError answers 401/400. */
export type ContextFor<C> = (request: IncomingMessage, rawBody: string, requestId: string) => Promise<C>;

export interface HttpOptions<C extends BaseContext> {
  apollo: ApolloServer<C>;
  contextFor: ContextFor<C>;
  /** Liveness and readiness probes: `/health` and `/ready`. */
  ready: () => Promise<{ ok: boolean; detail?: Record<string, unknown> }>;
  /** Extra GET routes (the gateway's explorer, later metrics). */
  routes?: Record<string, (request: IncomingMessage, response: ServerResponse) => void | Promise<void>>;
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

function sendJson(response: ServerResponse, status: number, body: unknown, requestId?: string): void {
  const headers: Record<string, string> = { "content-type": "application/json; charset=utf-8" };
  if (requestId) headers[REQUEST_ID_HEADER] = requestId;
  response.writeHead(status, headers).end(JSON.stringify(body));
}

function errorStatus(error: GraphQLError): number {
  const http = error.extensions?.http as { status?: number } | undefined;
  if (http?.status) return http.status;
  return error.extensions?.code === "UNAUTHENTICATED" ? 401 : 400;
}

/** An HTTP server that serves GraphQL at /graphql plus /health and /ready, without any framework. */
export function createHttpServer<C extends BaseContext>(options: HttpOptions<C>): Server {
  const { apollo, contextFor, ready, routes = {} } = options;
  return createServer(async (request, response) => {
    const url = new URL(request.url ?? "/", "http://hub.local");
    const requestId = String(request.headers[REQUEST_ID_HEADER] ?? "").slice(0, 64) || randomUUID();
    try {
      if (url.pathname === "/health") return sendJson(response, 200, { status: "ok" });
      if (url.pathname === "/ready") {
        const state = await ready();
        return sendJson(response, state.ok ? 200 : 503, { status: state.ok ? "ready" : "not ready", ...state.detail });
      }
      const route = routes[url.pathname];
      if (route && request.method === "GET") return await route(request, response);
      if (url.pathname !== "/graphql") return sendJson(response, 404, { error: `Nothing at ${url.pathname}; GraphQL is served at /graphql.` });

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
      const result = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: request.method ?? "GET", headers, search: url.search, body },
        context: async () => contextValue,
      });
      const outHeaders: Record<string, string> = { [REQUEST_ID_HEADER]: requestId };
      for (const [key, value] of result.headers) outHeaders[key] = value;
      // An operation that reached execution answers 200 with its errors (GraphQL over HTTP, application/json):
      // the gateway then passes the subgraph's own error codes on instead of a bare "400: Bad Request".
      const status = result.status === 400 && result.body.kind === "complete" && result.body.string.startsWith('{"errors"') && contextValue ? 200 : (result.status ?? 200);
      response.writeHead(status, outHeaders);
      if (result.body.kind === "complete") return response.end(result.body.string);
      for await (const chunk of result.body.asyncIterator) response.write(chunk);
      response.end();
    } catch (error) {
      if (error instanceof GraphQLError && error.extensions?.code) {
        const { http: _http, ...extensions } = error.extensions;
        return sendJson(response, errorStatus(error), { errors: [{ message: error.message, extensions: { ...extensions, requestId } }] }, requestId);
      }
      log.error({ err: error, requestId }, "unhandled HTTP error");
      if (!response.headersSent) sendJson(response, 500, { errors: [{ message: "Internal error", extensions: { code: "INTERNAL_SERVER_ERROR", requestId } }] }, requestId);
      else response.end();
    }
  });
}

/** A listening server and how to stop it. Port 0 picks a free port (tests). */
export interface Listening {
  url: string;
  port: number;
  stop: () => Promise<void>;
}

/** Starts listening; `stop` stops accepting, lets in-flight requests finish, then runs `onStop`. */
export function listen(server: Server, port: number, host: string, onStop: () => Promise<void>): Promise<Listening> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      const actual = (server.address() as AddressInfo).port;
      const shownHost = host === "0.0.0.0" || host === "::" ? "localhost" : host;
      let stopping: Promise<void> | null = null;
      resolve({
        url: `http://${shownHost}:${actual}/graphql`,
        port: actual,
        stop: () =>
          (stopping ??= new Promise<void>((done) => {
            server.close(() => done());
            server.closeIdleConnections();
          }).then(onStop)),
      });
    });
  });
}
