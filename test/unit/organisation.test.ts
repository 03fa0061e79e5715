/**
 * The organisation files: loaded with their cross-references checked, every problem at once.
 */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DefinitionError } from '../../lib/definitions/problem';
import { formatJalali } from '../../lib/calendar/jalali';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';
import { fixture } from '../support/paths';

function brokenCopy(
  edit: (files: { organisation: string; calendar: string }) => { organisation: string; calendar: string },
) {
  const dir = mkdtempSync(join(tmpdir(), 'org-'));
  cpSync(fixture('organisation'), dir, { recursive: true });
  const files = {
    organisation: readFileSync(join(dir, 'organisation.yaml'), 'utf8'),
    calendar: readFileSync(join(dir, 'calendar.yaml'), 'utf8'),
  };
  const edited = edit(files);
  writeFileSync(join(dir, 'organisation.yaml'), edited.organisation);
  writeFileSync(join(dir, 'calendar.yaml'), edited.calendar);
  return dir;
}

function problemsOf(dir: string) {
  try {
    loadOrganisation(dir);
  } catch (error) {
    if (error instanceof DefinitionError) return error.problems;
    throw error;
  }
  return [];
}

describe('organisation', () => {
  test('when the shipped organisation loads, then departments resolve per district with their heads', () => {
    const org = loadOrganisation(repoPath('definitions/organisation'));
    expect(org.districtIds()).toHaveLength(22);
    const unit = org.departmentUnit('urban-planning', 'd05');
    expect(unit.principal).toBe('department:d05.urban-planning');
    expect(unit.title.fa).toBe('معاونت شهرسازی و معماری منطقه ۵');
    expect(unit.supervisor.principal).toBe('head:d05.urban-planning');
    expect(org.departmentUnit('treasury', 'd05').principal).toBe('department:treasury');
    expect(org.officeUnit('o-0101', 'd01').supervisor.principal).toBe('head:d01.office-affairs');
  });

  test('when a suspended or out-of-scope office is asked for, then it is not eligible', () => {
    const org = loadOrganisation(repoPath('definitions/organisation'));
    const ids = (domain: string, district: string) =>
      org.eligibleOffices(domain, district, '2026-11-22').map((o) => o.id);
    expect(ids('urban-services', 'd05')).toEqual(['o-0502', 'o-0504']); // o-0503 is suspended
    expect(ids('urban-planning', 'd05')).toEqual(['o-0501']);
    expect(ids('urban-planning', 'd01')).toEqual(['o-0101', 'o-0102', 'o-0103', 'o-0302']);
    // o-1802 serves d18 too, but its licence ran out on 1405-07-30.
    expect(org.licenceOf(org.office('o-1802') as never).validUntil).toBe('2026-10-22');
    expect(ids('urban-planning', 'd18')).not.toContain('o-1802');
  });

  test('when references and dates are wrong in both files, then every problem is reported', () => {
    const dir = brokenCopy(({ organisation, calendar }) => ({
      organisation: organisation
        .replace('districts: [d01, d02]', 'districts: [d01, d03]')
        .replace('officeSupervisor: office-affairs', 'officeSupervisor: office-afairs'),
      calendar: calendar.replace(
        'holidays: []',
        "holidays:\n  - { date: '1405-12-31', title: { fa: x, en: x } }",
      ),
    }));
    const problems = problemsOf(dir);
    expect(
      problems.map((p) => [p.file.endsWith('organisation.yaml') ? 'organisation' : 'calendar', p.rule]),
    ).toEqual(
      expect.arrayContaining([
        ['organisation', 'unknown-district'],
        ['organisation', 'unknown-department'],
        ['calendar', 'jalali-date'],
      ]),
    );
    expect(problems.find((p) => p.rule === 'unknown-department')?.message).toContain(
      "did you mean 'office-affairs'?",
    );
    expect(problems.every((p) => p.line > 0 && p.column > 0)).toBe(true);
  });

  test('when the time zone observes daylight saving, then the calendar is refused', () => {
    const dir = brokenCopy(({ organisation, calendar }) => ({
      organisation,
      calendar: calendar.replace('timeZone: UTC', 'timeZone: Europe/Berlin'),
    }));
    expect(problemsOf(dir)).toEqual([expect.objectContaining({ rule: 'time-zone', path: 'timeZone' })]);
  });

  test('when a licence suspended in the file is shown, then its change is dated at the start of that day in Tehran, not at UTC midnight', () => {
    const org = loadOrganisation(repoPath('definitions/organisation'));
    const office = org.office('o-0503');
    if (!office) throw new Error('no o-0503');
    const [issued] = org.licenceOf(office).history;
    expect(formatJalali(Date.parse(issued?.at ?? ''), org.calendar.timeZone)).toBe('1405/08/15 00:00');
  });
});
