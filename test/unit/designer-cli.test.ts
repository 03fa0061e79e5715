/**
 * The designer's command line: validate with an exit status, publish, list versions, compare,
 * draw and roll back, on a version store of its own; on a fresh clone, from the files.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/pishkhan';
import { loadConfig } from '../../lib/config';
import { openConfiguredStore } from '../../store/open-store';
import { fixture } from '../support/paths';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  cpSync(fixture('services'), join(dir, 'definitions', 'services'), { recursive: true });
  cpSync(fixture('organisation'), join(dir, 'definitions', 'organisation'), { recursive: true });
  const config = loadConfig({
    PISHKHAN_SERVICES_DIR: join(dir, 'definitions', 'services'),
    PISHKHAN_ORGANISATION_DIR: join(dir, 'definitions', 'organisation'),
    PISHKHAN_DATA_DIR: join(dir, 'data'),
  });
  const lines: string[] = [];
  const errors: string[] = [];
  const cli = (...args: string[]) => {
    lines.length = 0;
    errors.length = 0;
    return run(args, { out: (l) => lines.push(l), err: (l) => errors.push(l) }, config);
  };
  const file = (name: string) => join(dir, 'definitions', 'services', name);
  return { dir, cli, lines, errors, file, config };
}

// Each command opens the embedded store (PostgreSQL in WebAssembly), seconds apiece on a busy
// machine: a test of several commands needs more than the default minute.
jest.setTimeout(180_000);

describe('pishkhan command line', () => {
  test('when definitions are valid, then validate exits 0; when one is broken, 1 with every problem', async () => {
    const { cli, lines, file } = setup();
    expect(await cli('validate')).toBe(0);
    expect(lines.at(-1)).toBe('12 definitions checked, 0 problems');

    writeFileSync(
      file('ladder.yaml'),
      readFileSync(file('ladder.yaml'), 'utf8')
        .replace('sla: PT1S', 'sla: soon')
        .replace('to: reassign', 'to: reasign'),
    );
    expect(await cli('validate', file('ladder.yaml'))).toBe(1);
    expect(lines.filter((l) => /ladder\.yaml:\d+:\d+ /.test(l))).toHaveLength(2);
    expect(lines.at(-1)).toBe('1 definition checked, 2 problems');
  });

  test('when the whole definitions folder is validated, then the organisation files are checked as the organisation, not as services', async () => {
    const { dir, cli, lines } = setup();
    expect(await cli('validate', join(dir, 'definitions'))).toBe(0);
    expect(lines).toEqual(['12 definitions and the organisation checked, 0 problems']);
  });

  test('when nothing was ever published (a fresh clone), then diagram, versions and diff work from the files', async () => {
    const { cli, lines, errors } = setup();
    expect(await cli('diagram', 'ladder')).toBe(0);
    expect(lines[0]).toMatch(/^flowchart TD\n/);
    expect(errors[0]).toMatch(/^drawn from .*ladder\.yaml: no version is published/);
    expect(await cli('versions', 'ladder')).toBe(0);
    expect(lines[0]).toMatch(/^ladder: no version is published in .*; .*ladder\.yaml becomes version 1/);
    expect(await cli('diff', 'ladder')).toBe(0);
    expect(lines[0]).toMatch(
      /^ladder: nothing published → .*ladder\.yaml\n {2}\+ intake \(task\) Intake\n {2}\+ done/,
    );
    expect(await cli('diagram', 'no-such-service')).toBe(1);
    expect(errors[0]).toMatch(/^there is no service 'no-such-service'/);
  });

  test('when files change, then publish says which store it writes and makes versions that versions, diff and rollback work on', async () => {
    const { cli, lines, file } = setup();
    expect(await cli('publish', '--all', '--by', 'designer')).toBe(0);
    expect(lines[0]).toMatch(/^publishing to the store .*data\/store: no server is asked/);
    expect(lines).toContainEqual(expect.stringMatching(/^ladder: version 1 written to .*data\/store$/));

    writeFileSync(
      file('ladder.yaml'),
      readFileSync(file('ladder.yaml'), 'utf8').replace('sla: PT1S', 'sla: PT5S'),
    );
    expect(await cli('diff', 'ladder')).toBe(0);
    expect(lines.join('\n')).toContain('~ intake: sla: PT1S → PT5S');
    expect(await cli('diff', 'ladder', '1', file('ladder.yaml'))).toBe(0);
    expect(lines.join('\n')).toContain('~ intake: sla: PT1S → PT5S');
    expect(await cli('publish', 'ladder', 'quick-permit')).toBe(0);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^ladder: version 2 written to /),
      'quick-permit: unchanged (version 1)',
    ]);

    expect(await cli('diff', 'ladder')).toBe(0);
    expect(lines).toEqual(['ladder: v1 → v2\n  ~ intake: sla: PT1S → PT5S']);
    expect(await cli('rollback', 'ladder', '1', '--by', 'designer')).toBe(0);
    expect(await cli('versions', 'ladder')).toBe(0);
    expect(lines).toHaveLength(3);
    // Each version's time in ISO 8601 and in the Jalali calendar of the city (UTC in the fixtures).
    expect(lines[2]).toMatch(
      /^v3 {2}\d{4}-\d\d-\d\dT[\d:.]+Z {2}1[45]\d\d\/\d\d\/\d\d \d\d:\d\d {2}designer .*rollback to version 1 \(restores v1\)$/,
    );

    expect(await cli('diagram', 'ladder')).toBe(0);
    expect(lines[0]).toMatch(/^flowchart TD\n {2}s_intake\["Intake<br\/>.*PT1S/);
    expect(await cli('versions', 'no-such-service')).toBe(1);
    expect(await cli('publish')).toBe(1);
  });

  test('when only the Persian title of a step changes, then diff shows the change', async () => {
    const { cli, lines, file } = setup();
    expect(await cli('publish', 'ladder')).toBe(0);
    writeFileSync(
      file('ladder.yaml'),
      readFileSync(file('ladder.yaml'), 'utf8').replace(
        "title: { fa: 'پذیرش', en: 'Intake' }",
        "title: { fa: 'پذیرش درخواست', en: 'Intake' }",
      ),
    );
    expect(await cli('diff', 'ladder')).toBe(0);
    expect(lines).toEqual([expect.stringContaining('~ intake: title (fa): پذیرش → پذیرش درخواست')]);
  });

  test('when a running system holds the embedded store, then publishing says so and how to publish to it instead, and a file is still drawn', async () => {
    const { cli, errors, lines, config, file } = setup();
    const running = await openConfiguredStore(config.store);
    try {
      expect(await cli('publish', 'ladder')).toBe(1);
      expect(errors[0]).toMatch(
        /^the embedded database in .*data\/store is open in process \d+ \(npm start\): publish to it with --api <url>/,
      );
      expect(await cli('rollback', 'ladder', 'latest')).toBe(1);
      expect(errors).toEqual(["'latest' is not a version number"]);
      expect(await cli('diagram', file('ladder.yaml'))).toBe(0);
      expect(lines[0]).toMatch(/^flowchart TD\n/);
    } finally {
      await running.close();
    }
    expect(await cli('publish', 'ladder')).toBe(0);
  });

  test('when publishing to an API without a token, then it says a designer token is needed and publishes nothing', async () => {
    const { cli, errors } = setup();
    expect(await cli('publish', 'ladder', '--api', 'http://127.0.0.1:9', '--token=')).toBe(1);
    expect(errors[0]).toMatch(/needs a designer's token: --token or PISHKHAN_TOKEN/);
  });
});
