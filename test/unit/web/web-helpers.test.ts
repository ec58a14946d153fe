import { withAuthorization } from "@web/explorer/authorization";
import { clockOf, daysText, isDay, minutesOfDay, weekdayOf } from "@web/partner/time";

describe("the explorer's Authorization header", () => {
  test("is set, replaced whatever its case, and removed for anonymous, keeping other headers", () => {
    expect(withAuthorization("", "t1")).toBe('{\n  "Authorization": "Bearer t1"\n}');
    expect(JSON.parse(withAuthorization('{"authorization":"Bearer old","x-trace":"1"}', "t2")!)).toEqual({ "x-trace": "1", Authorization: "Bearer t2" });
    expect(withAuthorization('{"Authorization":"Bearer old"}', null)).toBe("");
    expect(JSON.parse(withAuthorization('{"Authorization":"Bearer old","x-trace":"1"}', null)!)).toEqual({ "x-trace": "1" });
  });

  test("leaves headers that are not a JSON object alone", () => {
    expect(withAuthorization('{"Authorization": ', "t")).toBeNull();
    expect(withAuthorization("[1]", "t")).toBeNull();
  });
});

describe("the partner page's calendar", () => {
  test("reads instants on the Asia/Shanghai wall clock and days as weekdays", () => {
    expect(clockOf(minutesOfDay("2022-03-15T06:00:00.000Z"))).toBe("14:00");
    expect(clockOf(minutesOfDay("2022-03-15T09:30:00+08:00"))).toBe("09:30");
    expect(weekdayOf("2022-03-15")).toBe("TUE");
    expect(weekdayOf("2022-03-12")).toBe("SAT");
  });

  test("names runs of weekdays and checks calendar days", () => {
    expect(daysText(["MON", "TUE", "WED", "THU", "FRI"])).toBe("周一至周五");
    expect(daysText(["SAT", "SUN"])).toBe("周六、周日");
    expect(isDay("2022-03-15")).toBe(true);
    expect(isDay("2022-02-30")).toBe(false);
    expect(isDay("15/03/2022")).toBe(false);
  });
});
