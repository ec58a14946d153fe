/** How long the gateway waits for one subgraph's /ready before counting it as down. */
const CHECK_MS = 2000;

/**
 * The gateway's readiness: its supergraph is loaded before it listens, so it is ready when every subgraph
 * answers its own /ready (database reachable); the answer names the subgraphs that do not.
 */
export function subgraphReadiness(urls: Record<string, string>): () => Promise<{ ok: boolean; detail: Record<string, unknown> }> {
  return async () => {
    const down: string[] = [];
    await Promise.all(
      Object.entries(urls).map(async ([name, url]) => {
        const ready = await fetch(url.replace(/\/graphql$/, "/ready"), { signal: AbortSignal.timeout(CHECK_MS) }).catch(() => null);
        await ready?.body?.cancel();
        if (!ready?.ok) down.push(name);
      }),
    );
    down.sort();
    return { ok: down.length === 0, detail: { supergraph: "loaded", ...(down.length ? { subgraphsDown: down } : {}) } };
  };
}
