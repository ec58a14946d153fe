import { DataSource } from "typeorm";
import { addDays } from "../../kit/days";
import { BookingPurpose, Weekday, weekdayOf } from "../facilities";
import { Booking, BOOKING_DEFAULTS } from "./booking.entity";
import { BookingStatus, BookingVisibility } from "./booking.enums";
import { OrgEligibility } from "./org-eligibility.entity";

const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

const { TUE, WED } = Weekday;

// The C7 snapshot of the organizations subgraph's demo organizations (DOMAIN §10.2).
const ELIGIBILITY: OrgEligibility[] = [
  ["org_lezhulin", "FILED", "ACTIVE"],
  ["org_jiaqiao", "FILED", "ACTIVE"],
  ["org_tl_dance", "INFORMAL", "ACTIVE"],
  ["org_ailin", "SOCIAL_SERVICE_AGENCY", "ACTIVE"],
  ["org_shichuang", "SOCIAL_SERVICE_AGENCY", "ACTIVE"],
  ["org_sjk_fed", "SOCIAL_GROUP", "PREPARING"],
].map(([organizationId, legalForm, status]) => ({ organizationId, legalForm, status, updatedAt: at("2022-03-01", "09:00"), asOf: null }));

type BookingSeed = Pick<Booking, "id" | "roomId" | "organizationId" | "purpose" | "title" | "expectedAttendance" | "startsAt" | "endsAt" | "status"> & Partial<Booking>;

const booking = (seed: BookingSeed): Booking => ({ ...BOOKING_DEFAULTS, ...seed });

// DOMAIN §10.5: the academy's 骨干培养 sessions (14:00–16:00) sit inside these 13:30–16:30 bookings.
const COURSE_DAYS = ["2022-03-22", "2022-03-29", "2022-04-12", "2022-04-19"];

/** The first `weekday` on or after day `fromDay` of each month of 2021 (a regular monthly meeting). */
const monthly2021 = (fromDay: number, weekday: Weekday, months = 12) =>
  Array.from({ length: months }, (_, m) => {
    let day = `2021-${String(m + 1).padStart(2, "0")}-${String(fromDay).padStart(2, "0")}`;
    while (weekdayOf(day) !== weekday) day = addDays(day, 1);
    return day;
  });

const BOOKINGS: Booking[] = [
  ...COURSE_DAYS.map((day, i) =>
    booking({ id: `bkg_bs2022s1_${i + 1}`, roomId: "room_cq_sws_training", organizationId: "org_ailin", purpose: BookingPurpose.COURSE_SESSION, academyId: "acad_cq", title: "骨干培养与团队传承", expectedAttendance: 30, startsAt: at(day, "13:30"), endsAt: at(day, "16:30"), status: BookingStatus.CONFIRMED, visibility: BookingVisibility.PUBLIC, seriesId: "ser_bs2022s1" }),
  ),
  booking({ id: "bkg_lzl_202203_birthday", roomId: "room_zx_hall", organizationId: "org_lezhulin", requestedById: "per_zhang_leader", purpose: BookingPurpose.ACTIVITY, title: "二月集体生日会", expectedAttendance: 45, startsAt: at("2022-02-22", "09:00"), endsAt: at("2022-02-22", "11:00"), status: BookingStatus.COMPLETED, visibility: BookingVisibility.PUBLIC }),
  booking({ id: "bkg_jq_202203_meeting", roomId: "room_sly_activity", organizationId: "org_jiaqiao", requestedById: "per_liu_leader", purpose: BookingPurpose.MEETING, title: "巡逻排班会", expectedAttendance: 12, startsAt: at("2022-03-14", "14:00"), endsAt: at("2022-03-14", "15:00"), status: BookingStatus.CONFIRMED }),

  // Q15: the 竹西 centre's day board on 2022-03-15 (the hall stays free in the morning for Q1 and M2)
  booking({ id: "bkg_zx_0315_handcraft", roomId: "room_zx_a", organizationId: "org_lezhulin", requestedById: "per_lzl_deputy", purpose: BookingPurpose.ACTIVITY, title: "手工兴趣小组", expectedAttendance: 16, startsAt: at("2022-03-15", "09:00"), endsAt: at("2022-03-15", "11:00"), status: BookingStatus.CONFIRMED, visibility: BookingVisibility.PUBLIC, equipmentLines: [{ equipmentId: "eqp_zx_tables", quantity: 4 }] }),
  booking({ id: "bkg_zx_0315_supervision", roomId: "room_zx_meeting", organizationId: "org_ailin", requestedById: "per_wu_supervisor", purpose: BookingPurpose.MEETING, title: "乐竹邻骨干督导", expectedAttendance: 6, startsAt: at("2022-03-15", "10:00"), endsAt: at("2022-03-15", "11:30"), status: BookingStatus.CONFIRMED }),
  booking({ id: "bkg_zx_0315_lecture", roomId: "room_zx_hall", organizationId: "org_ailin", requestedById: "per_bai_director", purpose: BookingPurpose.ACTIVITY, title: "老年人防诈骗讲座", expectedAttendance: 55, startsAt: at("2022-03-15", "14:00"), endsAt: at("2022-03-15", "16:00"), status: BookingStatus.PENDING_APPROVAL, visibility: BookingVisibility.PUBLIC, approvalRequired: true, equipmentLines: [{ equipmentId: "eqp_zx_hall_sound", quantity: 1 }, { equipmentId: "eqp_zx_hall_projector", quantity: 1 }] }),
  booking({ id: "bkg_zx_0315_cancelled", roomId: "room_zx_hall", organizationId: "org_jiaqiao", requestedById: "per_liu_leader", purpose: BookingPurpose.MEETING, title: "跨社区志愿者交流会", expectedAttendance: 20, startsAt: at("2022-03-15", "09:00"), endsAt: at("2022-03-15", "10:30"), status: BookingStatus.CANCELLED, statusReason: "改到蜀麓苑社区举办" }),
  booking({ id: "bkg_zx_0311_noshow", roomId: "room_zx_a", organizationId: "org_jiaqiao", requestedById: "per_liu_leader", purpose: BookingPurpose.MEETING, title: "社区议事会", expectedAttendance: 10, startsAt: at("2022-03-11", "14:00"), endsAt: at("2022-03-11", "15:30"), status: BookingStatus.NO_SHOW }),

  // Q6: venue use in 常青街道 during 2021: the monthly 六零系八零 birthday parties (Jan–Nov), the agency's supervision meetings
  ...monthly2021(22, TUE, 11).map((day, m) =>
    booking({ id: `bkg_lzl_2021_birthday_${String(m + 1).padStart(2, "0")}`, roomId: "room_zx_hall", organizationId: "org_lezhulin", requestedById: "per_zhang_leader", purpose: BookingPurpose.ACTIVITY, title: `${m + 1}月集体生日会`, expectedAttendance: 45, startsAt: at(day, "09:00"), endsAt: at(day, "11:00"), status: BookingStatus.COMPLETED, visibility: BookingVisibility.PUBLIC }),
  ),
  ...monthly2021(8, WED).map((day, m) =>
    booking({ id: `bkg_ailin_2021_supervision_${String(m + 1).padStart(2, "0")}`, roomId: "room_cq_sws_supervision", organizationId: "org_ailin", requestedById: "per_wu_supervisor", purpose: BookingPurpose.MEETING, title: "督导例会", expectedAttendance: 8, startsAt: at(day, "14:00"), endsAt: at(day, "16:00"), status: m === 5 || m === 8 ? BookingStatus.NO_SHOW : BookingStatus.COMPLETED }),
  ),
];

/** The C7 eligibility snapshot and the bookings of the demo data (DOMAIN §10.4, §10.5). */
export async function seedBookings(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.getRepository(OrgEligibility).insert(ELIGIBILITY);
    await tx.getRepository(Booking).insert(BOOKINGS);
  });
}
