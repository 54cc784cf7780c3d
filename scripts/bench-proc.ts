// What bench:mcp reads from Linux /proc about the processes it measures: their CPU time and which one to profile.
// Elsewhere (no /proc) the CPU figures are NaN and nothing is profiled.
import fs from 'node:fs';

/** The processes whose command line contains `cmdline`, with the fields of their stat line from field 3 (state) on. */
function matching(cmdline: string): { pid: number; stat: string[] }[] | null {
  let pids: string[];
  try {
    pids = fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return null;
  }
  const out: { pid: number; stat: string[] }[] = [];
  for (const pid of pids) {
    try {
      if (!fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(cmdline)) continue;
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      out.push({ pid: Number(pid), stat: stat.slice(stat.lastIndexOf(')') + 2).split(' ') });
    } catch {
      // the process ended meanwhile
    }
  }
  return out;
}

/**
 * CPU time used so far by the processes whose command line contains `cmdline`, in µs (Linux /proc; null elsewhere).
 * A PostgreSQL backend's command line names its database ("postgres: user db 127.0.0.1(port) idle"), so the
 * benchmark database's name selects the backends serving it, and no other test's. Less sensitive to noisy neighbours
 * than throughput: it is what a call costs, not how fast it ran.
 */
function cpuByPid(cmdline: string): Map<number, number> | null {
  const procs = matching(cmdline);
  // stat[0] is field 3 (state): utime and stime are fields 14 and 15, in clock ticks of 10 ms (USER_HZ = 100).
  return procs && new Map(procs.map(({ pid, stat }) => [pid, (Number(stat[11]) + Number(stat[12])) * 10_000]));
}

export function processCpuMicros(cmdline: string): number {
  const by = cpuByPid(cmdline);
  return by && by.size ? [...by.values()].reduce((a, b) => a + b, 0) : NaN;
}

/**
 * CPU used by the processes matching `cmdline` between start and stop(), in µs. Sampled every 250 ms, so that a
 * process ending meanwhile (a pooled connection's backend closing) still counts with its last reading, and one
 * starting meanwhile counts from zero.
 */
export function cpuMeter(cmdline: string): { stop: () => number } {
  const first = cpuByPid(cmdline);
  const last = new Map(first ?? []);
  const sample = () => {
    for (const [pid, t] of cpuByPid(cmdline) ?? []) last.set(pid, t);
  };
  const timer = setInterval(sample, 250);
  return {
    stop: () => {
      clearInterval(timer);
      sample();
      if (!first) return NaN;
      let total = 0;
      for (const [pid, t] of last) total += t - (first.get(pid) ?? 0);
      return total;
    },
  };
}

/**
 * The server process itself among those whose command line contains `cmdline` (npm exec, sh, tsx, node): the last
 * of that chain (no child in it), provided it handles SIGUSR2 (scripts/bench-profile.ts) — for the others, npm's
 * among them, SIGUSR2 would be fatal or forwarded.
 */
export function profiledPid(cmdline: string): number | null {
  const chain = new Map((matching(cmdline) ?? []).map(({ pid, stat }) => [pid, Number(stat[1])])); // pid → parent pid
  const parents = new Set(chain.values());
  for (const pid of chain.keys()) {
    if (parents.has(pid)) continue;
    try {
      const caught = /^SigCgt:\s*([0-9a-f]+)$/m.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
      if (caught && (BigInt(`0x${caught}`) >> 11n) & 1n) return pid; // bit 11: signal 12, SIGUSR2
    } catch {
      // the process ended meanwhile
    }
  }
  return null;
}
