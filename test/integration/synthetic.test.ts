import { createHash } from "node:crypto";
import { pinClock } from "@kit/clock";
import { openDataSource, StoreConfig } from "@kit/db";
import { freshTestStore, signedRequest, startTestSubgraph } from "@kit/testing";
import { academySubgraph } from "@subgraphs/academy/subgraph";
import { fundingSubgraph } from "@subgraphs/funding/subgraph";
import { organizationsSubgraph } from "@subgraphs/organizations/subgraph";
import { venuesSubgraph } from "@subgraphs/venues/subgraph";
import { ExceptionFacts, openingHoursOn, Weekday } from "@subgraphs/venues/facilities";
import { seedSynthetic, SubgraphName, SyntheticReport } from "@scripts/synthetic/seed";
import { DataSource } from "typeorm";

// npm run seed:synthetic at a small scale, on the store this run uses (SQLite, or MySQL with DATABASE_URL).
const MODULES = { organizations: organizationsSubgraph, academy: academySubgraph, venues: venuesSubgraph, funding: fundingSubgraph };
const NAMES = Object.keys(MODULES) as SubgraphName[];
const SCALE = 0.01;
const DEMO_NOW = new Date("2022-03-12T09:00:00+08:00");

type Row = Record<string, any>;
let stores: Record<SubgraphName, StoreConfig>;
let report: SyntheticReport;
const dbs = {} as Record<SubgraphName, DataSource>;
const rows = (name: SubgraphName, table: string): Promise<Row[]> => dbs[name].query(`SELECT * FROM ${table}`);

async function freshStores(): Promise<Record<SubgraphName, StoreConfig>> {
  const out = {} as Record<SubgraphName, StoreConfig>;
  for (const name of NAMES) out[name] = await freshTestStore(name);
  return out;
}

/** A digest per table of its rows, sorted, so two loads compare row for row. */
async function digests(of: Record<SubgraphName, StoreConfig>): Promise<Record<string, string>> {
  const out: Record<string, string> = {};
  for (const name of NAMES) {
    const db = await openDataSource(of[name], MODULES[name]);
    try {
      for (const meta of db.entityMetadatas) {
        const all = ((await db.query(`SELECT * FROM ${meta.tableName}`)) as Row[]).map((r) => JSON.stringify(r)).sort();
        out[`${name}.${meta.tableName}`] = createHash("sha256").update(all.join("\n")).digest("hex");
      }
    } finally {
      await db.destroy();
    }
  }
  return out;
}

beforeAll(async () => {
  stores = await freshStores();
  report = await seedSynthetic({ scale: SCALE, stores });
  for (const name of NAMES) dbs[name] = await openDataSource(stores[name], MODULES[name]);
});
afterAll(async () => {
  pinClock(null);
  for (const db of Object.values(dbs)) await db?.destroy();
});

test("the volumes scale as promised (DOMAIN §11 at 1%; 100,000 activities at scale 1)", () => {
  const { organizations, venues, academy, funding } = report.counts;
  expect(organizations.organizations).toBe(100);
  expect(organizations.service_activities).toBe(1000);
  expect(venues.bookings).toBe(1000);
  expect(venues.org_eligibility).toBe(100);
  expect(funding.applications).toBe(20);
  // people ≈ 11 per organization, memberships ≈ 12, enrollments ≈ 20 per offering, grants ≈ 40% of applications
  expect(organizations.people).toBeGreaterThan(900);
  expect(organizations.people).toBeLessThan(1400);
  expect(organizations.memberships).toBeGreaterThan(organizations.people);
  expect(organizations.memberships).toBeLessThan(1500);
  expect(academy.course_offerings).toBe(11);
  expect(academy.enrollments).toBeGreaterThan(120);
  expect(academy.enrollments).toBeLessThan(300);
  expect(funding.grants).toBeGreaterThanOrEqual(4);
  expect(funding.grants).toBeLessThanOrEqual(14);
});

test("the same seed gives the same rows, another seed other rows", async () => {
  const again = await freshStores();
  await seedSynthetic({ scale: SCALE, stores: again });
  const other = await freshStores();
  await seedSynthetic({ scale: SCALE, seed: 7, stores: other });
  const [first, second, third] = [await digests(stores), await digests(again), await digests(other)];
  expect(second).toEqual(first);
  expect(third["organizations.people"]).not.toBe(first["organizations.people"]);
  expect(third["venues.bookings"]).not.toBe(first["venues.bookings"]);
});

test("refuses a store that holds rows unless told to replace them", async () => {
  await expect(seedSynthetic({ scale: SCALE, stores })).rejects.toThrow(/not empty.*--replace/);
  const again = await seedSynthetic({ scale: SCALE, stores, replace: true });
  expect(again.counts).toEqual(report.counts);
});

test("C1 and C2: no two bookings that hold a room overlap within its buffer, and each lies inside the opening hours", async () => {
  const rooms = new Map((await rows("venues", "rooms")).map((r) => [r.id, r]));
  const buffer = new Map((await rows("venues", "booking_policies")).map((p) => [p.facilityId, Number(p.bufferMinutes)]));
  const rules = await rows("venues", "opening_rules");
  const exceptions = await rows("venues", "calendar_exceptions");
  const parse = (v: unknown) => (typeof v === "string" ? JSON.parse(v) : v);
  const ruleFacts = (facilityId: string) => rules.filter((r) => r.facilityId === facilityId).map((r) => ({ days: parse(r.days) as Weekday[], opens: r.opens, closes: r.closes }));
  const time = (v: unknown) => (v instanceof Date ? v : new Date(`${String(v).replace(" ", "T")}Z`)).getTime();
  const holding = (await rows("venues", "bookings")).filter((b) => ["HELD", "PENDING_APPROVAL", "CONFIRMED", "CHECKED_IN", "COMPLETED", "NO_SHOW"].includes(b.status));
  expect(holding.length).toBeGreaterThan(800);
  const byRoom = new Map<string, Row[]>();
  for (const b of holding) byRoom.set(b.roomId, [...(byRoom.get(b.roomId) ?? []), b]);
  const overlaps: string[] = [];
  const outside: string[] = [];
  for (const [roomId, list] of byRoom) {
    const facilityId = rooms.get(roomId)!.facilityId;
    const gap = buffer.get(facilityId)! * 60_000;
    list.sort((a, b) => time(a.startsAt) - time(b.startsAt));
    for (let i = 1; i < list.length; i++) if (time(list[i].startsAt) < time(list[i - 1].endsAt) + gap) overlaps.push(`${list[i - 1].id} ${list[i].id}`);
    for (const b of list) {
      const start = new Date(time(b.startsAt) + 8 * 3_600_000);
      const day = start.toISOString().slice(0, 10);
      const from = start.getUTCHours() * 60 + start.getUTCMinutes();
      const to = from + (time(b.endsAt) - time(b.startsAt)) / 60_000;
      const hours = openingHoursOn(day, ruleFacts(facilityId), exceptions as ExceptionFacts[]);
      if (!hours.intervals.some((i) => i.from <= from && to <= i.to)) outside.push(`${b.id} ${day} ${from}-${to}`);
    }
  }
  expect(overlaps).toEqual([]);
  expect(outside).toEqual([]);
});

test("every id one subgraph keeps of another's rows resolves there", async () => {
  const ids = async (name: SubgraphName, table: string, column = "id") => new Set((await rows(name, table)).map((r) => r[column]));
  const [orgs, people, areas, bookings, grants] = [
    await ids("organizations", "organizations"),
    await ids("organizations", "people"),
    await ids("organizations", "areas", "code"),
    await ids("venues", "bookings"),
    await ids("funding", "grants"),
  ];
  const active = new Set((await rows("organizations", "memberships")).filter((m) => m.leftOn === null).map((m) => `${m.personId}|${m.organizationId}`));
  const missing = (values: unknown[], known: Set<unknown>) => values.filter((v) => v !== null && !known.has(v));

  const venueBookings = await rows("venues", "bookings");
  expect(missing(venueBookings.map((b) => b.organizationId), orgs)).toEqual([]);
  expect(missing(venueBookings.flatMap((b) => [b.requestedById, b.sponsorPersonId]), people)).toEqual([]);
  expect(missing((await rows("venues", "facilities")).map((f) => f.areaCode), areas)).toEqual([]);
  expect([...(await ids("venues", "org_eligibility", "organizationId"))].sort()).toEqual([...orgs].sort());

  const enrollments = await rows("academy", "enrollments");
  expect(enrollments.filter((e) => !active.has(`${e.personId}|${e.organizationId}`))).toEqual([]);
  expect(missing((await rows("academy", "academies")).flatMap((a) => [a.operatorOrgId, a.areaCode]), new Set([...orgs, ...areas]))).toEqual([]);
  const sessions = (await rows("academy", "course_sessions")).filter((s) => s.bookingId !== null);
  expect(sessions.length).toBeGreaterThan(0);
  expect(missing(sessions.map((s) => s.bookingId), bookings)).toEqual([]);
  const courseBookings = new Map(venueBookings.map((b) => [b.id, b]));
  expect(sessions.filter((s) => courseBookings.get(s.bookingId)!.purpose !== "COURSE_SESSION")).toEqual([]);
  // a session sits inside its booking (DOMAIN §4)
  const instant = (v: unknown) => (v instanceof Date ? v : new Date(`${String(v).replace(" ", "T")}Z`)).getTime();
  const outside = sessions.filter((s) => {
    const booking = courseBookings.get(s.bookingId)!;
    return instant(s.startsAt) < instant(booking.startsAt) || instant(s.endsAt) > instant(booking.endsAt);
  });
  expect(outside).toEqual([]);

  const applications = await rows("funding", "applications");
  expect(missing(applications.map((a) => a.applicantOrgId), orgs)).toEqual([]);
  expect(missing((await rows("funding", "grants")).map((g) => g.organizationId), orgs)).toEqual([]);
  expect(new Set(applications.map((a) => `${a.callId}|${a.applicantOrgId}`)).size).toBe(applications.length);

  const activities = await rows("organizations", "service_activities");
  expect(missing(activities.map((a) => a.bookingId), bookings)).toEqual([]);
  expect(missing(activities.map((a) => a.grantId), grants)).toEqual([]);
  expect(activities.some((a) => a.bookingId !== null) && activities.some((a) => a.grantId !== null)).toBe(true);
});

test("enrollments keep to each offering's seats and waitlist (DOMAIN §8.4)", async () => {
  const offerings = await rows("academy", "course_offerings");
  const enrollments = await rows("academy", "enrollments");
  for (const offering of offerings) {
    const own = enrollments.filter((e) => e.offeringId === offering.id);
    expect(own.filter((e) => ["ENROLLED", "COMPLETED", "INCOMPLETE", "WITHDRAWN"].includes(e.status)).length).toBeLessThanOrEqual(offering.capacity);
    expect(own.filter((e) => e.status === "WAITLISTED").length).toBeLessThanOrEqual(offering.waitlistCap);
    expect(new Set(own.map((e) => e.personId)).size).toBe(own.length);
  }
});

test("the subgraphs serve it: the directory of a district, Q7 for a supervisor, free rooms next Tuesday", async () => {
  pinClock(DEMO_NOW);
  const organizations = await startTestSubgraph(organizationsSubgraph, { store: stores.organizations });
  const venues = await startTestSubgraph(venuesSubgraph, { store: stores.venues });
  try {
    const areas = await rows("organizations", "areas");
    const district = areas.find((a) => a.level === "DISTRICT" && areas.some((c) => c.level === "COMMUNITY" && c.path.startsWith(a.path)))!;
    const homes = new Set(areas.filter((a) => a.path.startsWith(district.path)).map((a) => a.code));
    const expected = (await rows("organizations", "organizations")).filter((o) => homes.has(o.homeAreaCode)).length;
    const directory = await signedRequest(organizations.url, `query($area: ID!) { organizations(filter: { areaCode: $area }, first: 20) { totalCount nodes { id name } } }`, { area: district.code });
    expect(directory.body.errors).toBeUndefined();
    expect(directory.body.data.organizations.totalCount).toBe(expected);
    expect(directory.body.data.organizations.nodes).toHaveLength(Math.min(20, expected));

    // Q7: a supervisor's organizations at risk, from the assignments and the signals computed after the load
    const assignments = await rows("organizations", "supervision_assignments");
    const level = new Map((await rows("organizations", "leader_dependency_signals")).map((r) => [r.organizationId, r.level]));
    const supervisor = assignments[0].supervisorPersonId;
    const atRisk = assignments.filter((a) => a.supervisorPersonId === supervisor && ["HIGH", "MEDIUM"].includes(level.get(a.organizationId)));
    const q7 = await signedRequest(
      organizations.url,
      `{ organizations(filter: { supervisedByMe: true, leaderDependency: [HIGH, MEDIUM] }, first: 50) { totalCount nodes { id leaderDependency { level } } } }`,
      {},
      // a supervisor's token lists the organizations they supervise (leader-dependency.policy)
      { personId: supervisor, roles: ["SUPERVISOR"], orgIds: assignments.filter((a) => a.supervisorPersonId === supervisor).map((a) => a.organizationId) },
    );
    expect(q7.body.errors).toBeUndefined();
    expect(atRisk.length).toBeGreaterThan(0);
    expect(q7.body.data.organizations.totalCount).toBe(atRisk.length);

    const community = areas.find((a) => a.level === "COMMUNITY")!;
    const free = await signedRequest(
      venues.url,
      `query($area: ID!, $date: Date!) { availableRooms(near: { areaCode: $area }, date: $date, window: { from: "08:30", to: "17:30" }, minDurationMinutes: 60) { room { id name } freeSlots { startsAt endsAt } } }`,
      { area: community.code, date: "2022-03-15" },
    );
    expect(free.body.errors).toBeUndefined();
    expect(free.body.data.availableRooms.length).toBeGreaterThan(0);
  } finally {
    await organizations.stop();
    await venues.stop();
  }
});
