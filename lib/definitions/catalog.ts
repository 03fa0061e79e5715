/**
 * The catalog: every service definition under a folder, loaded, validated and compiled.
 */
import { readdirSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import type { ServiceDefinition } from '../generated/service-definition';
import type { Organisation } from '../organisation/organisation';
import type { ServicePlan } from '../plan/types';
import { compileService } from './compile';
import { loadYamlFile, parseYamlText } from './load-yaml';
import { DefinitionError, sortProblems, type Problem } from './problem';

export interface CatalogEntry {
  plan: ServicePlan;
  file: string;
}

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true })
    .flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) return yamlFiles(path);
      return ['.yaml', '.yml'].includes(extname(entry.name)) ? [path] : [];
    })
    .sort();
}

/** Validates and compiles one definition from its text; `file` names it in problems. */
export function compileDefinitionText(
  file: string,
  text: string,
  org: Organisation,
): { plan?: ServicePlan; problems: Problem[] } {
  const loaded = parseYamlText<ServiceDefinition>(file, text, 'service');
  if (!loaded.data) return { problems: loaded.problems };
  return compileService(loaded.data, loaded.source, org);
}

export function loadCatalog(
  dir: string,
  org: Organisation,
): { entries: CatalogEntry[]; problems: Problem[] } {
  const entries: CatalogEntry[] = [];
  const problems: Problem[] = [];
  const seen = new Map<string, string>();
  for (const path of yamlFiles(dir)) {
    const loaded = loadYamlFile<ServiceDefinition>(path, 'service');
    problems.push(...loaded.problems);
    if (!loaded.data) continue;
    const { source, data } = loaded;
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
    const result = compileService(data, source, org);
    problems.push(...result.problems);
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
