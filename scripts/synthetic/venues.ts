import { addDays } from "../../subgraphs/kit/days";
import { LegalForm, Organization, OrgStatus } from "../../subgraphs/organizations/directory";
import { Booking, BOOKING_DEFAULTS, BookingStatus, BookingVisibility, OrgEligibility } from "../../subgraphs/venues/bookings";
import {
  BookingPolicy,
  BookingPurpose,
  CalendarException,
  DEFAULT_POLICY,
  ExceptionFacts,
  Facility,
  FacilityType,
  OpeningRule,
  openingHoursOn,
  Room,
  RoomKind,
  Weekday,
} from "../../subgraphs/venues/facilities";
import { AcademyPlan } from "./academy-plan";
import { at, BOOKINGS_FROM, BOOKINGS_TO, NOW, statutoryDays } from "./calendar";
import { World } from "./manifest";
import { ACTIVITY_TITLES } from "./names";
import { Rng } from "./rng";
import { sid, Volumes } from "./volumes";

/** The venues store's rows, and the bookings other parts refer to. */
export interface VenueRows {
  facilities: Facility[];
  rooms: Room[];
  openingRules: Omit<OpeningRule, "id">[];
  policies: BookingPolicy[];
  exceptions: Omit<CalendarException, "id">[];
  bookings: Booking[];
  eligibility: OrgEligibility[];
  /** The booking each planned course session got; a session missing here found no room. */
  sessionBookings: Map<string, { bookingId: string; day: string; status: BookingStatus }>;
  /** Bookings that took place, by organization: service records may point at them. */
  heldByOrg: Map<string, Booking[]>;
  /** Each facility's area, for records held in its rooms. */
  areaOfRoom: Map<string, string>;
}

const { MON, TUE, WED, THU, FRI, SAT, SUN } = Weekday;
const WEEKDAYS = [MON, TUE, WED, THU, FRI];
type Hours = [Weekday[], string, string][];
// DOMAIN §11: 70% weekday-only with a lunch closure [S25]; 30% also evenings or weekends
const OFFICE: Hours = [[WEEKDAYS, "08:30", "12:00"], [WEEKDAYS, "13:30", "17:30"]];
const WITH_SATURDAY: Hours = [...OFFICE, [[SAT], "09:00", "11:30"]];
const WITH_EVENINGS: Hours = [...OFFICE, [WEEKDAYS, "18:30", "21:00"]];
const SQUARE: Hours = [[[...WEEKDAYS, SAT, SUN], "18:30", "21:30"]];
const CAMPUS: Hours = [[[...WEEKDAYS, SAT], "08:30", "12:00"], [[...WEEKDAYS, SAT], "13:30", "17:30"]];

const OCCUPYING = new Set([BookingStatus.HELD, BookingStatus.PENDING_APPROVAL, BookingStatus.CONFIRMED, BookingStatus.CHECKED_IN, BookingStatus.COMPLETED, BookingStatus.NO_SHOW]);

/**
 * Facilities (DOMAIN §11: a centre per community, a social-work station per street, incubation bases, outdoor squares,
 * and a campus per city or district academy), their rooms, hours, policies and the statutory calendar, then a year of
 * bookings that keep C1 (no overlap within a room's buffer), C2 (inside opening hours, holidays closed, 调休 open)
 * and C8 (monthly minutes per organization and facility). Course sessions are booked first.
 */
export function generateVenues(seed: number, volumes: Volumes, world: World, plan: AcademyPlan): VenueRows {
  const rng = Rng.forPart(seed, "venues");
  const facilities: Facility[] = [];
  const rooms: Room[] = [];
  const openingRules: Omit<OpeningRule, "id">[] = [];
  const policies: BookingPolicy[] = [];
  const hoursOf = new Map<string, Hours>();
  const policyOf = new Map<string, BookingPolicy>();
  const facilityOfRoom = new Map<string, Facility>();
  const bookersOf = new Map<string, Organization[]>();

  const eligible = (o: Organization, informalToo: boolean) => o.status === OrgStatus.ACTIVE && (informalToo || o.legalForm !== LegalForm.INFORMAL);
  const addFacility = (type: FacilityType, name: string, areaCode: string, hours: Hours, bookers: Organization[], changes: Partial<BookingPolicy> = {}): Facility => {
    const facility: Facility = {
      id: sid("fac", facilities.length + 1, 5),
      name,
      type,
      areaCode,
      operatorOrgId: null,
      operatorName: type === FacilityType.COMMUNITY_SERVICE_CENTER ? `${name.replace(/党群服务中心$/, "")}居委会` : `${name}管理处`,
      address: `${name}服务路${rng.int(1, 200)}号`,
      publicPhone: `100-0000-${String(facilities.length + 1).padStart(4, "0").slice(-4)}`,
    };
    facilities.push(facility);
    hoursOf.set(facility.id, hours);
    for (const [days, opens, closes] of hours) openingRules.push({ facilityId: facility.id, days, opens, closes });
    // synthetic venues take bookings 180 days ahead (DOMAIN §10.4 says 3 for community rooms): the year of bookings
    // around the demo's today then lies inside every window (C3) rather than breaking it
    const policy = { facilityId: facility.id, ...DEFAULT_POLICY, maxAdvanceDays: 180, perOrgMaxActiveBookings: null, ...changes } as BookingPolicy;
    policies.push(policy);
    policyOf.set(facility.id, policy);
    bookersOf.set(facility.id, bookers);
    return facility;
  };
  const addRoom = (facility: Facility, name: string, kind: RoomKind, capacity: number, features: string[] = [], bookable = true) => {
    const room: Room = { id: sid("room", rooms.length + 1, 5), facilityId: facility.id, name, kind, capacity, bookable, features };
    rooms.push(room);
    facilityOfRoom.set(room.id, facility);
    return room;
  };

  for (const community of world.communities) {
    const hours = rng.chance(0.7) ? OFFICE : rng.chance(0.5) ? WITH_SATURDAY : WITH_EVENINGS;
    const orgs = (world.orgsByCommunity.get(community.code) ?? []).filter((o) => eligible(o, false));
    const centre = addFacility(FacilityType.COMMUNITY_SERVICE_CENTER, `${community.name}党群服务中心`, community.code, hours, orgs, { approvalAboveAttendance: 50 });
    addRoom(centre, "多功能厅", RoomKind.MULTIPURPOSE_HALL, rng.int(40, 80), ["舞台"]);
    addRoom(centre, "活动室A", RoomKind.ACTIVITY_ROOM, rng.int(15, 30));
    addRoom(centre, "会议室", RoomKind.MEETING_ROOM, rng.int(8, 16));
    if (rng.chance(0.5)) addRoom(centre, "活动室B", RoomKind.ACTIVITY_ROOM, rng.int(12, 25));
  }
  const stationOf = new Map<string, string>();
  for (const street of world.streets) {
    const orgs = (world.orgsByStreet.get(street.code) ?? []).filter((o) => eligible(o, false));
    const station = addFacility(FacilityType.SOCIAL_WORK_STATION, `${street.name}社工站`, street.code, OFFICE, orgs, {
      purposeOverrides: [{ purpose: BookingPurpose.COURSE_SESSION, roomIds: null, maxAdvanceDays: 180 }],
    });
    addRoom(station, "督导室", RoomKind.MEETING_ROOM, 8);
    stationOf.set(street.code, addRoom(station, "培训室", RoomKind.CLASSROOM, rng.int(30, 40), ["白板"]).id);
  }
  const bases = Math.max(1, Math.round(20 * (volumes.streets / 60)));
  for (let b = 0; b < bases; b++) {
    const street = world.streets[(b * 3) % world.streets.length];
    const orgs = (world.orgsByStreet.get(street.code) ?? []).filter((o) => eligible(o, false));
    const base = addFacility(FacilityType.INCUBATION_BASE, `${street.name}社区社会组织孵化基地${b >= world.streets.length ? b + 1 : ""}`, street.code, OFFICE, orgs, { requiresApproval: true });
    for (let d = 1; d <= 6; d++) addRoom(base, `孵化工位${d}`, RoomKind.INCUBATION_DESK, 4, [], false);
    addRoom(base, "路演厅", RoomKind.MULTIPURPOSE_HALL, 80, ["舞台"]);
  }
  const squares = Math.max(1, Math.round(60 * (volumes.communities / 520)));
  for (let q = 0; q < squares; q++) {
    const community = world.communities[(q * 7) % world.communities.length];
    // squares are where dance teams meet: INFORMAL teams book them with a community worker as sponsor (C7)
    const orgs = (world.orgsByCommunity.get(community.code) ?? []).filter((o) => eligible(o, true));
    const square = addFacility(FacilityType.OUTDOOR_SQUARE, `${community.name}广场${q >= world.communities.length ? q + 1 : ""}`, community.code, SQUARE, orgs, { bufferMinutes: 0, maxDurationMinutes: 180 });
    addRoom(square, "广场", RoomKind.OUTDOOR_AREA, 80, ["露天"]);
  }
  const campusRooms = new Map<string, string[]>();
  for (const academy of plan.academies.filter((a) => a.venue.kind === "campus")) {
    const campus = addFacility(FacilityType.ACADEMY_CAMPUS, `${academy.name}教学点`, academy.areaCode, CAMPUS, [], { maxDurationMinutes: 480, perOrgMonthlyMinutesCap: null });
    campusRooms.set(academy.id, [addRoom(campus, "教室1", RoomKind.CLASSROOM, 50, ["白板"]).id, addRoom(campus, "教室2", RoomKind.CLASSROOM, 40).id]);
  }

  const exceptions: Omit<CalendarException, "id">[] = statutoryDays().map((d) => ({ facilityId: null, date: d.date, kind: d.kind, opens: null, closes: null, note: d.note }));
  const exceptionFacts = exceptions as ExceptionFacts[];
  const hoursCache = new Map<string, { from: number; to: number }[]>();
  const openOn = (facilityId: string, day: string) => {
    const key = `${facilityId}|${day}`;
    let intervals = hoursCache.get(key);
    if (!intervals) {
      const rules = hoursOf.get(facilityId)!.map(([days, opens, closes]) => ({ days, opens, closes }));
      intervals = openingHoursOn(day, rules, exceptionFacts).intervals;
      hoursCache.set(key, intervals);
    }
    return intervals;
  };

  // C1 bookkeeping: what each room has taken per day, in local minutes
  const taken = new Map<string, [number, number][]>();
  const isFree = (roomId: string, day: string, from: number, to: number, buffer: number) =>
    !(taken.get(`${roomId}|${day}`) ?? []).some(([a, b]) => from < b + buffer && a - buffer < to);
  const take = (roomId: string, day: string, from: number, to: number) => {
    const key = `${roomId}|${day}`;
    const list = taken.get(key) ?? [];
    list.push([from, to]);
    taken.set(key, list);
  };
  const fits = (facilityId: string, day: string, from: number, to: number) => openOn(facilityId, day).some((i) => i.from <= from && to <= i.to);

  const bookings: Booking[] = [];
  const sessionBookings: VenueRows["sessionBookings"] = new Map();
  const statusAt = (startsAt: Date, endsAt: Date, pendingPossible: boolean): { status: BookingStatus; late: boolean } => {
    if (endsAt <= NOW) {
      const s = rng.weighted({ COMPLETED: 86, CANCELLED: 7, LATE_CANCEL: 3, NO_SHOW: 3, BUMPED: 1 });
      return s === "LATE_CANCEL" ? { status: BookingStatus.CANCELLED, late: true } : { status: s as BookingStatus, late: false };
    }
    if (startsAt <= NOW) return { status: BookingStatus.CHECKED_IN, late: false };
    const s = rng.weighted({ CONFIRMED: pendingPossible ? 80 : 90, PENDING_APPROVAL: pendingPossible ? 10 : 0, CANCELLED: 10 });
    return { status: s as BookingStatus, late: false };
  };

  // course sessions first (DOMAIN §7 saga: held, written, confirmed), each in the academy's own rooms, moved up to
  // six days later when its day is closed or taken; an online session needs no room
  for (const offering of plan.offerings) {
    const roomIds = offering.venue.kind === "campus" ? campusRooms.get(offering.venue.academyId)! : [stationOf.get(offering.venue.streetCode)!];
    const academy = plan.academies.find((a) => a.id === offering.academyId)!;
    for (const session of offering.sessions) {
      if (session.online) continue;
      const from = session.startMinute - 30; // the room is set up half an hour before the session (as in the demo)
      const to = session.endMinute;
      placement: for (let shift = 0; shift < 7; shift++) {
        const day = addDays(session.day, shift);
        if (day > BOOKINGS_TO) break;
        for (const roomId of roomIds) {
          const facility = facilityOfRoom.get(roomId)!;
          if (!fits(facility.id, day, from, to) || !isFree(roomId, day, from, to, policyOf.get(facility.id)!.bufferMinutes)) continue;
          const startsAt = at(day, from);
          const endsAt = at(day, to);
          const status = endsAt <= NOW ? BookingStatus.COMPLETED : startsAt <= NOW ? BookingStatus.CHECKED_IN : BookingStatus.CONFIRMED;
          const booking: Booking = {
            ...BOOKING_DEFAULTS,
            id: sid("bkg", bookings.length + 1, 7),
            roomId,
            organizationId: academy.operatorOrgId!,
            requestedById: world.leaderOf.get(academy.operatorOrgId!) ?? null,
            purpose: BookingPurpose.COURSE_SESSION,
            academyId: academy.id,
            title: plan.courses.find((c) => c.id === offering.courseId)!.title.slice(0, 100),
            expectedAttendance: offering.capacity,
            startsAt,
            endsAt,
            status,
            visibility: BookingVisibility.PUBLIC,
            seriesId: `ser_${offering.id.slice(4)}`,
          };
          bookings.push(booking);
          take(roomId, day, from, to);
          sessionBookings.set(session.sessionId, { bookingId: booking.id, day, status });
          break placement;
        }
      }
    }
  }

  // then the organizations' own bookings, ≈ 30% of them in weekly series (DOMAIN §11), each occurrence checked on its own
  const bookableRooms = rooms.filter((r) => r.bookable && facilityOfRoom.get(r.id)!.type !== FacilityType.ACADEMY_CAMPUS && bookersOf.get(r.facilityId)!.length);
  const minutesUsed = new Map<string, number>(); // C8: per organization, facility and month
  const days = Math.round((Date.parse(BOOKINGS_TO) - Date.parse(BOOKINGS_FROM)) / 86_400_000) + 1;
  const sponsorOf = (org: Organization) => world.leaderOf.get(rng.pick(world.orgsByCommunity.get(org.homeAreaCode)!.filter((o) => o.legalForm !== LegalForm.INFORMAL).concat([org])).id) ?? null;
  let series = 0;
  for (let attempts = 0; bookings.length < volumes.bookings && attempts < volumes.bookings * 4; attempts++) {
    const room = rng.pick(bookableRooms);
    const facility = facilityOfRoom.get(room.id)!;
    const policy = policyOf.get(facility.id)!;
    const org = rng.pick(bookersOf.get(facility.id)!);
    const firstDay = addDays(BOOKINGS_FROM, rng.int(0, days - 1));
    const band = rng.weighted({ morning: 55, afternoon: 30, evening: 15 });
    const duration = rng.pick([60, 90, 120, 180].filter((d) => d <= policy.maxDurationMinutes));
    // a series has 4–8 occurrences, so 7% of requests being series makes ≈ 30% of bookings
    const occurrences = rng.chance(0.07) ? rng.int(4, 8) : 1;
    const seriesId = occurrences > 1 ? sid("ser", ++series, 6) : null;
    const purpose = rng.weighted({ ACTIVITY: 70, MEETING: 25, OTHER: 5 }) as BookingPurpose;
    const type = rng.pick(Object.keys(ACTIVITY_TITLES));
    const title = purpose === BookingPurpose.MEETING ? rng.pick(["例会", "骨干会议", "议事会"]) : rng.pick(ACTIVITY_TITLES[type]);
    const visibility = rng.chance(0.4) ? BookingVisibility.PUBLIC : BookingVisibility.PRIVATE;
    const expectedAttendance = Math.min(room.capacity, rng.lognormalInt(12, 0.5, 3, 80));
    const sponsor = org.legalForm === LegalForm.INFORMAL ? sponsorOf(org) : null;
    for (let k = 0; k < occurrences && bookings.length < volumes.bookings; k++) {
      const day = addDays(firstDay, 7 * k);
      if (day > BOOKINGS_TO) break;
      const open = openOn(facility.id, day);
      if (!open.length) continue; // a holiday or a closed weekday: this occurrence fails alone
      const wanted = band === "morning" ? open.find((i) => i.from < 12 * 60) : band === "afternoon" ? open.find((i) => i.from >= 12 * 60 && i.from < 18 * 60) : open.find((i) => i.from >= 18 * 60);
      const interval = wanted ?? open[0];
      if (interval.to - interval.from < duration) continue;
      const slots = Math.floor((interval.to - interval.from - duration) / policy.slotMinutes);
      const from = interval.from + policy.slotMinutes * rng.int(0, slots);
      const to = from + duration;
      if (!isFree(room.id, day, from, to, policy.bufferMinutes)) continue; // a conflicting request: refused (C1), no row
      const month = `${org.id}|${facility.id}|${day.slice(0, 7)}`;
      if (policy.perOrgMonthlyMinutesCap !== null && (minutesUsed.get(month) ?? 0) + duration > policy.perOrgMonthlyMinutesCap) continue; // C8
      const startsAt = at(day, from);
      const endsAt = at(day, to);
      const needsApproval = policy.requiresApproval || (policy.approvalAboveAttendance !== null && expectedAttendance > policy.approvalAboveAttendance);
      const { status, late } = statusAt(startsAt, endsAt, needsApproval);
      const booking: Booking = {
        ...BOOKING_DEFAULTS,
        id: sid("bkg", bookings.length + 1, 7),
        roomId: room.id,
        organizationId: org.id,
        requestedById: world.leaderOf.get(org.id) ?? null,
        purpose,
        title: `${title}`.slice(0, 100),
        expectedAttendance,
        startsAt,
        endsAt,
        status,
        visibility,
        seriesId,
        sponsorPersonId: sponsor,
        statusReason: status === BookingStatus.CANCELLED ? "活动调整" : status === BookingStatus.BUMPED ? "场地临时征用(应急)" : null,
        lateCancellation: late,
        approvalRequired: needsApproval,
      };
      bookings.push(booking);
      if (OCCUPYING.has(status)) take(room.id, day, from, to);
      if (status !== BookingStatus.CANCELLED || late) minutesUsed.set(month, (minutesUsed.get(month) ?? 0) + duration);
    }
  }

  const heldByOrg = new Map<string, Booking[]>();
  for (const b of bookings) {
    if (b.status !== BookingStatus.COMPLETED || b.purpose === BookingPurpose.COURSE_SESSION) continue;
    const list = heldByOrg.get(b.organizationId) ?? [];
    list.push(b);
    heldByOrg.set(b.organizationId, list);
  }
  // the C7 snapshot of every organization: in production OrganizationEligibilityChanged events keep it; a bulk load
  // writes it directly from the same manifest the organizations store is written from
  const eligibility: OrgEligibility[] = world.organizations.map((o) => ({ organizationId: o.id, legalForm: o.legalForm, status: o.status, updatedAt: NOW, asOf: null }));
  const areaOfRoom = new Map(rooms.map((r) => [r.id, facilityOfRoom.get(r.id)!.areaCode]));
  return { facilities, rooms, openingRules, policies, exceptions, bookings, eligibility, sessionBookings, heldByOrg, areaOfRoom };
}
