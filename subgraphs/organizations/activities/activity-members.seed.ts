import { MemberRole, Membership, Person } from "../directory";

// DOMAIN §10.2 rosters. Pseudonymized names and fake phones (100-0000-xxxx, an unassigned range).
// Birth years keep each person in the same §3.2 band in 2021 and 2022.

type Row = [id: string, name: string, birthYear: number, role: MemberRole, joinedOn: string];

const { BACKBONE, MEMBER } = MemberRole;

// 乐竹邻: the leader and deputy come from the directory seed. 7 founders 2019-10, 12 by end-2020, 21 by 2021-12; bands
// UNDER_40 1, 40–59 2, 60–69 12 (leader 1956 and deputy 1959 included), 70–79 6; backbone 3 with the deputy.
const LEZHULIN: Row[] = [
  ["per_lzl_bb2", "李某英", 1958, BACKBONE, "2019-10-01"],
  ["per_lzl_m01", "陈某兰", 1954, MEMBER, "2019-10-01"],
  ["per_lzl_m02", "赵某芬", 1948, MEMBER, "2019-10-01"],
  ["per_lzl_m03", "孙某珍", 1957, MEMBER, "2019-10-01"],
  ["per_lzl_m04", "周某霞", 1946, MEMBER, "2019-10-01"],
  ["per_lzl_m05", "吴某梅", 1955, MEMBER, "2020-03-14"],
  ["per_lzl_m06", "郑某玲", 1950, MEMBER, "2020-05-09"],
  ["per_lzl_m07", "冯某华", 1960, MEMBER, "2020-07-04"],
  ["per_lzl_m08", "何某秀", 1947, MEMBER, "2020-09-12"],
  ["per_lzl_bb1", "许某军", 1972, BACKBONE, "2020-11-21"],
  ["per_lzl_m09", "朱某凤", 1953, MEMBER, "2021-03-06"],
  ["per_lzl_m10", "高某萍", 1961, MEMBER, "2021-04-10"],
  ["per_lzl_m11", "林某娟", 1949, MEMBER, "2021-05-15"],
  ["per_lzl_m12", "罗某红", 1956, MEMBER, "2021-06-19"],
  ["per_lzl_m13", "梁某涛", 1976, MEMBER, "2021-07-24"],
  ["per_lzl_m14", "宋某云", 1944, MEMBER, "2021-08-28"],
  ["per_lzl_m15", "唐某丽", 1959, MEMBER, "2021-09-25"],
  ["per_lzl_m16", "韩某", 1990, MEMBER, "2021-10-23"],
  ["per_lzl_m17", "曹某芳", 1954, MEMBER, "2021-11-20"],
];

// 加侨飞扬: 9 founders with the leader from the directory seed, exactly one backbone, no deputy.
const JIAQIAO: Row[] = [
  ["per_jq_bb1", "黄某伟", 1975, BACKBONE, "2020-02-01"],
  ["per_jq_m01", "杨某", 1982, MEMBER, "2020-02-01"],
  ["per_jq_m02", "王某丽", 1970, MEMBER, "2020-02-01"],
  ["per_jq_m03", "张某东", 1965, MEMBER, "2020-02-01"],
  ["per_jq_m04", "马某玉", 1958, MEMBER, "2020-02-01"],
  ["per_jq_m05", "胡某杰", 1988, MEMBER, "2020-02-01"],
  ["per_jq_m06", "徐某芳", 1964, MEMBER, "2020-02-01"],
  ["per_jq_m07", "谢某国", 1955, MEMBER, "2020-02-01"],
];

// Tongling dance team: the leader from the directory seed and 29 dancers, no backbone, no deputy.
const SURNAMES = Array.from("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓");
const GIVEN = Array.from("芬兰英华秀珍玲霞梅凤萍红娟丽云琴燕敏静洁");
const TL_DANCE: Row[] = Array.from({ length: 29 }, (_, i) => {
  const n = String(i + 1).padStart(2, "0");
  const joinedOn = i < 12 ? "2018-01-01" : i < 22 ? `2019-${String(i - 10).padStart(2, "0")}-01` : `2020-${String(i - 20).padStart(2, "0")}-15`;
  return [`per_tl_m${n}`, `${SURNAMES[i]}某${GIVEN[(i * 3) % GIVEN.length]}`, 1953 + ((i * 7) % 18), MEMBER, joinedOn];
});

const ROSTERS: { organizationId: string; key: string; area: string; phoneBlock: string; rows: Row[] }[] = [
  { organizationId: "org_lezhulin", key: "lzl", area: "340111X01C01", phoneBlock: "01", rows: LEZHULIN },
  { organizationId: "org_jiaqiao", key: "jq", area: "340104Z01C01P01", phoneBlock: "02", rows: JIAQIAO },
  { organizationId: "org_tl_dance", key: "tl", area: "340700X01C01P01", phoneBlock: "03", rows: TL_DANCE },
];

/** The people and active memberships the activity demo draws its volunteers from. */
export function demoMembers(): { people: Person[]; memberships: Membership[] } {
  const people: Person[] = [];
  const memberships: Membership[] = [];
  for (const roster of ROSTERS) {
    roster.rows.forEach(([id, fullName, birthYear, role, joinedOn], i) => {
      const phone = `100-0000-${roster.phoneBlock}${String(i + 1).padStart(2, "0")}`;
      people.push({ id, fullName, phone, birthYear, residentAreaCode: roster.area, consentPublicName: false });
      memberships.push({ id: `mem_${id.slice(4)}`, organizationId: roster.organizationId, personId: id, role, joinedOn, leftOn: null });
    });
  }
  return { people, memberships };
}

/** People of the rosters above who had joined `organizationId` by `day`, in roster order. */
export function rosterOn(organizationId: string, day: string): string[] {
  const rows = ROSTERS.find((r) => r.organizationId === organizationId)?.rows ?? [];
  return rows.filter(([, , , , joinedOn]) => joinedOn <= day).map(([personId]) => personId);
}
