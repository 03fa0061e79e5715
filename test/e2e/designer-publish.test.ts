/**
 * `pishkhan publish --api` publishes through a running system, as a designer: the system starts
 * new requests on the version it made, the local store is left alone, and anyone else is refused.
 */
import { cpSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/pishkhan';
import { loadConfig } from '../../lib/config';
import { openConfiguredStore } from '../../store/open-store';
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
  const api = new URL(system.url);
  const config = loadConfig({
    PISHKHAN_SERVICES_DIR: join(dir, 'services'),
    PISHKHAN_ORGANISATION_DIR: fixture('organisation'),
    PISHKHAN_DATA_DIR: join(dir, 'data'),
    HOST: api.hostname,
    PORT: api.port,
  });
  const lines: string[] = [];
  const errors: string[] = [];
  const cli = (...args: string[]) => {
    lines.length = 0;
    errors.length = 0;
    return run(args, { out: (l) => lines.push(l), err: (l) => errors.push(l) }, config);
  };
  return { dir, cli, lines, errors, config };
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

  test('when the running system holds the embedded store, then versions, diagram and diff read its versions through its API, and rollback goes through it with a token', async () => {
    const { cli, lines, errors, config } = designerDesk();
    const running = await openConfiguredStore(config.store);
    // Opening the embedded database holds this process a few seconds: let idle connections close.
    await new Promise((resolve) => setTimeout(resolve, 200));
    try {
      const published = (await system.get('/api/definitions/ladder/versions')).body.items as {
        version: number;
      }[];
      expect(published.length).toBeGreaterThanOrEqual(2);
      const last = published.length;

      expect(await cli('versions', 'ladder')).toBe(0);
      expect(errors).toEqual([
        expect.stringMatching(
          new RegExp(
            `^the embedded database in .* is open in process \\d+ \\(npm start\\): reading its versions from ${system.url}$`,
          ),
        ),
      ]);
      expect(lines.map((line) => line.split(' ')[0])).toEqual(published.map((v) => `v${v.version}`));

      expect(await cli('diagram', 'ladder')).toBe(0);
      const mermaid = (await system.get('/api/definitions/ladder/diagram')).body.mermaid as string;
      expect(lines).toEqual([mermaid.trimEnd()]);
      expect(await cli('diagram', 'ladder', '--version', '1')).toBe(0);
      const first = (await system.get('/api/definitions/ladder/diagram?version=1')).body.mermaid as string;
      expect(lines).toEqual([first.trimEnd()]);

      expect(await cli('diff', 'ladder')).toBe(0);
      expect(lines).toEqual([`ladder: v${last - 1} → v${last}\n  ~ service sla: PT10M → PT20M`]);
      expect(await cli('diff', 'ladder', '1', '99')).toBe(1);
      expect(errors.at(-1)).toBe("service 'ladder' has no version 99");

      expect(
        await cli('rollback', 'ladder', '1', '--api', system.url, '--token', await system.token(DESIGNER)),
      ).toBe(0);
      expect(lines).toEqual([`ladder: version ${last + 1} restores version 1 on ${system.url}`]);
      expect(await cli('rollback', 'ladder', '1')).toBe(1);
      expect(errors[0]).toMatch(
        /open in process \d+ \(npm start\): roll back through it with --api <url> and a designer's token/,
      );
    } finally {
      await running.close();
    }
  });
});
