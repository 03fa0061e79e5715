/**
 * Problem details in the caller's language: the language is negotiated from Accept-Language
 * (English without it), and every sentence the API, the workflow's refusals, the routing rule and
 * the form check can answer has its Persian in the catalog, found by reading their source.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { hasPersian, negotiateLanguage, say, sayDefinitionProblem } from '../../api/messages';
import { compileDefinitionText } from '../../lib/definitions/catalog';
import { loadOrganisation } from '../../lib/organisation/load-organisation';
import { problemBody } from '../../api/problem';
import { repoPath } from '../../lib/paths';
import { LANGUAGE_FEATURES } from '../../lib/plan/features';

const DURATION_HINT =
  "'5' is not an ISO 8601 duration: write P5D for five days, PT4H for four hours, P1DT2H for a day and two hours (working time unless the clock is continuous); did you mean 'P5D'?";

/** Samples for the values a message is built from, where a bare word would not read as one: file, expression. */
const SAMPLES: [RegExp, RegExp, string][] = [
  [/^lib\//, /didYouMean/, "; did you mean 'intake'?"],
  [/schemas/, /^durationHint/, DURATION_HINT],
  [/schemas/, /^SERVICE_SLA$/, '`service` for a step with no SLA of its own'],
  [/schemas/, /^guess$/, "; did you mean 'P5D'?"],
  [/schemas/, /^hint$/, "; did you mean 'task'?"],
  [/schemas/, /parent\.description \?[^?]/, ': A local time of day, HH:MM; 24:00 is the end of the day.'],
  [/schemas/, /parent\.description/, 'A local time of day, HH:MM; 24:00 is the end of the day.'],
  [/schemas/, /aeiou/, 'a'],
  [/schemas/, /params\.type/, 'string'],
  [/schemas/, /\.join\(', '\)/, 'task, end'],
  [/load-yaml/, /found\.message/, 'holds a control character (U+0000)'],
  [/load-organisation/, /^what$/, 'district'],
  [/./, /LANGUAGE_FEATURES/, "a ladder's highest level (`maxDepth`)"],
  [/load-organisation/, /\.join\(' > '\)/, 'd1 > d2 > d1'],
  [/load-organisation|compile-steps/, /\.join\(', '\)/, 'clerk, supervisor'],
  [/compile-graph/, /\.join\(' > '\)/, 'intake > review'],
  [/compile-graph/, /formatDuration/, '3 working days'],
  [/compile-graph/, /sla\.text/, 'P10D'],
  [/compile-graph/, /^spent$/, 'approve 2 times'],
  [/form-schemas/, /missing\.join/, 'a Persian `title` and an English `description`'],
  [/compile-context/, /^at$/, ' (at character 3)'],
  [/compile-context/, /\(error as Error\)\.message/, 'strict mode: unknown keyword: "minimun"'],
  [/compile-context/, /^error\.message$/, 'Expected expression after +'],
  [/compile-context/, /unfit\.why/, 'value must be integer; /0 must be string'],
  [/compile-steps/, /^detail$/, "with must have required property 'office'"],
  [/start-problems/, /gap\.why/, 'no office of the district is licensed for it'],
  [/operation/, /errors\.map/, 'applicant.name: is required; data.area: must be number'],
  [/operation/, /^where$/, 'body'],
  [/./, /errors\.join/, "missing field 'area'; 'floors' must be at least 1"],
  [/./, /inWords|ROLE_WORDS/, 'managers'],
  [/./, /plan\.intake\.map/, 'at an office or online'],
  [/rate-limit/, /^what$/, 'calls'],
  [/licence-registry/, /^status$/, 'expired'],
  [/licence-registry/, /command\.action/, 'renewd'],
  [/organisation/, /^status$/, 'suspended'],
  [/organisation/, /licence\.reason \?/, ': fees taken outside the treasury'],
  [/./, /status|state/, 'completed'],
  [/./, /^why$/, 'does not serve district d01'],
  [/./, /^what$/, "step 'review'"],
  [/./, /^how$/, 'was cancelled'],
  [/form-data/, /^where$/, "'area'"],
  [/form-data/, /options\.join|value\)\.map|\?\? \[\]\)\.map/, 'a, b'],
  [/form-data/, /TYPE_WORDS/, 'a number or text'],
  [/form-data/, /FORMAT_WORDS/, 'a date (YYYY-MM-DD)'],
  [/form-data/, /JSON\.stringify/, 'true'],
];

function sample(file: string, expression: string): string {
  return SAMPLES.find(([where, pattern]) => where.test(file) && pattern.test(expression))?.[2] ?? 'x';
}

/** The text a string or template literal says, its `${...}` filled with samples; both sides of a ?:. */
function textsOf(node: ts.Node, source: ts.SourceFile): string[] {
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return [node.text];
  if (ts.isTemplateExpression(node))
    return [
      node.head.text +
        node.templateSpans
          .map((span) => sample(source.fileName, span.expression.getText(source)) + span.literal.text)
          .join(''),
    ];
  if (ts.isConditionalExpression(node))
    return [...textsOf(node.whenTrue, source), ...textsOf(node.whenFalse, source)];
  if (ts.isParenthesizedExpression(node)) return textsOf(node.expression, source);
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken)
    return textsOf(node.left, source).flatMap((left) =>
      textsOf(node.right, source).map((right) => left + right),
    );
  return [];
}

/** Where definition and organisation problems are made: their messages are read by designers. */
const DEFINITION_FILES = /^lib\/(definitions|organisation\/load-organisation|calendar)\b/;

/** Messages passed to the calls that answer a caller: which argument, of which kind. */
const CALLS: { file: RegExp; call: RegExp; argument: number; kind: string }[] = [
  { file: /^api\//, call: /^new ProblemError$/, argument: 1, kind: 'detail' },
  { file: /^workflows\//, call: /^reject$/, argument: 1, kind: 'detail' },
  { file: /^workflows\/licence-registry/, call: /^refuse$/, argument: 0, kind: 'detail' },
  { file: DEFINITION_FILES, call: /(^|\.)(report|problem)$/, argument: 1, kind: 'definition-problem' },
];

function messagesIn(file: string): { text: string; kind: string; where: string }[] {
  const source = ts.createSourceFile(
    file,
    readFileSync(repoPath(file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: { text: string; kind: string; where: string }[] = [];
  const visit = (node: ts.Node) => {
    const callee = ts.isNewExpression(node)
      ? `new ${node.expression.getText(source)}`
      : ts.isCallExpression(node)
        ? node.expression.getText(source)
        : undefined;
    const rule = callee && CALLS.find((c) => c.file.test(file) && c.call.test(callee));
    const args = (node as ts.CallExpression).arguments;
    const message = rule && args?.[rule.argument];
    if (rule && message) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      for (const text of textsOf(message, source))
        found.push({ text, kind: rule.kind, where: `${file}:${line}` });
    }
    // A problem made as an object, or its message made first: `message: ...`, `why: ...`.
    const named =
      (ts.isPropertyAssignment(node) || ts.isVariableDeclaration(node)) &&
      /^(message|why)$/.test(node.name.getText(source));
    if (DEFINITION_FILES.test(file) && named && node.initializer) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      for (const text of textsOf(node.initializer, source))
        found.push({ text, kind: 'definition-problem', where: `${file}:${line}` });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** The strings a function returns: why an office may not take work, what a form check says. */
function returnsOf(file: string, functionName: string, kind: string) {
  const source = ts.createSourceFile(
    file,
    readFileSync(repoPath(file), 'utf8'),
    ts.ScriptTarget.Latest,
    true,
  );
  const found: { text: string; kind: string; where: string }[] = [];
  const inside = (node: ts.Node, within: boolean) => {
    const named =
      (ts.isFunctionDeclaration(node) || ts.isMethodDeclaration(node)) &&
      node.name?.getText(source) === functionName;
    if (within && ts.isReturnStatement(node) && node.expression) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      for (const text of textsOf(node.expression, source))
        found.push({ text, kind, where: `${file}:${line}` });
    }
    ts.forEachChild(node, (child) => inside(child, within || named));
  };
  inside(source, false);
  return found;
}

/** The descriptions of a schema's patterns and forms, which a problem of either quotes. */
function describedPatterns(node: unknown): string[] {
  if (!node || typeof node !== 'object') return [];
  const own = node as Record<string, unknown>;
  const here =
    ('pattern' in own || 'oneOf' in own) && typeof own.description === 'string' ? [own.description] : [];
  return [...here, ...Object.values(own).flatMap(describedPatterns)];
}

const sourceFiles = (dir: string): string[] =>
  readdirSync(repoPath(dir), { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(dir, entry.name))
      : entry.name.endsWith('.ts')
        ? [join(dir, entry.name)]
        : [],
  );

describe('messages in the caller language', () => {
  test('when Accept-Language asks for Persian, then Persian; without it or for another language, English', () => {
    expect(negotiateLanguage('fa')).toBe('fa');
    expect(negotiateLanguage('fa-IR,fa;q=0.9,en;q=0.8')).toBe('fa');
    expect(negotiateLanguage('en-US,en;q=0.9,fa;q=0.5')).toBe('en');
    expect(negotiateLanguage('de, fa;q=0.3')).toBe('fa');
    expect(negotiateLanguage('fa;q=0, en')).toBe('en');
    expect(negotiateLanguage(undefined)).toBe('en');
    expect(negotiateLanguage('*')).toBe('en');
  });

  test('when a problem is answered in Persian, then its title, detail and each listed error are Persian', () => {
    const body = problemBody(
      'invalid-form-data',
      "missing field 'area'; 'floors' must be at least 1",
      '/api/requests',
      { errors: ["missing field 'area'", "'floors' must be at least 1"] },
      'fa',
    );
    expect(body).toEqual(
      expect.objectContaining({
        title: 'داده‌ها با فرم نمی‌خوانند',
        detail: 'فیلد «area» پر نشده است؛ «floors» باید دست‌کم 1 باشد',
        errors: ['فیلد «area» پر نشده است', '«floors» باید دست‌کم 1 باشد'],
      }),
    );
    expect(
      say("Office 'o-1' may not take this request: licence does not cover transport or taxi-card.", 'fa'),
    ).toBe(
      'دفتر «o-1» نمی‌تواند این درخواست را بپذیرد: مجوز حوزه transport یا خدمت taxi-card را در بر نمی‌گیرد.',
    );
    expect(say('No request has tracking code 123.', 'en')).toBe('No request has tracking code 123.');
  });

  test('when the API, the workflow or the routing rule refuses something, then the catalog has the sentence in Persian', () => {
    const messages = [
      ...[...sourceFiles('api'), ...sourceFiles('workflows')].flatMap(messagesIn),
      ...returnsOf('lib/organisation/organisation.ts', 'ineligibility', 'eligibility'),
      ...returnsOf('lib/forms/form-data.ts', 'describe', 'form-error'),
    ];
    expect(messages.length).toBeGreaterThan(80);
    const missing = messages.filter((m) => !hasPersian(m.text, m.kind)).map((m) => `${m.where} ${m.text}`);
    expect(missing).toEqual([]);
  });

  test('when a definition or the organisation has a problem, then the catalog has its sentence in Persian', () => {
    const messages = [
      ...['lib/definitions', 'lib/organisation', 'lib/calendar'].flatMap(sourceFiles).flatMap(messagesIn),
      ...returnsOf('lib/definitions/schemas.ts', 'durationHint', 'definition-problem'),
      // What the sentences carry from elsewhere: the language's features, the schemas' descriptions.
      ...Object.values(LANGUAGE_FEATURES).map((text) => ({
        text,
        kind: 'language-feature',
        where: 'features',
      })),
      ...['service', 'organisation', 'calendar'].flatMap((name) =>
        describedPatterns(
          JSON.parse(readFileSync(repoPath(`definitions/schemas/${name}.schema.json`), 'utf8')),
        ).map((text) => ({ text, kind: 'schema-description', where: `${name}.schema.json` })),
      ),
    ];
    expect(messages.length).toBeGreaterThan(70);
    const missing = messages.filter((m) => !hasPersian(m.text, m.kind)).map((m) => `${m.where} ${m.text}`);
    expect(missing).toEqual([]);
  });
});

describe("a definition's problems in Persian", () => {
  const organisation = loadOrganisation(repoPath('definitions/organisation'));
  const permit = readFileSync(
    repoPath('definitions/services/urban-planning/building-permit-residential.yaml'),
    'utf8',
  );
  const persian = (source: string) =>
    compileDefinitionText('services/permit.yaml', source, organisation).problems.map(
      (problem) => sayDefinitionProblem(problem, 'fa').message,
    );

  test('when a draft misspells a role, a step kind and a duration, then each problem is Persian with its suggestion', () => {
    const draft = permit
      .replace(
        'assignee: { department: urban-planning }',
        'assignee: { department: urban-planning, role: plan-reveiwer }',
      )
      .replace('sla: P7D', 'sla: 7');
    expect(persian(draft)).toEqual(
      expect.arrayContaining([
        'اداره «urban-planning» نقش «plan-reveiwer» ندارد (نقش‌هایش: plan-reviewer, permit-clerk, facade-committee, head)؛ شاید منظور «plan-reviewer» است؟',
        expect.stringMatching(
          /^«7» مدتی به قالب ISO 8601 نیست: .+؛ شاید منظور «P7D» است؟؛ یا `service` برای/,
        ),
      ]),
    );
    expect(persian(permit.replace('kind: task', 'kind: tsak'))).toEqual([
      'گونه مرحله «tsak» شناخته نیست؛ یکی از این‌ها باید باشد: task, inquiry, payment, branch, parallel, automatic, notify, end؛ شاید منظور «task» است؟',
    ]);
  });

  test("when the YAML itself is broken, then the parser's error is said in Persian by its kind", () => {
    expect(persian('id: permit\ntitle: { fa: پروانه, en: Permit\n')).toEqual(['تورفتگی نادرست است']);
  });
});
