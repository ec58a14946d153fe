import { openingHoursOn, weekdayOf, ExceptionFacts, OpeningRuleFacts } from "@subgraphs/venues/facilities/calendar.rules";
import { ExceptionKind, Weekday } from "@subgraphs/venues/facilities/facility.enums";

const WEEKDAYS = [Weekday.MON, Weekday.TUE, Weekday.WED, Weekday.THU, Weekday.FRI];
const CENTRE: OpeningRuleFacts[] = [
  { days: WEEKDAYS, opens: "08:30", closes: "12:00" },
  { days: WEEKDAYS, opens: "13:30", closes: "17:30" },
  { days: [Weekday.SAT], opens: "09:00", closes: "11:30" },
];
const statutory = (date: string, kind: ExceptionKind, note: string): ExceptionFacts => ({ facilityId: null, date, kind, opens: null, closes: null, note });
const QINGMING: ExceptionFacts[] = [
  statutory("2022-04-02", ExceptionKind.MAKEUP_WORKDAY, "清明节调休上班"),
  statutory("2022-04-03", ExceptionKind.HOLIDAY_CLOSED, "清明节"),
  statutory("2022-04-04", ExceptionKind.HOLIDAY_CLOSED, "清明节"),
  statutory("2022-04-05", ExceptionKind.HOLIDAY_CLOSED, "清明节"),
];

test("weekdays follow the calendar date, not the UTC instant", () => {
  expect(weekdayOf("2022-03-12")).toBe(Weekday.SAT);
  expect(weekdayOf("2022-03-15")).toBe(Weekday.TUE);
  expect(weekdayOf("2022-04-02")).toBe(Weekday.SAT);
});

test("a weekday has the morning and afternoon with the lunch closure between; Saturday a morning; Sunday nothing", () => {
  expect(openingHoursOn("2022-03-15", CENTRE, []).intervals).toEqual([{ from: 510, to: 720 }, { from: 810, to: 1050 }]);
  expect(openingHoursOn("2022-03-12", CENTRE, []).intervals).toEqual([{ from: 540, to: 690 }]);
  expect(openingHoursOn("2022-03-13", CENTRE, [])).toMatchObject({ intervals: [], closedBy: null, weekday: Weekday.SUN });
});

test("a statutory holiday closes a Monday; the Saturday makeup workday (调休) opens with Monday's hours", () => {
  const holiday = openingHoursOn("2022-04-04", CENTRE, QINGMING);
  expect(holiday.intervals).toEqual([]);
  expect(holiday.closedBy).toMatchObject({ kind: ExceptionKind.HOLIDAY_CLOSED, note: "清明节" });
  expect(openingHoursOn("2022-04-02", CENTRE, QINGMING).intervals).toEqual([{ from: 510, to: 720 }, { from: 810, to: 1050 }]);
});

test("a facility's own exception beats the statutory calendar; special hours replace the day; maintenance closes it", () => {
  const square: OpeningRuleFacts[] = [{ days: Object.values(Weekday), opens: "18:30", closes: "21:30" }];
  const own: ExceptionFacts = { facilityId: "fac_tl_square", date: "2022-04-04", kind: ExceptionKind.SPECIAL_HOURS, opens: "18:30", closes: "21:30", note: "清明节照常开放" };
  expect(openingHoursOn("2022-04-04", square, [...QINGMING, own]).intervals).toEqual([{ from: 1110, to: 1290 }]);
  const maintenance: ExceptionFacts = { facilityId: "fac_x", date: "2022-03-15", kind: ExceptionKind.MAINTENANCE, opens: null, closes: null, note: "电路检修" };
  expect(openingHoursOn("2022-03-15", CENTRE, [maintenance]).closedBy?.note).toBe("电路检修");
  const short: ExceptionFacts = { facilityId: "fac_x", date: "2022-03-15", kind: ExceptionKind.SPECIAL_HOURS, opens: "10:00", closes: "11:00", note: null };
  expect(openingHoursOn("2022-03-15", CENTRE, [short]).intervals).toEqual([{ from: 600, to: 660 }]);
});
