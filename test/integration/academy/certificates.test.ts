import { academySubgraph } from "@subgraphs/academy/subgraph";
import { AcademyLevel } from "@subgraphs/academy/academies";
import { Certificate } from "@subgraphs/academy/certificates";
import { CourseTopic } from "@subgraphs/academy/courses";
import { Enrollment, EnrollmentStatus } from "@subgraphs/academy/enrollment";
import { Claims } from "@platform/identity";
import { RunningSubgraph } from "@kit/server";
import { countStatements, signedRequest, startTestSubgraph } from "@kit/testing";
import { expectNoGrowth } from "@test/support/statements";
import { addTestAcademy, addTestCourse, addTestOffering, enrollmentRow, leaderOf, PARTNER, person, staffOf } from "./fixtures";

let subgraph: RunningSubgraph;

// Academies and courses of the test's own: a township school's 8-hour backbone course (with a spring offering) and
// its district academy's 6-hour project-design course.
const TOWN = "acad_t_cert_town";
const DISTRICT = "acad_t_cert_district";
const BACKBONE = "crs_t_cert_backbone";
const PDME = "crs_t_cert_pdme";
const SPRING = "off_t_cert_spring";

beforeAll(async () => {
  subgraph = await startTestSubgraph(academySubgraph, { seed: true });
  await addTestAcademy(subgraph.db, "cert_district", { name: "测试区社区治理学院", level: AcademyLevel.DISTRICT, areaCode: "349901" });
  await addTestAcademy(subgraph.db, "cert_town", { name: "测试街道社区治理学校", parentId: DISTRICT });
  await addTestCourse(subgraph.db, "cert_backbone", { academyId: TOWN, title: "骨干培养与团队传承", topic: CourseTopic.BACKBONE_SUCCESSION, totalMinutes: 480 });
  await addTestCourse(subgraph.db, "cert_pdme", { academyId: DISTRICT, title: "公益创投项目设计、管理与评估", topic: CourseTopic.PROJECT_DESIGN_MGMT_EVAL, totalMinutes: 360 });
  await addTestOffering(subgraph.db, "cert_spring", { courseId: BACKBONE });
});
afterAll(() => subgraph?.stop());

const query = (q: string, variables: Record<string, unknown> = {}, claims: Partial<Claims> = {}) =>
  signedRequest(subgraph.url, q, variables, claims).then((r) => r.body);

const HOLDER = person("per_cert_a");
const LEADER = leaderOf("org_cert_x");
const STAFF = staffOf(TOWN);
const DISTRICT_STAFF = staffOf(DISTRICT); // reads the township school's records too (child academies)
/** The holder as a member of the organization they enrolled for: members read their own enrollments. */
const HOLDER_MEMBER: Partial<Claims> = { personId: "per_cert_a", roles: ["ORG_MEMBER"], orgIds: ["org_cert_x"] };

let serial = 0;
/** A certificate with unique id and number; the rest defaults to the township school's backbone course. */
function certificate(id: string, fields: Partial<Certificate>): Certificate {
  serial += 1;
  return {
    id, certificateNo: `HFSQ-2022-${String(serial).padStart(6, "0")}`, verifyCode: `V${String(serial).padStart(5, "0")}`,
    personId: "per_cert_a", courseId: BACKBONE, issuedByAcademyId: TOWN, enrollmentId: null, organizationId: null,
    issuedAt: new Date("2022-04-20T10:00:00.123+08:00"), minutes: 480, revoked: false, ...fields,
  };
}

/** A completed seat in the spring offering (`enr_t_<key>`). */
function enrollment(key: string, personId: string, organizationId: string): Enrollment {
  return enrollmentRow(key, { offeringId: SPRING, personId, organizationId, status: EnrollmentStatus.COMPLETED, attendedMinutes: 480 });
}

const entities = (reps: { __typename: string; id: string }[], selection: string, claims: Partial<Claims> = {}) =>
  query(`query($reps: [_Any!]!) { _entities(representations: $reps) { ${selection} } }`, { reps }, claims);

const PERSON_CERTIFICATES = `... on Person { id certificates { id certificateNo person { id } course { id title } issuedBy { id name } issuedAt minutes verifyCode revoked } }`;

describe("the demo data (end of 2021) holds no certificates", () => {
  test("demo: people, enrollments and organizations show none", async () => {
    const body = await entities(
      [
        { __typename: "Person", id: "per_lzl_deputy" },
        { __typename: "Enrollment", id: "enr_bs_lzl_deputy" },
        { __typename: "Organization", id: "org_lezhulin" },
      ],
      `... on Person { id certificates { id } } ... on Enrollment { id certificate { id } } ... on Organization { id certifiedMemberCount }`,
      { personId: "per_lzl_deputy", roles: ["ORG_MEMBER"], orgIds: ["org_lezhulin"] },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      { id: "per_lzl_deputy", certificates: [] },
      { id: "enr_bs_lzl_deputy", certificate: null },
      { id: "org_lezhulin", certifiedMemberCount: 0 },
    ]);
  });
});

describe("with certificates", () => {
  beforeAll(async () => {
    await subgraph.db.getRepository(Enrollment).insert([
      enrollment("cert_a", "per_cert_a", "org_cert_x"),
      enrollment("cert_b", "per_cert_b", "org_cert_x"),
      enrollment("cert_c", "per_cert_c", "org_cert_x"),
      enrollment("cert_none", "per_cert_d", "org_cert_x"),
    ]);
    await subgraph.db.getRepository(Certificate).insert([
      // per_cert_a: the backbone course for org_cert_x, and the project-design course earlier for org_cert_y
      certificate("cert_t_a1", { personId: "per_cert_a", enrollmentId: "enr_t_cert_a", organizationId: "org_cert_x", verifyCode: "A1CODE" }),
      certificate("cert_t_a0", {
        personId: "per_cert_a", courseId: PDME, issuedByAcademyId: DISTRICT, organizationId: "org_cert_y",
        issuedAt: new Date("2021-11-30T15:00:00+08:00"), minutes: 360, verifyCode: "A0CODE",
      }),
      // per_cert_b: a revoked certificate and its reissue for the same enrollment
      certificate("cert_t_b1", { personId: "per_cert_b", enrollmentId: "enr_t_cert_b", organizationId: "org_cert_x", revoked: true }),
      certificate("cert_t_b2", { personId: "per_cert_b", enrollmentId: "enr_t_cert_b", organizationId: "org_cert_x", issuedAt: new Date("2022-05-01T09:00:00+08:00") }),
      // per_cert_c: revoked only, so not counted as certified
      certificate("cert_t_c1", { personId: "per_cert_c", enrollmentId: "enr_t_cert_c", organizationId: "org_cert_x", revoked: true }),
      // per_cert_e: no organization on record
      certificate("cert_t_e1", { personId: "per_cert_e", organizationId: null }),
    ]);
  });

  test("the holder reads their own certificates in full, oldest first", async () => {
    const body = await entities([{ __typename: "Person", id: "per_cert_a" }], PERSON_CERTIFICATES, HOLDER);
    expect(body.errors).toBeUndefined();
    const [a0, a1] = body.data._entities[0].certificates;
    expect(a0).toEqual({
      id: "cert_t_a0", certificateNo: expect.stringMatching(/^HFSQ-2022-\d{6}$/), person: { id: "per_cert_a" },
      course: { id: PDME, title: "公益创投项目设计、管理与评估" }, issuedBy: { id: DISTRICT, name: "测试区社区治理学院" },
      issuedAt: "2021-11-30T15:00:00.000+08:00", minutes: 360, verifyCode: "A0CODE", revoked: false,
    });
    expect(a1).toMatchObject({
      id: "cert_t_a1", course: { id: BACKBONE, title: "骨干培养与团队传承" }, issuedBy: { id: TOWN, name: "测试街道社区治理学校" },
      issuedAt: "2022-04-20T10:00:00.123+08:00", minutes: 480, verifyCode: "A1CODE", revoked: false,
    });
    expect(body.data._entities[0].certificates).toHaveLength(2);
  });

  test("leaders read the certificates taken for their organization, code masked; academy staff those of their academy and below, code clear; other holders none", async () => {
    const reps = [{ __typename: "Person", id: "per_cert_a" }, { __typename: "Person", id: "per_cert_b" }];
    const selection = `... on Person { id certificates { id verifyCode revoked } }`;
    const byLeader = await entities(reps, selection, LEADER);
    expect(byLeader.errors).toBeUndefined();
    expect(byLeader.data._entities).toEqual([
      // cert_t_a0 was taken for org_cert_y: not this leader's
      { id: "per_cert_a", certificates: [{ id: "cert_t_a1", verifyCode: "******", revoked: false }] },
      { id: "per_cert_b", certificates: [{ id: "cert_t_b1", verifyCode: "******", revoked: true }, { id: "cert_t_b2", verifyCode: "******", revoked: false }] },
    ]);
    const byStaff = await entities(reps, selection, STAFF);
    // the township school's staff do not read what the district academy above it issued
    expect(byStaff.data._entities[0].certificates.map((c: { verifyCode: string }) => c.verifyCode)).toEqual(["A1CODE"]);
    const byDistrict = await entities(reps, selection, DISTRICT_STAFF);
    expect(byDistrict.data._entities[0].certificates.map((c: { verifyCode: string }) => c.verifyCode)).toEqual(["A0CODE", "A1CODE"]);
    expect((await entities(reps, selection, staffOf("acad_t_cert_elsewhere"))).data._entities.map((e: { certificates: unknown[] }) => e.certificates)).toEqual([[], []]);
    // the holder of one certificate does not read another person's
    const byHolder = await entities(reps, selection, HOLDER);
    expect(byHolder.data._entities[1].certificates).toEqual([]);
  });

  test.each([
    ["a token with only a person", { personId: "per_someone" }],
    ["a venue admin", { personId: "per_va", roles: ["VENUE_ADMIN"], facilityIds: ["fac_cert"] }],
    ["a reviewer", { personId: "per_rv", roles: ["REVIEWER"], applicationIds: ["app_cert"] }],
    ["a programme officer", { personId: "per_po", roles: ["PROGRAM_OFFICER"], programIds: ["prg_cert"] }],
  ] as [string, Partial<Claims>][])("%s reads no one else's certificate on any path", async (_who, claims) => {
    const body = await entities(
      [
        { __typename: "Person", id: "per_cert_a" },
        { __typename: "Enrollment", id: "enr_t_cert_a" },
        { __typename: "Certificate", id: "cert_t_a1" },
      ],
      `... on Person { id certificates { id } } ... on Enrollment { id certificate { id } } ... on Certificate { id }`,
      claims,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([{ id: "per_cert_a", certificates: [] }, null, null]);
  });

  test.each([
    ["anonymous callers", {}],
    ["partners", PARTNER],
  ])("%s get no certificates on any path", async (_who, claims) => {
    const body = await entities(
      [
        { __typename: "Person", id: "per_cert_a" },
        { __typename: "Enrollment", id: "enr_t_cert_a" },
        { __typename: "Certificate", id: "cert_t_a1" },
      ],
      `... on Person { id certificates { id } } ... on Enrollment { id certificate { id } } ... on Certificate { id }`,
      claims,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([{ id: "per_cert_a", certificates: [] }, null, null]);
  });

  test("Person representations: unknown people have none; other kinds of id are null", async () => {
    const body = await entities(
      [
        { __typename: "Person", id: "per_nobody" },
        { __typename: "Person", id: "org_cert_x" },
        { __typename: "Person", id: "not an id" },
      ],
      `... on Person { id certificates { id } }`,
      STAFF,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([{ id: "per_nobody", certificates: [] }, null, null]);
  });

  test("Certificate resolves through _entities for signed-in callers; unknown and wrong-kind ids are null", async () => {
    const body = await entities(
      [
        { __typename: "Certificate", id: "cert_t_b2" },
        { __typename: "Certificate", id: "cert_nope" },
        { __typename: "Certificate", id: "enr_t_cert_b" },
      ],
      `... on Certificate { id person { id } course { id } issuedBy { id } verifyCode revoked }`,
      { personId: "per_cert_b" },
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities).toEqual([
      { id: "cert_t_b2", person: { id: "per_cert_b" }, course: { id: BACKBONE }, issuedBy: { id: TOWN }, verifyCode: expect.stringMatching(/^V\d{5}$/), revoked: false },
      null,
      null,
    ]);
  });

  test("Enrollment.certificate: the valid certificate of a reissue, a revoked one, or none", async () => {
    const body = await entities(
      [{ __typename: "Organization", id: "org_cert_x" }],
      `... on Organization { id enrollments { id person { id } certificate { id person { id } revoked verifyCode } } }`,
      LEADER,
    );
    expect(body.errors).toBeUndefined();
    expect(body.data._entities[0].enrollments).toEqual([
      { id: "enr_t_cert_a", person: { id: "per_cert_a" }, certificate: { id: "cert_t_a1", person: { id: "per_cert_a" }, revoked: false, verifyCode: "******" } },
      { id: "enr_t_cert_b", person: { id: "per_cert_b" }, certificate: { id: "cert_t_b2", person: { id: "per_cert_b" }, revoked: false, verifyCode: "******" } },
      { id: "enr_t_cert_c", person: { id: "per_cert_c" }, certificate: { id: "cert_t_c1", person: { id: "per_cert_c" }, revoked: true, verifyCode: "******" } },
      { id: "enr_t_cert_none", person: { id: "per_cert_d" }, certificate: null },
    ]);
    const own = await entities([{ __typename: "Enrollment", id: "enr_t_cert_a" }], `... on Enrollment { certificate { certificateNo verifyCode minutes } }`, HOLDER_MEMBER);
    expect(own.data._entities[0].certificate).toEqual({ certificateNo: expect.stringMatching(/^HFSQ-2022-/), verifyCode: "A1CODE", minutes: 480 });
  });

  test("Organization.certifiedMemberCount counts distinct people with a valid certificate taken for it, for anyone", async () => {
    const reps = ["org_cert_x", "org_cert_y", "org_cert_none", "per_cert_a"].map((id) => ({ __typename: "Organization", id }));
    for (const claims of [{}, PARTNER, LEADER]) {
      const body = await entities(reps, `... on Organization { id certifiedMemberCount }`, claims);
      expect(body.errors).toBeUndefined();
      // org_cert_x: per_cert_a and per_cert_b (whose revoked certificate is reissued); per_cert_c holds only a revoked one
      expect(body.data._entities).toEqual([
        { id: "org_cert_x", certifiedMemberCount: 2 },
        { id: "org_cert_y", certifiedMemberCount: 1 },
        { id: "org_cert_none", certifiedMemberCount: 0 },
        null,
      ]);
    }
  });

  test("anyone verifies a paper certificate by its number and code; a wrong code is null; the code stays masked", async () => {
    const [a1] = await subgraph.db.getRepository(Certificate).findBy({ id: "cert_t_a1" });
    const VERIFY = `query($no: String!, $code: String!) { verifyCertificate(certificateNo: $no, verifyCode: $code) { id certificateNo person { id } course { title } issuedBy { name } minutes revoked verifyCode } }`;
    for (const claims of [{}, PARTNER]) {
      const body = await query(VERIFY, { no: a1.certificateNo, code: "A1CODE" }, claims);
      expect(body.errors).toBeUndefined();
      expect(body.data.verifyCertificate).toEqual({
        id: "cert_t_a1", certificateNo: a1.certificateNo, person: { id: "per_cert_a" }, course: { title: "骨干培养与团队传承" },
        issuedBy: { name: "测试街道社区治理学校" }, minutes: 480, revoked: false, verifyCode: "******",
      });
    }
    expect((await query(VERIFY, { no: a1.certificateNo, code: "A1CODX" })).data.verifyCertificate).toBeNull();
    expect((await query(VERIFY, { no: a1.certificateNo, code: "A1COD" })).data.verifyCertificate).toBeNull();
    expect((await query(VERIFY, { no: "HFSQ-0000-000000", code: "A1CODE" })).data.verifyCertificate).toBeNull();
    const bad = await query(VERIFY, { no: a1.certificateNo, code: "x".repeat(21) });
    expect(bad.errors?.[0].extensions?.code).toBe("BAD_USER_INPUT");
    expect(bad.errors?.[0].message).toMatch(/^verifyCode: /);
  });

  test("certificate numbers are unique", async () => {
    const [existing] = await subgraph.db.getRepository(Certificate).findBy({ id: "cert_t_a1" });
    await expect(subgraph.db.getRepository(Certificate).insert(certificate("cert_t_dup", { certificateNo: existing.certificateNo }))).rejects.toThrow();
  });
});

describe("batching: 50 parents cost the same SQL statements as 5", () => {
  const N = 50;
  const pad = (i: number) => String(i).padStart(2, "0");
  const personIds = Array.from({ length: N }, (_, i) => `per_batch_${pad(i)}`);
  const orgIds = Array.from({ length: N }, (_, i) => `org_batch_${pad(i)}`);

  beforeAll(async () => {
    await subgraph.db.getRepository(Enrollment).insert(personIds.map((p, i) => enrollment(`batch_${pad(i)}`, p, orgIds[i])));
    await subgraph.db.getRepository(Certificate).insert(
      personIds.flatMap((p, i) => [
        certificate(`cert_batch_${pad(i)}_a`, { personId: p, enrollmentId: `enr_t_batch_${pad(i)}`, organizationId: orgIds[i] }),
        certificate(`cert_batch_${pad(i)}_b`, { personId: p, courseId: PDME, issuedByAcademyId: DISTRICT, organizationId: orgIds[i], issuedAt: new Date("2021-12-01T10:00:00+08:00") }),
      ]),
    );
  });

  const cases: [string, string, string[], (entity: any) => void][] = [
    [
      "Person.certificates",
      `... on Person { id certificates { id person { id } course { id title } issuedBy { id name } verifyCode } }`,
      personIds,
      (e) => {
        expect(e.certificates.map((c: { course: { id: string } }) => c.course.id)).toEqual([PDME, BACKBONE]);
        expect(e.certificates[0].issuedBy).toEqual({ id: DISTRICT, name: "测试区社区治理学院" });
      },
    ],
    [
      "Enrollment.certificate",
      `... on Organization { id enrollments { id certificate { id course { id } issuedBy { id } } } }`,
      orgIds,
      (e) => expect(e.enrollments).toEqual([{ id: expect.stringMatching(/^enr_t_batch_/), certificate: { id: expect.stringMatching(/_a$/), course: { id: BACKBONE }, issuedBy: { id: TOWN } } }]),
    ],
    ["Organization.certifiedMemberCount", `... on Organization { id certifiedMemberCount }`, orgIds, (e) => expect(e.certifiedMemberCount).toBe(1)],
  ];

  test.each(cases)("%s", async (_field, selection, ids, check) => {
    const typename = ids[0].startsWith("per_") ? "Person" : "Organization";
    const run = async (some: string[]) => {
      let body: Awaited<ReturnType<typeof query>> = {};
      const statements = await countStatements(subgraph.db, async () => {
        body = await entities(some.map((id) => ({ __typename: typename, id })), selection, DISTRICT_STAFF);
      });
      expect(body.errors).toBeUndefined();
      expect(body.data._entities).toHaveLength(some.length);
      body.data._entities.forEach(check);
      return statements;
    };
    const few = await run(ids.slice(0, 5));
    const many = await run(ids);
    expectNoGrowth(few, many);
    expect(many).toBeLessThanOrEqual(6); // Enrollment.certificate: enrollments, offerings, courses, two academy levels, certificates
  });
});
