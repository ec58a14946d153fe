import { CATEGORY, LEGAL_FORM, stars } from "./labels";
import type { PartnerDirectoryQuery } from "./operations.generated";

type Organization = NonNullable<PartnerDirectoryQuery["area"]>["organizations"]["nodes"][number];

/** The community's organizations: what the public may see of each (leader names masked by the hub). */
export function Directory({ organizations, year }: { organizations: Organization[]; year: number }) {
  if (organizations.length === 0) return <p className="empty">这个社区还没有登记的社会组织。</p>;
  return (
    <table className="directory">
      <thead>
        <tr>
          <th rowSpan={2}>组织</th>
          <th rowSpan={2}>类别</th>
          <th rowSpan={2}>法律形式</th>
          <th rowSpan={2}>负责人</th>
          <th rowSpan={2}>星级</th>
          <th colSpan={3}>{year}年服务</th>
        </tr>
        <tr>
          <th className="number">活动(场)</th>
          <th className="number">服务(人次)</th>
          <th className="number">志愿时长(小时)</th>
        </tr>
      </thead>
      <tbody>
        {organizations.map((org) => (
          <tr key={org.id} data-org={org.name}>
            <td className="name">{org.name}</td>
            <td>{CATEGORY[org.category]}</td>
            <td>{LEGAL_FORM[org.legalForm]}</td>
            <td className="leader">{org.leader?.person.displayName ?? "—"}</td>
            <td className={org.currentRating ? "stars" : "stars none"}>{org.currentRating ? `${stars(org.currentRating.stars)} ${org.currentRating.cycle}` : "暂无评级"}</td>
            <td className="number events">{org.serviceStats.serviceEvents}</td>
            <td className="number visits">{org.serviceStats.beneficiaryVisits}</td>
            <td className="number hours">{org.serviceStats.volunteerHours}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
