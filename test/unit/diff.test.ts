/**
 * The comparison of two versions sees every change a designer can make: Persian as well as
 * English, and what no field of its own names.
 */
import { compileDefinitionText } from '../../lib/definitions/catalog';
import { diffPlans } from '../../lib/definitions/diff';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import type { ServicePlan } from '../../lib/plan/types';
import { fixture } from '../support/paths';

const org = loadOrganisation(fixture('organisation'));

const definition = `id: test
title: { fa: آزمون, en: Test }
domain: urban-planning
intake: [office]
sla: P10D
steps:
  - id: review
    kind: task
    title: { fa: بررسی, en: Review }
    assignee: { office: intake }
    sla: P1D
    outcomes:
      approve: {}
      hold: { title: { fa: توقف, en: Hold }, next: rejected }
  - id: tell
    kind: notify
    to: [{ applicant: true }]
    message: { fa: 'درخواست {trackingCode} تأیید شد', en: 'Request {trackingCode} approved' }
  - { id: done, kind: end, result: completed }
  - { id: rejected, kind: end, result: rejected }
`;

function plan(text: string): ServicePlan {
  const { plan: compiled, problems } = compileDefinitionText('services/test.yaml', text, org);
  if (!compiled) throw new Error(JSON.stringify(problems));
  return compiled;
}

describe('comparing versions', () => {
  test('when only Persian titles change, then each change is listed with its language', () => {
    const changed = definition
      .replace('title: { fa: آزمون, en: Test }', 'title: { fa: آزمون تازه, en: Test }')
      .replace('{ fa: توقف, en: Hold }', '{ fa: توقف موقت, en: Hold }');
    const diff = diffPlans(plan(definition), plan(changed));
    expect(diff.service).toEqual([{ field: 'title (fa)', from: 'آزمون', to: 'آزمون تازه' }]);
    expect(diff.changed).toEqual([
      { step: 'review', changes: [{ field: 'outcome hold title (fa)', from: 'توقف', to: 'توقف موقت' }] },
    ]);
  });

  test('when only a message changes, then the step is still listed as changed', () => {
    const changed = definition.replace('تأیید شد', 'پذیرفته شد');
    expect(diffPlans(plan(definition), plan(changed)).changed).toEqual([
      { step: 'tell', changes: [{ field: 'details', from: 'before', to: 'changed' }] },
    ]);
  });
});
