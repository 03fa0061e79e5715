/**
 * Runs command lines as a person pastes them: one bash, in the repository's folder, stopping at
 * the first line that fails. curl keeps printing what it got, and each HTTP answer is also noted
 * (status, method, address and body), even one a line captures into a variable, so a test reads
 * what each call got, in order.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { repoRoot } from '../../lib/paths';

/** One HTTP answer a pasted curl got. */
export interface PastedAnswer {
  status: number;
  method: string;
  url: string;
  body: string;
}

export interface Pasted {
  /** The shell's exit code: 0 when every line ran. */
  exitCode: number;
  /** The statuses of the HTTP answers the lines got, in order. */
  statuses: number[];
  answers: PastedAnswer[];
  stdout: string;
  stderr: string;
}

/** Separates the noted answers; it never occurs in JSON or text answers. */
const RECORD_END = '\x1e';

/**
 * curl as the lines call it, printing what it got; the status, method and address follow the
 * body on a last line of their own, which the wrapper notes with the body and does not print.
 */
const CURL = `curl() {
  local got exit=0
  got=$(command curl -w '\\n%{http_code} %{method} %{url_effective}' "$@") || exit=$?
  printf '%s\\n%s${RECORD_END}' "\${got##*$'\\n'}" "\${got%$'\\n'*}" >> "$PASTE_ANSWERS"
  printf '%s\\n' "\${got%$'\\n'*}"
  return $exit
}`;

function parseAnswers(noted: string): PastedAnswer[] {
  return noted
    .split(RECORD_END)
    .filter((record) => record.length > 0)
    .map((record) => {
      const newline = record.indexOf('\n');
      const [status = '0', method = '', url = ''] = record.slice(0, newline).split(' ');
      return { status: Number(status), method, url, body: record.slice(newline + 1) };
    });
}

/** Runs the lines; resolves whether or not they all ran (see `exitCode`). */
export async function pasteIntoShell(
  lines: string[],
  env: Record<string, string | undefined> = {},
): Promise<Pasted> {
  const folder = mkdtempSync(join(tmpdir(), 'pishkhan-paste-'));
  const noted = join(folder, 'answers');
  const script = ['set -e', `: > "$PASTE_ANSWERS"`, CURL, ...lines].join('\n');
  try {
    const { exitCode, stdout, stderr } = await new Promise<{
      exitCode: number;
      stdout: string;
      stderr: string;
    }>((resolve) => {
      execFile(
        'bash',
        ['-c', script],
        { cwd: repoRoot, env: { ...process.env, ...env, PASTE_ANSWERS: noted }, maxBuffer: 16 * 1024 * 1024 },
        (error, stdout, stderr) => {
          const code = error ? (typeof error.code === 'number' ? error.code : 1) : 0;
          resolve({ exitCode: code, stdout, stderr });
        },
      );
    });
    const answers = parseAnswers(readFileSync(noted, 'utf8'));
    return { exitCode, statuses: answers.map((a) => a.status), answers, stdout, stderr };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
