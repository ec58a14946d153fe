import { decisionBreach, eligibilityBreach, FederationFacts, FEDERATION_MEMBERSHIP_MOVES, inAreaSubtree } from "@subgraphs/organizations/federation-membership/federation-membership.rules";
import { HubType, OrgStatus } from "@subgraphs/organizations/directory/directory.enums";
import { FederationMembershipStatus as F } from "@subgraphs/organizations/federation-membership/federation-membership.enums";

const OK: FederationFacts = {
  federationHubType: HubType.FEDERATION,
  federationStatus: OrgStatus.ACTIVE,
  federationName: "蜀山经开区社会组织联合会",
  memberIsFederation: false,
  memberInFederationArea: true,
};

test("area subtree by materialized path", () => {
  expect(inAreaSubtree("340100/340104/340104Z01/340104Z01C01/", "340100/340104/340104Z01/")).toBe(true);
  expect(inAreaSubtree("340100/340104/340104Z01/", "340100/340104/340104Z01/")).toBe(true);
  expect(inAreaSubtree("340100/340111/340111X01/340111X01C01/", "340100/340104/340104Z01/")).toBe(false);
});

test("only a FEDERATION hub of the member's area admits it, and not itself", () => {
  expect(eligibilityBreach(OK)).toBeNull();
  expect(eligibilityBreach({ ...OK, federationHubType: HubType.INCUBATOR })?.kind).toBe("BAD_INPUT");
  expect(eligibilityBreach({ ...OK, federationHubType: null })?.kind).toBe("BAD_INPUT");
  expect(eligibilityBreach({ ...OK, memberIsFederation: true })?.kind).toBe("BAD_INPUT");
  expect(eligibilityBreach({ ...OK, memberInFederationArea: false })).toMatchObject({ kind: "BAD_INPUT", message: expect.stringContaining("outside") });
  expect(eligibilityBreach({ ...OK, federationStatus: OrgStatus.DEREGISTERED })?.kind).toBe("CONFLICT");
  // applying is allowed while the federation is still being prepared
  expect(eligibilityBreach({ ...OK, federationStatus: OrgStatus.PREPARING })).toBeNull();
});

test("decisions follow the status table; LEFT is final", () => {
  for (const from of Object.values(F)) {
    for (const to of Object.values(F)) {
      const breach = decisionBreach(from, to, OK);
      if (FEDERATION_MEMBERSHIP_MOVES[from].includes(to)) expect(breach).toBeNull();
      else expect(breach).toMatchObject({ kind: "CONFLICT", facts: { state: from, allowed: FEDERATION_MEMBERSHIP_MOVES[from] } });
    }
  }
  expect(FEDERATION_MEMBERSHIP_MOVES[F.LEFT]).toEqual([]);
});

test("a PREPARING federation cannot make members ACTIVE, but may turn an application away", () => {
  const preparing = { ...OK, federationStatus: OrgStatus.PREPARING };
  expect(decisionBreach(F.APPLIED, F.ACTIVE, preparing)).toMatchObject({ kind: "CONFLICT", message: expect.stringContaining("PREPARING") });
  expect(decisionBreach(F.APPLIED, F.LEFT, preparing)).toBeNull();
  expect(decisionBreach(F.APPLIED, F.ACTIVE, { ...OK, memberInFederationArea: false })?.kind).toBe("BAD_INPUT");
});
