import { DataSource } from "typeorm";
import { Claims } from "@platform/identity";
import { Booking, BOOKING_DEFAULTS, BookingStatus, OrgEligibility } from "@subgraphs/venues/bookings";
import {
  BookingPolicy,
  BookingPurpose,
  CalendarException,
  DEFAULT_POLICY,
  Equipment,
  EquipmentType,
  ExceptionKind,
  Facility,
  FacilityType,
  OpeningRule,
  OpeningRuleFacts,
  PolicyFacts,
  Room,
  RoomKind,
  Weekday,
} from "@subgraphs/venues/facilities";
import { Tenancy, TenancyStatus } from "@subgraphs/venues/tenancies";

/** The demo's today (DOMAIN §10): Saturday 2022-03-12 09:00 in Shanghai. The tests pin the clock to it. */
export const DEMO_NOW = new Date("2022-03-12T09:00:00+08:00");

export const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
export const iso = (day: string, time: string) => `${day}T${time}:00.000+08:00`;

/**
 * The tests' own areas lie in made-up cities (349600–349900; mostly the district 349901) that the demo data does not
 * use: a "near" search or an area's subtree there holds only rows a test wrote. A test that asks about areas takes a
 * street of its own (349901S01, S02, …); the default is one that no test asks about.
 */
export const DEFAULT_TEST_AREA = "349901S00C01";

/** A stored booking with every column, for tests that seed their own rows. */
export function bookingRow(seed: Pick<Booking, "id" | "roomId" | "organizationId" | "startsAt" | "endsAt"> & Partial<Booking>): Booking {
  return {
    purpose: BookingPurpose.ACTIVITY,
    title: "测试活动",
    expectedAttendance: 8,
    status: BookingStatus.CONFIRMED,
    ...BOOKING_DEFAULTS,
    ...seed,
  };
}

// ---- factories: rows of the test's own, with readable ids -------------------------------------------------------

/**
 * An organization as venues knows it (`org_t_<key>`): the C7 snapshot row the organizations subgraph would push
 * (legal form and status), FILED and ACTIVE unless changed, so it may book.
 */
export async function addTestOrganization(db: DataSource, key: string, options: { legalForm?: string; status?: string } = {}): Promise<string> {
  const organizationId = `org_t_${key}`;
  await db.getRepository(OrgEligibility).insert({ organizationId, legalForm: options.legalForm ?? "FILED", status: options.status ?? "ACTIVE", updatedAt: DEMO_NOW });
  return organizationId;
}

/** A room of a test facility; unset fields are a bookable activity room for 20. */
export interface TestRoom {
  name?: string;
  kind?: RoomKind;
  capacity?: number;
  bookable?: boolean;
  features?: string[];
}

/** A calendar exception on one date (the facility's own, or with `addCalendarExceptions(db, null, …)` the statutory one). */
export interface TestException {
  date: string;
  kind: ExceptionKind;
  opens?: string;
  closes?: string;
  note?: string;
}

const WEEKDAYS = [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI];

/** Office hours (a social-work station's, DOMAIN §10.4): weekdays 08:30–12:00 and 13:30–17:30. */
export const OFFICE_HOURS: OpeningRuleFacts[] = [
  { days: WEEKDAYS, opens: "08:30", closes: "12:00" },
  { days: WEEKDAYS, opens: "13:30", closes: "17:30" },
];
/** Community-centre hours: office hours and Saturday 09:00–11:30. */
export const CENTRE_HOURS: OpeningRuleFacts[] = [...OFFICE_HOURS, { days: [Weekday.SAT], opens: "09:00", closes: "11:30" }];

/** 清明 2022 as a facility's own exceptions: Saturday 04-02 is worked (调休上班), 04-03 to 04-05 are closed. */
export const QINGMING_2022: TestException[] = [
  { date: "2022-04-02", kind: ExceptionKind.MAKEUP_WORKDAY, note: "清明节调休上班" },
  ...["2022-04-03", "2022-04-04", "2022-04-05"].map((date) => ({ date, kind: ExceptionKind.HOLIDAY_CLOSED, note: "清明节" })),
];

/** Writes calendar exceptions of a facility, or of the statutory calendar every facility follows (`facilityId` null). */
export async function addCalendarExceptions(db: DataSource, facilityId: string | null, exceptions: TestException[]): Promise<void> {
  if (!exceptions.length) return;
  await db.getRepository(CalendarException).insert(exceptions.map((e) => ({ facilityId, date: e.date, kind: e.kind, opens: e.opens ?? null, closes: e.closes ?? null, note: e.note ?? null })));
}

/**
 * A facility of the test's own (`fac_t_<key>`, rooms `room_t_<key>_1…`, equipment `eqp_t_<key>_1…`): a community
 * service centre in DEFAULT_TEST_AREA with CENTRE_HOURS and the demo venues' policy (DEFAULT_POLICY, at most 10
 * upcoming bookings per organization) unless changed. `rooms` is a count of default rooms or the rooms themselves.
 */
export async function addTestFacility(
  db: DataSource,
  key: string,
  options: {
    rooms?: number | TestRoom[];
    capacity?: number;
    areaCode?: string;
    type?: FacilityType;
    name?: string;
    operatorOrgId?: string | null;
    operatorName?: string | null;
    address?: string;
    publicPhone?: string | null;
    hours?: OpeningRuleFacts[];
    exceptions?: TestException[];
    policy?: Partial<PolicyFacts>;
    equipment?: { type: EquipmentType; quantity: number; movable?: boolean; room?: number; name?: string }[];
  } = {},
): Promise<{ facilityId: string; roomIds: string[]; equipmentIds: string[] }> {
  const facilityId = `fac_t_${key}`;
  const rooms: TestRoom[] = typeof options.rooms === "object" ? options.rooms : Array.from({ length: options.rooms ?? 1 }, () => ({}));
  const roomIds = rooms.map((_, i) => `room_t_${key}_${i + 1}`);
  await db.getRepository(Facility).insert({
    id: facilityId,
    name: options.name ?? `测试场地${key}`,
    type: options.type ?? FacilityType.COMMUNITY_SERVICE_CENTER,
    areaCode: options.areaCode ?? DEFAULT_TEST_AREA,
    operatorOrgId: options.operatorOrgId ?? null,
    operatorName: options.operatorName ?? null,
    address: options.address ?? "测试地址",
    publicPhone: options.publicPhone ?? null,
  });
  await db.getRepository(Room).insert(
    rooms.map((room, i) => ({
      id: roomIds[i],
      facilityId,
      name: room.name ?? `测试室${i + 1}`,
      kind: room.kind ?? RoomKind.ACTIVITY_ROOM,
      capacity: room.capacity ?? options.capacity ?? 20,
      bookable: room.bookable ?? true,
      features: room.features ?? [],
    })),
  );
  const hours = options.hours ?? CENTRE_HOURS;
  if (hours.length) await db.getRepository(OpeningRule).insert(hours.map((rule) => ({ facilityId, ...rule })));
  await addCalendarExceptions(db, facilityId, options.exceptions ?? []);
  await db.getRepository(BookingPolicy).insert({ facilityId, ...DEFAULT_POLICY, perOrgMaxActiveBookings: 10, ...options.policy } as BookingPolicy);
  const equipment: Equipment[] = (options.equipment ?? []).map((e, i) => ({
    id: `eqp_t_${key}_${i + 1}`,
    facilityId,
    roomId: e.room ? roomIds[e.room - 1] : null,
    type: e.type,
    name: e.name ?? `测试设备${i + 1}`,
    quantity: e.quantity,
    movable: e.movable ?? true,
  }));
  if (equipment.length) await db.getRepository(Equipment).insert(equipment);
  return { facilityId, roomIds, equipmentIds: equipment.map((e) => e.id) };
}

/** A stored booking (`bkg_t_<key>`) of `organizationId` in `roomId` on `day` from–to; confirmed and private unless changed. */
export async function addTestBooking(
  db: DataSource,
  key: string,
  where: { roomId: string; organizationId: string; day: string; from: string; to: string },
  changes: Partial<Booking> = {},
): Promise<string> {
  const id = `bkg_t_${key}`;
  const { roomId, organizationId, day, from, to } = where;
  await db.getRepository(Booking).insert(bookingRow({ id, roomId, organizationId, startsAt: at(day, from), endsAt: at(day, to), ...changes }));
  return id;
}

/** An incubation tenancy (`ten_t_<key>`) of an organization at a desk; ACTIVE from 2021-09-01 without end unless changed. */
export async function addTestTenancy(db: DataSource, key: string, desk: { facilityId: string; roomId: string; organizationId: string }, changes: Partial<Tenancy> = {}): Promise<string> {
  const id = `ten_t_${key}`;
  await db.getRepository(Tenancy).insert({ id, ...desk, from: "2021-09-01", to: null, status: TenancyStatus.ACTIVE, ...changes });
  return id;
}

// ---- callers as the gateway would sign them (DOMAIN §9.1) ------------------------------------------------------

/** `org_t_x` → `per_t_x_<role>`: the person a test claims to be for an organization. */
const personFor = (id: string, role: string) => `per_${id.slice(id.indexOf("_") + 1)}_${role}`;

/** The organization's leader (乐竹邻's 张姐, say): books and cancels for it. */
export const leaderOf = (organizationId: string): Partial<Claims> => ({ personId: personFor(organizationId, "leader"), roles: ["ORG_LEADER"], orgIds: [organizationId] });
/** A member of the organization: books for it as well. */
export const memberOf = (organizationId: string): Partial<Claims> => ({ personId: personFor(organizationId, "member"), roles: ["ORG_MEMBER"], orgIds: [organizationId] });
/** The facility's venue admin (场地管理员): approves, rejects, bumps and checks in. */
export const venueAdminOf = (facilityId: string): Partial<Claims> => ({ personId: personFor(facilityId, "admin"), roles: ["VENUE_ADMIN"], facilityIds: [facilityId] });
/** A community worker (社区工作者) of an area: sees its venues' bookings in full and sponsors its informal teams. */
export const communityStaffOf = (areaCode: string): Partial<Claims> => ({ personId: `per_t_cs_${areaCode.toLowerCase()}`, roles: ["COMMUNITY_STAFF"], areaCodes: [areaCode] });
/** Academy staff: book course sessions for any organization (venues does not look at which academy). */
export const ACADEMY_STAFF: Partial<Claims> = { personId: "per_t_academy_staff", roles: ["ACADEMY_STAFF"], academyIds: ["acad_t_school"] };
/** The academy subgraph's signed service identity: runs the scheduling saga's steps. */
export const ACADEMY_SERVICE: Partial<Claims> = { service: "academy" };

// ---- requests ---------------------------------------------------------------------------------------------------

export const CREATE_BOOKING = `mutation($input: CreateBookingInput!) {
  createBooking(input: $input) {
    booking { id status startsAt endsAt title expectedAttendance purpose visibility holdExpiresAt room { id name facility { name } } organization { id } requestedBy { id } equipment { quantity equipment { id type } } }
    conflicts { reason message startsAt endsAt }
  }
}`;

export type Body = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
export const codeOf = (body: Body) => body.errors?.[0]?.extensions?.code;
export const reasons = (payload: { conflicts: { reason: string }[] }) => payload.conflicts.map((c) => c.reason);

/** A booking input: `organizationId` books `roomId` on `day` from–to for an activity of 10 people unless changed. */
export const bookingIn = (roomId: string, organizationId: string, day: string, from: string, to: string, changes: Record<string, unknown> = {}) => ({
  roomId,
  organizationId,
  purpose: "ACTIVITY",
  title: "测试活动",
  expectedAttendance: 10,
  startsAt: `${day}T${from}:00+08:00`,
  endsAt: `${day}T${to}:00+08:00`,
  ...changes,
});

// ---- the demo's own rows, for the tests named "demo" (they check the demo data itself) ------------------------

/** 乐竹邻's leader 张姐 in the demo data. */
export const LEZHULIN_LEADER: Partial<Claims> = { personId: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] };

/** M2's booking (DOMAIN §12): the 乐竹邻 birthday party in the demo's 竹西 hall on Tuesday 2022-03-15. */
export const birthdayParty = (changes: Record<string, unknown> = {}) => ({
  roomId: "room_zx_hall",
  organizationId: "org_lezhulin",
  purpose: "ACTIVITY",
  title: "三月集体生日会",
  expectedAttendance: 45,
  startsAt: "2022-03-15T09:00:00+08:00",
  endsAt: "2022-03-15T11:00:00+08:00",
  equipment: [{ type: "SOUND_SYSTEM", quantity: 1 }],
  ...changes,
});
