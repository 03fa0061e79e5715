/**
 * One broken definition per static check of the compiler: each is refused with a located
 * message naming the rule.
 */
import { compileDefinitionText } from '../../lib/definitions/catalog';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { fixture } from '../support/paths';

const org = loadOrganisation(fixture('organisation'));

const header = `id: test
title: { fa: آزمون, en: Test }
domain: urban-planning
intake: [office]
sla: P10D
form:
  type: object
  properties:
    area: { type: number }
`;

function check(body: string) {
  const { plan, problems } = compileDefinitionText('services/test.yaml', header + body, org);
  return { plan, problems, rules: problems.map((p) => p.rule) };
}

const task = (id: string, extra = '') =>
  `  - id: ${id}\n    kind: task\n    title: { fa: ${id}, en: ${id} }\n    assignee: { office: intake }\n    sla: P1D\n${extra}`;
const end = (id: string, result = 'completed') => `  - id: ${id}\n    kind: end\n    result: ${result}\n`;

describe('compiler checks', () => {
  test('when a step points at a step that does not exist, then unknown-step suggests the close one', () => {
    const { problems } = check(`steps:\n${task('intake', '    next: finsh\n')}${end('finish')}`);
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'unknown-step',
        path: 'steps[0].next',
        line: 16,
        message: "unknown step 'finsh'; did you mean 'finish'?",
      }),
    ]);
  });

  test('when a department does not exist in the organisation, then unknown-department', () => {
    const body = `steps:\n${task('intake').replace('{ office: intake }', '{ department: urban-planing }')}${end('done')}`;
    expect(check(body).problems).toEqual([
      expect.objectContaining({
        rule: 'unknown-department',
        message: expect.stringContaining("did you mean 'urban-planning'"),
      }),
    ]);
  });

  test('when a payment names a fee that is not declared, then unknown-fee', () => {
    const body = `fees:\n  - { id: dues, title: { fa: ع, en: Dues }, amount: 100 }\nsteps:\n  - { id: pay, kind: payment, title: { fa: پ, en: Pay }, fee: due, sla: P1D }\n${end('done')}`;
    expect(check(body).rules).toEqual(expect.arrayContaining(['unknown-fee']));
  });

  test('when a fee has no payment step, then fee-without-payment', () => {
    const body = `fees:\n  - { id: dues, title: { fa: ع, en: Dues }, amount: 100 }\nsteps:\n${task('intake')}${end('done')}`;
    expect(check(body).problems).toEqual([
      expect.objectContaining({ rule: 'fee-without-payment', path: 'fees[0].id' }),
    ]);
  });

  test('when a step can never be reached, then unreachable-step', () => {
    const body = `steps:\n${task('intake', '    next: done\n')}${task('orphan', '    next: done\n')}${end('done')}`;
    expect(check(body).problems).toEqual([
      expect.objectContaining({
        rule: 'unreachable-step',
        message: "step 'orphan' can never be reached from the first step",
      }),
    ]);
  });

  test('when a loop has no way out, then no-way-out', () => {
    const body = `steps:\n${task('intake', '    outcomes:\n      done: { next: check }\n      reject: { next: refused }\n')}${task('check', '    next: recheck\n')}${task('recheck', '    next: check\n')}${end('refused', 'rejected')}${end('done')}`;
    const { problems } = check(body);
    expect(problems.map((p) => [p.rule, p.path])).toEqual(
      expect.arrayContaining([
        ['no-way-out', 'steps[1].id'],
        ['no-way-out', 'steps[2].id'],
      ]),
    );
  });

  test('when a branch has no default, then the schema requires one', () => {
    const body = `steps:\n  - { id: route, kind: branch, cases: [{ when: area > 10, next: done }] }\n${end('done')}`;
    expect(check(body).problems).toEqual([
      expect.objectContaining({ rule: 'schema/required', message: "missing required key 'default'" }),
    ]);
  });

  test('when the step SLAs cannot fit the service SLA, then sla-does-not-fit names the fastest path', () => {
    const body = `steps:\n${task('intake').replace('sla: P1D', 'sla: P6D')}${task('review').replace('sla: P1D', 'sla: P6D')}${end('done')}`;
    const { problems } = check(body);
    expect(problems).toEqual([expect.objectContaining({ rule: 'sla-does-not-fit', path: 'sla' })]);
    expect(problems[0]?.message).toContain('intake > review > done');
    expect(problems[0]?.message).toContain('12 working days');
  });

  test('when two steps share an id, then duplicate-id', () => {
    const body = `steps:\n${task('intake')}${task('intake')}${end('done')}`;
    expect(check(body).rules).toContain('duplicate-id');
  });

  test('when a form schema does not compile, then form-schema', () => {
    const body = `steps:\n${task('intake', '    form:\n      type: object\n      properties:\n        area: { type: numbr }\n')}${end('done')}`;
    expect(check(body).problems).toEqual([
      expect.objectContaining({ rule: 'form-schema', path: 'steps[0].form' }),
    ]);
  });

  test('when an expression does not parse, then expression-syntax with the character', () => {
    const body = `steps:\n  - { id: route, kind: branch, cases: [{ when: 'area >', next: done }], default: done }\n${end('done')}`;
    expect(check(body).problems).toEqual([
      expect.objectContaining({ rule: 'expression-syntax', path: 'steps[0].cases[0].when' }),
    ]);
  });

  test('when an expression reads a field no form declares, then unknown-field suggests the close one', () => {
    const body = `steps:\n  - { id: route, kind: branch, cases: [{ when: arae > 10, next: done }], default: done }\n${end('done')}`;
    expect(check(body).problems).toEqual([
      expect.objectContaining({
        rule: 'unknown-field',
        message: expect.stringContaining("did you mean 'area'?"),
      }),
    ]);
  });

  test('when a custom outcome has no title, then outcome-title', () => {
    const body = `steps:\n${task('intake', '    outcomes:\n      escalate-to-mayor: { next: done }\n')}${end('done')}`;
    expect(check(body).rules).toEqual(['outcome-title']);
  });

  test('when the last step is not an end and names no next, then missing-next', () => {
    const body = `steps:\n${end('done')}${task('intake')}`;
    expect(check(body).rules).toContain('missing-next');
  });

  test('when an outcome leads back without a limit, then it is bounded to three times', () => {
    const body = `steps:\n${task('intake', '    next: review\n')}${task('review', '    outcomes:\n      approve: { next: done }\n      return: { next: intake }\n')}${end('done')}`;
    const { plan, problems } = check(body);
    expect(problems).toEqual([]);
    const review = plan?.steps.review;
    expect(review?.kind === 'task' && review.outcomes.return?.maxTimes).toBe(3);
    expect(review?.kind === 'task' && review.outcomes.approve?.maxTimes).toBeUndefined();
  });
});
