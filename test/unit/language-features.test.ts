/**
 * What the language says beyond the first interpreter: outcomes kept to roles, a head as the
 * assignee, a step with no SLA of its own, the status a citizen reads, a task only the citizen
 * may do, a clock that stands still for an expected time, extensions limited in number and
 * share, ladders with a highest level and rungs that climb. Each compiles into the plan, is
 * checked with located problems, and is drawn; what the interpreter does not run yet is refused.
 */
import { execFileSync } from 'node:child_process';
import { route } from '../../activities/routing';
import { compileDefinitionText } from '../../lib/definitions/catalog';
import { diagram } from '../../lib/definitions/diagram';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { ALL_FEATURES } from '../../lib/plan/features';
import { repoPath } from '../../lib/paths';
import { fixture } from '../support/paths';

const org = loadOrganisation(fixture('organisation'));

const definition = `id: test
title: { fa: آزمون, en: Test }
domain: urban-planning
intake: [office]
sla: P10D
maxExtension: P2D
extension: { maxTimes: 2, maxShare: 0.5 }
escalation:
  maxDepth: 2
  ladder:
    - { after: PT0S, to: supervisor }
    - { after: P1D, to: superior, every: P1D }
steps:
  - id: intake
    kind: task
    title: { fa: پذیرش, en: Intake }
    status: { fa: در حال بررسی مدارک, en: Documents being checked }
    assignee: { office: intake }
    sla: P1D
  - id: consent
    kind: task
    title: { fa: رضایت مالک, en: Owner's consent }
    assignee: { applicant: only }
    sla: P5D
    suspend: { expected: P5D, reason: { fa: انتظار رضایت مالک, en: Waiting for the owner's consent } }
  - id: decide
    kind: task
    title: { fa: تصمیم, en: Decision }
    assignee: { department: urban-planning, role: head }
    sla: service
    outcomes:
      approve: {}
      waive: { title: { fa: بخشودگی, en: Waive }, roles: [head], next: done }
  - id: done
    kind: end
    result: completed
`;

const all = { features: ALL_FEATURES };
const compile = (text: string, options = all) =>
  compileDefinitionText('services/test.yaml', text, org, options);

describe('the language beyond the first interpreter', () => {
  test('when a definition says all of it, then the plan carries each, optional fields beside the old ones', () => {
    const { plan, problems } = compile(definition);
    expect(problems).toEqual([]);
    expect(plan?.extension).toEqual({ maxTimes: 2, maxShare: 0.5 });
    expect(plan?.maxExtension?.text).toBe('P2D');
    expect(plan?.steps.intake).toEqual(
      expect.objectContaining({ status: { fa: 'در حال بررسی مدارک', en: 'Documents being checked' } }),
    );
    expect(plan?.steps.consent).toEqual(
      expect.objectContaining({
        assignee: { type: 'applicant', only: true },
        suspend: expect.objectContaining({ expected: expect.objectContaining({ text: 'P5D' }) }),
      }),
    );
    const decide = plan?.steps.decide;
    expect(decide).toEqual(
      expect.objectContaining({
        assignee: { type: 'department', department: 'urban-planning', perDistrict: true, role: 'head' },
        slaOfService: true,
        sla: expect.objectContaining({ text: 'P10D' }),
      }),
    );
    expect(decide?.kind === 'task' && decide.outcomes.waive?.roles).toEqual(['head']);
    expect(decide?.kind === 'task' && decide.escalation).toEqual(
      expect.objectContaining({
        maxDepth: 2,
        ladder: [
          expect.objectContaining({ to: 'supervisor' }),
          expect.objectContaining({ to: 'superior', every: expect.objectContaining({ text: 'P1D' }) }),
        ],
      }),
    );
  });

  test('when the interpreter does not run a feature yet, then each use is refused where it is written', () => {
    const { plan, problems } = compile(definition, { features: new Set() });
    expect(plan).toBeUndefined();
    expect(problems.every((p) => p.rule === 'not-yet-run')).toBe(true);
    expect(problems.map((p) => p.path).sort()).toEqual(
      [
        'escalation.ladder[1].every',
        'escalation.maxDepth',
        'extension',
        'steps[0].status',
        'steps[1].assignee.applicant',
        'steps[1].suspend',
        'steps[2].outcomes.waive.roles',
        'steps[2].sla',
      ].sort(),
    );
  });

  test('when a feature is misused, then each problem is located with its rule', () => {
    const misused = definition
      .replace('roles: [head]', 'roles: [approver]')
      .replace('to: superior, every: P1D', 'to: supervisor, every: P1D')
      .replace('extension: { maxTimes: 2, maxShare: 0.5 }', 'extension: { maxTimes: 2 }')
      .replace('maxExtension: P2D\n', '')
      .replace('    sla: service\n', '    sla: service\n    maxExtension: P1D\n')
      .replace(
        '  maxDepth: 2\n  ladder:',
        '  maxDepth: 1\n  ladder:\n    - { after: P9D, to: steering-committee }',
      );
    const { problems } = compile(misused);
    expect(problems.map((p) => [p.rule, p.path])).toEqual(
      expect.arrayContaining([
        ['unknown-role', 'steps[2].outcomes.waive.roles[0]'],
        ['rung-every', 'escalation.ladder[2].every'],
        ['extension-bound', 'extension'],
        ['extension-without-sla', 'steps[2].maxExtension'],
        ['ladder-depth', 'escalation.maxDepth'],
      ]),
    );
    const roles = problems.find((p) => p.rule === 'unknown-role');
    expect(roles?.message).toContain('its roles: plan-reviewer, head');
  });

  test('when an outcome of the applicant is kept to roles, or a message goes to the applicant only, then refused', () => {
    const onApplicant = definition.replace(
      '    sla: P5D\n    suspend',
      '    sla: P5D\n    outcomes:\n      agreed: { title: { fa: موافقم, en: Agreed }, roles: [clerk] }\n    suspend',
    );
    expect(compile(onApplicant).problems).toEqual([
      expect.objectContaining({ rule: 'outcome-roles', path: 'steps[1].outcomes.agreed.roles' }),
    ]);
    const message = definition.replace(
      '  - id: done',
      "  - { id: tell, kind: notify, to: [{ applicant: only }], message: { fa: 'کد {trackingCode}', en: 'Code {trackingCode}' } }\n  - id: done",
    );
    expect(compile(message).problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ rule: 'assignee-form', path: 'steps[3].to[0].applicant' }),
      ]),
    );
  });

  test('when an inquiry says it has no SLA of its own, then the schema refuses it: an agency has its legal term', () => {
    const text = definition.replace(
      '  - id: done',
      '  - { id: ask, kind: inquiry, title: { fa: استعلام, en: Ask }, agency: land-registry, sla: service, outcomes: { no-objection: { title: { fa: بلامانع, en: No objection } } } }\n  - id: done',
    );
    expect(compile(text).problems).toEqual([
      expect.objectContaining({ rule: 'schema/pattern', path: 'steps[3].sla' }),
    ]);
  });

  test('when the plan is drawn, then status, clocks, reminders, rung times and role-kept outcomes show, and Mermaid parses it', () => {
    const { plan } = compile(definition);
    const text = diagram(plan as NonNullable<typeof plan>);
    expect(text).toContain('citizen reads: Documents being checked');
    expect(text).toContain('the applicant themselves · P5D');
    expect(text).toContain('⏸ clock stands still up to P5D');
    expect(text).toContain('the head of urban-planning · no SLA of its own');
    expect(text).toContain('⏰ 80% ⚠ PT0S supervisor › P1D superior every P1D (up to level 2)');
    expect(text).toContain('s_decide -->|waive 🔒 head| s_done');
    const parsed = execFileSync(process.execPath, [repoPath('test/support/mermaid-parse.mjs')], {
      input: JSON.stringify([text]),
      encoding: 'utf8',
    });
    expect(JSON.parse(parsed)).toEqual([null]);
  });

  test("when a task is a department head's, then routing gives it to the head, whose work escalates a level above", async () => {
    const live = { licences: async () => new Map(), load: async () => 0 };
    const shipped = loadOrganisation(repoPath('definitions/organisation'));
    const assignment = await route(
      shipped,
      live,
      {
        trackingCode: 'T',
        stepId: 'decide',
        serviceId: 'test',
        rule: { type: 'department', department: 'finance', perDistrict: true, role: 'head' },
        domain: 'finance',
        district: 'd05',
      },
      '2026-12-01',
    );
    expect([assignment.assignee.principal, assignment.supervisor.principal]).toEqual([
      'head:d05.finance',
      'head:finance-department',
    ]);
  });
});
