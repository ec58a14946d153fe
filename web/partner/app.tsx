import { useEffect, useState } from "react";
import { useQuery } from "./client";
import { DayBoard } from "./day-board";
import { Directory } from "./directory";
import { PartnerCommunitiesDocument, PartnerDirectoryDocument } from "./operations.generated";
import { isDay } from "./time";

// The demo's community and "next Tuesday" (DOMAIN §10: today is 2022-03-12); ?community=…&date=… picks others.
const DEFAULT_COMMUNITY = "340111X01C01";
const DEFAULT_DATE = "2022-03-15";

/** A community's public page: its organizations and its venues' free/busy for a day. */
export function App() {
  const params = new URLSearchParams(window.location.search);
  const [community, setCommunity] = useState(params.get("community") ?? DEFAULT_COMMUNITY);
  const [date, setDate] = useState(isDay(params.get("date") ?? "") ? params.get("date")! : DEFAULT_DATE);
  useEffect(() => window.history.replaceState(null, "", `?community=${encodeURIComponent(community)}&date=${date}`), [community, date]);

  // service stats of the last full year before the chosen day
  const year = Number(date.slice(0, 4)) - 1;
  const communities = useQuery(PartnerCommunitiesDocument, {});
  const directory = useQuery(PartnerDirectoryDocument, { community, period: { from: `${year}-01-01`, to: `${year}-12-31` } });
  const area = directory.data?.area;

  return (
    <main>
      <header>
        <div>
          <h1>{area?.name ?? "社区"} · 社区社会组织与活动场地</h1>
          <p className="note">公开信息:负责人姓名已脱敏,不显示任何个人联系方式。</p>
        </div>
        <form className="pickers" onSubmit={(event) => event.preventDefault()}>
          <label>
            社区
            <select value={community} onChange={(event) => setCommunity(event.target.value)}>
              {(communities.data?.areas ?? [{ code: community, name: community, parent: null }]).map((a) => (
                <option key={a.code} value={a.code}>
                  {a.name}
                  {a.parent ? `(${a.parent.name})` : ""}
                </option>
              ))}
            </select>
          </label>
          <label>
            场地日期
            <input type="date" value={date} required onChange={(event) => isDay(event.target.value) && setDate(event.target.value)} />
          </label>
        </form>
      </header>

      {directory.error && <p className="error">社区信息暂时无法读取:{directory.error}</p>}
      {!directory.error && directory.loading && !area && <p className="loading">加载中…</p>}
      {directory.data && !area && <p className="empty">没有这个社区。</p>}
      {area && (
        <>
          <section>
            <h2>
              社会组织 <small>共 {area.organizations.totalCount} 个</small>
            </h2>
            <Directory organizations={area.organizations.nodes} year={year} />
          </section>
          <section>
            <h2>
              活动场地 · {date} <small>绿色为开放时间,橙色为已被预约,斜纹为不开放</small>
            </h2>
            {area.facilities.length === 0 ? <p className="empty">这个社区没有登记的活动场地。</p> : area.facilities.map((facility) => <DayBoard key={facility.id} facility={facility} date={date} />)}
          </section>
        </>
      )}
    </main>
  );
}
