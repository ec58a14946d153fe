import { DataSource } from "typeorm";
import { Claims } from "@platform/identity";
import { Booking } from "@subgraphs/venues/bookings/booking.entity";
import { BookingStatus, BookingVisibility } from "@subgraphs/venues/bookings/booking.enums";
import { BookingPolicy } from "@subgraphs/venues/facilities/booking-policy.entity";
import { DEFAULT_POLICY, PolicyFacts } from "@subgraphs/venues/facilities/booking-policy.rules";
import { Equipment } from "@subgraphs/venues/facilities/equipment.entity";
import { Facility } from "@subgraphs/venues/facilities/facility.entity";
import { BookingPurpose, EquipmentType, FacilityType, RoomKind, Weekday } from "@subgraphs/venues/facilities/facility.enums";
import { OpeningRule } from "@subgraphs/venues/facilities/opening-rule.entity";
import { Room } from "@subgraphs/venues/facilities/room.entity";

/** The demo's today (DOMAIN §10): Saturday 2022-03-12 09:00 in Shanghai. */
export const DEMO_NOW = new Date("2022-03-12T09:00:00+08:00");

export const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);
export const iso = (day: string, time: string) => `${day}T${time}:00.000+08:00`;

/** A stored booking with every column, for tests that seed their own rows. */
export function bookingRow(seed: Pick<Booking, "id" | "roomId" | "organizationId" | "startsAt" | "endsAt"> & Partial<Booking>): Booking {
  return {
    requestedById: null,
    purpose: BookingPurpose.ACTIVITY,
    title: "测试活动",
    expectedAttendance: 8,
    status: BookingStatus.CONFIRMED,
    holdExpiresAt: null,
    visibility: BookingVisibility.PRIVATE,
    equipmentLines: null,
    seriesId: null,
    sponsorPersonId: null,
    statusReason: null,
    lateCancellation: false,
    approvalRequired: false,
    ...seed,
  };
}

/** Callers as the gateway would sign them (DOMAIN §9.1). */
export const LEZHULIN_LEADER: Partial<Claims> = { personId: "per_zhang_leader", roles: ["ORG_LEADER"], orgIds: ["org_lezhulin"] };
export const JIAQIAO_LEADER: Partial<Claims> = { personId: "per_liu_leader", roles: ["ORG_LEADER"], orgIds: ["org_jiaqiao"] };
export const TONGLING_LEADER: Partial<Claims> = { personId: "per_tl_leader", roles: ["ORG_LEADER"], orgIds: ["org_tl_dance"] };
export const AILIN_MEMBER: Partial<Claims> = { personId: "per_wu_supervisor", roles: ["ORG_MEMBER"], orgIds: ["org_ailin"] };
export const ZX_VENUE_ADMIN: Partial<Claims> = { personId: "per_zx_admin", roles: ["VENUE_ADMIN"], facilityIds: ["fac_zx_center"] };
export const SLY_VENUE_ADMIN: Partial<Claims> = { personId: "per_sly_admin", roles: ["VENUE_ADMIN"], facilityIds: ["fac_sly_center"] };
export const TL_COMMUNITY_STAFF: Partial<Claims> = { personId: "per_tl_cs", roles: ["COMMUNITY_STAFF"], areaCodes: ["340700X01C01"] };
export const ZX_COMMUNITY_STAFF: Partial<Claims> = { personId: "per_zx_cs", roles: ["COMMUNITY_STAFF"], areaCodes: ["340111X01C01"] };
export const ACADEMY_STAFF: Partial<Claims> = { personId: "per_acad_staff", roles: ["ACADEMY_STAFF"], academyIds: ["acad_cq"] };
export const ACADEMY_SERVICE: Partial<Claims> = { service: "academy" };

export const CREATE_BOOKING = `mutation($input: CreateBookingInput!) {
  createBooking(input: $input) {
    booking { id status startsAt endsAt title expectedAttendance purpose visibility holdExpiresAt room { id name facility { name } } organization { id } requestedBy { id } equipment { quantity equipment { id type } } }
    conflicts { reason message startsAt endsAt }
  }
}`;

/** M2's booking (DOMAIN §12): the 乐竹邻 birthday party in the 竹西 hall on Tuesday 2022-03-15. */
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

export type Body = { data?: any; errors?: { message: string; extensions?: Record<string, unknown> }[] };
export const codeOf = (body: Body) => body.errors?.[0]?.extensions?.code;
export const reasons = (payload: { conflicts: { reason: string }[] }) => payload.conflicts.map((c) => c.reason);

const WEEKDAYS = [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI];

/**
 * A facility of the test's own (`fac_t_<key>`, rooms `room_t_<key>_1…`) with community-centre hours
 * (weekdays 08:30–12:00 and 13:30–17:30, Saturday 09:00–11:30) and the demo policy unless changed.
 */
export async function addTestFacility(
  db: DataSource,
  key: string,
  options: { rooms?: number; capacity?: number; areaCode?: string; policy?: Partial<PolicyFacts>; equipment?: { type: EquipmentType; quantity: number; movable?: boolean; room?: number }[] } = {},
): Promise<{ facilityId: string; roomIds: string[] }> {
  const facilityId = `fac_t_${key}`;
  const roomIds = Array.from({ length: options.rooms ?? 1 }, (_, i) => `room_t_${key}_${i + 1}`);
  await db.getRepository(Facility).insert({ id: facilityId, name: `测试场地${key}`, type: FacilityType.COMMUNITY_SERVICE_CENTER, areaCode: options.areaCode ?? "340111X01C01", operatorOrgId: null, operatorName: null, address: "测试地址", publicPhone: null });
  await db.getRepository(Room).insert(roomIds.map((id, i) => ({ id, facilityId, name: `测试室${i + 1}`, kind: RoomKind.ACTIVITY_ROOM, capacity: options.capacity ?? 20, bookable: true, features: [] })));
  await db.getRepository(OpeningRule).insert([
    { facilityId, days: WEEKDAYS, opens: "08:30", closes: "12:00" },
    { facilityId, days: WEEKDAYS, opens: "13:30", closes: "17:30" },
    { facilityId, days: [Weekday.SAT], opens: "09:00", closes: "11:30" },
  ]);
  await db.getRepository(BookingPolicy).insert({ facilityId, ...DEFAULT_POLICY, perOrgMaxActiveBookings: 10, ...options.policy } as BookingPolicy);
  const equipment: Equipment[] = (options.equipment ?? []).map((e, i) => ({
    id: `eqp_t_${key}_${i + 1}`,
    facilityId,
    roomId: e.room ? roomIds[e.room - 1] : null,
    type: e.type,
    name: `测试设备${i + 1}`,
    quantity: e.quantity,
    movable: e.movable ?? true,
  }));
  if (equipment.length) await db.getRepository(Equipment).insert(equipment);
  return { facilityId, roomIds };
}

/** A booking input in a test facility's room, by 乐竹邻 unless changed. */
export const bookingIn = (roomId: string, day: string, from: string, to: string, changes: Record<string, unknown> = {}) => ({
  roomId,
  organizationId: "org_lezhulin",
  purpose: "ACTIVITY",
  title: "测试活动",
  expectedAttendance: 10,
  startsAt: `${day}T${from}:00+08:00`,
  endsAt: `${day}T${to}:00+08:00`,
  ...changes,
});
