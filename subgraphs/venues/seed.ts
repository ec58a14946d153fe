import { DataSource } from "typeorm";
import { Booking } from "./entities/booking.entity";
import { Facility } from "./entities/facility.entity";
import { Room } from "./entities/room.entity";
import { BookingPurpose, BookingStatus, FacilityType, RoomKind } from "./types/enums";

// DOMAIN §10.4 [INF placeholder names]: addresses are placeholders, phones use the unassigned 100-0000 range.
const FACILITIES: Facility[] = [
  { id: "fac_zx_center", name: "竹西社区党群服务中心", type: FacilityType.COMMUNITY_SERVICE_CENTER, areaCode: "340111X01C01", operatorOrgId: null, operatorName: "竹西社区居委会", address: "合肥市包河区常青街道竹西社区服务路1号", publicPhone: "100-0000-0101" },
  { id: "fac_cq_sws", name: "常青街道社工站", type: FacilityType.SOCIAL_WORK_STATION, areaCode: "340111X01", operatorOrgId: "org_ailin", operatorName: null, address: "合肥市包河区常青街道常青路2号", publicPhone: "100-0000-0102" },
  { id: "fac_cq_incubator", name: "常青街道社区社会组织孵化基地", type: FacilityType.INCUBATION_BASE, areaCode: "340111X01", operatorOrgId: null, operatorName: "常青街道办事处", address: "合肥市包河区常青街道常青路8号", publicPhone: "100-0000-0103" },
  { id: "fac_sly_center", name: "蜀麓苑社区党群服务中心", type: FacilityType.COMMUNITY_SERVICE_CENTER, areaCode: "340104Z01C01", operatorOrgId: null, operatorName: "蜀麓苑社区居委会", address: "合肥市蜀山经开区蜀麓苑社区服务路3号", publicPhone: "100-0000-0104" },
  { id: "fac_jq_point", name: "加侨悦山小区睦邻点", type: FacilityType.NEIGHBORHOOD_POINT, areaCode: "340104Z01C01P01", operatorOrgId: null, operatorName: "加侨悦山小区物业与蜀麓苑社区居委会", address: "合肥市蜀山经开区加侨悦山小区5栋架空层", publicPhone: null },
  { id: "fac_sjk_sws", name: "蜀经开区域社工站", type: FacilityType.SOCIAL_WORK_STATION, areaCode: "340104Z01", operatorOrgId: "org_shichuang", operatorName: null, address: "合肥市蜀山经开区经开路6号", publicPhone: "100-0000-0106" },
  { id: "fac_academy_campus", name: "合肥社区治理学院 教学点", type: FacilityType.ACADEMY_CAMPUS, areaCode: "340100", operatorOrgId: null, operatorName: "合肥社区治理学院", address: "合肥市学院路7号", publicPhone: "100-0000-0107" },
  { id: "fac_tl_square", name: "铜陵某小区广场", type: FacilityType.OUTDOOR_SQUARE, areaCode: "340700X01C01P01", operatorOrgId: null, operatorName: "铜陵某社区居委会", address: "铜陵市某区某小区中心广场", publicPhone: null },
];

const room = (id: string, facilityId: string, name: string, kind: RoomKind, capacity: number, features: string[] = [], bookable = true): Room => ({
  id,
  facilityId,
  name,
  kind,
  capacity,
  bookable,
  features,
});

// Incubation desks are let by tenancy (孵化入驻), not booked by the hour.
const ROOMS: Room[] = [
  room("room_zx_hall", "fac_zx_center", "多功能厅", RoomKind.MULTIPURPOSE_HALL, 60, ["舞台", "无障碍通道"]),
  room("room_zx_a", "fac_zx_center", "活动室A", RoomKind.ACTIVITY_ROOM, 20),
  room("room_zx_meeting", "fac_zx_center", "会议室", RoomKind.MEETING_ROOM, 12),
  room("room_cq_sws_supervision", "fac_cq_sws", "督导室", RoomKind.MEETING_ROOM, 8),
  room("room_cq_sws_training", "fac_cq_sws", "培训室", RoomKind.CLASSROOM, 40, ["可移动桌椅", "白板"]),
  ...[1, 2, 3, 4, 5, 6].map((n) => room(`room_cq_inc_desk_${n}`, "fac_cq_incubator", `孵化工位${n}`, RoomKind.INCUBATION_DESK, 4, [], false)),
  room("room_cq_inc_hall", "fac_cq_incubator", "路演厅", RoomKind.MULTIPURPOSE_HALL, 80, ["舞台"]),
  room("room_sly_activity", "fac_sly_center", "活动室", RoomKind.ACTIVITY_ROOM, 30),
  room("room_jq_corner", "fac_jq_point", "活动角", RoomKind.ACTIVITY_ROOM, 15),
  room("room_sjk_meeting", "fac_sjk_sws", "会议室", RoomKind.MEETING_ROOM, 16),
  room("room_academy_class", "fac_academy_campus", "教室", RoomKind.CLASSROOM, 50, ["白板"]),
  room("room_tl_square", "fac_tl_square", "广场", RoomKind.OUTDOOR_AREA, 80, ["露天", "仅限傍晚"]),
];

const at = (day: string, time: string) => new Date(`${day}T${time}:00+08:00`);

// DOMAIN §10.5: the academy's 骨干培养 sessions (14:00–16:00) sit inside these 13:30–16:30 bookings.
const COURSE_DAYS = ["2022-03-22", "2022-03-29", "2022-04-12", "2022-04-19"];

const BOOKINGS: Booking[] = [
  ...COURSE_DAYS.map((day, i) => ({
    id: `bkg_bs2022s1_${i + 1}`,
    roomId: "room_cq_sws_training",
    organizationId: "org_ailin",
    requestedById: null,
    purpose: BookingPurpose.COURSE_SESSION,
    title: "骨干培养与团队传承",
    expectedAttendance: 30,
    startsAt: at(day, "13:30"),
    endsAt: at(day, "16:30"),
    status: BookingStatus.CONFIRMED,
    holdExpiresAt: null,
  })),
  { id: "bkg_lzl_202203_birthday", roomId: "room_zx_hall", organizationId: "org_lezhulin", requestedById: "per_zhang_leader", purpose: BookingPurpose.ACTIVITY, title: "二月集体生日会", expectedAttendance: 45, startsAt: at("2022-02-22", "09:00"), endsAt: at("2022-02-22", "11:00"), status: BookingStatus.COMPLETED, holdExpiresAt: null },
  { id: "bkg_jq_202203_meeting", roomId: "room_sly_activity", organizationId: "org_jiaqiao", requestedById: "per_liu_leader", purpose: BookingPurpose.MEETING, title: "巡逻排班会", expectedAttendance: 12, startsAt: at("2022-03-14", "14:00"), endsAt: at("2022-03-14", "15:00"), status: BookingStatus.CONFIRMED, holdExpiresAt: null },
];

/** Loads the venues part of the demo data (DOMAIN §10.4) once, into an empty store. */
export async function seedVenues(db: DataSource): Promise<void> {
  if ((await db.getRepository(Facility).count()) > 0) return;
  await db.transaction(async (tx) => {
    await tx.getRepository(Facility).insert(FACILITIES);
    await tx.getRepository(Room).insert(ROOMS);
    await tx.getRepository(Booking).insert(BOOKINGS);
  });
}
