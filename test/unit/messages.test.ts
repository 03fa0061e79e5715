/**
 * Problem details in the caller's language: the language is negotiated from Accept-Language
 * (English without it), and every sentence the API, the workflow's refusals, the routing rule and
 * the form check can answer has its Persian in the catalog, found by reading their source.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import ts from 'typescript';
import { hasPersian, negotiateLanguage, say, sayDefinitionProblem, sayErrors } from '../../api/messages';
import { fieldErrors, formFieldErrors } from '../../api/validation';
import { checkFormData } from '../../lib/forms/form-data';
import { parseExpression } from '../../lib/expressions/parse';
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
  // `error.message ?? 'is invalid'`, `[`step '${id}' collects no data`]`, `names.map((n) => `...`)`.
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.QuestionQuestionToken)
    return [...textsOf(node.left, source), ...textsOf(node.right, source)];
  if (ts.isArrayLiteralExpression(node)) return node.elements.flatMap((element) => textsOf(element, source));
  if (ts.isCallExpression(node) && /\.map$/.test(node.expression.getText(source))) {
    const mapper = node.arguments[0];
    if (mapper && ts.isArrowFunction(mapper) && !ts.isBlock(mapper.body)) return textsOf(mapper.body, source);
  }
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
    // A field's message (api/validation.ts), and the form problems the API and the workflow make.
    const fieldMessage =
      /^api\/validation/.test(file) &&
      ts.isPropertyAssignment(node) &&
      node.name.getText(source) === 'message';
    const formErrors =
      /^(api|workflows)\//.test(file) &&
      ts.isVariableDeclaration(node) &&
      node.name.getText(source) === 'errors';
    if ((fieldMessage || formErrors) && node.initializer) {
      const line = source.getLineAndCharacterOfPosition(node.getStart(source)).line + 1;
      for (const text of textsOf(node.initializer, source))
        found.push({ text, kind: fieldMessage ? 'schema-message' : 'form-error', where: `${file}:${line}` });
    }
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
      ...returnsOf('lib/forms/form-data.ts', 'checkFormData', 'form-error'),
      ...returnsOf('lib/text/readable-text.ts', 'textProblem', 'schema-message'),
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

/**
 * A value each keyword of Ajv's draft 2020-12 refuses, as [schema, value]; `null` for a keyword
 * that refuses nothing by itself (annotations, references, and keywords whose inner schemas say
 * what is wrong). A keyword Ajv gains fails the test until it is here, with its message in Persian.
 */
const AJV_REFUSALS: Record<string, [object, unknown] | null> = {
  maximum: [{ type: 'integer', maximum: 3 }, 4],
  minimum: [{ type: 'integer', minimum: 3 }, 2],
  exclusiveMaximum: [{ type: 'integer', exclusiveMaximum: 3 }, 3],
  exclusiveMinimum: [{ type: 'integer', exclusiveMinimum: 3 }, 3],
  multipleOf: [{ type: 'integer', multipleOf: 5 }, 7],
  maxLength: [{ type: 'string', maxLength: 2 }, 'abc'],
  minLength: [{ type: 'string', minLength: 2 }, 'a'],
  pattern: [{ type: 'string', pattern: '^[0-9]{10}$' }, 'abc'],
  maxProperties: [
    { type: 'object', maxProperties: 1 },
    { a: 1, b: 2 },
  ],
  minProperties: [{ type: 'object', minProperties: 2 }, { a: 1 }],
  required: [{ type: 'object', required: ['name'] }, {}],
  maxItems: [{ type: 'array', maxItems: 1 }, [1, 2]],
  minItems: [{ type: 'array', minItems: 2 }, [1]],
  uniqueItems: [{ type: 'array', uniqueItems: true }, [1, 1]],
  type: [{ type: ['string', 'null'] }, 3],
  nullable: null,
  const: [{ const: 'yes' }, 'no'],
  enum: [{ enum: ['office', 'online'] }, 'post'],
  not: [{ not: { const: 3 } }, 3],
  anyOf: [{ anyOf: [{ type: 'string' }, { type: 'integer' }] }, true],
  oneOf: [{ oneOf: [{ type: 'string' }, { type: 'integer' }] }, true],
  allOf: null,
  if: [
    { type: 'object', if: { required: ['a'] }, then: { required: ['b'] }, else: { required: ['c'] } },
    { a: 1 },
  ],
  then: null,
  else: null,
  propertyNames: [{ type: 'object', propertyNames: { pattern: '^[a-z]+$' } }, { A: 1 }],
  additionalProperties: [{ type: 'object', properties: { a: {} }, additionalProperties: false }, { b: 1 }],
  dependencies: [{ type: 'object', dependencies: { a: ['b'] } }, { a: 1 }],
  dependentRequired: [{ type: 'object', dependentRequired: { a: ['b', 'c'] } }, { a: 1 }],
  dependentSchemas: null,
  properties: null,
  patternProperties: null,
  prefixItems: [{ type: 'array', prefixItems: [{ type: 'integer' }], items: false }, [1, 2]],
  items: [{ type: 'array', items: { type: 'integer' } }, ['a']],
  contains: [{ type: 'array', contains: { type: 'integer' } }, ['a']],
  maxContains: [{ type: 'array', contains: { type: 'integer' }, maxContains: 1 }, [1, 2]],
  minContains: [{ type: 'array', contains: { type: 'integer' }, minContains: 2 }, [1]],
  format: [{ type: 'string', format: 'date-time' }, 'yesterday'],
  formatMaximum: [{ type: 'string', format: 'date', formatMaximum: '2024-01-01' }, '2025-01-01'],
  formatMinimum: [{ type: 'string', format: 'date', formatMinimum: '2024-01-01' }, '2023-01-01'],
  formatExclusiveMaximum: [
    { type: 'string', format: 'date', formatExclusiveMaximum: '2024-01-01' },
    '2024-01-01',
  ],
  formatExclusiveMinimum: [
    { type: 'string', format: 'date', formatExclusiveMinimum: '2024-01-01' },
    '2024-01-01',
  ],
  unevaluatedProperties: [{ type: 'object', unevaluatedProperties: false }, { a: 1 }],
  unevaluatedItems: [{ type: 'array', unevaluatedItems: false }, [1]],
  // False as a whole schema.
  '(false)': [{ type: 'object', properties: { a: false } }, { a: 1 }],
};

const ANNOTATIONS = /^(\$.*|id)$/;

/**
 * A value each keyword the form check's validator (@cfworker/json-schema) knows refuses, as [schema,
 * data]; `null` for one whose inner errors say what is wrong. Its keywords are read from its
 * source, so a keyword it gains fails the test until the form check says it in a sentence.
 */
const FORM_REFUSALS: Record<string, [object, unknown] | null> = {
  $ref: null,
  $recursiveRef: null,
  properties: null,
  additionalProperties: null,
  patternProperties: null,
  allOf: null,
  anyOf: [{ properties: { a: { anyOf: [{ type: 'string' }, { type: 'integer' }] } } }, { a: true }],
  oneOf: [{ properties: { a: { oneOf: [{ const: 'x' }, { const: 'y' }] } } }, { a: 'z' }],
  not: [{ properties: { a: { not: { const: 3 } } } }, { a: 3 }],
  if: [{ if: { required: ['a'] }, then: { required: ['b'] } }, { a: 1 }],
  const: [{ properties: { a: { const: true } } }, { a: false }],
  enum: [{ properties: { a: { enum: ['x', 'y'] } } }, { a: 'z' }],
  type: [{ properties: { a: { type: ['number', 'string'] } } }, { a: true }],
  false: [{ properties: { a: false } }, { a: 1 }],
  required: [{ required: ['a'] }, {}],
  minProperties: [{ properties: { a: { type: 'object', minProperties: 2 } } }, { a: { b: 1 } }],
  maxProperties: [{ properties: { a: { type: 'object', maxProperties: 1 } } }, { a: { b: 1, c: 2 } }],
  propertyNames: [{ properties: { a: { propertyNames: { pattern: '^[a-z]+$' } } } }, { a: { B: 1 } }],
  dependentRequired: [{ dependentRequired: { a: ['b'] } }, { a: 1 }],
  dependentSchemas: null,
  dependencies: null,
  unevaluatedProperties: null,
  items: null,
  prefixItems: null,
  additionalItems: null,
  unevaluatedItems: null,
  contains: [{ properties: { a: { contains: { type: 'integer' } } } }, { a: ['x'] }],
  minContains: [{ properties: { a: { contains: { type: 'integer' }, minContains: 2 } } }, { a: [1, 'x'] }],
  maxContains: [{ properties: { a: { contains: { type: 'integer' }, maxContains: 1 } } }, { a: [1, 2] }],
  uniqueItems: [{ properties: { a: { uniqueItems: true } } }, { a: [1, 1] }],
  minItems: [{ properties: { a: { minItems: 2 } } }, { a: [1] }],
  maxItems: [{ properties: { a: { maxItems: 1 } } }, { a: [1, 2] }],
  minLength: [{ properties: { a: { minLength: 2 } } }, { a: 'x' }],
  maxLength: [{ properties: { a: { maxLength: 1 } } }, { a: 'xy' }],
  pattern: [{ properties: { a: { pattern: '^[0-9]+$' } } }, { a: 'x' }],
  format: [{ properties: { a: { format: 'date' } } }, { a: 'tomorrow' }],
  minimum: [{ properties: { a: { minimum: 2 } } }, { a: 1 }],
  maximum: [{ properties: { a: { maximum: 2 } } }, { a: 3 }],
  exclusiveMinimum: [{ properties: { a: { exclusiveMinimum: 2 } } }, { a: 2 }],
  exclusiveMaximum: [{ properties: { a: { exclusiveMaximum: 2 } } }, { a: 2 }],
  multipleOf: [{ properties: { a: { multipleOf: 5 } } }, { a: 7 }],
};

describe('validation messages in Persian', () => {
  // As the API's (operation.ts), but not strict: the samples are schemas of one keyword each.
  const ajv = new Ajv2020({ allErrors: true, strict: false, coerceTypes: false });
  addFormats(ajv);

  test("when any keyword of the API's schemas refuses a value, then each field error and the detail have Persian", () => {
    const keywords = Object.keys(ajv.RULES.all).filter((keyword) => !ANNOTATIONS.test(keyword));
    expect(keywords.filter((keyword) => !(keyword in AJV_REFUSALS))).toEqual([]);
    const untranslated: string[] = [];
    for (const [keyword, refusal] of Object.entries(AJV_REFUSALS)) {
      if (!refusal) continue;
      const validate = ajv.compile(refusal[0]);
      expect([keyword, validate(refusal[1])]).toEqual([keyword, false]);
      // As the API answers them (invalid-request), and as a definition's problem quotes them.
      const errors = fieldErrors(validate);
      const detail = `body: ${errors.map((e) => `${e.path}: ${e.message}`).join('; ')}`;
      const quoted = (validate.errors ?? []).map((e) => `${e.instancePath || 'value'} ${e.message ?? ''}`);
      for (const [text, kind] of [
        ...errors.map((e) => [e.message, 'schema-message']),
        [detail, 'detail'],
        [quoted.join('; '), 'ajv-errors'],
      ])
        if (!hasPersian(text ?? '', kind)) untranslated.push(`${keyword}: ${text} (${kind})`);
    }
    expect(untranslated).toEqual([]);
  });

  test('when a form uses any keyword its validator knows, then the form check says it in a sentence with Persian', () => {
    const source = readFileSync(
      join(dirname(require.resolve('@cfworker/json-schema')), 'validate.js'),
      'utf8',
    );
    const known = new Set([...source.matchAll(/keyword: '([^']+)'/g)].map((match) => match[1] ?? ''));
    expect(known.size).toBeGreaterThan(30);
    expect([...known].filter((keyword) => !(keyword in FORM_REFUSALS))).toEqual([]);
    const untranslated: string[] = [];
    for (const [keyword, refusal] of Object.entries(FORM_REFUSALS)) {
      if (!refusal) continue;
      const messages = checkFormData({ type: 'object', ...refusal[0] }, refusal[1]);
      expect([keyword, messages.length > 0]).toEqual([keyword, true]);
      for (const message of [...messages, messages.join('; ')]) {
        // The plain fallback is for a keyword the check does not know; each known one has its sentence.
        if (!hasPersian(message, 'detail') || / does not fit the form$/.test(message))
          untranslated.push(`${keyword}: ${message}`);
      }
    }
    expect(untranslated).toEqual([]);
  });

  test("when a form check refuses data in Persian, then each field's error names its field in Persian", () => {
    const messages = checkFormData(
      {
        type: 'object',
        properties: { floors: { type: 'integer', minimum: 1, multipleOf: 1 }, owner: { type: 'object' } },
        required: ['floors'],
        dependentRequired: { owner: ['share'] },
      },
      { floors: 0, owner: {} },
    );
    expect(sayErrors(formFieldErrors(messages), 'fa')).toEqual([
      { path: 'share', message: 'فیلد «share» که «owner» به آن نیاز دارد پر نشده است' },
      { path: 'floors', message: '«floors» باید دست‌کم 1 باشد' },
    ]);
  });

  test('when an expression of a definition cannot be read, then why is said in Persian', () => {
    const why = (text: string) => {
      try {
        parseExpression(text);
      } catch (error) {
        return (error as Error).message;
      }
      return 'parsed';
    };
    const untranslated = [
      'area +',
      '(area',
      'a[1',
      "'open",
      'area ? 1',
      '1e',
      'f(1)',
      'area = 2',
      '.5.',
      'x ~ 1',
    ]
      .map(why)
      .filter((message) => !hasPersian(message, 'expression-error'));
    expect(untranslated).toEqual([]);
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
