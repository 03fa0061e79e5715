/**
 * Reads a YAML file, parses it keeping positions, and validates it against its schema.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { repoRoot } from '../paths';
import type { Problem } from './problem';
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
  const { source, problems } = YamlSource.parse(file, text);
  if (problems.length > 0) return { source, data: undefined, raw: undefined, problems, errorPaths: [] };
  const raw = source.data();
  const checked = checkAgainstSchema(schema, raw, source);
  return {
    source,
    data: checked.problems.length === 0 ? (raw as T) : undefined,
    raw,
    problems: checked.problems,
    errorPaths: checked.errorPaths,
  };
}

export function loadYamlFile<T>(path: string, schema: SchemaName): LoadedYaml<T> {
  return parseYamlText<T>(displayPath(path), readFileSync(path, 'utf8'), schema);
}
