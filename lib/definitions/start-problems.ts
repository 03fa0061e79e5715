/**
 * The (service, district) pairs nobody can start, as problems a designer can go to: each is
 * located at the `intake` of its service's definition file.
 */
import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { StartGap } from '../organisation/start-coverage';
import { displayPath } from './load-yaml';
import type { Problem } from './problem';
import { YamlSource } from './yaml-source';

export const CANNOT_START = 'cannot-start';

/** Problems for the gaps; `files` are the definition files, found by their service id. */
export function startProblems(gaps: StartGap[], files: string[]): Problem[] {
  const byId = new Map(files.map((path) => [basename(path, extname(path)), path]));
  const sources = new Map<string, YamlSource>();
  return gaps.map((gap) => {
    const message =
      `nobody can start '${gap.serviceId}' in ${gap.district}: ${gap.why}; allow it \`online\`, ` +
      'or license an office of the district or of a neighbouring one for it';
    const path = byId.get(gap.serviceId);
    if (!path)
      return { file: gap.serviceId, line: 1, column: 1, path: 'intake', message, rule: CANNOT_START };
    let source = sources.get(path);
    if (!source) {
      source = YamlSource.parse(displayPath(path), readFileSync(path, 'utf8')).source;
      sources.set(path, source);
    }
    return source.problem(['intake'], message, CANNOT_START, { key: true });
  });
}
