import type { CSSProperties } from "react";
import { useQuery } from "./client";
import { FACILITY_TYPE } from "./labels";
import { PartnerDayBoardDocument, type PartnerDirectoryQuery } from "./operations.generated";
import { clockOf, daysText, minutesOfClock, minutesOfDay, weekdayOf } from "./time";

type Facility = NonNullable<PartnerDirectoryQuery["area"]>["facilities"][number];

/** The hours a lane spans: the day's opening hours and bookings, widened to whole hours (08:00–18:00 if none). */
function span(intervals: [number, number][]): [number, number] {
  if (intervals.length === 0) return [8 * 60, 18 * 60];
  const from = Math.min(...intervals.map(([start]) => start));
  const to = Math.max(...intervals.map(([, end]) => end));
  return [Math.floor(from / 60) * 60, Math.min(24 * 60, Math.ceil(to / 60) * 60)];
}

/** "周一至周五 08:30–12:00、13:30–17:30;周六 09:00–11:30": the weekly rules, grouped by their days. */
function openingText(rules: Facility["openingHours"]): string {
  const byDays = new Map<string, { days: Facility["openingHours"][number]["days"]; times: string[] }>();
  for (const rule of rules) {
    const key = rule.days.join(",");
    if (!byDays.has(key)) byDays.set(key, { days: rule.days, times: [] });
    byDays.get(key)!.times.push(`${rule.opens}–${rule.closes}`);
  }
  return [...byDays.values()].map(({ days, times }) => `${daysText(days)} ${times.join("、")}`).join(";");
}

/** One venue's rooms on one day: open time in green, busy blocks (titles only where the booking is public). */
export function DayBoard({ facility, date }: { facility: Facility; date: string }) {
  const { data, error, loading } = useQuery(PartnerDayBoardDocument, { facilityId: facility.id, date });
  const weekday = weekdayOf(date);
  const open = facility.openingHours.filter((rule) => rule.days.includes(weekday)).map((rule): [number, number] => [minutesOfClock(rule.opens), minutesOfClock(rule.closes)]);
  const rooms = data?.roomDayBoard ?? [];
  const busy = (b: { startsAt: string; endsAt: string }): [number, number] => [minutesOfDay(b.startsAt), Math.max(minutesOfDay(b.startsAt) + 1, minutesOfDay(b.endsAt) || 24 * 60)];
  const [from, to] = span([...open, ...rooms.flatMap((r) => r.bookings.map(busy))]);
  const place = ([start, end]: [number, number]): CSSProperties => ({ left: `${((start - from) / (to - from)) * 100}%`, width: `${((end - start) / (to - from)) * 100}%` });
  const hours = Array.from({ length: (to - from) / 60 + 1 }, (_, i) => from + i * 60);

  return (
    <article className="facility" data-facility={facility.name}>
      <h3>
        {facility.name} <small>{FACILITY_TYPE[facility.type]}</small>
      </h3>
      <p className="address">{facility.address}</p>
      <p className="opening">
        开放时间:{openingText(facility.openingHours) || "未公布"}
        {open.length === 0 && <strong> · 当天不开放</strong>}
      </p>
      {error ? (
        <p className="error">场地信息暂时无法读取:{error}</p>
      ) : loading && !data ? (
        <p className="loading">加载中…</p>
      ) : rooms.length === 0 ? (
        <p className="empty">没有可预约的房间。</p>
      ) : (
        <div className="board">
          <div className="room-row scale" aria-hidden="true">
            <div className="room-name" />
            <div className="lane">
              {hours.map((minute) => (
                <span key={minute} className="tick" style={{ left: `${((minute - from) / (to - from)) * 100}%` }}>
                  {clockOf(minute)}
                </span>
              ))}
            </div>
          </div>
          {rooms.map(({ room, bookings }) => (
            <div className="room-row" key={room.id} data-room={room.name}>
              <div className="room-name">
                {room.name}
                <small>{room.capacity}人</small>
              </div>
              <div className="lane">
                {open.map((interval) => (
                  <span key={interval.join("-")} className="open" style={place(interval)} />
                ))}
                {bookings.map((booking) => {
                  const [start, end] = busy(booking);
                  const text = `${clockOf(start)}–${clockOf(end)} ${booking.title}`;
                  return (
                    <span key={booking.id} className="busy" style={place([start, end])} title={text}>
                      {text}
                    </span>
                  );
                })}
              </div>
            </div>
          ))}
        </div>
      )}
    </article>
  );
}
