import { cacheTag } from "../../../platform/public-facts";
import { Feature } from "../../kit/feature";
import { rowLoader } from "../../kit/loaders";
import { referenceById } from "../../kit/schema";
import { AreaFacilitiesResolver } from "./area-facilities.resolver";
import { BookingPolicy } from "./booking-policy.entity";
import { CalendarException } from "./calendar-exception.entity";
import { Equipment } from "./equipment.entity";
import { EquipmentResolver } from "./equipment.resolver";
import { Facility } from "./facility.entity";
import { FacilityResolver } from "./facility.resolver";
import { seedFacilities } from "./facility.seed";
import { OpeningRule } from "./opening-rule.entity";
import { Room } from "./room.entity";
import { RoomResolver } from "./room.resolver";

export { BookingPolicy, CalendarException, Equipment, Facility, OpeningRule, Room };
export { BookingPurpose, EquipmentType, ExceptionKind, FacilityType, RoomKind, Weekday } from "./facility.enums";
export { equipmentByFacility, exceptionsByFacility, facilitiesInArea, openingRulesByFacility, roomsByFacility } from "./facility.loaders";
export { DEFAULT_POLICY, effectivePolicy, LEGAL_FORMS } from "./booking-policy.rules";
export type { PolicyFacts, PurposeOverrideFacts } from "./booking-policy.rules";
export { statutoryDays } from "./statutory-holidays";
export type { StatutoryDay } from "./statutory-holidays";
export { exceptionOn, openingHoursOn, openIntervals, weekdayOf } from "./calendar.rules";
export type { DayHours, ExceptionFacts, OpeningRuleFacts } from "./calendar.rules";
export { LocalTimeScalar } from "./local-time.scalar";
export { checkedInterval } from "./period";
// pure time and area helpers the other features share (day arithmetic and DateRangeInput are kit/days)
export { intersect, merge, overlaps, subtract } from "./interval.rules";
export type { Interval } from "./interval.rules";
export { formatLocalTime, localTimeMinutes } from "./local-time.rules";
export { candidatePrefixes, subtreePrefix } from "./area-subtree.rules";

/** Venues and their directory (`facility`, `facilities`), rooms and equipment, opening hours, holidays and booking policies (DOMAIN §5). */
export const facilitiesFeature: Feature = {
  name: "facilities",
  entities: [Facility, Room, Equipment, OpeningRule, CalendarException, BookingPolicy],
  resolvers: [FacilityResolver, RoomResolver, EquipmentResolver, AreaFacilitiesResolver],
  references: {
    Facility: referenceById("Facility", (ctx) => rowLoader(ctx, Facility)),
    Room: referenceById("Room", (ctx) => rowLoader(ctx, Room)),
    Equipment: referenceById("Equipment", (ctx) => rowLoader(ctx, Equipment)),
  },
  // an area's venues (Q12) change with no event yet: the gateway's TTL bounds them
  publicReads: { entities: { Area: (ref: { code: string }) => [cacheTag.area(ref.code)] } },
  seed: seedFacilities,
};
