/**
 * How fast definitions load: parse (YAML with positions), validate (JSON Schema) and compile
 * (plan and static checks) every definition in the repository, then a catalog of 128 made
 * from them, as a start of the API and `pishkhan validate` do. Prints time per definition,
 * the share of each phase, and the ratio to a one-second start-up budget.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compileService } from '../lib/definitions/compile';
import { definitionFiles } from '../lib/definitions/catalog';
import { displayPath } from '../lib/definitions/load-yaml';
import { checkAgainstSchema } from '../lib/definitions/schemas';
import type { ServiceDefinition } from '../lib/generated/service-definition';
import { YamlSource } from '../lib/definitions/yaml-source';
import { loadOrganisation } from '../lib/organisation/load-organisation';
import type { Organisation } from '../lib/organisation/organisation';
import { repoPath } from '../lib/paths';

const ROUNDS = Number(process.env.ROUNDS ?? 20);
const BUDGET_MS = 1000;

interface Source {
  file: string;
  text: string;
  org: Organisation;
}

function measure(sources: Source[]) {
  const phases = { parse: 0, validate: 0, compile: 0 };
  let problems = 0;
  for (const { file, text, org } of sources) {
    let t = performance.now();
    const parsed = YamlSource.parse(file, text);
    const { data: raw } = parsed.source.data();
    phases.parse += performance.now() - t;
    t = performance.now();
    const checked = checkAgainstSchema('service', raw, parsed.source);
    phases.validate += performance.now() - t;
    t = performance.now();
    const result = compileService(raw as ServiceDefinition, parsed.source, org, checked.errorPaths);
    phases.compile += performance.now() - t;
    problems += parsed.problems.length + checked.problems.length + result.problems.length;
  }
  return { phases, problems };
}

function run(label: string, sources: Source[]) {
  measure(sources); // warm up: compiled schemas, JIT
  const totals: number[] = [];
  const sums = { parse: 0, validate: 0, compile: 0 };
  for (let i = 0; i < ROUNDS; i++) {
    const started = performance.now();
    const { phases, problems } = measure(sources);
    totals.push(performance.now() - started);
    if (problems > 0)
      throw new Error(`${label}: ${problems} problems; the benchmark needs valid definitions`);
    for (const key of Object.keys(sums) as (keyof typeof sums)[]) sums[key] += phases[key];
  }
  totals.sort((a, b) => a - b);
  const median = totals[Math.floor(totals.length / 2)] ?? NaN;
  const all = sums.parse + sums.validate + sums.compile;
  const share = (value: number) => `${Math.round((value / all) * 100)}%`;
  console.log(`${label}: ${sources.length} definitions`);
  console.log(
    `  total      median ${median.toFixed(1)} ms over ${ROUNDS} rounds (min ${totals[0]?.toFixed(1)} ms)`,
  );
  console.log(`  per file   ${(median / sources.length).toFixed(2)} ms`);
  console.log(
    `  phases     parse ${share(sums.parse)}, validate ${share(sums.validate)}, compile ${share(sums.compile)}`,
  );
  console.log(`  budget     ${(BUDGET_MS / median).toFixed(0)}x under a ${BUDGET_MS} ms start-up budget`);
}

function sourcesIn(servicesDir: string, org: Organisation): Source[] {
  return definitionFiles(servicesDir).map((path) => ({
    file: displayPath(path),
    text: readFileSync(path, 'utf8'),
    org,
  }));
}

const shippedOrg = loadOrganisation(repoPath('definitions/organisation'));
const fixtureOrg = loadOrganisation(repoPath('test/fixtures/organisation'));
const repository = [
  ...sourcesIn(repoPath('definitions/services'), shippedOrg),
  ...sourcesIn(repoPath('test/fixtures/services'), fixtureOrg),
];
run('definitions in the repository', repository);

// A catalog the size of a city's: 128 services, copies of the repository's under new ids.
const catalog = Array.from({ length: 128 }, (_, i) => {
  const source = repository[i % repository.length] as Source;
  const id = /^id: ([a-z0-9-]+)$/m.exec(source.text)?.[1] ?? 'service';
  return { ...source, file: `copy-${i}.yaml`, text: source.text.replace(/^id: .+$/m, `id: ${id}-copy-${i}`) };
});
run('a catalog of 128', catalog);
