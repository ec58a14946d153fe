import { now } from "../../kit/clock";
import { HubContext } from "../../kit/context";
import { DateRangeInput, daysBetween } from "../../kit/days";
import { parseAreaCode } from "../../kit/ids";
import { loaded } from "../../kit/loaders";
import { bookingsByRoom, effectiveStatus } from "../bookings";
import {
  checkedInterval,
  exceptionsByFacility,
  facilitiesInArea,
  openingHoursOn,
  openingRulesByFacility,
  roomsByFacility,
} from "../facilities";
import { bookingStats, BookingStatsFacts } from "./booking-stats.rules";

const NONE: BookingStatsFacts = { bookings: 0, bookedMinutes: 0, utilization: 0, noShows: 0 };

/** Area.bookingStats (Q6): public aggregates over the bookable rooms of an area's subtree. */
export class StatsService {
  async forArea(ctx: HubContext, areaCode: string, period: DateRangeInput): Promise<BookingStatsFacts> {
    const interval = checkedInterval(period, "period");
    try {
      parseAreaCode(areaCode);
    } catch {
      return NONE; // a representation whose code is not an area code has no venues
    }
    const facilities = await facilitiesInArea(ctx, null).load(areaCode);
    if (!facilities.length) return NONE;
    const ids = facilities.map((f) => f.id);
    const [roomLists, rules, exceptions] = await Promise.all([
      roomsByFacility(ctx).loadMany(ids).then(loaded),
      openingRulesByFacility(ctx).loadMany(ids).then(loaded),
      exceptionsByFacility(ctx, period).loadMany(ids).then(loaded),
    ]);
    const rooms = roomLists.flat().filter((r) => r.bookable);
    const bookings = loaded(await bookingsByRoom(ctx, interval).loadMany(rooms.map((r) => r.id))).flat();
    const days = daysBetween(period.from, period.to);
    let openMinutes = 0;
    facilities.forEach((_, f) => {
      const bookable = roomLists[f].filter((r) => r.bookable).length;
      if (!bookable) return;
      const perRoom = days.reduce((sum, day) => sum + openingHoursOn(day, rules[f], exceptions[f]).intervals.reduce((s, i) => s + i.to - i.from, 0), 0);
      openMinutes += perRoom * bookable;
    });
    const at = now();
    const inPeriod = bookings.filter((b) => b.startsAt >= interval.start && b.startsAt < interval.end).map((b) => ({ startsAt: b.startsAt, endsAt: b.endsAt, status: effectiveStatus(b, at) }));
    return bookingStats(inPeriod, openMinutes);
  }
}
