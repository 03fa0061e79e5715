/**
 * The catalog: every service definition under a folder, loaded, validated and compiled.
 */
import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ServiceDefinition } from '../generated/service-definition';
import type { Organisation } from '../organisation/organisation';
import type { ServicePlan } from '../plan/types';
import { compileService, type CompileOptions } from './compile';
import { loadYamlFile, parseYamlText, type LoadedYaml } from './load-yaml';
import { DefinitionError, sortProblems, type Problem } from './problem';

export interface CatalogEntry {
  plan: ServicePlan;
  file: string;
}

/** Every definition file under a folder, in a stable order. */
export function definitionFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return definitionFiles(path);
      return ['.yaml', '.yml'].includes(extname(entry.name)) ? [path] : [];
    })
    .sort();
}

/**
 * Compiles what the schema check left: a valid definition fully, an invalid one in its valid
 * parts, so schema and compiler problems come back together.
 */
function compileLoaded(
  loaded: LoadedYaml<ServiceDefinition>,
  org: Organisation,
  options: CompileOptions = {},
): { plan?: ServicePlan; problems: Problem[] } {
  const raw = loaded.raw;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return { problems: loaded.problems };
  try {
    const result = compileService(raw as ServiceDefinition, loaded.source, org, loaded.errorPaths, options);
    return { ...result, problems: sortProblems([...loaded.problems, ...result.problems]) };
  } catch {
    // A shape the schema refused and the compiler did not foresee: the schema's word stands.
    return { problems: loaded.problems };
  }
}

/** Validates and compiles one definition from its text; `file` names it in problems. */
export function compileDefinitionText(
  file: string,
  text: string,
  org: Organisation,
  options: CompileOptions = {},
): { plan?: ServicePlan; problems: Problem[] } {
  return compileLoaded(parseYamlText<ServiceDefinition>(file, text, 'service'), org, options);
}

export function loadCatalog(
  dir: string,
  org: Organisation,
): { entries: CatalogEntry[]; problems: Problem[] } {
  const entries: CatalogEntry[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const path of definitionFiles(dir)) {
    const loaded = loadYamlFile<ServiceDefinition>(path, 'service');
    const { source } = loaded;
    const data = loaded.raw as Partial<ServiceDefinition> | undefined;
    const result = compileLoaded(loaded, org);
    problems.push(...result.problems);
    if (typeof data?.id !== 'string') continue;
    const expected = basename(path, extname(path));
    if (data.id !== expected) {
      problems.push(
        source.problem(['id'], `service id '${data.id}' must match its file name '${expected}'`, 'file-name'),
      );
    }
    const other = seen.get(data.id);
    if (other) {
      problems.push(
        source.problem(['id'], `service id '${data.id}' is already defined in ${other}`, 'duplicate-service'),
      );
      continue;
    }
    seen.set(data.id, source.file);
    if (result.plan) entries.push({ plan: result.plan, file: source.file });
  }
  return { entries, problems: sortProblems(problems) };
}

/** Loads the catalog, or throws a DefinitionError listing every problem in every file. */
export function loadCatalogOrThrow(dir: string, org: Organisation): CatalogEntry[] {
  const { entries, problems } = loadCatalog(dir, org);
  if (problems.length > 0) throw new DefinitionError(problems);
  return entries;
}
