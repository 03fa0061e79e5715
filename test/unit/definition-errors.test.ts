/**
 * A designer's mistakes come back all at once, each with file, line, column, the path inside
 * the document and the rule broken.
 */
import { compileDefinitionText } from '../../lib/definitions/catalog';
import { formatProblem, type Problem } from '../../lib/definitions/problem';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { fixture } from '../support/paths';

const org = loadOrganisation(fixture('organisation'));

function problemsOf(text: string): Problem[] {
  return compileDefinitionText('services/test.yaml', text, org).problems;
}

const valid = `id: test
title: { fa: آزمون, en: Test }
domain: urban-planning
intake: [office]
sla: P10D
steps:
  - id: intake
    kind: task
    title: { fa: پذیرش, en: Intake }
    assignee: { office: intake }
    sla: P1D
  - id: done
    kind: end
    result: completed
`;

describe('definition errors', () => {
  test('when the definition is valid, then it compiles with no problems', () => {
    const result = compileDefinitionText('services/test.yaml', valid, org);
    expect(result.problems).toEqual([]);
    expect(result.plan?.start).toBe('intake');
    expect(result.plan?.steps.intake).toEqual(
      expect.objectContaining({
        kind: 'task',
        outcomes: { done: expect.objectContaining({ next: 'done' }) },
      }),
    );
  });

  test('when the YAML itself is broken, then the problem names file, line and column', () => {
    const problems = problemsOf('id: test\ntitle: { fa: x, en: y\nsteps: []\n');
    expect(problems.length).toBeGreaterThan(0);
    expect(problems[0]).toEqual(
      expect.objectContaining({ file: 'services/test.yaml', line: expect.any(Number) }),
    );
    expect(problems[0]?.rule).toMatch(/^yaml\//);
    expect(formatProblem(problems[0] as Problem)).toMatch(/^services\/test\.yaml:\d+:\d+ .+ \[yaml\/.+\]$/);
  });

  test('when a key is duplicated, then YAML reports it where it is', () => {
    const problems = problemsOf(valid.replace('sla: P10D', 'sla: P10D\nsla: P5D'));
    expect(problems).toEqual([expect.objectContaining({ line: 6, column: 1, rule: 'yaml/duplicate-key' })]);
  });

  test('when several keys break the schema, then every one is reported with its position', () => {
    const text = valid
      .replace('domain: urban-planning', 'domain: urban-planing')
      .replace('    assignee: { office: intake }', '    asignee: { office: intake }')
      .replace('    sla: P1D', '    sla: 1 day');
    const problems = problemsOf(text);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          line: 3,
          column: 9,
          path: 'domain',
          rule: 'schema/enum',
          message: expect.stringContaining("did you mean 'urban-planning'?"),
        }),
        expect.objectContaining({
          line: 10,
          column: 5,
          path: 'steps[0].asignee',
          rule: 'schema/additionalProperties',
          message: "unknown key 'asignee'; did you mean 'assignee'?",
        }),
        expect.objectContaining({
          path: 'steps[0]',
          rule: 'schema/required',
          message: "missing required key 'assignee'",
        }),
        expect.objectContaining({ line: 11, column: 10, path: 'steps[0].sla', rule: 'schema/pattern' }),
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  test('when a step kind is misspelt, then the message lists the kinds and suggests one', () => {
    const problems = problemsOf(valid.replace('kind: end', 'kind: ned'));
    expect(problems).toEqual([
      expect.objectContaining({
        path: 'steps[1]',
        rule: 'schema/discriminator',
        message:
          "unknown step kind 'ned'; expected one of task, inquiry, payment, branch, parallel, automatic, notify, end; did you mean 'end'?",
      }),
    ]);
  });

  test('when a step has a misspelt key and names a step that does not exist, then both come back in one load', () => {
    const text = valid.replace(
      '    assignee: { office: intake }',
      '    asignee: { office: intake }\n    next: finsh',
    );
    expect(problemsOf(text).map((p) => [p.rule, p.path])).toEqual([
      ['schema/required', 'steps[0]'],
      ['schema/additionalProperties', 'steps[0].asignee'],
      ['unknown-step', 'steps[0].next'],
    ]);
  });
});
