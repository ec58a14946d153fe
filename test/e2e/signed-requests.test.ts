import { randomUUID } from "node:crypto";
import { createServer, IncomingHttpHeaders, Server } from "node:http";
import { AddressInfo } from "node:net";
import { Listening } from "@platform/http";
import { ANONYMOUS_CLAIMS, Claims, encodeClaims, REQUEST_ID_PATTERN } from "@platform/identity";
import { GATEWAY_KEY_ID, newSigningKey, RequestSigner, signedHeaders, signRequest } from "@platform/request-signing";
import { RunningSubgraph, startSubgraph } from "@kit/server";
import { freshTestStore, registerTestSubgraph, TEST_CALLER_KEYS, TEST_KEYS, testSigner } from "@kit/testing";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import { eligibilityEvent, VENUES_RECEIVE_EVENT } from "../support/events";
import { startTestGateway, startTestHub, TestHub } from "../support/hub";

// Issue 10, point 1: a signature means exactly one request. Every attack here goes straight to a subgraph, as
// someone on the internal network (or a compromised subgraph) would send it; each must be refused with 401.

const SUBGRAPH_NAMES = ["organizations", "academy", "venues", "funding"];
/** A read every subgraph answers, so a refusal is the signature's doing and not the document's. */
const TYPENAME = JSON.stringify({ query: "query Probe { __typename }", variables: {} });
const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString("base64url");

interface Sent {
  status: number;
  body: { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
}

/** POSTs `body` with exactly these headers (plus the content type) to `url`. */
async function post(url: string, headers: Record<string, string>, body: string): Promise<Sent> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json", ...headers }, body });
  return { status: response.status, body: (await response.json()) as Sent["body"] };
}

/** Headers signed as `signer` for the subgraph `audience`, carrying `claims`. */
function signed(signer: RequestSigner, audience: string, body = TYPENAME, claims: Claims = ANONYMOUS_CLAIMS, at = Date.now()): Record<string, string> {
  return signedHeaders(signer, { method: "POST", path: "/graphql", audience }, claims, "attack-probe", body, at);
}

const expectRefused = (sent: Sent, message: RegExp) => {
  expect(sent.status).toBe(401);
  expect(sent.body.errors?.[0]).toMatchObject({ extensions: { code: "UNAUTHENTICATED" } });
  expect(sent.body.errors?.[0].message).toMatch(message);
};

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const urlOf = (name: string) => hub.subgraphs[name].url;

describe.each(SUBGRAPH_NAMES)("the %s subgraph, called directly", (name) => {
  const other = name === "venues" ? "academy" : "venues";

  test("answers a request the gateway signed for it, once", async () => {
    const headers = signed(testSigner(), name);
    const first = await post(urlOf(name), headers, TYPENAME);
    expect(first).toEqual({ status: 200, body: { data: { __typename: "Query" } } });
    expectRefused(await post(urlOf(name), headers, TYPENAME), /already received once/);
  });

  test("refuses an unsigned request, a forged signature and a key that is not the gateway's", async () => {
    expectRefused(await post(urlOf(name), {}, TYPENAME), /accepts only requests signed/);
    const genuine = signed(testSigner(), name);
    const forgedSignature = genuine["x-hub-signature"].replace(/sig=[A-Za-z0-9_-]{86}/, `sig=${Buffer.alloc(64, 7).toString("base64url")}`);
    expectRefused(await post(urlOf(name), { ...genuine, "x-hub-signature": forgedSignature }, TYPENAME), /does not match/);
    expectRefused(await post(urlOf(name), signed({ keyId: GATEWAY_KEY_ID, key: newSigningKey() }, name), TYPENAME), /does not match/);
  });

  test("refuses a request signed for another subgraph, and a stale one", async () => {
    expectRefused(await post(urlOf(name), signed(testSigner(), other), TYPENAME), new RegExp(`signed for the ${other} subgraph, not ${name}`));
    expectRefused(await post(urlOf(name), signed(testSigner(), name, TYPENAME, ANONYMOUS_CLAIMS, Date.now() - 10 * 60_000), TYPENAME), /expired/);
  });

  test("refuses a subgraph's own key signing as the gateway", async () => {
    const academyAsGateway: RequestSigner = { keyId: GATEWAY_KEY_ID, key: TEST_KEYS.services.academy };
    expectRefused(await post(urlOf(name), signed(academyAsGateway, name), TYPENAME), /does not match/);
  });

  test("refuses a validly signed identity that is not canonical or not valid claims", async () => {
    const canonical = encodeClaims(ANONYMOUS_CLAIMS);
    const nonCanonical = [
      Buffer.from(JSON.stringify(ANONYMOUS_CLAIMS, null, 1)).toString("base64url"),
      `${canonical}=`,
      b64({ ...ANONYMOUS_CLAIMS, roles: ["FA"] }),
      b64({ ...ANONYMOUS_CLAIMS, areaCodes: [""] }),
      b64({ roles: ["FEDERATION_ADMIN"] }),
    ];
    for (const identity of nonCanonical) {
      // signed by the real gateway key over the very identity sent: only the identity check can refuse it
      const signature = signRequest(testSigner(), { method: "POST", path: "/graphql", audience: name }, identity, "attack-probe", TYPENAME);
      expectRefused(await post(urlOf(name), { "x-hub-identity": identity, "x-request-id": "attack-probe", "x-hub-signature": signature }, TYPENAME), /not the canonical encoding of valid claims/);
    }
  });

  test("refuses GET, even signed for GET", async () => {
    const path = `/graphql?query=${encodeURIComponent("{ __typename }")}`;
    const identity = encodeClaims(ANONYMOUS_CLAIMS);
    const signature = signRequest(testSigner(), { method: "GET", path, audience: name }, identity, "attack-probe", "");
    const response = await fetch(urlOf(name).replace("/graphql", path), { headers: { "x-hub-identity": identity, "x-request-id": "attack-probe", "x-hub-signature": signature } });
    expect(response.status).toBe(401);
    expect(((await response.json()) as Sent["body"]).errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  });
});

describe("the re-split attack of issue 10, through the real gateway", () => {
  /** A recording proxy in front of venues: what the gateway really sends, forwarded unchanged. */
  let recorder: Server;
  let recorded: { headers: IncomingHttpHeaders; body: string }[] = [];
  let gateway: Listening;

  beforeAll(async () => {
    recorder = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on("data", (chunk: Buffer) => chunks.push(chunk));
      request.on("end", async () => {
        const body = Buffer.concat(chunks).toString("utf8");
        recorded.push({ headers: request.headers, body });
        const forwarded = Object.fromEntries(Object.entries(request.headers).filter(([key]) => key.startsWith("x-") || key === "content-type")) as Record<string, string>;
        const answer = await fetch(urlOf("venues"), { method: "POST", headers: forwarded, body });
        response.writeHead(answer.status, { "content-type": answer.headers.get("content-type") ?? "application/json" }).end(await answer.text());
      });
    });
    await new Promise<void>((resolve) => recorder.listen(0, "127.0.0.1", resolve));
    const recorderUrl = `http://127.0.0.1:${(recorder.address() as AddressInfo).port}/graphql`;
    gateway = await startTestGateway({ ...Object.fromEntries(SUBGRAPH_NAMES.map((name) => [name, urlOf(name)])), venues: recorderUrl });
  });
  afterAll(async () => {
    await gateway?.stop();
    recorder?.closeAllConnections();
    await new Promise((resolve) => recorder?.close(resolve));
  });

  test("the smuggling request id is replaced at the gateway, and the captured signature does not carry a split identity", async () => {
    recorded = [];
    const forged = b64({ roles: ["FA"], service: "x" });
    const smuggling = `r.${forged}=`;
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", "x-request-id": smuggling },
      body: JSON.stringify({ query: "{ facilities(first: 1) { totalCount } }" }),
    });
    const answer = (await response.json()) as Sent["body"];
    expect(answer.errors).toBeUndefined();
    expect(answer.data.facilities.totalCount).toBeGreaterThan(0);
    const requestId = response.headers.get("x-request-id")!;
    expect(requestId).not.toBe(smuggling);
    expect(requestId).toMatch(REQUEST_ID_PATTERN);

    expect(recorded).toHaveLength(1);
    const [wire] = recorded;
    expect(wire.headers["x-request-id"]).toBe(requestId);
    expect(wire.headers["x-hub-identity"]).toBe(encodeClaims(ANONYMOUS_CLAIMS));
    expect(wire.headers["x-hub-signature"]).toMatch(/^key=gateway,aud=venues,t=\d+,nonce=[A-Za-z0-9_-]{22},sig=[A-Za-z0-9_-]{86}$/);

    // the attack: the same signature and body, the request id cut at the dot, the rest taken as the identity
    const split = { "x-request-id": "r", "x-hub-identity": forged, "x-hub-signature": String(wire.headers["x-hub-signature"]) };
    expectRefused(await post(urlOf("venues"), split, wire.body), /does not match/);
    // and with the id the attacker sent, verbatim
    expectRefused(await post(urlOf("venues"), { ...split, "x-request-id": smuggling, "x-hub-identity": encodeClaims(ANONYMOUS_CLAIMS) }, wire.body), /request id must be/);
  });

  test("a valid request taken off the wire is refused when replayed", async () => {
    recorded = [];
    const token = await hub.token({ sub: "per_admin", roles: ["FEDERATION_ADMIN"] });
    const response = await fetch(gateway.url, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: "{ facilities(first: 1) { totalCount } }" }),
    });
    expect(((await response.json()) as Sent["body"]).errors).toBeUndefined();
    const [wire] = recorded;
    const headers = Object.fromEntries(["x-hub-identity", "x-request-id", "x-hub-signature"].map((key) => [key, String(wire.headers[key])]));
    expectRefused(await post(urlOf("venues"), headers, wire.body), /already received once/);
    // nor may the captured signature be spent on another subgraph
    expectRefused(await post(urlOf("academy"), headers, wire.body), /signed for the venues subgraph, not academy/);
  });
});

describe("service identities come from an allow-list declared in code", () => {
  const RELEASE = JSON.stringify({ query: 'mutation { releaseBooking(id: "bkg_nosuchhold") { id status } }', variables: {} });
  // a fresh event id per request: venues applies each event once
  const RECEIVE = () => JSON.stringify({ query: VENUES_RECEIVE_EVENT, variables: eligibilityEvent("org_lezhulin") });
  const EVENT = RECEIVE();
  const as = (service: string) => ({ ...ANONYMOUS_CLAIMS, service });

  test("venues lets academy run its saga steps and organizations deliver its events", async () => {
    const release = await post(urlOf("venues"), signed(testSigner("academy"), "venues", RELEASE, as("academy")), RELEASE);
    expect(release.status).toBe(200);
    expect(release.body.errors?.[0].extensions?.code).toBe("NOT_FOUND"); // it ran: the hold does not exist
    const event = RECEIVE();
    const sync = await post(urlOf("venues"), signed(testSigner("organizations"), "venues", event, as("organizations")), event);
    expect(sync).toEqual({ status: 200, body: { data: { venuesReceiveEvent: true } } });
  });

  test("a service venues does not list, or a service calling a subgraph that lists none, is refused (401)", async () => {
    expectRefused(await post(urlOf("venues"), signed(testSigner("funding"), "venues", RELEASE, as("funding")), RELEASE), /accepts no requests signed by "funding"/);
    expectRefused(await post(urlOf("organizations"), signed(testSigner("academy"), "organizations", TYPENAME, as("academy")), TYPENAME), /accepts no requests signed by "academy"/);
  });

  test("a listed service outside its own fields is FORBIDDEN (403): known, but not permitted", async () => {
    for (const [service, body] of [
      ["academy", EVENT],
      ["organizations", RELEASE],
      ["academy", TYPENAME],
      ["academy", JSON.stringify({ query: 'mutation { releaseBooking(id: "bkg_x") { id } cancelBooking(id: "bkg_x", reason: "x") { id } }' })],
      ["academy", JSON.stringify({ query: 'mutation { ...F } fragment F on Mutation { cancelBooking(id: "bkg_x", reason: "x") { id } }' })],
    ] as const) {
      const sent = await post(urlOf("venues"), signed(testSigner(service), "venues", body, as(service)), body);
      expect([service, body, sent.status, sent.body.errors?.[0].extensions?.code]).toEqual([service, body, 403, "FORBIDDEN"]);
    }
  });

  test("a service key cannot speak as another service, as a person, or as the gateway", async () => {
    expectRefused(await post(urlOf("venues"), signed(testSigner("organizations"), "venues", RELEASE, as("academy")), RELEASE), /must carry the service identity "organizations"/);
    const admin = { ...ANONYMOUS_CLAIMS, personId: "per_admin", roles: ["FEDERATION_ADMIN" as const] };
    expectRefused(await post(urlOf("venues"), signed(testSigner("academy"), "venues", RELEASE, admin), RELEASE), /must carry the service identity "academy"/);
    expectRefused(await post(urlOf("venues"), signed(testSigner(), "venues", RELEASE, as("academy")), RELEASE), /never speaks for a service/);
  });
});

describe("with REDIS_URL, replicas share the nonces", () => {
  const replicas: RunningSubgraph[] = [];
  beforeAll(async () => {
    // a key prefix of this run's own, so parallel runs on the one local Redis never see each other's nonces
    const replay = { redisUrl: "redis://127.0.0.1:6379", keyPrefix: `hubtest:${randomUUID()}:` };
    for (let i = 0; i < 2; i++) {
      const running = await startSubgraph(venuesSubgraph, { store: await freshTestStore("venues"), callerKeys: TEST_CALLER_KEYS, port: 0, replay });
      registerTestSubgraph(running);
      replicas.push(running);
    }
  });
  afterAll(() => Promise.all(replicas.map((r) => r.stop())));

  test("a request one replica served is refused by the other", async () => {
    const headers = signed(testSigner(), "venues");
    expect((await post(replicas[0].url, headers, TYPENAME)).status).toBe(200);
    expectRefused(await post(replicas[1].url, headers, TYPENAME), /already received once/);
    expect((await post(replicas[1].url, signed(testSigner(), "venues"), TYPENAME)).status).toBe(200);
  });

  test("without it, each process remembers its own", async () => {
    const headers = signed(testSigner(), "venues");
    expect((await post(urlOf("venues"), headers, TYPENAME)).status).toBe(200);
    expect((await post(replicas[0].url, headers, TYPENAME)).status).toBe(200); // another store: the reason to set REDIS_URL
  });
});
