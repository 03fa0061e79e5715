/**
 * The designer's command line: validate with an exit status, publish, list versions, compare,
 * draw and roll back, on a version store of its own.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { run } from '../../cli/pishkhan';
import { loadConfig } from '../../lib/config';
import { fixture } from '../support/paths';

function setup() {
  const dir = mkdtempSync(join(tmpdir(), 'cli-'));
  cpSync(fixture('services'), join(dir, 'services'), { recursive: true });
  const config = loadConfig({
    PISHKHAN_SERVICES_DIR: join(dir, 'services'),
    PISHKHAN_ORGANISATION_DIR: fixture('organisation'),
    PISHKHAN_PUBLISHED_DIR: join(dir, 'published'),
  });
  const lines: string[] = [];
  const errors: string[] = [];
  const cli = (...args: string[]) => {
    lines.length = 0;
    errors.length = 0;
    return run(args, { out: (l) => lines.push(l), err: (l) => errors.push(l) }, config);
  };
  return { dir, cli, lines, errors };
}

describe('pishkhan command line', () => {
  test('when definitions are valid, then validate exits 0; when one is broken, 1 with every problem', () => {
    const { dir, cli, lines } = setup();
    expect(cli('validate')).toBe(0);
    expect(lines.at(-1)).toBe('9 definitions checked, 0 problems');

    const file = join(dir, 'services', 'ladder.yaml');
    writeFileSync(
      file,
      readFileSync(file, 'utf8').replace('sla: PT1S', 'sla: soon').replace('to: reassign', 'to: reasign'),
    );
    expect(cli('validate', file)).toBe(1);
    expect(lines.filter((l) => /ladder\.yaml:\d+:\d+ /.test(l))).toHaveLength(2);
    expect(lines.at(-1)).toBe('1 definition checked, 2 problems');
  });

  test('when files change, then publish makes new versions that versions, diff and rollback work on', () => {
    const { dir, cli, lines } = setup();
    expect(cli('publish', '--all', '--by', 'designer')).toBe(0);
    expect(lines).toContain('ladder: published version 1');

    const file = join(dir, 'services', 'ladder.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('sla: PT1S', 'sla: PT5S'));
    expect(cli('diff', 'ladder', '1', file)).toBe(0);
    expect(lines.join('\n')).toContain('~ intake: sla: PT1S → PT5S');
    expect(cli('publish', 'ladder', 'quick-permit')).toBe(0);
    expect(lines).toEqual(['ladder: published version 2', 'quick-permit: unchanged (version 1)']);

    expect(cli('diff', 'ladder')).toBe(0);
    expect(lines).toEqual(['ladder: v1 → v2\n  ~ intake: sla: PT1S → PT5S']);
    expect(cli('rollback', 'ladder', '1', '--by', 'designer')).toBe(0);
    expect(cli('versions', 'ladder')).toBe(0);
    expect(lines).toHaveLength(3);
    expect(lines[2]).toMatch(/^v3 .* designer .*rollback to version 1 \(restores v1\)$/);

    expect(cli('diagram', 'ladder')).toBe(0);
    expect(lines[0]).toMatch(/^flowchart TD\n {2}s_intake\["Intake<br\/>.*PT1S/);
    expect(cli('versions', 'no-such-service')).toBe(1);
    expect(cli('publish')).toBe(1);
  });
});
