import { DataSource } from "typeorm";
import { Tenancy } from "./tenancy.entity";
import { TenancyStatus } from "./tenancy.enums";

const TENANCIES: Tenancy[] = [
  { id: "ten_lzl_cq_2021", facilityId: "fac_cq_incubator", roomId: "room_cq_inc_desk_1", organizationId: "org_lezhulin", from: "2021-09-01", to: "2022-08-31", status: TenancyStatus.ACTIVE },
];

/** The demo data's incubation tenancies (DOMAIN §10.4). */
export async function seedTenancies(db: DataSource): Promise<void> {
  await db.getRepository(Tenancy).insert(TENANCIES);
}
