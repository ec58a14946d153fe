import {
  ArgumentNode,
  DocumentNode,
  FragmentDefinitionNode,
  getNamedType,
  getNullableType,
  getOperationAST,
  getVariableValues,
  GraphQLCompositeType,
  GraphQLField,
  GraphQLSchema,
  isCompositeType,
  isInterfaceType,
  isListType,
  isObjectType,
  Kind,
  SelectionSetNode,
  typeFromAST,
  valueFromAST,
} from "graphql";

/** How many items a list without a page-size argument is assumed to hold. */
export const DEFAULT_LIST_SIZE = 10;

/** The largest page a list serves (DESIGN: `first` at most 100); a larger one is the subgraph's BAD_USER_INPUT to refuse. */
export const MAX_PAGE_SIZE = 100;

/** The arguments that set a list's page size. */
const PAGE_SIZE_ARGUMENTS = ["first", "last", "limit"];

/**
 * The most objects an operation may return: every field of object type costs 1 for each object it may return (its
 * page size when it is a list) plus, for each of them, the cost of what is selected below it. A field's page size is
 * its `first`/`last`/`limit` argument (as sent, or the schema's default); a list field without one counts DEFAULT_LIST_SIZE, except `nodes`/`edges` of a connection, whose size
 * the connection field's own argument already gave. Scalars, `__typename` and introspection cost nothing; the
 * branches of an interface or union count as if all were returned.
 */
export function operationCost(schema: GraphQLSchema, document: DocumentNode, operationName: string | null | undefined, variables: Record<string, unknown>): number {
  return costAndDependence(schema, document, operationName, variables).cost;
}

/** The cost, and whether a variable set a page size (else the cost is the document's, whatever the variables). */
export function costAndDependence(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | null | undefined,
  variables: Record<string, unknown>,
): { cost: number; byVariables: boolean } {
  const operation = getOperationAST(document, operationName);
  if (!operation) return { cost: 0, byVariables: false };
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  // the variables as execution will see them (the operation's defaults filled in), coerced only when a page size
  // needs them; invalid ones fail later anyway
  let values: Record<string, unknown> | undefined;
  const variableValues = () => (values ??= getVariableValues(schema, operation.variableDefinitions ?? [], variables).coerced ?? variables);
  let byVariables = false;
  const root = schema.getRootType(operation.operation);
  const cost = root ? selectionCost(root, operation.selectionSet) : 0;
  return { cost, byVariables };

  function selectionCost(parent: GraphQLCompositeType, selectionSet: SelectionSetNode, spreading: ReadonlySet<string> = new Set()): number {
    let cost = 0;
    for (const selection of selectionSet.selections) {
      if (selection.kind === Kind.FIELD) {
        if (selection.name.value.startsWith("__") || !selection.selectionSet) continue;
        const field = isObjectType(parent) || isInterfaceType(parent) ? parent.getFields()[selection.name.value] : undefined;
        const type = field && getNamedType(field.type);
        if (!field || !type || !isCompositeType(type)) continue;
        cost += pageSize(parent, field, selection.arguments ?? []) * (1 + selectionCost(type, selection.selectionSet, spreading));
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const on = selection.typeCondition ? typeFromAST(schema, selection.typeCondition) : parent;
        cost += selectionCost(on && isCompositeType(on) ? on : parent, selection.selectionSet, spreading);
      } else {
        const name = selection.name.value;
        const fragment = fragments.get(name);
        if (!fragment || spreading.has(name)) continue; // a cycle: validation has refused it already
        const on = typeFromAST(schema, fragment.typeCondition);
        cost += selectionCost(on && isCompositeType(on) ? on : parent, fragment.selectionSet, new Set([...spreading, name]));
      }
    }
    return cost;
  }

  function pageSize(parent: GraphQLCompositeType, field: GraphQLField<unknown, unknown>, argumentNodes: readonly ArgumentNode[]): number {
    for (const name of PAGE_SIZE_ARGUMENTS) {
      const argument = field.args.find((a) => a.name === name);
      if (!argument) continue;
      const node = argumentNodes.find((a) => a.name.value === name);
      if (node && node.value.kind !== Kind.INT) byVariables = true;
      const value = (node ? valueFromAST(node.value, argument.type, node.value.kind === Kind.INT ? undefined : variableValues()) : undefined) ?? argument.defaultValue;
      if (typeof value === "number") return Math.min(MAX_PAGE_SIZE, Math.max(0, value));
    }
    if (!isListType(getNullableType(field.type))) return 1;
    return parent.name.endsWith("Connection") ? 1 : DEFAULT_LIST_SIZE;
  }
}
