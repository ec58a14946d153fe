import { readFileSync } from "node:fs";
import { Kind, OperationDefinitionNode, parse, validate } from "graphql";
import { apiSchemaOf, PARTNER_OPERATIONS, SUPERGRAPH } from "../../codegen";

// The generated types themselves are checked by `npm run codegen:check` (part of npm test).
test("the partner page sends only fixed, named queries that the supergraph's client API validates", () => {
  const document = parse(readFileSync(PARTNER_OPERATIONS, "utf8"));
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  expect(operations.map((o) => [o.operation, o.name?.value])).toEqual([
    ["query", "PartnerCommunities"],
    ["query", "PartnerDirectory"],
    ["query", "PartnerDayBoard"],
  ]);
  expect(validate(apiSchemaOf(SUPERGRAPH), document).map((e) => e.message)).toEqual([]);
});
