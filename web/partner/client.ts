import type { TypedDocumentNode } from "@graphql-typed-document-node/core";
import { OperationDefinitionNode, print } from "graphql";
import { useEffect, useState } from "react";

/**
 * Sends one of the page's fixed, named operations to the gateway without a token (the public, masked view);
 * the result is typed by the generated document. A GraphQL error rejects with its messages.
 */
export async function request<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables): Promise<Result> {
  const operation = document.definitions.find((d): d is OperationDefinitionNode => d.kind === "OperationDefinition");
  const response = await fetch("/graphql", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ operationName: operation?.name?.value, query: print(document), variables }),
  });
  const body = (await response.json()) as { data?: Result; errors?: { message: string }[] };
  if (body.errors?.length || !body.data) throw new Error(body.errors?.map((e) => e.message).join("; ") ?? `The hub answered ${response.status}.`);
  return body.data;
}

/** The state of one request: its data once loaded, or what went wrong. */
export interface QueryState<Result> {
  data?: Result;
  error?: string;
  loading: boolean;
}

/** Runs an operation whenever its variables change (null variables: not yet). */
export function useQuery<Result, Variables>(document: TypedDocumentNode<Result, Variables>, variables: Variables | null): QueryState<Result> {
  const [state, setState] = useState<QueryState<Result>>({ loading: true });
  const key = JSON.stringify(variables);
  useEffect(() => {
    if (variables === null) return;
    let current = true;
    setState((previous) => ({ data: previous.data, loading: true }));
    request(document, variables).then(
      (data) => current && setState({ data, loading: false }),
      (error: Error) => current && setState({ error: error.message, loading: false }),
    );
    return () => {
      current = false;
    };
    // the variables' JSON is their identity: a new object with the same values is the same request
  }, [document, key]);
  return state;
}
