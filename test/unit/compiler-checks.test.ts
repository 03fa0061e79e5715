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
    area: { type: number, title: مساحت, description: Area in square metres }
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

  test('when a continuous-clock service cannot fit, then sla-does-not-fit counts days and hours, not working days', () => {
    const body = `clock: continuous\nsteps:\n${task('intake').replace('sla: P1D', 'sla: P6D')}${task('review').replace('sla: P1D', 'sla: P4DT12H')}${end('done')}`;
    const { problems } = check(body);
    expect(problems).toEqual([expect.objectContaining({ rule: 'sla-does-not-fit' })]);
    expect(problems[0]?.message).toContain('takes 10.5 days by its step SLAs');
    expect(problems[0]?.message).not.toContain('working');
  });

  test('when an SLA is a bare number, then the schema says how to write a duration and guesses the one meant', () => {
    const { problems } = check(`steps:\n${task('intake').replace('sla: P1D', 'sla: 5')}${end('done')}`);
    expect(problems).toEqual([expect.objectContaining({ rule: 'schema/type', path: 'steps[0].sla' })]);
    expect(problems[0]?.message).toContain("'5' is not an ISO 8601 duration: write P5D for five days");
    expect(problems[0]?.message).toContain("did you mean 'P5D'?");
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

  test('when a form gives an example its own field refuses, then form-example at the example', () => {
    const form =
      "    form:\n      type: object\n      properties:\n        postcode: { type: string, title: کد پستی, description: Postcode, pattern: '^[0-9]{10}$', examples: ['1591634311', '12-34'] }\n";
    const { problems } = check(`steps:\n${task('intake', form)}${end('done')}`);
    expect(problems).toEqual([
      expect.objectContaining({
        rule: 'form-example',
        path: 'steps[0].form.properties.postcode.examples[1]',
      }),
    ]);
    expect(problems[0]?.message).toContain('must match pattern');
  });

  test('when a field lacks its Persian or English label, or a choice its labelled options, then field-label and choice-label', () => {
    const form =
      '    form:\n      type: object\n      properties:\n' +
      '        plate: { type: string, description: Licence plate }\n' +
      '        note: { type: string, title: یادداشت, description: یادداشت }\n' +
      '        kind: { enum: [car, bus], title: نوع خودرو, description: Kind of vehicle }\n' +
      '        use:\n          title: کاربری\n          description: Use\n          oneOf:\n' +
      '            - { const: home, title: مسکونی, description: Home }\n            - { const: shop, description: Shop }\n';
    const { problems } = check(`steps:\n${task('intake', form)}${end('done')}`);
    expect(problems.map((p) => [p.rule, p.path, p.message, `${p.file}:${p.line}:${p.column}`])).toEqual([
      [
        'field-label',
        'steps[0].form.properties.plate',
        "field 'plate' needs a Persian `title`",
        'services/test.yaml:19:16',
      ],
      [
        'field-label',
        'steps[0].form.properties.note',
        "field 'note' needs an English `description`",
        'services/test.yaml:20:15',
      ],
      [
        'choice-label',
        'steps[0].form.properties.kind.enum',
        expect.stringContaining('not as a bare `enum`'),
        'services/test.yaml:21:23',
      ],
      [
        'choice-label',
        'steps[0].form.properties.use.oneOf[1]',
        "option 'shop' needs a Persian `title`",
        'services/test.yaml:27:15',
      ],
    ]);
  });

  test('when a field inside a list or an object lacks its labels, then field-label and choice-label at its own path', () => {
    const form =
      '    form:\n      type: object\n      properties:\n' +
      '        owners:\n          type: array\n          title: مالکان\n          description: Owners\n' +
      '          items:\n            type: object\n            properties:\n' +
      '              share: { type: number, title: سهم }\n' +
      '              role: { title: نقش, description: Role, oneOf: [{ const: heir, description: Heir }] }\n';
    const { problems } = check(`steps:\n${task('intake', form)}${end('done')}`);
    expect(problems.map((p) => [p.rule, p.path, p.message])).toEqual([
      [
        'field-label',
        'steps[0].form.properties.owners.items.properties.share',
        "field 'share' needs an English `description`",
      ],
      [
        'choice-label',
        'steps[0].form.properties.owners.items.properties.role.oneOf[0]',
        "option 'heir' needs a Persian `title`",
      ],
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

  test('when a loop bounds its way back but not its way in, then no-outcome-left names the step and the way to it', () => {
    const review = task(
      'review',
      '    outcomes:\n      approve: { next: done }\n      missing: { title: { fa: ن, en: Missing }, next: bring }\n',
    );
    const bring = task(
      'bring',
      '    outcomes:\n      brought: { title: { fa: آ, en: Brought }, next: review, maxTimes: 2 }\n',
    ).replace('{ office: intake }', '{ applicant: true }');
    const body = `steps:\n${review}${end('done')}${bring}`;
    const { problems } = check(body);
    expect(problems).toEqual([
      expect.objectContaining({ rule: 'no-outcome-left', path: 'steps[2].id', line: 22 }),
    ]);
    expect(problems[0]?.message).toContain("'brought' taken 2 of 2 times");
    expect(problems[0]?.message).toContain('review > bring > review > bring > review > bring');

    const bounded = body.replace('next: bring }', 'next: bring, maxTimes: 2 }');
    expect(check(bounded).problems).toEqual([]);
  });

  test('when an inquiry names an agency that does not exist, then unknown-agency', () => {
    const body = `steps:\n  - { id: ask, kind: inquiry, title: { fa: ا, en: Ask }, agency: land-registy, sla: P1D, outcomes: { no-objection: { title: { fa: ب, en: OK } } } }\n${end('done')}`;
    expect(check(body).problems).toEqual([
      expect.objectContaining({
        rule: 'unknown-agency',
        message: expect.stringContaining("did you mean 'land-registry'?"),
      }),
    ]);
  });

  test('when a role is not one of its department, then unknown-role', () => {
    const body = `steps:\n${task('review').replace('{ office: intake }', '{ department: urban-planning, role: plan-reviwer }')}${end('done')}`;
    expect(check(body).problems).toEqual([
      expect.objectContaining({
        rule: 'unknown-role',
        path: 'steps[0].assignee.role',
        message: expect.stringContaining("(its roles: plan-reviewer, head); did you mean 'plan-reviewer'?"),
      }),
    ]);
  });

  test('when an office is named that is not licensed in the organisation, then unknown-office', () => {
    const body = `steps:\n${task('intake').replace('{ office: intake }', '{ office: o-9 }')}${end('done')}`;
    expect(check(body).rules).toEqual(['unknown-office']);
  });

  test('when an assignee mixes forms, then assignee-form', () => {
    const body = `steps:\n${task('intake').replace('{ office: intake }', '{ office: intake, department: urban-planning }')}${end('done')}`;
    expect(check(body).rules).toEqual(['assignee-form']);
  });

  test('when onTimeout is not an outcome of the step, then unknown-outcome', () => {
    const body = `steps:\n${task('intake', '    outcomes:\n      approve: {}\n    onTimeout: aprove\n')}${end('done')}`;
    expect(check(body).problems).toEqual([
      expect.objectContaining({
        rule: 'unknown-outcome',
        message: expect.stringContaining("did you mean 'approve'?"),
      }),
    ]);
  });

  test('when a branch step leads into another branch, then cross-branch', () => {
    const body = `steps:
  - id: both
    kind: parallel
    title: { fa: پ, en: Both }
    branches:
      - id: a
        steps:
${task('a1', '    next: b1\n').replace(/^/gm, '        ')}
      - id: b
        steps:
${task('b1').replace(/^/gm, '        ')}
${end('done')}`;
    expect(check(body).rules).toContain('cross-branch');
  });

  test('when an automatic step names an unknown action or wrong parameters, then unknown-action or action-parameters', () => {
    const unknown = `steps:\n  - { id: auto, kind: automatic, title: { fa: خ, en: Auto }, action: compte }\n${end('done')}`;
    expect(check(unknown).problems).toEqual([
      expect.objectContaining({
        rule: 'unknown-action',
        message: expect.stringContaining("did you mean 'compute'?"),
      }),
    ]);
    const wrong = `steps:\n  - { id: auto, kind: automatic, title: { fa: خ, en: Auto }, action: issue-number, with: { field: permitNumber } }\n${end('done')}`;
    expect(check(wrong).rules).toEqual(['action-parameters']);
  });

  test('when a computed field is read later, then it is known; an unknown one is not', () => {
    const body = `fees:\n  - { id: dues, title: { fa: ع, en: Dues }, amount: 'penalty * 2' }\nsteps:\n  - { id: auto, kind: automatic, title: { fa: خ, en: Auto }, action: compute, with: { set: { penalty: 'area * 3' } } }\n  - { id: pay, kind: payment, title: { fa: پ, en: Pay }, fee: dues, sla: P1D }\n${end('done')}`;
    expect(check(body).problems).toEqual([]);
    expect(check(body.replace("'penalty * 2'", "'penalti * 2'")).rules).toEqual(['unknown-field']);
  });

  test('when a message has a placeholder it cannot fill, then unknown-placeholder', () => {
    const body = `steps:\n  - { id: tell, kind: notify, to: [{ applicant: true }], message: { fa: 'کد {trackingCode}', en: 'Area {data.arae}' } }\n${end('done')}`;
    expect(check(body).problems).toEqual([
      expect.objectContaining({ rule: 'unknown-placeholder', path: 'steps[0].message.en' }),
    ]);
  });

  test('when sameAs names a step that never runs before, then same-as-order', () => {
    const body = `steps:\n${task('first').replace('{ office: intake }', '{ sameAs: second }')}${task('second')}${end('done')}`;
    expect(check(body).rules).toEqual(['same-as-order']);
  });

  test('when ladder rungs are out of order, then ladder-order', () => {
    const body = `escalation:\n  ladder:\n    - { after: P2D, to: supervisor }\n    - { after: P1D, to: reassign }\nsteps:\n${task('intake')}${end('done')}`;
    expect(check(body).problems).toEqual([
      expect.objectContaining({ rule: 'ladder-order', path: 'escalation.ladder[1].after' }),
    ]);
  });

  test('when a parallel group cannot fit, then the slowest branch of a join-all counts', () => {
    const body = `steps:
  - id: both
    kind: parallel
    title: { fa: پ, en: Both }
    branches:
      - id: a
        steps:
${task('a1').replace('sla: P1D', 'sla: P4D').replace(/^/gm, '        ')}
      - id: b
        steps:
${task('b1').replace('sla: P1D', 'sla: P11D').replace(/^/gm, '        ')}
${end('done')}`;
    const { problems } = check(body);
    expect(problems).toEqual([expect.objectContaining({ rule: 'sla-does-not-fit' })]);
    expect(problems[0]?.message).toContain('11 working days');
    expect(check(body.replace('kind: parallel', 'kind: parallel\n    join: any')).problems).toEqual([]);
  });

  test('when the schema and the compiler both find problems, then they come back together', () => {
    const body = `steps:\n${task('intake', '    next: finsh\n').replace('sla: P1D', 'sla: 1 day')}${task('review').replace('{ office: intake }', '{ department: urban-planing }')}${end('finish')}`;
    const rules = check(body).rules;
    expect(rules).toEqual(expect.arrayContaining(['schema/pattern', 'unknown-department']));
  });
});
