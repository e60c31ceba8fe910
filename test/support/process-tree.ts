// Reads the process table from /proc: who descends from whom, and whether a process still runs (a zombie
// — exited, not yet reaped by its parent — does not).
import fs from 'node:fs';

function stat(pid: number): { ppid: number; state: string } | undefined {
  try {
    const s = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const rest = s.slice(s.lastIndexOf(')') + 2).split(' '); // the command name may hold spaces and parentheses
    return { state: rest[0], ppid: Number(rest[1]) };
  } catch {
    return undefined;
  }
}

export function isRunning(pid: number): boolean {
  const s = stat(pid);
  return !!s && s.state !== 'Z' && s.state !== 'X';
}

export function commandLine(pid: number): string {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ').trim();
  } catch {
    return '';
  }
}

/** Every process below `root` (children, their children …), running or not yet reaped. */
export function descendants(root: number): number[] {
  const children = new Map<number, number[]>();
  for (const name of fs.readdirSync('/proc')) {
    const pid = Number(name);
    if (!pid) continue;
    const s = stat(pid);
    if (!s) continue;
    (children.get(s.ppid) ?? children.set(s.ppid, []).get(s.ppid)!).push(pid);
  }
  const out: number[] = [];
  const stack = [root];
  while (stack.length) {
    for (const c of children.get(stack.pop()!) ?? []) {
      out.push(c);
      stack.push(c);
    }
  }
  return out;
}
