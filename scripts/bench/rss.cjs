// Preloaded by the bench (NODE_OPTIONS=--require) to record a process's peak memory and CPU time
// at exit: CPU time is steadier than wall time on a shared machine. One line per process: a big
// compile runs itself again in a child (src/node/eager-regexp.ts), which inherits the hook.
const { appendFileSync } = require('node:fs');
process.on('exit', () => {
  if (!process.env.BENCH_RSS_FILE) return;
  const u = process.resourceUsage();
  appendFileSync(process.env.BENCH_RSS_FILE, `${JSON.stringify({ maxRssMB: u.maxRSS / 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 })}\n`);
});
