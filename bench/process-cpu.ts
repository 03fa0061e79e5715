/**
 * CPU time a process and its children have used so far, and the memory they hold, from /proc
 * (Linux): what each part of a deployment costs, however many other programs share the
 * machine's cores.
 */
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks a second of /proc's times (USER_HZ, 100 on Linux). */
const TICKS_PER_SECOND = 100;

interface Stat {
  pid: number;
  parent: number;
  /** User and system time, in ticks. */
  ticks: number;
}

function stat(pid: string): Stat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // The command name may hold spaces and parentheses: fields start after the last ')'.
    const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
    return { pid: Number(pid), parent: Number(fields[1]), ticks: Number(fields[11]) + Number(fields[12]) };
  } catch {
    return undefined;
  }
}

/** The processes of the trees rooted at `roots` (the roots and all their descendants). */
function treesOf(roots: number[]): Stat[] {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(stat)
    .filter((s): s is Stat => s !== undefined);
  const children = new Map<number, Stat[]>();
  for (const s of all) children.set(s.parent, [...(children.get(s.parent) ?? []), s]);
  const found: Stat[] = [];
  const pending = all.filter((s) => roots.includes(s.pid));
  while (pending.length > 0) {
    const next = pending.pop() as Stat;
    found.push(next);
    pending.push(...(children.get(next.pid) ?? []));
  }
  return found;
}

/** Milliseconds of CPU used by the process trees together. */
export function cpuMsOf(roots: number[]): number {
  return (treesOf(roots).reduce((ticks, s) => ticks + s.ticks, 0) * 1000) / TICKS_PER_SECOND;
}

/** Resident memory of the process trees together, in MB (PostgreSQL's shared buffers once per backend). */
export function residentMbOf(roots: number[]): number {
  let kb = 0;
  for (const { pid } of treesOf(roots)) {
    try {
      kb += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1] ?? 0);
    } catch {
      // The process ended between the two reads.
    }
  }
  return kb / 1024;
}
