import { decisionProblem, eligibilityProblem, FederationFacts, FEDERATION_MEMBERSHIP_MOVES, inAreaSubtree } from "@subgraphs/organizations/federation-membership/federation-membership.rules";
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
  expect(eligibilityProblem(OK)).toBeNull();
  expect(eligibilityProblem({ ...OK, federationHubType: HubType.INCUBATOR })?.code).toBe("BAD_USER_INPUT");
  expect(eligibilityProblem({ ...OK, federationHubType: null })?.code).toBe("BAD_USER_INPUT");
  expect(eligibilityProblem({ ...OK, memberIsFederation: true })?.code).toBe("BAD_USER_INPUT");
  expect(eligibilityProblem({ ...OK, memberInFederationArea: false })).toMatchObject({ code: "BAD_USER_INPUT", message: expect.stringContaining("outside") });
  expect(eligibilityProblem({ ...OK, federationStatus: OrgStatus.DEREGISTERED })?.code).toBe("CONFLICT");
  // applying is allowed while the federation is still being prepared
  expect(eligibilityProblem({ ...OK, federationStatus: OrgStatus.PREPARING })).toBeNull();
});

test("decisions follow the status table; LEFT is final", () => {
  for (const from of Object.values(F)) {
    for (const to of Object.values(F)) {
      const breach = decisionProblem(from, to, OK);
      if (FEDERATION_MEMBERSHIP_MOVES[from].includes(to)) expect(breach).toBeNull();
      else expect(breach).toMatchObject({ code: "CONFLICT", facts: { state: from, allowed: FEDERATION_MEMBERSHIP_MOVES[from] } });
    }
  }
  expect(FEDERATION_MEMBERSHIP_MOVES[F.LEFT]).toEqual([]);
});

test("a PREPARING federation cannot make members ACTIVE, but may turn an application away", () => {
  const preparing = { ...OK, federationStatus: OrgStatus.PREPARING };
  expect(decisionProblem(F.APPLIED, F.ACTIVE, preparing)).toMatchObject({ code: "CONFLICT", message: expect.stringContaining("PREPARING") });
  expect(decisionProblem(F.APPLIED, F.LEFT, preparing)).toBeNull();
  expect(decisionProblem(F.APPLIED, F.ACTIVE, { ...OK, memberInFederationArea: false })?.code).toBe("BAD_USER_INPUT");
});
