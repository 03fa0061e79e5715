/**
 * Paths inside the repository, the same whether code runs from source or from dist/.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

function findRoot(start: string): string {
  let dir = start;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`no package.json above ${start}`);
    dir = parent;
  }
  return dir;
}

export const repoRoot = findRoot(resolve(__dirname, '..'));

export function repoPath(...parts: string[]): string {
  return join(repoRoot, ...parts);
}
