/**
 * `pishkhan publish --api` publishes through a running system, as a designer: the system starts
 * new requests on the version it made, the local store is left alone, and anyone else is refused.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/pishkhan';
import { loadConfig } from '../../lib/config';
import { DESIGNER, fixture, startHarness, type Harness } from '../support/harness';

let system: Harness;

beforeAll(async () => {
  system = await startHarness({ servicesDir: fixture('services'), organisationDir: fixture('organisation') });
});

afterAll(async () => {
  await system.stop();
});

function designerDesk() {
  const dir = mkdtempSync(join(tmpdir(), 'desk-'));
  cpSync(fixture('services'), join(dir, 'services'), { recursive: true });
  const config = loadConfig({
    PISHKHAN_SERVICES_DIR: join(dir, 'services'),
    PISHKHAN_ORGANISATION_DIR: fixture('organisation'),
    PISHKHAN_DATA_DIR: join(dir, 'data'),
  });
  const lines: string[] = [];
  const errors: string[] = [];
  const cli = (...args: string[]) =>
    run(args, { out: (l) => lines.push(l), err: (l) => errors.push(l) }, config);
  return { dir, cli, lines, errors };
}

describe('publishing to a running system', () => {
  test('when a designer publishes a changed file with --api and their token, then the system makes the version and the local store stays empty', async () => {
    const { dir, cli, lines } = designerDesk();
    const file = join(dir, 'services', 'ladder.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('sla: PT10M', 'sla: PT20M'));

    expect(await cli('publish', 'ladder', '--api', system.url, '--token', await system.token(DESIGNER))).toBe(
      0,
    );
    expect(lines).toEqual([`ladder: published version 2 on ${system.url}`]);
    const versions = await system.get('/api/definitions/ladder/versions');
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([1, 2]);
    expect(existsSync(join(dir, 'data', 'store'))).toBe(false);
  });

  test('when someone who is not a designer publishes with --api, then the system refuses and says why', async () => {
    const { cli, errors } = designerDesk();
    expect(
      await cli('publish', 'ladder', '--api', system.url, '--token', await system.token('office:o-1')),
    ).toBe(1);
    expect(errors[0]).toMatch(/refused .*ladder\.yaml \(403\)/);
  });
});
