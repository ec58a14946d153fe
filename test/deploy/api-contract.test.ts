import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { Supergraph } from "@apollo/federation-internals";
import { buildSchema, GraphQLArgument, GraphQLSchema, isEnumType, isInputObjectType, isObjectType } from "graphql";

// The client-facing contract front-ends are written against (../shared/domain/composed-api.graphql, kept in
// test/contract/ so a clone without ../shared still checks it): wherever the composed API and the contract both
// have a type, field, argument or enum, they must agree.
const root = join(__dirname, "..", "..");
const sharedContract = join(root, "..", "shared", "domain", "composed-api.graphql");
const keptContract = readFileSync(join(root, "test", "contract", "composed-api.graphql"), "utf8");
const api = Supergraph.build(readFileSync(join(root, "schema", "supergraph.graphql"), "utf8")).apiSchema().toGraphQLJSSchema();
const contract = buildSchema(keptContract);

function differences(ours: GraphQLSchema, theirs: GraphQLSchema): string[] {
  const found: string[] = [];
  for (const [name, type] of Object.entries(ours.getTypeMap())) {
    const other = theirs.getType(name);
    if (name.startsWith("__") || !other) continue;
    if (type.constructor !== other.constructor) found.push(`${name}: is a ${type.constructor.name}, the contract has a ${other.constructor.name}`);
    else if (isEnumType(type) && isEnumType(other)) {
      const [a, b] = [type.getValues().map((v) => v.name).join(" "), other.getValues().map((v) => v.name).join(" ")];
      if (a !== b) found.push(`enum ${name}: ${a} ≠ contract ${b}`);
    } else if ((isObjectType(type) && isObjectType(other)) || (isInputObjectType(type) && isInputObjectType(other))) {
      const otherFields = other.getFields();
      for (const [fieldName, field] of Object.entries(type.getFields())) {
        const otherField = otherFields[fieldName];
        if (!otherField) continue;
        if (String(field.type) !== String(otherField.type)) found.push(`${name}.${fieldName}: ${field.type} ≠ contract ${otherField.type}`);
        const args: readonly GraphQLArgument[] = "args" in field ? field.args : [];
        const otherArgs: readonly GraphQLArgument[] = "args" in otherField ? otherField.args : [];
        for (const arg of args) {
          const otherArg = otherArgs.find((a) => a.name === arg.name);
          if (otherArg && String(arg.type) !== String(otherArg.type)) found.push(`${name}.${fieldName}(${arg.name}): ${arg.type} ≠ contract ${otherArg.type}`);
        }
        for (const otherArg of otherArgs) {
          if (!args.some((a) => a.name === otherArg.name)) found.push(`${name}.${fieldName}: lacks the contract's argument ${otherArg.name}`);
        }
      }
    }
  }
  return found;
}

test("every type, field, argument and enum the hub shares with the client contract matches it", () => {
  expect(differences(api, contract)).toEqual([]);
});

const besideShared = existsSync(sharedContract) ? test : test.skip;
besideShared("the kept copies of the contract and its operations are the ones in ../shared (copy them over when they change)", () => {
  expect(keptContract).toBe(readFileSync(sharedContract, "utf8"));
  const operations = (dir: string) => readFileSync(join(dir, "operations.graphql"), "utf8");
  expect(operations(join(root, "test", "contract"))).toBe(operations(join(root, "..", "shared", "domain")));
});
