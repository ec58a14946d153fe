import { readFile } from "node:fs/promises";
import { IncomingMessage, ServerResponse } from "node:http";
import { extname, join } from "node:path";
import { mintToken } from "./auth";
import { DEV_IDENTITIES, devIdentity } from "./dev-identities";
import { isLoopback } from "./loopback";

type Route = (request: IncomingMessage, response: ServerResponse) => Promise<void>;

/** The web apps under web/ (main.tsx, index.html) that `npm run build` bundles into dist/web/<app>/. */
export const WEB_APPS = ["explorer", "partner"] as const;

/** The folder of dist/web (and path under the gateway) with the files the apps' bundles refer to: fonts. */
export const WEB_ASSETS = "assets";
const ASSET_TYPES: Record<string, string> = { ".woff2": "font/woff2" };

const FILES: Record<string, string> = {
  "index.html": "text/html; charset=utf-8",
  "main.js": "text/javascript; charset=utf-8",
  "main.css": "text/css; charset=utf-8",
};

/** dist/web: beside dist/gateway, where this file runs from after the build. */
export const DEFAULT_WEB_DIR = join(__dirname, "..", "web");

/** How long a dev token from /dev/token stays valid. */
export const DEV_TOKEN_TTL = "12h";

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { "content-type": "application/json; charset=utf-8", "cache-control": "no-store" }).end(JSON.stringify(body));
}

function serveFile(path: string, type: string, app: string): Route {
  return async (_request, response) => {
    try {
      const content = await readFile(path);
      response.writeHead(200, { "content-type": type, "cache-control": "no-cache", "x-content-type-options": "nosniff" }).end(content);
    } catch {
      sendJson(response, 404, { error: `The ${app} bundle is missing (${path}): run npm run build.` });
    }
  };
}

/** Serves a bundled asset by its hashed file name; nothing outside the assets folder is reachable. */
function serveAsset(webDir: string): Route {
  return async (request, response) => {
    const name = decodeURIComponent(new URL(request.url ?? "/", "http://hub.local").pathname.slice(`/${WEB_ASSETS}/`.length));
    const type = ASSET_TYPES[extname(name)];
    if (!/^[\w.-]+$/.test(name) || !type) return sendJson(response, 404, { error: `No asset named "${name}".` });
    try {
      const content = await readFile(join(webDir, WEB_ASSETS, name));
      // the name carries a hash of the content, so a browser may keep it
      response.writeHead(200, { "content-type": type, "cache-control": "public, max-age=31536000, immutable", "x-content-type-options": "nosniff" }).end(content);
    } catch {
      sendJson(response, 404, { error: `No asset named "${name}" in ${join(webDir, WEB_ASSETS)}: run npm run build.` });
    }
  };
}

/** A browser that opens /graphql while the development tools are on goes to the explorer. */
export function redirectToExplorer(_request: IncomingMessage, response: ServerResponse): void {
  response.writeHead(302, { location: "/explorer", "content-type": "text/plain; charset=utf-8" }).end("The GraphQL explorer is at /explorer.\n");
}

/**
 * Development-only GET routes of the gateway: the GraphiQL explorer at /explorer, the partner page at /partner
 * (their bundles read from `webDir`), the demo identities at /dev/roles and a token for one at /dev/token?role=OL.
 * Mounted only in development mode: production never mints tokens. Tokens go only to a client on this machine
 * (by the socket's address): a gateway that listens on every interface still hands none to the network.
 */
export function devRoutes({ jwtSecret, webDir = DEFAULT_WEB_DIR, issuer, audience }: { jwtSecret?: string; webDir?: string; issuer?: string; audience?: string }): Record<string, Route> {
  const routes: Record<string, Route> = {};
  for (const app of WEB_APPS) {
    for (const [file, type] of Object.entries(FILES)) {
      const serve = serveFile(join(webDir, app, file), type, app);
      if (file === "index.html") routes[`/${app}`] = routes[`/${app}/`] = serve;
      else routes[`/${app}/${file}`] = serve;
    }
  }
  routes[`/${WEB_ASSETS}/*`] = serveAsset(webDir);
  routes["/dev/roles"] = async (_request, response) =>
    sendJson(response, 200, DEV_IDENTITIES.map(({ code, label, payload }) => ({ role: code, label, claims: payload })));
  routes["/dev/token"] = async (request, response) => {
    if (!isLoopback(request.socket.remoteAddress)) return sendJson(response, 403, { error: "Dev tokens are handed out only to clients on the gateway's own machine (loopback)." });
    if (!jwtSecret) return sendJson(response, 404, { error: "This gateway has no HUB_JWT_SECRET to sign dev tokens with." });
    const role = new URL(request.url ?? "/", "http://hub.local").searchParams.get("role") ?? "";
    const identity = devIdentity(role);
    if (!identity) return sendJson(response, 400, { error: `Unknown role "${role}": use one of ${DEV_IDENTITIES.map((i) => i.code).join(", ")}.` });
    const token = await mintToken(jwtSecret, identity.payload, DEV_TOKEN_TTL, { issuer, audience });
    sendJson(response, 200, { role: identity.code, label: identity.label, claims: identity.payload, token, expiresIn: DEV_TOKEN_TTL });
  };
  return routes;
}
