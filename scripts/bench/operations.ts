import { readFileSync } from "node:fs";
import { join } from "node:path";
import { DocumentNode, Kind, parse, print } from "graphql";
import type { TokenPayload } from "../../gateway/auth";
import { toBusinessIso } from "../../subgraphs/kit/clock";
import { SlotRequest } from "./free-slots";
import { BenchSubjects } from "./subjects";
import { ROOT } from "./processes";

// The operations the bench drives through the gateway, with the callers their users are (DOMAIN §12).

/** The named operation of operations.graphql (the users' operations, kept in test/contract/), as a client sends it. */
function operation(name: string): string {
  const document = parse(readFileSync(join(ROOT, "test", "contract", "operations.graphql"), "utf8"));
  const found = document.definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION && d.name?.value === name);
  if (!found) throw new Error(`test/contract/operations.graphql has no operation named ${name}`);
  return print({ kind: Kind.DOCUMENT, definitions: [found] } as DocumentNode);
}

export interface Caller {
  /** How the table names the caller. */
  label: string;
  /** null: anonymous (the public, masked view). */
  token: TokenPayload | null;
}

const ANONYMOUS: Caller = { label: "anonymous", token: null };

export interface ReadOperation {
  kind: "read";
  name: string;
  caller: Caller;
  query: string;
  variables: Record<string, unknown>;
}

export interface BookingOperation {
  kind: "booking";
  name: string;
  caller: Caller;
  query: string;
  /** The M2 variables of one free slot, booked by a leader of the slot's organization. */
  variables: (slot: SlotRequest) => Record<string, unknown>;
  /** The leader of an organization: each request carries the token of the organization it books for. */
  callerFor: (organizationId: string) => TokenPayload;
}

export type BenchOperation = ReadOperation | BookingOperation;

export const DIRECTORY = `query Directory { organizations(first: 20) { totalCount nodes { id name category legalForm homeArea { name } } } }`;

/** One organization's page across the four subgraphs: its profile, service statistics, bookings and grants. */
export const acrossFour = (organizationId: string) => `query AcrossFour { organization(id: "${organizationId}") {
  name homeArea { name } serviceStats(period: { from: "2021-01-01", to: "2021-12-31" }) { serviceEvents volunteerHours }
  bookings { title room { name facility { name } } } certifiedMemberCount grants { awardedFen program { name } }
} }`;

/** The read operations and M2, in the order they run (M2 last: its bookings change what Q1 and Q15 see). */
export function benchOperations(subjects: BenchSubjects): BenchOperation[] {
  const { leader, supervisor, community, facilityId, day } = subjects;
  return [
    {
      kind: "read",
      name: "Q1 availability",
      caller: { label: `OL of ${leader.organizationId}`, token: { sub: leader.personId, roles: ["ORG_LEADER"], orgIds: [leader.organizationId] } },
      query: operation("FreeRoomsNextTuesday"),
      variables: { area: community, date: day },
    },
    {
      kind: "read",
      name: "Q7 at-risk organizations",
      caller: { label: "supervisor", token: { sub: supervisor.personId, roles: ["SUPERVISOR"], orgIds: [supervisor.agencyOrgId, ...supervisor.supervisedOrgIds] } },
      query: operation("MyAtRiskOrgs"),
      variables: {},
    },
    {
      kind: "read",
      name: "Q12 public directory",
      caller: ANONYMOUS,
      query: operation("PublicDirectory"),
      variables: { community, period: { from: "2021-01-01", to: "2021-12-31" } },
    },
    {
      kind: "read",
      name: "Q15 day board",
      caller: { label: `venue admin of ${facilityId}`, token: { sub: "per_bench_venue_admin", roles: ["VENUE_ADMIN"], facilityIds: [facilityId] } },
      query: operation("DayBoard"),
      variables: { facilityId, date: day },
    },
    { kind: "read", name: "directory page (20 organizations)", caller: ANONYMOUS, query: DIRECTORY, variables: {} },
    { kind: "read", name: "one organization across all four subgraphs", caller: ANONYMOUS, query: acrossFour(leader.organizationId), variables: {} },
    {
      kind: "booking",
      name: "M2 createBooking (free slots)",
      caller: { label: "OL of the booking organization", token: null },
      query: operation("BookBirthdayParty"),
      variables: (slot) => ({
        input: {
          roomId: slot.roomId,
          organizationId: slot.organizationId,
          purpose: "ACTIVITY",
          title: "bench 集体生日会",
          expectedAttendance: slot.expectedAttendance,
          startsAt: toBusinessIso(slot.startsAt),
          endsAt: toBusinessIso(slot.endsAt),
        },
      }),
      callerFor: (organizationId) => ({ sub: `per_bench_${organizationId.replace(/^org_/, "")}`, roles: ["ORG_LEADER"], orgIds: [organizationId] }),
    },
  ];
}
