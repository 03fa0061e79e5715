/**
 * Reads a YAML file, parses it keeping positions, and validates it against its schema.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { repoRoot } from '../paths';
import type { Problem } from './problem';
import { readableValue } from '../text/readable-text';
import { checkAgainstSchema, type SchemaName } from './schemas';
import { YamlSource } from './yaml-source';

export interface LoadedYaml<T> {
  source: YamlSource;
  /** The data, typed only when `problems` is empty. */
  data: T | undefined;
  /** The parsed document whatever the schema said, or undefined when it is not valid YAML. */
  raw: unknown;
  problems: Problem[];
  /** Where in the document the schema found problems. */
  errorPaths: (string | number)[][];
}

/** A path as designers see it: relative to the repository when inside it. */
export function displayPath(path: string): string {
  const rel = relative(repoRoot, path);
  return rel.startsWith('..') ? path : rel;
}

export function parseYamlText<T>(file: string, text: string, schema: SchemaName): LoadedYaml<T> {
  const parsed = YamlSource.parse(file, text);
  const { source } = parsed;
  if (parsed.problems.length > 0)
    return { source, data: undefined, raw: undefined, problems: parsed.problems, errorPaths: [] };
  const { data, problem } = source.data();
  if (problem) return { source, data: undefined, raw: undefined, problems: [problem], errorPaths: [] };
  // Titles and messages are read by people: one Unicode form, nothing that misleads a reader.
  const { value: raw, problems: unreadable } = readableValue(data);
  const textProblems = unreadable.map((found) =>
    source.problem(found.path, `the text ${found.message}`, 'text/unreadable'),
  );
  const checked = checkAgainstSchema(schema, raw, source);
  const problems = [...textProblems, ...checked.problems];
  return {
    source,
    data: problems.length === 0 ? (raw as T) : undefined,
    raw,
    problems,
    errorPaths: [...unreadable.map((found) => found.path), ...checked.errorPaths],
  };
}

export function loadYamlFile<T>(path: string, schema: SchemaName): LoadedYaml<T> {
  return parseYamlText<T>(displayPath(path), readFileSync(path, 'utf8'), schema);
}
