import { readFileSync } from "node:fs";
import { join } from "node:path";
import { buildSchema, GraphQLObjectType } from "graphql";
import { academySubgraph } from "@subgraphs/academy/subgraph";
import { currentCertificate, MASKED_VERIFY_CODE } from "@subgraphs/academy/certificates/certificate.rules";
import { seesCertificate, verifyCodeFor } from "@subgraphs/academy/certificates/certificate.policy";
import { ANONYMOUS_CLAIMS, Claims, toViewer } from "@platform/identity";
import { buildFederatedSchema } from "@kit/schema";

const viewer = (claims: Partial<Claims>) => toViewer({ ...ANONYMOUS_CLAIMS, ...claims });

describe("who reads certificates (DOMAIN §9.2)", () => {
  const certificate = { personId: "per_holder", verifyCode: "K7Q2M9" };

  const held = { personId: "per_holder", organizationId: "org_club" };
  const LINE = ["acad_town", "acad_district", "acad_city"]; // the issuing academy and those above it

  test("anonymous and partner callers see none; a token with only a person or a venue admin sees only their own", () => {
    expect(seesCertificate(viewer({}), held, LINE)).toBe(false);
    expect(seesCertificate(viewer({ roles: ["PARTNER"] }), held, LINE)).toBe(false);
    expect(seesCertificate(viewer({ personId: "per_someone" }), held, LINE)).toBe(false);
    expect(seesCertificate(viewer({ personId: "per_va", roles: ["VENUE_ADMIN"], facilityIds: ["fac_x"] }), held, LINE)).toBe(false);
    expect(seesCertificate(viewer({ personId: "per_holder" }), held, LINE)).toBe(true);
  });

  test("leaders and supervisors of the organization, academy staff of the issuer or above it, and the federation admin read it", () => {
    expect(seesCertificate(viewer({ personId: "per_ol", roles: ["ORG_LEADER"], orgIds: ["org_club"] }), held, LINE)).toBe(true);
    expect(seesCertificate(viewer({ personId: "per_ol", roles: ["ORG_LEADER"], orgIds: ["org_other"] }), held, LINE)).toBe(false);
    expect(seesCertificate(viewer({ personId: "per_sup", roles: ["SUPERVISOR"], orgIds: ["org_club"] }), held, LINE)).toBe(true);
    expect(seesCertificate(viewer({ personId: "per_sup", roles: ["SUPERVISOR"], orgIds: [] }), held, LINE)).toBe(false);
    expect(seesCertificate(viewer({ personId: "per_ac", roles: ["ACADEMY_STAFF"], academyIds: ["acad_city"] }), held, LINE)).toBe(true);
    expect(seesCertificate(viewer({ personId: "per_ac", roles: ["ACADEMY_STAFF"], academyIds: ["acad_elsewhere"] }), held, LINE)).toBe(false);
    expect(seesCertificate(viewer({ personId: "per_fa", roles: ["FEDERATION_ADMIN"] }), held, LINE)).toBe(true);
    expect(seesCertificate(viewer({ personId: "per_rv", roles: ["REVIEWER"], applicationIds: ["app_x"] }), held, LINE)).toBe(false);
    expect(seesCertificate(viewer({ personId: "per_po", roles: ["PROGRAM_OFFICER"], programIds: ["prg_x"] }), held, LINE)).toBe(false);
  });

  test("the verify code is clear for the holder and academy staff only", () => {
    expect(verifyCodeFor(viewer({ personId: "per_holder" }), certificate)).toBe("K7Q2M9");
    expect(verifyCodeFor(viewer({ personId: "per_staff", roles: ["ACADEMY_STAFF"] }), certificate)).toBe("K7Q2M9");
    expect(verifyCodeFor(viewer({ personId: "per_other", roles: ["ORG_LEADER"] }), certificate)).toBe(MASKED_VERIFY_CODE);
    expect(verifyCodeFor(viewer({ roles: ["FEDERATION_ADMIN"] }), certificate)).toBe("******");
    expect(verifyCodeFor(viewer({}), certificate)).toBe("******");
  });
});

describe("the certificate of an enrollment", () => {
  const cert = (id: string, day: string, revoked = false) => ({ id, issuedAt: new Date(`${day}T10:00:00+08:00`), revoked });

  test("none without certificates", () => {
    expect(currentCertificate([])).toBeNull();
  });

  test("a valid certificate wins over a later revoked one; among equals the latest issued", () => {
    expect(currentCertificate([cert("cert_a", "2022-05-01"), cert("cert_b", "2022-06-01", true)])?.id).toBe("cert_a");
    expect(currentCertificate([cert("cert_b", "2022-06-01", true), cert("cert_c", "2022-05-01", true)])?.id).toBe("cert_b");
    expect(currentCertificate([cert("cert_d", "2022-05-01"), cert("cert_e", "2022-07-01")])?.id).toBe("cert_e");
  });
});

test("the certificate fields match the client contract", async () => {
  const contract = buildSchema(readFileSync(join(__dirname, "..", "..", "contract", "composed-api.graphql"), "utf8"));
  const { schema } = await buildFederatedSchema(academySubgraph.definition);
  const signature = (s: typeof schema, type: string, field: string) => {
    const f = (s.getType(type) as GraphQLObjectType).getFields()[field];
    return f ? `${f.type}(${f.args.map((a) => `${a.name}: ${a.type}`).sort().join(", ")})` : "missing";
  };
  const fields: [string, string][] = [
    ...Object.keys((contract.getType("Certificate") as GraphQLObjectType).getFields()).map((f): [string, string] => ["Certificate", f]),
    ["Person", "certificates"], ["Enrollment", "certificate"], ["Organization", "certifiedMemberCount"],
  ];
  for (const [type, field] of fields) expect(`${type}.${field}: ${signature(schema, type, field)}`).toBe(`${type}.${field}: ${signature(contract, type, field)}`);
});
