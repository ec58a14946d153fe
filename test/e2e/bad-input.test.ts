import { startTestHub, TestHub } from "../support/hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

/** No client-facing message may carry SQL, a stack frame or a file path. */
function expectNoInternals(body: unknown): void {
  const text = JSON.stringify(body);
  expect(text).not.toMatch(/SELECT|INSERT|QueryFailedError|sqlite|mysql|at .+\.(ts|js):\d+|stacktrace/i);
}

test("a malformed organization id is BAD_USER_INPUT naming the expected form", async () => {
  const { status, body } = await hub.query(`query($id: ID!) { organization(id: $id) { name } }`, { id: "42; DROP TABLE organizations" });
  expect(status).toBe(200);
  expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(body.errors?.[0].message).toContain("org_01J");
  expectNoInternals(body);
});

test("an id of the wrong kind says which kind it is", async () => {
  const { body } = await hub.query(`query($id: ID!) { organization(id: $id) { name } }`, { id: "room_zx_hall" });
  expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(body.errors?.[0].message).toMatch(/is a Room id; expected a Organization id/);
});

test("an unknown id is simply null", async () => {
  const { body } = await hub.query(`query($id: ID!) { organization(id: $id) { name } }`, { id: "org_01JZZZZZZZZZZZZZZZZZZZZZZZ" });
  expect(body.errors).toBeUndefined();
  expect(body.data.organization).toBeNull();
});

test("a page of 10000 is refused with the allowed range", async () => {
  const { body } = await hub.query(`{ organizations(first: 10000) { totalCount } }`);
  expect(body.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
  expect(body.errors?.[0].message).toContain("1 to 100");
});

test("a forged token is UNAUTHENTICATED with status 401", async () => {
  const forged = (await hub.token({ roles: ["FEDERATION_ADMIN"] })).replace(/.{6}$/, "AAAAAA");
  const { status, body } = await hub.query(`{ me { id } }`, {}, forged);
  expect(status).toBe(401);
  expect(body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  expect(body.errors?.[0].message).toMatch(/not valid/);
  expectNoInternals(body);
});

test("an expired token is UNAUTHENTICATED and says it expired", async () => {
  const expired = await hub.token({ sub: "per_zhang_leader", roles: ["ORG_LEADER"] }, "-1m");
  const { status, body } = await hub.query(`{ me { id } }`, {}, expired);
  expect(status).toBe(401);
  expect(body.errors?.[0].extensions?.code).toBe("UNAUTHENTICATED");
  expect(body.errors?.[0].message).toMatch(/expired/);
});
