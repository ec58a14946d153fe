import { statutoryDays } from "./statutory-holidays";
import { DataSource } from "typeorm";
import { BookingPolicy } from "./booking-policy.entity";
import { DEFAULT_POLICY, LEGAL_FORMS, PolicyFacts } from "./booking-policy.rules";
import { CalendarException } from "./calendar-exception.entity";
import { Equipment } from "./equipment.entity";
import { Facility } from "./facility.entity";
import { BookingPurpose, EquipmentType, ExceptionKind, FacilityType, RoomKind, Weekday } from "./facility.enums";
import { OpeningRule } from "./opening-rule.entity";
import { Room } from "./room.entity";

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

const { MON, TUE, WED, THU, FRI, SAT, SUN } = Weekday;
const WEEKDAYS = [MON, TUE, WED, THU, FRI];
type Hours = [days: Weekday[], opens: string, closes: string][];

// DOMAIN §10.4 [S25]: community rooms open 08:30–12:00 and 13:30–17:30 on weekdays, plus Saturday mornings [INF];
// the Tongling square only in the evenings; the other hours are [INF placeholders].
const OFFICE: Hours = [[WEEKDAYS, "08:30", "12:00"], [WEEKDAYS, "13:30", "17:30"]];
const CENTRE: Hours = [...OFFICE, [[SAT], "09:00", "11:30"]];
const HOURS: Record<string, Hours> = {
  fac_zx_center: CENTRE,
  fac_sly_center: CENTRE,
  fac_cq_sws: OFFICE,
  fac_sjk_sws: OFFICE,
  fac_cq_incubator: OFFICE,
  fac_jq_point: [[[...WEEKDAYS, SAT, SUN], "08:30", "11:30"], [[...WEEKDAYS, SAT, SUN], "14:30", "17:30"]],
  fac_academy_campus: [[[...WEEKDAYS, SAT], "08:30", "12:00"], [[...WEEKDAYS, SAT], "13:30", "17:30"]],
  fac_tl_square: [[[...WEEKDAYS, SAT, SUN], "18:30", "21:30"]],
};

function statutoryCalendar(): Partial<CalendarException>[] {
  return statutoryDays("2022-01-01", "2022-12-31").map(({ date, kind, note }) => ({ facilityId: null, date, kind, opens: null, closes: null, note }));
}

// The square is where the dance team meets on holiday evenings too: its own exception beats the statutory one.
const squareOnHolidays = (): Partial<CalendarException>[] =>
  statutoryCalendar()
    .filter((e) => e.kind === ExceptionKind.HOLIDAY_CLOSED)
    .map((e) => ({ ...e, facilityId: "fac_tl_square", kind: ExceptionKind.SPECIAL_HOURS, opens: "18:30", closes: "21:30", note: `${e.note}照常开放` }));

const policy = (facilityId: string, changes: Partial<PolicyFacts> = {}): BookingPolicy => ({ facilityId, ...DEFAULT_POLICY, perOrgMaxActiveBookings: 10, ...changes }) as BookingPolicy;

// DOMAIN §10.4: book ≤ 3 days ahead, ≤ 20 h per organization per month, 15 min buffer, 30 min slots; the academy
// campus plans 60 days ahead, and so may courses in the 社工站 培训室.
const POLICIES: BookingPolicy[] = [
  policy("fac_zx_center", { approvalAboveAttendance: 50 }),
  policy("fac_sly_center"),
  policy("fac_cq_sws", { purposeOverrides: [{ purpose: BookingPurpose.COURSE_SESSION, roomIds: ["room_cq_sws_training"], maxAdvanceDays: 60 }] }),
  policy("fac_sjk_sws"),
  policy("fac_cq_incubator", { maxAdvanceDays: 14, requiresApproval: true }),
  policy("fac_jq_point", { maxDurationMinutes: 180 }),
  policy("fac_academy_campus", { maxAdvanceDays: 60, maxDurationMinutes: 480, perOrgMonthlyMinutesCap: null }),
  policy("fac_tl_square", { maxAdvanceDays: 7, maxDurationMinutes: 180, bufferMinutes: 0, eligibleLegalForms: [...LEGAL_FORMS] }),
];

const item = (id: string, facilityId: string, roomId: string | null, type: EquipmentType, name: string, quantity: number, movable: boolean): Equipment => ({ id, facilityId, roomId, type, name, quantity, movable });

const EQUIPMENT: Equipment[] = [
  item("eqp_zx_hall_sound", "fac_zx_center", "room_zx_hall", EquipmentType.SOUND_SYSTEM, "多功能厅音响", 1, false),
  item("eqp_zx_hall_projector", "fac_zx_center", "room_zx_hall", EquipmentType.PROJECTOR, "多功能厅投影仪", 1, false),
  item("eqp_zx_mics", "fac_zx_center", null, EquipmentType.MICROPHONE, "无线话筒", 2, true),
  item("eqp_zx_chairs", "fac_zx_center", null, EquipmentType.CHAIRS, "折叠椅", 40, true),
  item("eqp_zx_tables", "fac_zx_center", null, EquipmentType.TABLES, "折叠桌", 10, true),
  item("eqp_cq_sws_projector", "fac_cq_sws", "room_cq_sws_training", EquipmentType.PROJECTOR, "培训室投影仪", 1, false),
  item("eqp_sly_bp", "fac_sly_center", null, EquipmentType.BLOOD_PRESSURE_MONITOR, "电子血压计", 2, true),
  item("eqp_jq_hair", "fac_jq_point", null, EquipmentType.HAIRDRESSING_KIT, "理发工具箱", 1, true),
  item("eqp_jq_chairs", "fac_jq_point", null, EquipmentType.CHAIRS, "折叠椅", 15, true),
];

/** The venues, their rooms, hours, holidays, policies and equipment of the demo data (DOMAIN §10.4). */
export async function seedFacilities(db: DataSource): Promise<void> {
  await db.transaction(async (tx) => {
    await tx.getRepository(Facility).insert(FACILITIES);
    await tx.getRepository(Room).insert(ROOMS);
    await tx.getRepository(OpeningRule).insert(Object.entries(HOURS).flatMap(([facilityId, hours]) => hours.map(([days, opens, closes]) => ({ facilityId, days, opens, closes }))));
    await tx.getRepository(CalendarException).insert([...statutoryCalendar(), ...squareOnHolidays()]);
    await tx.getRepository(BookingPolicy).insert(POLICIES);
    await tx.getRepository(Equipment).insert(EQUIPMENT);
  });
}
