import { startTestHub, TestHub } from "../support/hub";

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const ME = `{ me { id displayName fullName phone } }`;

test("no token is the anonymous public viewer", async () => {
  const { body } = await hub.query(ME);
  expect(body.errors).toBeUndefined();
  expect(body.data.me).toBeNull();
});

test("the gateway forwards the caller, so a person sees their own data in clear", async () => {
  const token = await hub.token({ sub: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] });
  const { body } = await hub.query(ME, {}, token);
  expect(body.errors).toBeUndefined();
  expect(body.data.me).toEqual({ id: "per_zhang_leader", displayName: "张某琴", fullName: "张某琴", phone: "100-0000-0001" });
});

test("another caller sees the same person masked", async () => {
  const token = await hub.token({ sub: "per_liu_leader", roles: ["ORG_LEADER"], orgIds: ["org_jiaqiao"] });
  const { body } = await hub.query(`{ organization(id: "org_lezhulin") { leader { person { displayName fullName phone birthYear } } } }`, {}, token);
  expect(body.data.organization.leader.person).toEqual({ displayName: "张*琴", fullName: null, phone: null, birthYear: null });
});
