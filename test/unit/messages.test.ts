/**
 * Problem details in the caller's language: the language is negotiated from Accept-Language
 * (English without it), and every sentence the API, the workflow's refusals, the routing rule and
 * the form check can answer has its Persian in the catalog, found by reading their source.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { hasPersian, negotiateLanguage, say } from '../../api/messages';
import { problemBody } from '../../api/problem';
import { repoPath } from '../../lib/paths';

/** Samples for the values a message is built from, where a bare word would not read as one: file, expression. */
const SAMPLES: [RegExp, RegExp, string][] = [
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
  return [];
}

/** Messages passed to the calls that answer a caller: which argument, of which kind. */
const CALLS: { file: RegExp; call: RegExp; argument: number; kind: string }[] = [
  { file: /^api\//, call: /^new ProblemError$/, argument: 1, kind: 'detail' },
  { file: /^workflows\//, call: /^reject$/, argument: 1, kind: 'detail' },
  { file: /^workflows\/licence-registry/, call: /^refuse$/, argument: 0, kind: 'detail' },
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
});
