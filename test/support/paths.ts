/**
 * Paths of test fixtures.
 */
import { repoPath } from '../../lib/paths';

export const fixture = (...parts: string[]) => repoPath('test/fixtures', ...parts);
