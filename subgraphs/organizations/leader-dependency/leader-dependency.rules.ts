import { MemberRole } from "../directory";

/** What §3.9 scores, read from memberships, the last 12 months of activities and certificates. */
export interface DependencyFacts {
  members: { personId: string; role: MemberRole; birthYear: number | null }[];
  /** Lead organizer of each current, non-rejected activity in the last 12 months. */
  leadOrganizers: (string | null)[];
  /** People holding at least one academy certificate. */
  certifiedPersonIds: ReadonlySet<string>;
  /** Business year the ages are computed in. */
  year: number;
}

export type RiskLevel = "LOW" | "MEDIUM" | "HIGH";

export interface DependencySignal {
  level: RiskLevel;
  score: number;
  factors: { code: string; points: number; detail: string }[];
}

const percent = (share: number) => `${Math.round(share * 100)}%`;

/**
 * The leader-dependency risk signal of DOMAIN §3.9 ("一旦负责人因事离开队伍,组织就会群龙无首").
 * SINGLE_CONTACT (5 points) is left out until contact rights are recorded; the other five factors are scored.
 */
export function leaderDependency(facts: DependencyFacts): DependencySignal {
  const leader = facts.members.find((m) => m.role === MemberRole.LEADER)?.personId ?? null;
  const bench = facts.members.filter((m) => (m.role === MemberRole.DEPUTY || m.role === MemberRole.BACKBONE) && m.personId !== leader);
  const factors: DependencySignal["factors"] = [];

  const benchPoints = bench.length === 0 ? 40 : bench.length === 1 ? 20 : 0;
  if (benchPoints) factors.push({ code: "BENCH", points: benchPoints, detail: `${bench.length} active deputy/backbone member(s) besides the leader` });

  const led = facts.leadOrganizers.length;
  if (led > 0 && leader) {
    const share = facts.leadOrganizers.filter((id) => id === leader).length / led;
    const points = share > 0.8 ? 25 : share >= 0.5 ? 10 : 0;
    if (points) factors.push({ code: "CONCENTRATION", points, detail: `the leader led ${percent(share)} of ${led} activities in the last 12 months` });
  }

  if (!bench.some((m) => m.role === MemberRole.DEPUTY)) factors.push({ code: "NO_DEPUTY", points: 10, detail: "no designated deputy" });

  const aged = facts.members.filter((m) => m.birthYear !== null && facts.year - m.birthYear >= 70).length;
  if (facts.members.length > 0 && aged / facts.members.length > 0.6) {
    factors.push({ code: "AGEING", points: 10, detail: `${percent(aged / facts.members.length)} of members are 70 or older` });
  }

  if (!bench.some((m) => facts.certifiedPersonIds.has(m.personId))) {
    factors.push({ code: "UNTRAINED_BENCH", points: 10, detail: "no deputy or backbone member holds an academy certificate" });
  }

  const score = factors.reduce((sum, f) => sum + f.points, 0);
  return { score, level: score >= 60 ? "HIGH" : score >= 30 ? "MEDIUM" : "LOW", factors };
}
