import { join } from "node:path";
import { cellText, readSheet, rowsFromTable, SheetError } from "@scripts/org-sheets/read-sheet";
import { HeldRole } from "@subgraphs/organizations/membership-change/membership-change.rules";
import {
  changedColumns,
  checkSheet,
  CurrentOrg,
  dayProblem,
  filingNoKey,
  ImportFacts,
  leaderHandover,
  nameKey,
  phoneProblem,
  SheetRow,
} from "@subgraphs/organizations/import/organization-import.rules";
import { categoryFromTerm, orgFormFromTerm } from "@subgraphs/organizations/directory/organization-terms.rules";
import { MemberRole as R, OrgCategory, OrgForm } from "@subgraphs/organizations/directory/directory.enums";
import { FilingStatus } from "@subgraphs/organizations/filing/filing.enums";

const TODAY = "2022-03-12";
const STREET = { code: "340111X01", name: "常青街道", path: "340100/340111/340111X01/" };
const FACTS: ImportFacts = {
  today: TODAY,
  street: STREET,
  areas: new Map([
    ["340111X01", STREET],
    ["340111X01C01", { code: "340111X01C01", name: "竹西社区", path: "340100/340111/340111X01/340111X01C01/" }],
    ["340104Z01C01", { code: "340104Z01C01", name: "蜀麓苑社区", path: "340100/340104/340104Z01/340104Z01C01/" }],
  ]),
  filings: new Map([
    [filingNoKey("CQ-BA-2019-0087"), { filingId: "fil_lezhulin", organizationId: "org_lezhulin", organizationName: "乐竹邻志愿服务队", status: FilingStatus.FILED }],
    [filingNoKey("CQ-BA-2015-0009"), { filingId: "fil_gone", organizationId: "org_gone", organizationName: "旧舞蹈队", status: FilingStatus.DEREGISTERED }],
  ]),
  names: new Map([[nameKey("乐竹邻志愿服务队"), [{ organizationId: "org_lezhulin", name: "乐竹邻志愿服务队" }]]]),
};

const row = (overrides: Partial<SheetRow> = {}): SheetRow => ({
  sheetRow: 2, name: "竹西社区银龄合唱队", orgForm: "队", category: "文体娱乐类", homeAreaCode: "340111X01C01", foundedOn: "2020-05-01",
  filingNo: "CQ-BA-2020-0101", filedOn: "2020-09-15", leaderFullName: "赵某兰", leaderPhone: "100-0000-3101", declaredMemberCount: "15", ...overrides,
});
const problemsOf = (overrides: Partial<SheetRow>) => checkSheet([row(overrides)], FACTS)[0].problems.map((p) => `${p.column}: ${p.message}`);

describe("terms of DOMAIN §3.1 and §3.3", () => {
  test("forms accept the Chinese term and the canonical name, in any width and case", () => {
    expect(["队", "社", "站", "中心", "组", "team", "ＴＥＡＭ"].map((t) => orgFormFromTerm(t))).toEqual(
      [OrgForm.TEAM, OrgForm.SOCIETY, OrgForm.STATION, OrgForm.CENTER, OrgForm.GROUP, OrgForm.TEAM, OrgForm.TEAM].map((value) => ({ value })),
    );
    expect(orgFormFromTerm("协")).toEqual({ message: expect.stringMatching(/^"协" is not an organization form; write one of 队 \(TEAM\), 社 \(SOCIETY\)/) });
  });

  test("categories accept the article's terms with or without 类, and the canonical names", () => {
    expect(categoryFromTerm("文体娱乐类")).toEqual({ value: OrgCategory.CULTURE_SPORTS });
    expect(categoryFromTerm("困难帮扶")).toEqual({ value: OrgCategory.HARDSHIP_ASSISTANCE });
    expect(categoryFromTerm("neighbor_mutual_aid")).toEqual({ value: OrgCategory.NEIGHBOR_MUTUAL_AID });
    expect(categoryFromTerm("社区协商类")).toEqual({ value: OrgCategory.PUBLIC_AFFAIRS });
  });

  test("a provincial term that covers several categories is not guessed: the message names the candidates", () => {
    expect(categoryFromTerm("文体活动类")).toEqual({ message: '"文体活动类" covers several categories; write the one meant: 文体娱乐类 (CULTURE_SPORTS) or 兴趣爱好类 (HOBBY).' });
  });
});

describe("cells", () => {
  test("dates are YYYY-MM-DD, real and not in the future", () => {
    expect(dayProblem("2019-12-20", TODAY)).toBeNull();
    expect(dayProblem("2019/12/20", TODAY)).toBe('"2019/12/20" is not a date; write it as YYYY-MM-DD, e.g. 2019-12-20.');
    expect(dayProblem("2021-02-30", TODAY)).toContain("is not a date");
    expect(dayProblem("2022-03-13", TODAY)).toBe("2022-03-13 is in the future (today is 2022-03-12); give the day it happened.");
  });

  test("phones: mobiles (the demo's fake 100-0000 range too), landlines with area code, +86", () => {
    for (const ok of ["13800138000", "138 0013 8000", "+86 138-0013-8000", "100-0000-0001", "0551-63561234", "(0551)63561234", "63561234"]) expect([ok, phoneProblem(ok)]).toEqual([ok, null]);
    for (const bad of ["12345", "2380013800", "138001380001", "电话", "0551"]) expect(phoneProblem(bad)).toContain("is not a phone number");
  });

  test("names and filing numbers are compared case- and width-folded, spaces ignored", () => {
    expect(nameKey("ＡＢＣ 舞蹈队")).toBe(nameKey("abc舞蹈队"));
    expect(filingNoKey("ｃｑ-ba-2019-0087")).toBe(filingNoKey("CQ-BA-2019-0087"));
  });
});

describe("checkSheet", () => {
  test("a good row is a CREATE with its values in the store's types", () => {
    const [check] = checkSheet([row({ secondaryCategories: "志愿服务类、困难帮扶;文体娱乐类" })], FACTS);
    expect(check).toMatchObject({ action: "CREATE", target: null, problems: [] });
    // the main category is not repeated among the secondary ones
    expect(check.values).toMatchObject({ orgForm: OrgForm.TEAM, category: OrgCategory.CULTURE_SPORTS, secondaryCategories: [OrgCategory.VOLUNTEER_SERVICE, OrgCategory.HARDSHIP_ASSISTANCE], declaredMemberCount: 15 });
  });

  test("a FILED number of the street makes the row an UPDATE of that organization, whose own name is no clash", () => {
    const [check] = checkSheet([row({ filingNo: "cq-ba-2019-0087", name: "乐竹邻志愿服务队" })], FACTS);
    expect(check).toMatchObject({ action: "UPDATE", target: { organizationId: "org_lezhulin" }, problems: [] });
  });

  test("every problem of a row is reported at once, each on its column", () => {
    expect(
      problemsOf({ name: " ", orgForm: "协", category: "文体活动", homeAreaCode: "340104Z01C01", foundedOn: "2020-5-1", filedOn: "", leaderFullName: "张*琴", leaderPhone: "12345", declaredMemberCount: "十", charterUrl: "docs/charter.pdf" }),
    ).toEqual([
      "name: Missing: give the organization's name.",
      expect.stringMatching(/^orgForm: "协" is not an organization form/),
      expect.stringMatching(/^category: "文体活动" covers several categories/),
      "homeAreaCode: 蜀麓苑社区 (340104Z01C01) is not under 常青街道; give the code of a community or compound of 常青街道 (340111X01).",
      'foundedOn: "2020-5-1" is not a date; write it as YYYY-MM-DD, e.g. 2019-12-20.',
      "filedOn: Missing: give the day the filing was approved (YYYY-MM-DD).",
      "leaderFullName: The name is masked; export the sheet as staff of the street to get full names.",
      expect.stringMatching(/^leaderPhone: "12345" is not a phone number/),
      'declaredMemberCount: "十" is not a member count; write a whole number such as 12.',
      "charterUrl: Give the charter (章程) as an http(s) link of at most 300 characters, or leave it empty.",
    ]);
  });

  test("filed before founded, and too few members for the form (§8.1 minimums)", () => {
    expect(problemsOf({ foundedOn: "2021-01-01", filedOn: "2020-01-01" })).toEqual(["filedOn: Filed before it was founded (2021-01-01); fix one of the two dates."]);
    expect(problemsOf({ orgForm: "社", declaredMemberCount: "9" })).toEqual(["declaredMemberCount: A SOCIETY needs at least 10 members to be filed; fix the count or the form."]);
    expect(problemsOf({ orgForm: "", declaredMemberCount: "2" })).toEqual([]);
  });

  test("a number held by a filing that is no longer FILED is never reused; names taken under the street clash", () => {
    expect(problemsOf({ filingNo: "CQ-BA-2015-0009" })).toEqual([
      "filingNo: 旧舞蹈队 holds this number and its filing is DEREGISTERED; only FILED organizations are updated by import, and numbers are never reused.",
    ]);
    expect(problemsOf({ name: "乐竹邻志愿服务队" })).toEqual([
      'name: 常青街道 already has an organization named "乐竹邻志愿服务队" (org_lezhulin); pick another name, or give that organization\'s filing number to update it.',
    ]);
  });

  test("filing numbers and names repeated within the sheet are problems on every row involved", () => {
    const checks = checkSheet([row({ sheetRow: 2 }), row({ sheetRow: 5, name: "另一个队" }), row({ sheetRow: 8, filingNo: "CQ-BA-2020-0199" })], FACTS);
    expect(checks.map((c) => c.problems.map((p) => `${p.column}: ${p.message}`))).toEqual([
      ["filingNo: Also on row 5; each filing number may appear once.", "name: Also on row 8; each organization may appear once."],
      ["filingNo: Also on row 2; each filing number may appear once."],
      ["name: Also on row 2; each organization may appear once."],
    ]);
    expect(checks.every((c) => c.values === null)).toBe(true);
  });
});

describe("updates", () => {
  const current: CurrentOrg = {
    name: "乐竹邻志愿服务队", orgForm: OrgForm.TEAM, category: OrgCategory.HARDSHIP_ASSISTANCE, secondaryCategories: [OrgCategory.VOLUNTEER_SERVICE],
    homeAreaCode: "340111X01C01", foundedOn: "2019-10-01", filedOn: "2019-12-20", declaredMemberCount: 7, charterUrl: null, leaderFullName: "张某琴", leaderPhone: "100-0000-0001",
  };
  const values = { ...current, filingNo: "CQ-BA-2019-0087", leaderFullName: "张某琴", leaderPhone: "100-0000-0001" };

  test("the columns an UPDATE changes; a blank phone keeps the stored one", () => {
    expect(changedColumns(values, current)).toEqual([]);
    expect(changedColumns({ ...values, leaderPhone: null, secondaryCategories: [OrgCategory.VOLUNTEER_SERVICE] }, current)).toEqual([]);
    expect(changedColumns({ ...values, declaredMemberCount: 21, leaderFullName: "王某华", leaderPhone: "100-0000-0002" }, current)).toEqual(["leaderFullName", "leaderPhone", "declaredMemberCount"]);
  });

  test("a new leader takes office today and the former one stays as DEPUTY, as changeMemberRole does", () => {
    const leader: HeldRole = { id: "mem_l", personId: "per_l", role: R.LEADER, joinedOn: "2019-10-01", leftOn: null };
    const deputy: HeldRole = { id: "mem_d", personId: "per_d", role: R.DEPUTY, joinedOn: "2019-10-01", leftOn: null };
    expect(leaderHandover([leader, deputy], "per_d", TODAY)).toEqual({
      close: [{ id: "mem_d", on: TODAY }, { id: "mem_l", on: TODAY }],
      open: [{ personId: "per_d", role: R.LEADER, from: TODAY }, { personId: "per_l", role: R.DEPUTY, from: TODAY }],
    });
    expect(leaderHandover([leader], "per_new", TODAY)).toEqual({
      close: [{ id: "mem_l", on: TODAY }],
      open: [{ personId: "per_new", role: R.LEADER, from: TODAY }, { personId: "per_l", role: R.DEPUTY, from: TODAY }],
    });
  });
});

describe("the sheet side: headers and cells", () => {
  const header = ["名称", "Org form", "category", "所在社区", "备案编号", "备案日期", "负责人", "人数"];

  test("Chinese, English and camelCase headers map to the columns; blank rows are skipped, rows keep their sheet numbers", () => {
    const sheet = rowsFromTable([
      { sheetRow: 1, cells: header },
      { sheetRow: 2, cells: ["", "", "", "", "", "", "", ""] },
      { sheetRow: 3, cells: [" 乐邻读书会 ", "组", "兴趣爱好类", "340111X01C01", "CQ-BA-2022-0001", "2022-01-04", "周某", "5"] },
    ]);
    expect(sheet.rows).toEqual([
      { sheetRow: 3, name: "乐邻读书会", orgForm: "组", category: "兴趣爱好类", homeAreaCode: "340111X01C01", filingNo: "CQ-BA-2022-0001", filedOn: "2022-01-04", leaderFullName: "周某", declaredMemberCount: "5" },
    ]);
    expect(sheet.headers).toMatchObject({ name: "名称", orgForm: "Org form", leaderFullName: "负责人" });
  });

  test("unknown and missing headers stop the import before anything is sent, listing the accepted ones", () => {
    const attempt = () => rowsFromTable([{ sheetRow: 1, cells: ["名称", "备注", "主类别"] }, { sheetRow: 2, cells: ["a", "b", "c"] }]);
    expect(attempt).toThrow(SheetError);
    expect(attempt).toThrow(/unknown header\(s\) "备注"; missing 所在社区代码 \(Home area code\), 备案编号 \(Filing number\)/);
    expect(attempt).toThrow(/Accepted headers[^]*负责人电话 \| Leader phone/);
  });

  test("a CSV saved by Excel on a Chinese Windows (GB18030, CRLF) reads like a UTF-8 one", async () => {
    const sheet = await readSheet(join(__dirname, "..", "..", "fixtures", "org-sheets", "excel-gb18030.csv"));
    expect(sheet.rows).toEqual([
      { sheetRow: 2, name: "竹西社区棋牌组", category: "兴趣爱好类", homeAreaCode: "340111X01C01", filingNo: "CQ-BA-2016-0401", filedOn: "2016-06-01", leaderFullName: "褚某明", declaredMemberCount: "4" },
    ]);
  });

  test("XLSX cells: dates as YYYY-MM-DD, numbers as written, rich text, links and formula results as text", () => {
    expect(cellText(new Date(Date.UTC(2019, 11, 20)))).toBe("2019-12-20");
    expect(cellText(10000000001)).toBe("10000000001");
    expect(cellText({ richText: [{ text: "乐竹邻" }, { text: "志愿服务队" }] })).toBe("乐竹邻志愿服务队");
    expect(cellText({ text: "章程", hyperlink: "https://docs.hub.example/c.pdf" })).toBe("https://docs.hub.example/c.pdf");
    expect(cellText({ formula: "A1+1", result: 8 } as never)).toBe("8");
    expect(cellText(null)).toBe("");
  });
});
