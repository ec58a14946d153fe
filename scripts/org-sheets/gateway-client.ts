import { mintToken } from "../../gateway/auth";
import { loadOrCreateDevSecrets } from "../dev-secrets";

/** Where the sheet scripts send their operations and as whom. */
export interface GatewayTarget {
  url: string;
  token: string;
}

/** The gateway answered with errors: the first one's code and message, as a person can act on them. */
export class GatewayError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
  }
}

/** POSTs one operation to the gateway and returns its data, or throws a GatewayError. */
export async function gatewayRequest<T>(target: GatewayTarget, query: string, variables: Record<string, unknown>): Promise<T> {
  let response: Response;
  try {
    response = await fetch(target.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${target.token}` },
      body: JSON.stringify({ query, variables }),
    });
  } catch (error) {
    throw new GatewayError(`The hub does not answer at ${target.url} (${(error as Error).message}); start it with npm start, or pass --gateway.`, "UNREACHABLE");
  }
  const body = (await response.json().catch(() => ({}))) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] };
  if (body.errors?.length) {
    const [first] = body.errors;
    throw new GatewayError(first.message, String(first.extensions?.code ?? `HTTP_${response.status}`));
  }
  if (!body.data) throw new GatewayError(`The hub answered ${response.status} without data.`, `HTTP_${response.status}`);
  return body.data;
}

/**
 * A dev token for a (made-up) clerk of the street (STREET_STAFF scoped to it), signed with the embedded mode's secret in
 * DATA_DIR/secrets.json or HUB_JWT_SECRET, as `npm run token` signs it.
 */
export function streetClerkToken(streetCode: string, dataDir = process.env.DATA_DIR ?? "data"): Promise<string> {
  const { jwtSecret } = loadOrCreateDevSecrets(dataDir);
  return mintToken(jwtSecret, { sub: `per_dev_clerk_${streetCode}`, roles: ["STREET_STAFF"], areaCodes: [streetCode] }, "1h");
}
