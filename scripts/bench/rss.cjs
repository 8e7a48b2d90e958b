// Preloaded by the bench (NODE_OPTIONS=--require) to record a process's peak memory and CPU time
// at exit: CPU time is steadier than wall time on a shared machine.
const { writeFileSync } = require('node:fs');
process.on('exit', () => {
  if (!process.env.BENCH_RSS_FILE) return;
  const u = process.resourceUsage();
  writeFileSync(process.env.BENCH_RSS_FILE, JSON.stringify({ maxRssMB: u.maxRSS / 1024, cpuMs: (u.userCPUTime + u.systemCPUTime) / 1000 }));
});
