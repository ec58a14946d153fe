import { Kind, OperationDefinitionNode, parse } from "graphql";

/** How the explorer presets one operation: the dev token role to run it as, and its DOMAIN §12 variables. */
export interface OperationExample {
  role: string;
  variables: Record<string, unknown>;
}

/** A GraphiQL tab (`defaultTabs`). */
export interface ExplorerTab {
  query: string;
  variables: string;
}

/** The comment lines right above `offset` (an operation's heading in operations.graphql). */
function headingAbove(text: string, offset: number): string[] {
  const lines = text.slice(0, offset).split("\n");
  lines.pop(); // the operation's own line, up to its keyword
  const heading: string[] = [];
  while (lines.length && lines[lines.length - 1].trimStart().startsWith("#")) heading.unshift(lines.pop()!.trim());
  return heading;
}

function runAsHint(role: string): string {
  return role === "anonymous" ? "# Run it anonymously (dev token: anonymous): the public, masked view." : `# Run it as ${role}: pick ${role} in the dev token menu above.`;
}

/**
 * One tab per operation of operations.graphql, in file order: its heading comment, which dev token to run it
 * with, the operation as written, and its example variables. Throws for an operation without an example.
 */
export function explorerTabs(operationsText: string, examples: Record<string, OperationExample>): ExplorerTab[] {
  const operations = parse(operationsText).definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  return operations.map((operation) => {
    const name = operation.name?.value ?? "";
    const example = examples[name];
    if (!example) throw new Error(`web/explorer/examples.json has no example for the operation ${name || "(unnamed)"}`);
    const { start, end } = operation.loc!;
    const declared = (operation.variableDefinitions ?? []).map((v) => v.variable.name.value);
    const variables = Object.fromEntries(declared.filter((v) => v in example.variables).map((v) => [v, example.variables[v]]));
    return {
      query: [...headingAbove(operationsText, start), runAsHint(example.role), operationsText.slice(start, end), ""].join("\n"),
      variables: declared.length ? JSON.stringify(variables, null, 2) : "",
    };
  });
}
