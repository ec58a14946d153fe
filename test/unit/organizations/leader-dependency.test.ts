import { DependencyFacts, leaderDependency } from "@subgraphs/organizations/leader-dependency/leader-dependency.rules";
import { MemberRole } from "@subgraphs/organizations/directory/directory.enums";

const member = (personId: string, role: MemberRole, birthYear: number | null = 1960) => ({ personId, role, birthYear });
const led = (leaderShare: number, total = 20) => Array.from({ length: total }, (_, i) => (i < Math.round(leaderShare * total) ? "leader" : "other"));

function facts(overrides: Partial<DependencyFacts>): DependencyFacts {
  return { members: [member("leader", MemberRole.LEADER)], leadOrganizers: [], certifiedPersonIds: new Set(), year: 2022, ...overrides };
}

test("乐竹邻 at end-2021 (§10.2): bench of 3 with a deputy, 55% leader-led, untrained → 20, LOW", () => {
  const members = [member("leader", MemberRole.LEADER), member("d", MemberRole.DEPUTY), member("b1", MemberRole.BACKBONE), member("b2", MemberRole.BACKBONE)];
  const signal = leaderDependency(facts({ members, leadOrganizers: led(0.55) }));
  expect(signal).toMatchObject({ score: 20, level: "LOW" });
  expect(signal.factors.map((f) => [f.code, f.points])).toEqual([["CONCENTRATION", 10], ["UNTRAINED_BENCH", 10]]);
  expect(leaderDependency(facts({ members, leadOrganizers: led(0.55), certifiedPersonIds: new Set(["b1"]) })).score).toBe(10);
});

test("加侨飞扬: one backbone, 85% leader-led, no deputy, no certificates → 65, HIGH", () => {
  const members = [member("leader", MemberRole.LEADER), member("b", MemberRole.BACKBONE), ...Array.from({ length: 7 }, (_, i) => member(`m${i}`, MemberRole.MEMBER))];
  expect(leaderDependency(facts({ members, leadOrganizers: led(0.85) }))).toMatchObject({ score: 65, level: "HIGH" });
});

test("the Tongling dance team: no bench, 95% leader-led → 85, HIGH", () => {
  const members = [member("leader", MemberRole.LEADER), ...Array.from({ length: 29 }, (_, i) => member(`m${i}`, MemberRole.MEMBER))];
  expect(leaderDependency(facts({ members, leadOrganizers: led(0.95) }))).toMatchObject({ score: 85, level: "HIGH" });
});

test("ageing counts only when more than 60% are 70 or older; the bands edge at 30 and 60", () => {
  const old = (n: number) => Array.from({ length: n }, (_, i) => member(`o${i}`, MemberRole.MEMBER, 1950));
  const young = (n: number) => Array.from({ length: n }, (_, i) => member(`y${i}`, MemberRole.MEMBER, 1990));
  const base = [member("leader", MemberRole.LEADER, 1950), member("d", MemberRole.DEPUTY, 1990), member("b", MemberRole.BACKBONE, 1990)];
  const certified = new Set(["d"]);
  expect(leaderDependency(facts({ members: [...base, ...old(6), ...young(1)], certifiedPersonIds: certified })).factors.map((f) => f.code)).toEqual(["AGEING"]);
  expect(leaderDependency(facts({ members: [...base, ...old(3), ...young(4)], certifiedPersonIds: certified })).factors).toEqual([]);
  // MEDIUM from 30: a bench of one (20) plus no deputy (10)
  expect(leaderDependency(facts({ members: [member("leader", MemberRole.LEADER), member("b", MemberRole.BACKBONE)], certifiedPersonIds: new Set(["b"]) }))).toMatchObject({ score: 30, level: "MEDIUM" });
});
