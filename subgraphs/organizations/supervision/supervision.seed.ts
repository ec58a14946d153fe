import { EntityManager } from "typeorm";
import { SupervisionAssignment } from "./supervision-assignment.entity";
import { SupervisionVisit } from "./supervision-visit.entity";
import { SupervisionVisitType } from "./supervision.enums";

// §10.2: 吴某 of 爱邻 supervises 乐竹邻; 沈某强 of 实创 works with 加侨飞扬 (its social-worker training).
const ASSIGNMENTS: SupervisionAssignment[] = [
  { id: "sup_wu_lezhulin", organizationId: "org_lezhulin", agencyOrgId: "org_ailin", supervisorPersonId: "per_wu_supervisor", since: "2020-01-01", until: null, cadence: "MONTHLY" },
  { id: "sup_shen_jiaqiao", organizationId: "org_jiaqiao", agencyOrgId: "org_shichuang", supervisorPersonId: "per_shen_worker", since: "2021-03-01", until: null, cadence: "MONTHLY" },
];

const visit = (id: string, assignmentId: string, date: string, type: SupervisionVisitType, shareWithLeader: boolean, notes: string): SupervisionVisit => ({
  id,
  assignmentId,
  date,
  type,
  notes,
  shareWithLeader,
  recordedAt: new Date(`${date}T17:00:00+08:00`),
});

// §1.6 [A]: supervisors help leaders 设计预案、总结经验 and cultivate backbone members.
const VISITS: SupervisionVisit[] = [
  visit("svis_wu_202104", "sup_wu_lezhulin", "2021-04-08", SupervisionVisitType.BACKBONE_COACHING, true, "与副队长商定骨干轮值:每月由一名骨干牵头组织集体生日会。建议吸收小区年轻居民参与手工活动。"),
  visit("svis_wu_202106", "sup_wu_lezhulin", "2021-06-15", SupervisionVisitType.PLAN_DESIGN, false, "入户探访预案:按高龄老人风险分级安排探访频次,独居老人每周一次。探访名单由社区提供,不外传。"),
  visit("svis_wu_202112", "sup_wu_lezhulin", "2021-12-06", SupervisionVisitType.DEBRIEF, true, "年度总结:全年服务1567人次,志愿服务1629.5小时。下一年重点培养副队长,减轻对负责人的依赖。"),
  visit("svis_shen_202105", "sup_shen_jiaqiao", "2021-05-20", SupervisionVisitType.ONSITE_OBSERVATION, true, "观察夜间巡逻排班,建议统一服装并做好安全提示。"),
];

/** The supervision assignments and visits of the demo (DOMAIN §3.6, §10.2). */
export async function seedSupervision(tx: EntityManager): Promise<void> {
  await tx.getRepository(SupervisionAssignment).insert(ASSIGNMENTS);
  await tx.getRepository(SupervisionVisit).insert(VISITS);
}
