/**
 * Reads a YAML file, parses it keeping positions, and validates it against its schema.
 */
import { readFileSync } from 'node:fs';
import { relative } from 'node:path';
import { repoRoot } from '../paths';
import type { Problem } from './problem';
import { validateAgainstSchema, type SchemaName } from './schemas';
import { YamlSource } from './yaml-source';

export interface LoadedYaml<T> {
  source: YamlSource;
  /** The data, typed only when `problems` is empty. */
  data: T | undefined;
  problems: Problem[];
}

/** A path as designers see it: relative to the repository when inside it. */
export function displayPath(path: string): string {
  const rel = relative(repoRoot, path);
  return rel.startsWith('..') ? path : rel;
}

export function parseYamlText<T>(file: string, text: string, schema: SchemaName): LoadedYaml<T> {
  const { source, problems } = YamlSource.parse(file, text);
  if (problems.length > 0) return { source, data: undefined, problems };
  const data = source.data();
  const schemaProblems = validateAgainstSchema(schema, data, source);
  return { source, data: schemaProblems.length === 0 ? (data as T) : undefined, problems: schemaProblems };
}

export function loadYamlFile<T>(path: string, schema: SchemaName): LoadedYaml<T> {
  return parseYamlText<T>(displayPath(path), readFileSync(path, 'utf8'), schema);
}
