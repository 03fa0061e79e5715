/**
 * The routing rule over the shipped organisation (22 districts, 60 offices), with work that
 * stays open for a while and then completes: how evenly it spreads requests over the eligible
 * offices of each district (Gini and max/min ratio per unit of capacity), against two ways the
 * articles behind the project describe, a pick at random and the first office that comes to
 * mind, and how long one decision takes. Loads are kept in memory, so this measures the rule,
 * not Temporal's visibility.
 */
import { performance } from 'node:perf_hooks';
import { routeToOffice, type LiveOffices } from '../activities/routing';
import { fairness, gini } from '../lib/organisation/fairness';
import { loadOrganisation } from '../lib/organisation/load-organisation';
import { repoPath } from '../lib/paths';

const REQUESTS = Number(process.env.REQUESTS ?? 20_000);
/** Requests open at once, on average, across the city. */
const OPEN = Number(process.env.OPEN ?? 600);
const DOMAINS = ['urban-planning', 'transport', 'finance', 'urban-services', 'real-estate', 'citizen'];

const org = loadOrganisation(repoPath('definitions/organisation'));
const today = new Date().toISOString().slice(0, 10);
const fromFile = new Map(org.allOffices().map((office) => [office.id, org.licenceOf(office)]));

/** A seeded generator, so every run routes the same stream. */
function generator(seed: number) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

type Policy = 'rule' | 'random' | 'first';

async function run(policy: Policy) {
  const random = generator(1405);
  const loads = new Map<string, number>();
  const live: LiveOffices = {
    licences: () => Promise.resolve(fromFile),
    load: (officeId) => Promise.resolve(loads.get(officeId) ?? 0),
  };
  const open: string[] = [];
  const counts = new Map<string, Map<string, number>>();
  const times: number[] = [];
  /** At each decision, how unevenly the eligible offices were loaded for their capacity. */
  const loadGinis: number[] = [];
  for (let i = 0; i < REQUESTS; i++) {
    const district = org.districtIds()[Math.floor(random() * org.districtIds().length)] as string;
    const domain = DOMAINS[Math.floor(random() * DOMAINS.length)] as string;
    const eligible = org.eligibleOffices(domain, district, today);
    if (i >= OPEN && eligible.length > 1)
      loadGinis.push(gini(eligible.map((o) => (loads.get(o.id) ?? 0) / o.capacity)));
    let office: string | undefined;
    if (policy === 'rule') {
      const started = performance.now();
      const assignment = await routeToOffice(
        org,
        live,
        {
          trackingCode: String(100_000_000_000 + i),
          stepId: 'intake',
          serviceId: `a-${domain}-service`,
          rule: { type: 'intake-office' },
          domain,
          district,
        },
        today,
      );
      times.push(performance.now() - started);
      office = assignment.decision?.winner;
    } else if (eligible.length > 0) {
      office = (policy === 'first' ? eligible[0] : eligible[Math.floor(random() * eligible.length)])?.id;
    }
    if (!office) continue;
    loads.set(office, (loads.get(office) ?? 0) + 1);
    open.push(office);
    // Work completes in no order: a random open request closes once enough are open.
    if (open.length > OPEN) {
      const [done] = open.splice(Math.floor(random() * open.length), 1);
      if (done) loads.set(done, (loads.get(done) ?? 1) - 1);
    }
    if (eligible.some((o) => o.id === office)) {
      const key = `${domain}/${district}`;
      const byOffice = counts.get(key) ?? new Map<string, number>();
      byOffice.set(office, (byOffice.get(office) ?? 0) + 1);
      counts.set(key, byOffice);
    }
  }
  const ginis: number[] = [];
  const ratios: number[] = [];
  for (const [key, byOffice] of counts) {
    const [domain, district] = key.split('/') as [string, string];
    const eligible = org.eligibleOffices(domain, district, today);
    if (eligible.length < 2) continue;
    const report = fairness(byOffice, new Map(eligible.map((o) => [o.id, o.capacity])));
    ginis.push(report.gini);
    ratios.push(report.maxMinRatio);
  }
  times.sort((a, b) => a - b);
  loadGinis.sort((a, b) => a - b);
  ginis.sort((a, b) => a - b);
  ratios.sort((a, b) => a - b);
  const median = (values: number[]) => values[Math.floor(values.length / 2)] ?? 0;
  return {
    policy,
    pairs: ginis.length,
    medianGini: median(ginis),
    worstGini: ginis.at(-1) ?? 0,
    medianRatio: median(ratios),
    worstRatio: ratios.at(-1) ?? 0,
    medianLoadGini: median(loadGinis),
    p95LoadGini: loadGinis[Math.floor(loadGinis.length * 0.95)] ?? 0,
    decisionMedianMs: median(times),
    decisionP99Ms: times[Math.floor(times.length * 0.99)] ?? 0,
  };
}

async function main() {
  console.log(
    `routing ${REQUESTS} requests over ${org.allOffices().length} offices in ${org.districtIds().length} districts, about ${OPEN} open at once`,
  );
  const results = [];
  for (const policy of ['rule', 'random', 'first'] as const) results.push(await run(policy));
  const fmt = (n: number) => (Number.isFinite(n) ? n.toFixed(3) : 'inf');
  console.log(
    '\nopen load per capacity over the eligible offices, at each decision (what the rule evens out)',
  );
  console.table(
    results.map((r) => ({
      policy: r.policy,
      'median Gini': fmt(r.medianLoadGini),
      'p95 Gini': fmt(r.p95LoadGini),
    })),
  );
  console.log(`requests per capacity in each service domain and district (${results[0]?.pairs ?? 0} pairs)`);
  console.table(
    results.map((r) => ({
      policy: r.policy,
      'median Gini': fmt(r.medianGini),
      'worst Gini': fmt(r.worstGini),
      'median max/min': fmt(r.medianRatio),
      'worst max/min': fmt(r.worstRatio),
    })),
  );
  const [rule, random] = results;
  if (rule && random) {
    console.log(
      `rule vs random, load Gini: median ${fmt(rule.medianLoadGini / random.medianLoadGini)}x, p95 ${fmt(rule.p95LoadGini / random.p95LoadGini)}x`,
    );
    console.log(
      `one decision (in memory, ${org.allOffices().length} offices): median ${rule.decisionMedianMs.toFixed(3)} ms, p99 ${rule.decisionP99Ms.toFixed(3)} ms`,
    );
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
