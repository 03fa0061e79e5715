/**
 * SLAs on the continuous clock (burials, emergency repairs) count every hour; urgent requests
 * get the faster target their service declares.
 */
import { readFileSync } from 'node:fs';
import { clockFor } from '../../lib/calendar/clock';
import { compileDefinitionText } from '../../lib/definitions/catalog';
import { formatJalali } from '../../lib/calendar/jalali';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { repoPath } from '../../lib/paths';
import type { ServicePlan } from '../../lib/plan/types';
import { RequestCase } from '../../workflows/request-case';

const org = loadOrganisation(repoPath('definitions/organisation'));
const plan = (file: string): ServicePlan => {
  const { plan: compiled, problems } = compileDefinitionText(file, readFileSync(repoPath(file), 'utf8'), org);
  expect(problems).toEqual([]);
  return compiled as ServicePlan;
};
const friday = Date.parse('2026-11-27T20:00:00+03:30');

function requestOf(servicePlan: ServicePlan, data: Record<string, unknown>) {
  return new RequestCase(
    {
      trackingCode: '100000000008',
      plan: servicePlan,
      calendar: org.calendar,
      district: 'd01',
      channel: 'office',
      applicant: { name: 'A' },
      data,
    },
    friday,
  );
}

describe('clocks', () => {
  test('when a duration runs on the continuous clock, then nights, Fridays and holidays count', () => {
    const clock = clockFor('continuous', org.calendar);
    expect(clock.add(friday, { days: 1, ms: 3_600_000 })).toBe(friday + 25 * 3_600_000);
    expect(clockFor('working', org.calendar).add(friday, { days: 0, ms: 3_600_000 })).toBe(
      Date.parse('2026-11-28T08:00:00+03:30'),
    );
  });

  test('when a burial request comes in on a Friday night, then it is due within the next day', () => {
    const burial = plan('definitions/services/urban-services/burial-services.yaml');
    expect(burial.sla.clock).toBe('continuous');
    expect(burial.steps.intake).toEqual(
      expect.objectContaining({ sla: expect.objectContaining({ clock: 'continuous' }) }),
    );
    expect(requestOf(burial, {}).s.deadlines.target.at).toBe(new Date(friday + 86_400_000).toISOString());
  });

  test('when an excavation is an emergency, then its target is 24 hours around the clock; otherwise 10 working days', () => {
    const excavation = plan('definitions/services/transport/road-excavation-permit.yaml');
    const urgent = requestOf(excavation, { emergency: true });
    expect(urgent.s.deadlines.target.at).toBe(new Date(friday + 86_400_000).toISOString());
    const ordinary = requestOf(excavation, { emergency: false });
    expect(formatJalali(Date.parse(ordinary.s.deadlines.target.at), 'Asia/Tehran')).toBe('1405/09/18 14:00');
  });
});
