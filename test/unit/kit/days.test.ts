import { addDays, businessDayInterval, daysBetween, daysInRange, rangeProblem } from "@kit/days";

test("days move across month and leap-year ends", () => {
  expect(addDays("2022-02-28", 1)).toBe("2022-03-01");
  expect(addDays("2024-02-28", 1)).toBe("2024-02-29");
  expect(addDays("2022-01-01", -1)).toBe("2021-12-31");
});

test("a range counts both ends; a backwards range counts nothing", () => {
  expect(daysInRange("2022-03-01", "2022-03-01")).toBe(1);
  expect(daysInRange("2021-01-01", "2021-12-31")).toBe(365);
  expect(daysInRange("2022-03-02", "2022-03-01")).toBeLessThan(1);
  expect(daysBetween("2022-02-27", "2022-03-01")).toEqual(["2022-02-27", "2022-02-28", "2022-03-01"]);
  expect(daysBetween("2022-03-02", "2022-03-01")).toEqual([]);
});

test("business days are Asia/Shanghai days, half-open", () => {
  expect(businessDayInterval("2022-03-15", "2022-03-15")).toEqual({ start: new Date("2022-03-14T16:00:00Z"), end: new Date("2022-03-15T16:00:00Z") });
});

test("a backwards or too long range is a BAD_USER_INPUT problem naming the argument", () => {
  expect(rangeProblem({ from: "2022-03-01", to: "2022-03-31" }, "period", 366)).toBeNull();
  expect(rangeProblem({ from: "2022-03-02", to: "2022-03-01" }, "period")).toEqual({
    code: "BAD_USER_INPUT",
    message: "period: from (2022-03-02) is after to (2022-03-01); give from ≤ to.",
    facts: { argument: "period" },
  });
  expect(rangeProblem({ from: "2021-01-01", to: "2022-12-31" }, "range", 366)?.message).toBe("range: 2021-01-01…2022-12-31 spans 730 days; ask for at most 366 days at a time.");
});
