/**
 * CPU time a process and its children have used so far, from /proc (Linux): what each part
 * of a deployment costs, however many other programs share the machine's cores.
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

/** Milliseconds of CPU used by each process tree (the roots and all their descendants) together. */
export function cpuMsOf(roots: number[]): number {
  const all = readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map(stat)
    .filter((s): s is Stat => s !== undefined);
  const children = new Map<number, Stat[]>();
  for (const s of all) children.set(s.parent, [...(children.get(s.parent) ?? []), s]);
  let ticks = 0;
  const pending = all.filter((s) => roots.includes(s.pid));
  while (pending.length > 0) {
    const next = pending.pop() as Stat;
    ticks += next.ticks;
    pending.push(...(children.get(next.pid) ?? []));
  }
  return (ticks * 1000) / TICKS_PER_SECOND;
}
