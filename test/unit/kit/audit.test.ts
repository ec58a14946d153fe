import { OperationDefinitionNode, parse } from "graphql";
import { auditEntries, clientOperationName, MAX_TARGET_IDS, MutationOutcome, rootFieldsOf, targetIdsOf } from "@kit/audit/audit.record";
import { ANONYMOUS_CLAIMS, toViewer } from "@platform/identity";

const AT = new Date("2022-03-12T01:00:00Z");

function fieldsOf(source: string) {
  const document = parse(source);
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition")!;
  const fragments = Object.fromEntries(document.definitions.flatMap((d) => (d.kind === "FragmentDefinition" ? [[d.name.value, d]] : [])));
  return rootFieldsOf(operation.selectionSet, fragments);
}

test("root fields: aliases are the response keys, fragments count, __typename does not", () => {
  expect(fieldsOf(`mutation { a: cancelBooking(id: "bkg_x", reason: "r") { id } __typename ...More ... on Mutation { checkInBooking(id: "bkg_y") { id } } }
    fragment More on Mutation { recordNoShow(id: "bkg_z") { id } }`)).toEqual([
    { key: "a", field: "cancelBooking" },
    { key: "recordNoShow", field: "recordNoShow" },
    { key: "checkInBooking", field: "checkInBooking" },
  ]);
});

test("target ids: hub ids in id-named arguments at any depth and the result's ids; free text never, whatever its key", () => {
  const args = {
    input: { roomId: "room_zx_hall", organizationId: "org_lezhulin", title: "org_lezhulin 王某英 139-0551-7788", equipment: [{ type: "SOUND_SYSTEM", id: "eqp_1" }] },
    personIds: ["per_a", "王某英", "139-0551-7788"],
    id: "not an id: 王某英",
  };
  const result = { booking: { id: "bkg_new", organizationId: "org_other" }, conflicts: [{ reason: "OVERLAP", bookingId: "bkg_clash" }] };
  expect(targetIdsOf({ args, result }).sort()).toEqual(["bkg_new", "eqp_1", "org_lezhulin", "per_a", "room_zx_hall"].sort());
  expect(targetIdsOf({ args: { id: "bkg_x" }, result: { id: "bkg_x", roomId: "room_y" } })).toEqual(["bkg_x"]);
  expect(targetIdsOf({ args: {}, result: true })).toEqual([]);
});

test("target ids are capped, so a long series stays one modest row", () => {
  const bookings = Array.from({ length: 80 }, (_, i) => ({ id: `bkg_series_${i}` }));
  expect(targetIdsOf({ args: {}, result: { bookings } })).toHaveLength(MAX_TARGET_IDS);
});

test("the gateway's fetch suffix is taken off the operation name, and only this subgraph's", () => {
  expect(clientOperationName("BookBirthdayParty__venues__0", "venues")).toBe("BookBirthdayParty");
  expect(clientOperationName("My__venues__Op", "venues")).toBe("My__venues__Op");
  expect(clientOperationName("Book__venues__1", "organizations")).toBe("Book__venues__1");
  expect(clientOperationName(undefined, "venues")).toBeNull();
});

describe("entries of one mutation request", () => {
  const base = (over: Partial<MutationOutcome>): MutationOutcome => ({
    subgraph: "venues",
    viewer: toViewer({ ...ANONYMOUS_CLAIMS, personId: "per_a", roles: ["ORG_LEADER"] }),
    requestId: "req-1",
    operationName: "Two__venues__0",
    fields: [
      { key: "first", field: "cancelBooking" },
      { key: "second", field: "checkInBooking" },
    ],
    resolved: new Map(),
    errors: [],
    at: AT,
    ...over,
  });

  test("each root field gets its own outcome: its own error's code, else OK (an error deeper in its result is not its outcome)", () => {
    const entries = auditEntries(
      base({
        resolved: new Map([
          ["first", { args: { id: "bkg_a" }, result: undefined }],
          ["second", { args: { id: "bkg_b" }, result: { id: "bkg_b" } }],
        ]),
        errors: [
          { message: "no", path: ["first"], extensions: { code: "FORBIDDEN" } },
          { message: "masked", path: ["second", "organization"], extensions: { code: "FORBIDDEN" } },
        ],
      }),
    );
    expect(entries.map(({ field, targetIds, outcome, operationName, personId, roles, at }) => ({ field, targetIds, outcome, operationName, personId, roles, at }))).toEqual([
      { field: "cancelBooking", targetIds: ["bkg_a"], outcome: "FORBIDDEN", operationName: "Two", personId: "per_a", roles: ["ORG_LEADER"], at: AT },
      { field: "checkInBooking", targetIds: ["bkg_b"], outcome: "OK", operationName: "Two", personId: "per_a", roles: ["ORG_LEADER"], at: AT },
    ]);
    expect(entries[0].id).toMatch(/^aud_[0-9A-Z]{26}$/);
  });

  test("a request refused before any field ran gives every field that code; a field that never ran otherwise leaves nothing", () => {
    const refused = auditEntries(base({ errors: [{ message: "Variable $id of required type ID! was not provided.", extensions: { code: "BAD_USER_INPUT" } }] }));
    expect(refused.map((e) => [e.field, e.outcome, e.targetIds])).toEqual([
      ["cancelBooking", "BAD_USER_INPUT", []],
      ["checkInBooking", "BAD_USER_INPUT", []],
    ]);
    const stopped = auditEntries(
      base({ resolved: new Map([["first", { args: { id: "bkg_a" }, result: undefined }]]), errors: [{ message: "boom", path: ["first"], extensions: { code: "INTERNAL_SERVER_ERROR" } }] }),
    );
    expect(stopped.map((e) => [e.field, e.outcome])).toEqual([["cancelBooking", "INTERNAL_SERVER_ERROR"]]);
  });

  test("a code outside the hub's set counts as an internal error; over-long claims are cut to the columns", () => {
    const [entry] = auditEntries(
      base({
        viewer: toViewer({ ...ANONYMOUS_CLAIMS, personId: `per_${"x".repeat(60)}`, service: "s".repeat(60) }),
        fields: [{ key: "first", field: "cancelBooking" }],
        resolved: new Map([["first", { args: {}, result: undefined }]]),
        errors: [{ message: "odd", path: ["first"], extensions: { code: "SOMETHING_ELSE" } }],
      }),
    );
    expect(entry.outcome).toBe("INTERNAL_SERVER_ERROR");
    expect([entry.personId!.length, entry.service!.length]).toEqual([40, 40]);
  });
});
