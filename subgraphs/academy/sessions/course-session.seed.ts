import { DataSource } from "typeorm";
import { CourseSession } from "./course-session.entity";
import { SessionMode, SessionStatus } from "./course-session.enums";

// Tuesdays 14:00–16:00 at the 常青街道社工站 培训室; 04-05 (清明) is deliberately not scheduled (DOMAIN §10.5).
// The venues seed holds bookings bkg_bs2022s1_1…4 under exactly these ids.
const SESSION_DAYS = ["2022-03-22", "2022-03-29", "2022-04-12", "2022-04-19"];
const SESSIONS: CourseSession[] = SESSION_DAYS.map((day, i) => ({
  id: `ses_bs2022s1_${i + 1}`,
  offeringId: "off_bs2022s1",
  seq: i + 1,
  startsAt: new Date(`${day}T14:00:00+08:00`),
  endsAt: new Date(`${day}T16:00:00+08:00`),
  mode: SessionMode.ONSITE,
  status: SessionStatus.BOOKED,
  bookingId: `bkg_bs2022s1_${i + 1}`,
}));

/** The sessions of the demo offering (DOMAIN §10.5). */
export async function seedSessions(db: DataSource): Promise<void> {
  await db.getRepository(CourseSession).insert(SESSIONS);
}
