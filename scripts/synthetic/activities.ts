import { addDays } from "../../subgraphs/kit/days";
import { ActivityType, ServiceActivity, VerificationStatus, VolunteerHourLine } from "../../subgraphs/organizations/activities";
import { OrgCategory, OrgStatus } from "../../subgraphs/organizations/directory";
import { ACTIVITIES_FROM, ACTIVITIES_TO, at, dayOf, NOW } from "./calendar";
import { FundingRows } from "./funding";
import { World } from "./manifest";
import { ACTIVITY_TITLES } from "./names";
import { Rng } from "./rng";
import { VenueRows } from "./venues";
import { sid, Volumes } from "./volumes";

export interface ActivityRows {
  activities: ServiceActivity[];
  lines: VolunteerHourLine[];
}

const TYPES_BY_CATEGORY: Partial<Record<OrgCategory, ActivityType[]>> = {
  CULTURE_SPORTS: [ActivityType.PERFORMANCE, ActivityType.GROUP_EVENT, ActivityType.TRAINING],
  HOBBY: [ActivityType.HANDICRAFT, ActivityType.GROUP_EVENT],
  PARENT_CHILD: [ActivityType.GROUP_EVENT, ActivityType.HANDICRAFT],
  NEIGHBOR_MUTUAL_AID: [ActivityType.HAIRCUT, ActivityType.GROUP_EVENT, ActivityType.HOME_VISIT],
  HARDSHIP_ASSISTANCE: [ActivityType.HOME_VISIT, ActivityType.BIRTHDAY_PARTY, ActivityType.HANDICRAFT],
  PUBLIC_AFFAIRS: [ActivityType.PATROL, ActivityType.CLEANUP, ActivityType.MEDIATION],
  VOLUNTEER_SERVICE: [ActivityType.HOME_VISIT, ActivityType.CLEANUP, ActivityType.PATROL],
};
const OTHER_TYPES = [ActivityType.GROUP_EVENT, ActivityType.MEETING, ActivityType.TRAINING, ActivityType.OTHER];
const DAY_LIMIT = 16 * 60; // a person's volunteer minutes on one day, across organizations (DOMAIN §3.10)

/**
 * A year of service records up to the day before the demo's today, by active organizations (DOMAIN §3.10, §11):
 * volunteers are the organization's active members, lines never exceed the activity's span, nobody passes 16 h a
 * day; some records point at a booking the organization held (and take its time), some at the organization's grant
 * running that day. The 0.5% invalid lines §11 asks for are left out: they would break the checks that test the set.
 */
export function generateActivities(seed: number, volumes: Volumes, world: World, venues: VenueRows, funding: FundingRows): ActivityRows {
  const rng = Rng.forPart(seed, "activities");
  const active = world.organizations.filter((o) => o.status === OrgStatus.ACTIVE);
  const grantsByOrg = new Map<string, FundingRows["grants"]>();
  for (const g of funding.grants) grantsByOrg.set(g.organizationId, [...(grantsByOrg.get(g.organizationId) ?? []), g]);
  const streetOf = (communityCode: string) => communityCode.replace(/C\d+$/, "");
  const supervisorOf = new Map<string, string>();
  for (const o of world.organizations) {
    if (o.category === OrgCategory.PROFESSIONAL_SOCIAL_WORK && !supervisorOf.has(streetOf(o.homeAreaCode))) supervisorOf.set(streetOf(o.homeAreaCode), world.leaderOf.get(o.id)!);
  }
  const usedBookings = new Set<string>();
  const dayMinutes = new Map<string, number>();
  const span = Math.round((Date.parse(ACTIVITIES_TO) - Date.parse(ACTIVITIES_FROM)) / 86_400_000);
  const activities: ServiceActivity[] = [];
  const lines: VolunteerHourLine[] = [];
  for (let n = 0; n < volumes.activities; n++) {
    const org = rng.pick(active);
    const members = world.activeMembers.get(org.id)!;
    const type = rng.pick(TYPES_BY_CATEGORY[org.category] ?? OTHER_TYPES);
    let startsAt: Date;
    let endsAt: Date;
    let bookingId: string | null = null;
    let areaCode = rng.chance(0.5) ? rng.pick(org.serviceAreaCodes.length ? org.serviceAreaCodes : [org.homeAreaCode]) : org.homeAreaCode;
    const held = rng.chance(0.3) ? (venues.heldByOrg.get(org.id) ?? []).filter((b) => !usedBookings.has(b.id) && dayOf(b.startsAt) <= ACTIVITIES_TO) : [];
    if (held.length) {
      const booking = rng.pick(held);
      usedBookings.add(booking.id);
      bookingId = booking.id;
      startsAt = booking.startsAt;
      endsAt = booking.endsAt;
      areaCode = venues.areaOfRoom.get(booking.roomId)!;
    } else {
      const day = addDays(ACTIVITIES_FROM, rng.int(0, span));
      const start = rng.int(16, 38) * 30; // 08:00 … 19:00
      startsAt = at(day, start);
      endsAt = at(day, start + rng.pick([60, 90, 120, 150, 180, 240]));
    }
    const serviceDay = dayOf(startsAt);
    const duration = (endsAt.getTime() - startsAt.getTime()) / 60_000;
    const grant = (grantsByOrg.get(org.id) ?? []).find((g) => g.periodFrom <= serviceDay && serviceDay <= g.periodTo);
    const id = sid("act", n + 1, 7);
    // volunteers per event: lognormal, median 4 (§11 says 5; fewer keeps the line table near 400,000 at scale 1)
    const wanted = rng.lognormalInt(4, 0.5, 1, 12);
    let volunteerMinutes = 0;
    const volunteers: string[] = [];
    for (const member of rng.sample(members, wanted)) {
      const minutes = Math.max(30, duration - 30 * rng.int(0, 2));
      const key = `${member.personId}|${serviceDay}`;
      if ((dayMinutes.get(key) ?? 0) + minutes > DAY_LIMIT) continue;
      dayMinutes.set(key, (dayMinutes.get(key) ?? 0) + minutes);
      volunteers.push(member.personId);
      volunteerMinutes += minutes;
      lines.push({ id: sid("vline", lines.length + 1, 7), activityId: id, personId: member.personId, serviceDay, minutes, role: rng.pick(["服务", "组织", "记录", null]) });
    }
    const leader = world.leaderOf.get(org.id)!;
    const verification = rng.weighted({ SUPERVISOR_VERIFIED: 40, ORG_CONFIRMED: 40, UNVERIFIED: 18, REJECTED: 2 }) as VerificationStatus;
    // recorded within a week, well inside the 30 days of the 及时 rule (DOMAIN §3.10)
    const recordedAt = new Date(Math.min(endsAt.getTime() + rng.int(1, 7 * 24) * 3_600_000, NOW.getTime() - 3_600_000));
    const verified = verification !== VerificationStatus.UNVERIFIED;
    // a supervisor verifies (or rejects) with a social-work agency of the street where there is one; the leader confirms
    const supervisor = verification === VerificationStatus.ORG_CONFIRMED ? leader : supervisorOf.get(streetOf(org.homeAreaCode)) ?? leader;
    activities.push({
      id,
      organizationId: org.id,
      title: rng.pick(ACTIVITY_TITLES[type]),
      type,
      startsAt,
      endsAt,
      serviceDay,
      areaCode,
      bookingId,
      grantId: grant && rng.chance(0.6) ? grant.id : null,
      leadOrganizerId: rng.chance(0.6) || !volunteers.length ? leader : rng.pick(volunteers),
      recordedById: leader,
      recordedAt,
      beneficiaryVisits: rng.lognormalInt(12, 0.6, 1, 200),
      volunteerMinutes,
      verification,
      verifiedById: verified ? supervisor : null,
      verifiedAt: verified ? new Date(Math.min(recordedAt.getTime() + 86_400_000, NOW.getTime())) : null,
      verificationComment: verification === VerificationStatus.REJECTED ? "记录与签到表不符" : null,
      version: 1,
      supersedesId: null,
      supersededById: null,
      correctionReason: null,
    });
  }
  return { activities, lines };
}
