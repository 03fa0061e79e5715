/**
 * A problem found in a definition or organisation file, located so a designer can go
 * straight to it: file, line, column, the path inside the document, and the rule broken.
 */
export interface Problem {
  file: string;
  line: number;
  column: number;
  /** Path inside the document, such as `steps[2].assignee`. Empty for the whole document. */
  path: string;
  message: string;
  /** The rule broken, such as `schema/required`, `unknown-step`, `unreachable-step`. */
  rule: string;
}

export function formatPath(path: readonly (string | number)[]): string {
  return path.reduce<string>((text, part) => {
    if (typeof part === 'number') return `${text}[${part}]`;
    return /^[A-Za-z_$][\w$-]*$/.test(part)
      ? text
        ? `${text}.${part}`
        : part
      : `${text}[${JSON.stringify(part)}]`;
  }, '');
}

export function formatProblem(problem: Problem): string {
  const where = problem.path ? ` ${problem.path}:` : '';
  return `${problem.file}:${problem.line}:${problem.column}${where} ${problem.message} [${problem.rule}]`;
}

export function sortProblems(problems: Problem[]): Problem[] {
  return [...problems].sort(
    (a, b) =>
      a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule),
  );
}

/** Thrown when files cannot be loaded; carries every problem found, not just the first. */
export class DefinitionError extends Error {
  override name = 'DefinitionError';
  constructor(readonly problems: Problem[]) {
    super(
      `${problems.length} problem${problems.length === 1 ? '' : 's'} in definitions:\n` +
        problems.map((problem) => `  ${formatProblem(problem)}`).join('\n'),
    );
  }
}
