// On-demand CPU profiling of a server process for `npm run bench:mcp` (BENCH_PROFILE): with CPU_PROFILE_FILE set,
// SIGUSR2 starts the V8 profiler and the next SIGUSR2 stops it and writes the profile there (Chrome DevTools format),
// so a profile covers the measured rounds only, not the start-up or the warm-up. Without the variable: nothing.
import fs from 'node:fs';
import inspector from 'node:inspector';

export function profileOnSignal(file = process.env.CPU_PROFILE_FILE): void {
  if (!file) return;
  let session: inspector.Session | null = null;
  process.on('SIGUSR2', () => {
    if (!session) {
      session = new inspector.Session();
      session.connect();
      session.post('Profiler.enable', () => session!.post('Profiler.setSamplingInterval', { interval: 500 }, () => session!.post('Profiler.start')));
      return;
    }
    const s = session;
    session = null;
    s.post('Profiler.stop', (err, res) => {
      if (err) console.error('[profile] could not stop the profiler', err);
      else fs.writeFileSync(file, JSON.stringify(res.profile));
      s.disconnect();
    });
  });
}
