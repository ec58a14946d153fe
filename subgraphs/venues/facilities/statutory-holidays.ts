import { addDays } from "../../kit/days";
import { ExceptionKind } from "./facility.enums";

type HolidaySpan = [from: string, to: string, note: string, makeup: string[]];

// The State Council's statutory holidays and makeup workdays (调休上班) [REC], from 清明 2021 to 国庆 2022: the
// demo's year and the synthetic dataset's. One table for both, so they cannot disagree.
const SPANS: HolidaySpan[] = [
  ["2021-04-03", "2021-04-05", "清明节", []],
  ["2021-05-01", "2021-05-05", "劳动节", ["2021-04-25", "2021-05-08"]],
  ["2021-06-12", "2021-06-14", "端午节", []],
  ["2021-09-19", "2021-09-21", "中秋节", ["2021-09-18"]],
  ["2021-10-01", "2021-10-07", "国庆节", ["2021-09-26", "2021-10-09"]],
  ["2022-01-01", "2022-01-03", "元旦", []],
  ["2022-01-31", "2022-02-06", "春节", ["2022-01-29", "2022-01-30"]],
  ["2022-04-03", "2022-04-05", "清明节", ["2022-04-02"]],
  ["2022-04-30", "2022-05-04", "劳动节", ["2022-04-24", "2022-05-07"]],
  ["2022-06-03", "2022-06-05", "端午节", []],
  ["2022-09-10", "2022-09-12", "中秋节", []],
  ["2022-10-01", "2022-10-07", "国庆节", ["2022-10-08", "2022-10-09"]],
];

export interface StatutoryDay {
  date: string;
  kind: ExceptionKind.HOLIDAY_CLOSED | ExceptionKind.MAKEUP_WORKDAY;
  note: string;
}

/** Every statutory holiday and makeup workday of the spans that begin in [from, to], one row per date. */
export function statutoryDays(from = "0000-01-01", to = "9999-12-31"): StatutoryDay[] {
  const days: StatutoryDay[] = [];
  for (const [first, last, note, makeup] of SPANS.filter(([first]) => first >= from && first <= to)) {
    for (let day = first; day <= last; day = addDays(day, 1)) days.push({ date: day, kind: ExceptionKind.HOLIDAY_CLOSED, note });
    for (const day of makeup) days.push({ date: day, kind: ExceptionKind.MAKEUP_WORKDAY, note: `${note}调休上班` });
  }
  return days;
}
