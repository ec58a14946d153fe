import { TokenPayload } from "@gateway/auth";
import { GraphQLResponse, TestHub } from "@test/support/hub";

/**
 * DOMAIN.md §9.2 as data. Each row of the matrix (a kind of data) lists probes: one operation sent through the
 * gateway as one caller, and what that caller must get. Every row probes every column of §9.2, so a new feature
 * adds its rows here (one `<subgraph>.rows.ts` file per subgraph) and the runner refuses a row that skips a role.
 */

/** The columns of §9.2, in its order. */
export const MATRIX_COLUMNS = ["FA", "SS/CS", "SUP", "OL", "OM", "AC", "RV", "PO", "VA", "PT"] as const;
export type MatrixColumn = (typeof MATRIX_COLUMNS)[number];

/** A caller: its §9.2 column, a description that says where its scope lies, and its token (none = anonymous PT). */
export interface Actor {
  column: MatrixColumn;
  /** e.g. "OL of another organization", "SS outside the street", "anonymous partner". */
  who: string;
  token: TokenPayload | null;
}

/**
 * What the caller must get:
 * - `allowed`: no errors; `check` asserts what it reads (clear-text personal fields, the written row…).
 * - `refused`: an error with `code` (FORBIDDEN by default) and nothing of the data in `data`; `check` may assert
 *   what the partial answer still holds.
 * - `limited`: no error, but the answer is narrowed or masked (an empty list, a masked name, aggregates only):
 *   `check` asserts exactly that, and must fail if the caller were given the full data.
 */
export type Expectation =
  | { outcome: "allowed"; check?: (data: any) => void }
  | { outcome: "refused"; code?: string | string[]; check?: (data: any) => void }
  | { outcome: "limited"; check: (data: any) => void };

/** A read sent after the probe (by default as the same caller) to show what the probe left behind. */
export interface Afterwards {
  as?: Actor;
  query: string;
  variables?: Record<string, unknown>;
  check: (data: any) => void;
}

export interface Probe {
  as: Actor;
  /** What this probe tries, e.g. "reads the roster", "approves the filing". */
  does: string;
  query: string;
  variables?: Record<string, unknown>;
  expect: Expectation;
  /** For writes: a read that shows the refused write left no trace, or the allowed one took effect. */
  afterwards?: Afterwards;
}

export interface MatrixRow {
  /** The §9.2 row, as its "Data" cell reads (a row may be split, e.g. "Bookings — cancel"). */
  data: string;
  /**
   * Rows of the row's own that its probes need beyond the demo data (a booking to cancel, a certificate to read),
   * written straight into the owning subgraph's store before any probe runs; ids carry `mx` so no demo row changes.
   */
  setup?: (hub: TestHub) => Promise<void>;
  /** Run in order: a row's refused writes come before the read that shows they left no trace, then the allowed one. */
  probes: Probe[];
}

/** A caller of one column (`token` null: the anonymous partner view). */
export function actor(column: MatrixColumn, who: string, token: TokenPayload | null): Actor {
  return { column, who, token };
}

/** The columns a row has no probe for. */
export function missingColumns(row: MatrixRow): MatrixColumn[] {
  const covered = new Set(row.probes.map((p) => p.as.column));
  return MATRIX_COLUMNS.filter((column) => !covered.has(column));
}

const errorCodes = (body: GraphQLResponse) => (body.errors ?? []).map((e) => e.extensions?.code);

/** Asserts one probe's answer against its expectation (jest `expect` inside). */
export function assertProbe(probe: Probe, body: GraphQLResponse): void {
  const { expect: expectation } = probe;
  if (expectation.outcome === "refused") {
    // a list: any of these codes (e.g. the subgraph's FORBIDDEN or the gateway's UNAUTHENTICATED for the same rule)
    const accepted = [expectation.code ?? "FORBIDDEN"].flat();
    expect(errorCodes(body).filter((code) => accepted.includes(code))).not.toEqual([]);
    expectation.check?.(body.data);
    return;
  }
  expect(body.errors ?? []).toEqual([]);
  expectation.check?.(body.data);
}

/** How the runner sends an operation as a caller. */
export type Send = (query: string, variables: Record<string, unknown>, as: Actor) => Promise<GraphQLResponse>;

/** Sends the probe, asserts its answer, then runs and asserts its `afterwards` read. */
export async function runProbe(probe: Probe, send: Send): Promise<void> {
  assertProbe(probe, await send(probe.query, probe.variables ?? {}, probe.as));
  if (!probe.afterwards) return;
  const { as = probe.as, query, variables = {}, check } = probe.afterwards;
  const body = await send(query, variables, as);
  expect(body.errors ?? []).toEqual([]);
  check(body.data);
}
