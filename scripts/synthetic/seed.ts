import { performance } from "node:perf_hooks";
import { DataSource } from "typeorm";
import { Academy } from "../../subgraphs/academy/academies";
import { Course, CourseOffering } from "../../subgraphs/academy/courses";
import { Enrollment } from "../../subgraphs/academy/enrollment";
import { CourseSession } from "../../subgraphs/academy/sessions";
import { academySubgraph } from "../../subgraphs/academy/subgraph";
import { Application } from "../../subgraphs/funding/applications";
import { Call } from "../../subgraphs/funding/calls";
import { Funder } from "../../subgraphs/funding/funders";
import { Grant } from "../../subgraphs/funding/grants";
import { FundingProgram } from "../../subgraphs/funding/programs";
import { fundingSubgraph } from "../../subgraphs/funding/subgraph";
import { openDataSource, StoreConfig } from "../../subgraphs/kit/db";
import { SubgraphModule } from "../../subgraphs/kit/server";
import { ServiceActivity, VolunteerHourLine } from "../../subgraphs/organizations/activities";
import { Area, Membership, Organization, Person } from "../../subgraphs/organizations/directory";
import { LeaderDependencySignalRow } from "../../subgraphs/organizations/leader-dependency";
import { organizationsSubgraph } from "../../subgraphs/organizations/subgraph";
import { SupervisionAssignment } from "../../subgraphs/organizations/supervision";
import { Booking, OrgEligibility } from "../../subgraphs/venues/bookings";
import { BookingPolicy, CalendarException, Facility, OpeningRule, Room } from "../../subgraphs/venues/facilities";
import { venuesSubgraph } from "../../subgraphs/venues/subgraph";
import { generateAcademy } from "./academy";
import { planAcademies } from "./academy-plan";
import { generateActivities } from "./activities";
import { countRows, emptyTables, insertChunked, nonEmptyTables, tableOf, TableLoad } from "./bulk";
import { generateFunding } from "./funding";
import { buildWorld } from "./manifest";
import { computeSignals } from "./signals";
import { generateSupervision } from "./supervision";
import { generateVenues } from "./venues";
import { volumesAt } from "./volumes";

export type SubgraphName = "organizations" | "academy" | "venues" | "funding";

/** The default seed: the same dataset everywhere unless asked otherwise. */
export const DEFAULT_SEED = 20220312;

export interface SyntheticOptions {
  /** 0 < scale ≤ 1; 1 is DOMAIN §11's volumes (100,000 activities, as issue 12 says). */
  scale?: number;
  seed?: number;
  stores: Record<SubgraphName, StoreConfig>;
  /** Empty the subgraphs' tables first; without it a store that holds any row is refused. */
  replace?: boolean;
  log?: (line: string) => void;
}

export interface SyntheticReport {
  scale: number;
  seed: number;
  /** Rows per table per subgraph, counted in the stores after writing. */
  counts: Record<SubgraphName, Record<string, number>>;
  generateMs: number;
  writeMs: Record<SubgraphName, number>;
  totalMs: number;
}

/** Refused to write: the store already holds data and `replace` was not given. */
export class NonEmptyStoreError extends Error {}

const MODULES: Record<SubgraphName, SubgraphModule> = { organizations: organizationsSubgraph, academy: academySubgraph, venues: venuesSubgraph, funding: fundingSubgraph };

/**
 * Generates the synthetic dataset (DOMAIN §11) from `seed` at `scale` and bulk-loads each subgraph's part into that
 * subgraph's own store, never through the API. The four stores are opened and checked first; the whole dataset is
 * then made in memory (ids across subgraphs come from one manifest) and the stores are written side by side.
 */
export async function seedSynthetic(options: SyntheticOptions): Promise<SyntheticReport> {
  const scale = options.scale ?? 1;
  const seed = options.seed ?? DEFAULT_SEED;
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const volumes = volumesAt(scale);
  const names = Object.keys(MODULES) as SubgraphName[];
  const sources = new Map<SubgraphName, DataSource>();
  try {
    for (const name of names) sources.set(name, await openDataSource(options.stores[name], MODULES[name]));
    // check every store before writing any, so a refusal leaves all four untouched
    for (const name of names) {
      const filled = await nonEmptyTables(sources.get(name)!);
      if (Object.keys(filled).length && !options.replace) {
        throw new NonEmptyStoreError(`The ${name} store is not empty (${Object.entries(filled).map(([t, n]) => `${t}: ${n}`).join(", ")}); pass --replace to empty it first.`);
      }
    }
    const generating = performance.now();
    const world = buildWorld(seed, volumes);
    const plan = planAcademies(seed, volumes, world);
    const venues = generateVenues(seed, volumes, world, plan);
    const funding = generateFunding(seed, volumes, world);
    const activities = generateActivities(seed, volumes, world, venues, funding);
    const academy = generateAcademy(seed, world, plan, venues);
    const supervision = generateSupervision(seed, world);
    const generateMs = performance.now() - generating;
    log(`generated in ${(generateMs / 1000).toFixed(1)} s (scale ${scale}, seed ${seed})`);

    const loads: Record<SubgraphName, TableLoad[]> = {
      organizations: [
        { entity: Area, rows: world.areas },
        { entity: Organization, rows: world.organizations },
        { entity: Person, rows: world.people },
        { entity: Membership, rows: world.memberships },
        { entity: SupervisionAssignment, rows: supervision },
        { entity: ServiceActivity, rows: activities.activities },
        { entity: VolunteerHourLine, rows: activities.lines },
      ],
      venues: [
        { entity: Facility, rows: venues.facilities },
        { entity: Room, rows: venues.rooms },
        { entity: OpeningRule, rows: venues.openingRules },
        { entity: BookingPolicy, rows: venues.policies },
        { entity: CalendarException, rows: venues.exceptions },
        { entity: OrgEligibility, rows: venues.eligibility },
        { entity: Booking, rows: venues.bookings },
      ],
      academy: [
        { entity: Academy, rows: academy.academies },
        { entity: Course, rows: academy.courses },
        { entity: CourseOffering, rows: academy.offerings },
        { entity: CourseSession, rows: academy.sessions },
        { entity: Enrollment, rows: academy.enrollments },
      ],
      funding: [
        { entity: Funder, rows: funding.funders },
        { entity: FundingProgram, rows: funding.programs },
        { entity: Call, rows: funding.calls },
        { entity: Application, rows: funding.applications },
        { entity: Grant, rows: funding.grants },
      ],
    };

    const writeMs = {} as Record<SubgraphName, number>;
    const counts = {} as SyntheticReport["counts"];
    await Promise.all(
      names.map(async (name) => {
        const db = sources.get(name)!;
        const begun = performance.now();
        if (options.replace) await emptyTables(db);
        const write = async (load: TableLoad) => {
          const at = performance.now();
          await insertChunked(db, load);
          log(`${name}.${tableOf(db, load.entity)}: ${load.rows.length} rows in ${((performance.now() - at) / 1000).toFixed(1)} s`);
        };
        // one table after another: writing a store's tables side by side on MySQL was measured no faster (Node builds
        // the statements and is the bottleneck on two cores), and SQLite has one writer anyway
        for (const load of loads[name]) await write(load);
        if (name === "organizations") {
          const at = performance.now();
          await computeSignals(db);
          log(`organizations.leader_dependency_signals: computed in ${((performance.now() - at) / 1000).toFixed(1)} s`);
        }
        writeMs[name] = performance.now() - begun;
        counts[name] = await countRows(db, name === "organizations" ? [...loads[name], { entity: LeaderDependencySignalRow, rows: [] }] : loads[name]);
        log(`${name}: written in ${(writeMs[name] / 1000).toFixed(1)} s`);
      }),
    );
    return { scale, seed, counts, generateMs, writeMs, totalMs: performance.now() - started };
  } finally {
    for (const db of sources.values()) if (db.isInitialized) await db.destroy();
  }
}
