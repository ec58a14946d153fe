import { startTestHub, TestHub } from "../support/hub";

// GraphQL over HTTP (graphql-over-http spec) at the gateway, as any client sends it: each row of the status table
// for both response media types. The subgraphs answer by the same kit code, and their error codes pass through.

const JSON_TYPE = "application/json";
const GRAPHQL_RESPONSE = "application/graphql-response+json";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

interface Answer {
  status: number;
  contentType: string;
  allow: string | null;
  body: any;
}

async function send(init: { method?: string; accept?: string; contentType?: string | null; body?: string; search?: string }): Promise<Answer> {
  const headers: Record<string, string> = {};
  if (init.accept) headers.accept = init.accept;
  const contentType = init.contentType === undefined ? (init.body !== undefined ? JSON_TYPE : null) : init.contentType;
  if (contentType) headers["content-type"] = contentType;
  const response = await fetch(`${hub.gateway.url}${init.search ?? ""}`, { method: init.method ?? (init.body !== undefined ? "POST" : "GET"), headers, body: init.body });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // not JSON: kept as text for the assertion to show
  }
  return { status: response.status, contentType: response.headers.get("content-type") ?? "", allow: response.headers.get("allow"), body };
}

const post = (payload: unknown, accept?: string) => send({ body: JSON.stringify(payload), accept });
const codes = (answer: Answer) => (answer.body.errors ?? []).map((error: { extensions?: { code?: string } }) => error.extensions?.code);

const REQUEST_ERRORS: [string, unknown, string][] = [
  ["a document that does not parse", { query: "{ organizations { totalCount }" }, "GRAPHQL_PARSE_FAILED"],
  ["a document that does not validate", { query: "{ organizations { noSuchField } }" }, "GRAPHQL_VALIDATION_FAILED"],
  ["a variable that fails coercion", { query: "query($first: Int) { organizations(first: $first) { totalCount } }", variables: { first: "ten" } }, "BAD_USER_INPUT"],
];

describe("Accept: application/json, or no Accept: a well-formed request answers 200, its errors in the body", () => {
  test.each(REQUEST_ERRORS)("%s", async (_case, payload, code) => {
    for (const accept of [JSON_TYPE, undefined]) {
      const answer = await post(payload, accept);
      expect([accept, answer.status, codes(answer)]).toEqual([accept, 200, [code]]);
      expect(answer.contentType).toMatch(/^application\/json/);
      expect(answer.body.data).toBeUndefined();
    }
  });
});

describe("Accept: application/graphql-response+json", () => {
  test.each(REQUEST_ERRORS)("%s answers 400", async (_case, payload, code) => {
    const answer = await post(payload, GRAPHQL_RESPONSE);
    expect([answer.status, codes(answer)]).toEqual([400, [code]]);
    expect(answer.contentType).toMatch(/^application\/graphql-response\+json/);
  });

  test("a response with data answers 200 in that media type, also when a field failed", async () => {
    const whole = await post({ query: "{ organizations(first: 1) { totalCount } }" }, GRAPHQL_RESPONSE);
    expect(whole.status).toBe(200);
    expect(whole.contentType).toMatch(/^application\/graphql-response\+json/);
    expect(whole.body.data.organizations.totalCount).toBeGreaterThan(0);

    // the organizations subgraph refuses the id; its own code reaches the client through the gateway
    const partial = await post({ query: 'query { organization(id: "room_zx_hall") { name } organizations(first: 1) { totalCount } }' }, GRAPHQL_RESPONSE);
    expect(partial.status).toBe(200);
    expect(codes(partial)).toEqual(["BAD_USER_INPUT"]);
    expect(partial.body.errors[0].message).toMatch(/is a Room id/);
    expect(partial.body.data).toEqual({ organization: null, organizations: { totalCount: expect.any(Number) } });
  });
});

describe("both media types", () => {
  test.each([JSON_TYPE, GRAPHQL_RESPONSE])("GET runs a query (Accept %s)", async (accept) => {
    const answer = await send({ accept, search: `?query=${encodeURIComponent("{ organizations(first: 1) { totalCount } }")}` });
    expect(answer.status).toBe(200);
    expect(answer.body.data.organizations.totalCount).toBeGreaterThan(0);
  });

  test.each([JSON_TYPE, GRAPHQL_RESPONSE])("GET refuses a mutation with 405 and Allow: POST (Accept %s)", async (accept) => {
    const mutation = 'mutation { checkInBooking(id: "bkg_x") { id } }';
    const answer = await send({ accept, search: `?query=${encodeURIComponent(mutation)}` });
    expect([answer.status, answer.allow]).toEqual([405, "POST"]);
    expect(answer.body.errors[0].message).toMatch(/GET requests only support query operations/);
  });

  test.each([JSON_TYPE, GRAPHQL_RESPONSE])("a malformed JSON body is 400 (Accept %s)", async (accept) => {
    const answer = await send({ accept, body: '{"query": "{ organizations { totalCount } }"' });
    expect([answer.status, codes(answer)]).toEqual([400, ["BAD_REQUEST"]]);
    expect(answer.body.errors[0].message).toMatch(/not valid JSON/);
  });

  test.each([
    ["text/plain", '{"query":"{ __typename }"}'],
    ["application/x-www-form-urlencoded", "query=%7B__typename%7D"],
    [null, '{"query":"{ __typename }"}'],
  ])("a POST body of media type %s is 415, naming the one to send", async (contentType, body) => {
    const answer = await send({ body, contentType });
    expect([answer.status, codes(answer)]).toEqual([415, ["BAD_REQUEST"]]);
    expect(answer.body.errors[0].message).toContain("Content-Type: application/json");
  });

  test("a batch (a JSON array of operations) is refused with 400 and says batching is off", async () => {
    const answer = await send({ body: JSON.stringify([{ query: "{ __typename }" }, { query: "{ __typename }" }]) });
    expect(answer.status).toBe(400);
    expect(answer.body.errors[0].message).toMatch(/batching disabled/i);
  });

  test("a method other than GET and POST is 405 with Allow: GET, POST", async () => {
    const answer = await send({ method: "PUT", body: '{"query":"{ __typename }"}' });
    expect([answer.status, answer.allow]).toEqual([405, "GET, POST"]);
  });
});

describe("a browser that opens /graphql", () => {
  const BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

  test("without the development tools reads how to send a query, and no landing page from a CDN", async () => {
    const answer = await send({ accept: BROWSER_ACCEPT });
    expect(answer.status).toBe(200);
    expect(answer.contentType).toMatch(/^text\/plain/);
    expect(answer.body).toContain("curl -X POST");
    expect(answer.body).toContain("Content-Type: application/json");
    expect(answer.body).not.toMatch(/apollo|sandbox|cdn/i);
  });

  test("a subgraph answers a browser the same way, never with Apollo's landing page", async () => {
    const response = await fetch(hub.subgraphs.venues.url, { headers: { accept: BROWSER_ACCEPT } });
    expect(response.status).toBe(200);
    expect(await response.text()).not.toMatch(/<html|apollo|sandbox|cdn/i);
  });
});
