// The few metrics the bench reads from each process's /metrics (platform/metrics.ts), in Prometheus' text format.

export interface Sample {
  name: string;
  labels: Record<string, string>;
  value: number;
}

/** The samples of a Prometheus text exposition (comments skipped). */
export function parseExposition(text: string): Sample[] {
  const samples: Sample[] = [];
  for (const line of text.split("\n")) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match) continue;
    const labels: Record<string, string> = {};
    for (const label of (match[2] ?? "").matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)) labels[label[1]] = label[2];
    samples.push({ name: match[1], labels, value: Number(match[3]) });
  }
  return samples;
}

/** The sum of the samples named `name` whose labels include `labels`, as PromQL's sum(). */
export function total(samples: Sample[], name: string, labels: Record<string, string> = {}): number {
  return samples.filter((s) => s.name === name && Object.entries(labels).every(([k, v]) => s.labels[k] === v)).reduce((sum, s) => sum + s.value, 0);
}

/** GET /metrics beside a process's /graphql, with the bench's metrics token. */
export async function scrape(graphqlUrl: string, token: string): Promise<Sample[]> {
  const response = await fetch(graphqlUrl.replace(/\/graphql$/, "/metrics"), { headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 200) throw new Error(`${graphqlUrl}: /metrics answered ${response.status}`);
  return parseExposition(await response.text());
}
