/**
 * The `add-city` line of docs/operations.md, run as an operator pastes it (on a copy of
 * deploy/cluster.yaml): the city it names joins the deployment with the processes it asks for,
 * and the cities already there keep their entries.
 */
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEPLOYMENT_FILE, loadDeployment } from '../../lib/cluster/deployment';
import { repoPath } from '../../lib/paths';

/** The arguments after `npm run cluster --` of the documented add-city line. */
function documentedAddCity(): string[] {
  const doc = readFileSync(repoPath('docs/operations.md'), 'utf8');
  const line = /^npm run cluster -- (add-city .+)$/m.exec(doc)?.[1];
  if (!line) throw new Error('docs/operations.md has no `npm run cluster -- add-city` line');
  return line.trim().split(/\s+/);
}

let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(process.env.PK_TEST_TMP ?? tmpdir(), 'add-city-'));
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

test('when the add-city line of docs/operations.md is run, then its city joins the deployment with the processes it asks for', () => {
  const file = join(dir, 'cluster.yaml');
  copyFileSync(DEPLOYMENT_FILE, file);
  const before = loadDeployment(file);
  const args = documentedAddCity();

  const said = execFileSync(
    process.execPath,
    ['--import', 'tsx', 'cli/cluster.ts', ...args, '--file', file],
    {
      cwd: repoPath(),
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );

  const name = args[1] as string;
  expect(said).toContain(`added ${name} to`);
  const after = loadDeployment(file);
  expect(after.cities.map((city) => city.name)).toEqual([...before.cities.map((city) => city.name), name]);
  const added = after.cities.find((city) => city.name === name);
  const asked = (option: string) => Number(args[args.indexOf(option) + 1]);
  expect(added?.workerCount).toBe(asked('--workers'));
  expect(added?.apiPorts).toHaveLength(asked('--apis'));
  expect(added?.namespace).toBe(name);
  // What the committed file says of its cities is unchanged.
  expect(after.cities.slice(0, before.cities.length)).toEqual(before.cities);
});
