import { EntityManager } from "typeorm";
import { FilingEvent } from "./filing-event.entity";
import { FilingRecord } from "./filing-record.entity";
import { LegalForm, MemberRole, Membership, Organization, OrgCategory, OrgForm, OrgStatus, Person } from "../directory";
import { FilingStatus } from "./filing.enums";

// Demo filings (DOMAIN §3.5, §8.1, §10.2) and the 常青街道 filing queue of Q8. Names are pseudonymized, phones fake
// (100-0000-2xxx); charter URLs, dates and 加侨飞扬's number are [INF placeholder].

const at = (local: string) => new Date(`${local}+08:00`);
const STREET_CLERK = "per_cq_street_clerk";
const COMMUNITY_CLERK = "per_zx_cmty_clerk";

const STAFF: Person[] = [
  { id: STREET_CLERK, fullName: "孙某丽", phone: "100-0000-2001", birthYear: 1983, residentAreaCode: null, consentPublicName: false },
  { id: COMMUNITY_CLERK, fullName: "周某萍", phone: "100-0000-2002", birthYear: 1979, residentAreaCode: "340111X01C01", consentPublicName: false },
];

interface QueueOrg {
  id: string;
  key: string;
  name: string;
  orgForm: OrgForm;
  category: OrgCategory;
  members: number;
  filingId: string;
  status: FilingStatus;
  submittedAt: string;
}

// The Q8 queue: prospective FILED organizations in 竹西社区 awaiting the street (fil_cq_0256 is the one Q8 accepts).
const QUEUE: QueueOrg[] = [
  { id: "org_cq_queue_1", key: "cqq1", name: "竹西社区邻里互助队", orgForm: OrgForm.TEAM, category: OrgCategory.NEIGHBOR_MUTUAL_AID, members: 11, filingId: "fil_cq_0256", status: FilingStatus.COMMUNITY_REVIEWED, submittedAt: "2022-02-21T09:30:00" },
  { id: "org_cq_queue_2", key: "cqq2", name: "竹西社区书画社", orgForm: OrgForm.SOCIETY, category: OrgCategory.HOBBY, members: 12, filingId: "fil_cq_0257", status: FilingStatus.COMMUNITY_REVIEWED, submittedAt: "2022-02-25T14:00:00" },
  { id: "org_cq_queue_3", key: "cqq3", name: "竹西社区亲子共读站", orgForm: OrgForm.STATION, category: OrgCategory.PARENT_CHILD, members: 10, filingId: "fil_cq_0258", status: FilingStatus.STREET_REVIEW, submittedAt: "2022-01-17T10:00:00" },
];

const SURNAMES = ["陈", "李", "王", "赵", "黄", "周", "吴", "徐", "孙", "胡", "朱", "高"];
const GIVEN = ["兰", "梅", "军", "霞", "平", "英", "华", "芬", "强", "玲", "红", "伟"];

function queueRows(org: QueueOrg, orgIndex: number) {
  const people: Person[] = [];
  const memberships: Membership[] = [];
  for (let i = 1; i <= org.members; i++) {
    const n = String(i).padStart(2, "0");
    people.push({
      id: `per_${org.key}_${n}`,
      fullName: `${SURNAMES[(i + orgIndex * 5) % SURNAMES.length]}某${GIVEN[(i * 7 + orgIndex) % GIVEN.length]}`,
      phone: `100-0000-2${orgIndex + 1}${n}`,
      birthYear: 1945 + ((i * 11 + orgIndex * 3) % 45),
      residentAreaCode: "340111X01C01",
      consentPublicName: false,
    });
    const role = i === 1 ? MemberRole.LEADER : i === 2 ? MemberRole.DEPUTY : i <= 4 ? MemberRole.BACKBONE : MemberRole.MEMBER;
    memberships.push({ id: `mem_${org.key}_${n}`, organizationId: org.id, personId: `per_${org.key}_${n}`, role, joinedOn: "2021-09-01", leftOn: null });
  }
  return { people, memberships };
}

function event(filingId: string, n: number, when: string, from: FilingStatus | null, to: FilingStatus, actorPersonId: string | null, actorRole: string, comment: string | null): FilingEvent {
  return { id: `fev_${filingId.slice(4)}_${n}`, filingId, at: at(when), from, to, actorPersonId, actorRole, comment };
}

/** The filing demo data: two filed teams and the Q8 queue with its organizations, people and memberships. */
export async function seedFiling(tx: EntityManager): Promise<void> {
  const filings: FilingRecord[] = [
    { id: "fil_lezhulin", organizationId: "org_lezhulin", filingNo: "CQ-BA-2019-0087", authorityAreaCode: "340111X01", status: FilingStatus.FILED, submittedAt: at("2019-11-04T10:00:00"), filedOn: "2019-12-20", declaredMemberCount: 7, charterDocumentUrl: "https://docs.hub.example/charters/org_lezhulin.pdf", venueDeclared: true },
    { id: "fil_jiaqiao", organizationId: "org_jiaqiao", filingNo: "SJK-BA-2020-0003", authorityAreaCode: "340104Z01", status: FilingStatus.FILED, submittedAt: at("2020-05-20T09:00:00"), filedOn: "2020-06-18", declaredMemberCount: 9, charterDocumentUrl: "https://docs.hub.example/charters/org_jiaqiao.pdf", venueDeclared: true },
  ];
  const events: FilingEvent[] = [
    event("fil_lezhulin", 1, "2019-11-04T10:00:00", FilingStatus.DRAFT, FilingStatus.SUBMITTED, "per_zhang_leader", "ORG_LEADER", null),
    event("fil_lezhulin", 2, "2019-11-12T15:00:00", FilingStatus.SUBMITTED, FilingStatus.COMMUNITY_REVIEWED, COMMUNITY_CLERK, "COMMUNITY_STAFF", "居委会意见:同意备案"),
    event("fil_lezhulin", 3, "2019-11-20T10:30:00", FilingStatus.COMMUNITY_REVIEWED, FilingStatus.STREET_REVIEW, STREET_CLERK, "STREET_STAFF", "材料齐全"),
    event("fil_lezhulin", 4, "2019-12-20T16:00:00", FilingStatus.STREET_REVIEW, FilingStatus.FILED, STREET_CLERK, "STREET_STAFF", null),
    event("fil_jiaqiao", 1, "2020-05-20T09:00:00", FilingStatus.DRAFT, FilingStatus.SUBMITTED, "per_liu_leader", "ORG_LEADER", null),
    event("fil_jiaqiao", 2, "2020-05-28T10:00:00", FilingStatus.SUBMITTED, FilingStatus.COMMUNITY_REVIEWED, null, "COMMUNITY_STAFF", "居委会意见:同意备案"),
    event("fil_jiaqiao", 3, "2020-06-05T10:00:00", FilingStatus.COMMUNITY_REVIEWED, FilingStatus.STREET_REVIEW, null, "STREET_STAFF", null),
    event("fil_jiaqiao", 4, "2020-06-18T10:00:00", FilingStatus.STREET_REVIEW, FilingStatus.FILED, null, "STREET_STAFF", null),
  ];
  const organizations: Organization[] = [];
  const people: Person[] = [...STAFF];
  const memberships: Membership[] = [];
  QUEUE.forEach((org, i) => {
    organizations.push({
      id: org.id, name: org.name, legalForm: LegalForm.INFORMAL, orgForm: org.orgForm, category: org.category, secondaryCategories: [], hubType: null,
      status: OrgStatus.PREPARING, foundedOn: "2021-09-01", homeAreaCode: "340111X01C01", serviceAreaCodes: [], unifiedSocialCreditCode: null,
    });
    const rows = queueRows(org, i);
    people.push(...rows.people);
    memberships.push(...rows.memberships);
    const leader = rows.people[0].id;
    filings.push({
      id: org.filingId, organizationId: org.id, filingNo: null, authorityAreaCode: "340111X01", status: org.status, submittedAt: at(org.submittedAt),
      filedOn: null, declaredMemberCount: org.members, charterDocumentUrl: `https://docs.hub.example/charters/${org.id}.pdf`, venueDeclared: true,
    });
    const submitted = org.submittedAt;
    const reviewed = submitted.replace(/T.*/, "T16:00:00");
    events.push(event(org.filingId, 1, submitted, FilingStatus.DRAFT, FilingStatus.SUBMITTED, leader, "ORG_LEADER", null));
    events.push(event(org.filingId, 2, reviewed, FilingStatus.SUBMITTED, FilingStatus.COMMUNITY_REVIEWED, COMMUNITY_CLERK, "COMMUNITY_STAFF", "居委会意见:同意,请街道审核"));
    if (org.status === FilingStatus.STREET_REVIEW) {
      events.push(event(org.filingId, 3, "2022-01-24T10:00:00", FilingStatus.COMMUNITY_REVIEWED, FilingStatus.STREET_REVIEW, STREET_CLERK, "STREET_STAFF", "材料齐全,进入审核"));
    }
  });

  await tx.getRepository(Organization).insert(organizations);
  await tx.getRepository(Person).insert(people);
  await tx.getRepository(Membership).insert(memberships);
  await tx.getRepository(FilingRecord).insert(filings);
  await tx.getRepository(FilingEvent).insert(events);
}
