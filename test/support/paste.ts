/**
 * Runs command lines as a person pastes them: one bash, in the repository's folder, stopping at
 * the first that fails; curl notes the status of each answer, so a test reads what each call got.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { repoRoot } from '../../lib/paths';

const shell = promisify(execFile);

/** The statuses of the HTTP answers the lines got, in order, and what they printed. */
export async function pasteIntoShell(
  lines: string[],
  env: Record<string, string | undefined> = {},
): Promise<{ statuses: number[]; stdout: string }> {
  const script = ['set -e', `curl() { command curl -w '\\nHTTP %{http_code}\\n' "$@"; }`, ...lines].join(
    '\n',
  );
  const { stdout } = await shell('bash', ['-c', script], {
    cwd: repoRoot,
    env: { ...process.env, ...env },
    maxBuffer: 16 * 1024 * 1024,
  });
  return { statuses: [...stdout.matchAll(/^HTTP (\d{3})$/gm)].map((m) => Number(m[1])), stdout };
}
