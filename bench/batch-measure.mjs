// One measured run of bench/batch.mjs: client CPU and peak RSS (this process), emulator CPU and
// RSS (the child, over IPC), and an exactly-once check of every result.

/**
 * Runs `drive(check)`; `check(index, outputs, error)` must be called once per result and the
 * model's output must be `{ y: 2 * index }`. Returns a table row plus CPU per record.
 */
export async function measureRun({ name, n, usage, drive }) {
  global.gc?.();
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
  const emu0 = await usage();
  const cpu0 = process.cpuUsage();
  const t0 = performance.now();
  const seen = new Uint8Array(n);
  let wrong = 0;
  const extra = await drive((index, outputs, error) => {
    seen[index]++;
    if (error || outputs.y !== index * 2) wrong++;
  });
  const seconds = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  const emu1 = await usage();
  clearInterval(sampler);
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const once = seen.every((c) => c === 1);
  const client = (cpu.user + cpu.system) / 1e6;
  const emulator = (emu1.cpu.user + emu1.cpu.system - emu0.cpu.user - emu0.cpu.system) / 1e6;
  return {
    perRecord: { client: client / n, emulator: emulator / n },
    recordsPerSecond: n / seconds,
    row: {
      runner: name,
      records: n.toLocaleString('en-US'),
      'records/s': Math.round(n / seconds).toLocaleString('en-US'),
      seconds: seconds.toFixed(1),
      'client CPU s': client.toFixed(2),
      'emulator CPU s': emulator.toFixed(2),
      'client µs/rec': ((client / n) * 1e6).toFixed(2),
      'emulator µs/rec': ((emulator / n) * 1e6).toFixed(2),
      'client ÷ emulator': `${((client / emulator) * 100).toFixed(0)}%`,
      'client peak RSS MB': (peakRss / 2 ** 20).toFixed(0),
      'emulator RSS MB': (emu1.rss / 2 ** 20).toFixed(0),
      'exactly once': once && wrong === 0 ? 'yes' : `NO (${wrong} wrong)`,
      retries: extra.retries,
      'peak buffered': extra.peakBuffered,
    },
  };
}

/**
 * A JS model with a compute cost: `y = 2x` plus a month-by-month policy value projection whose
 * length is calibrated so one record costs about `micros` µs of CPU on this machine.
 */
export function costedModel(micros) {
  const project = (months, x) => {
    let value = 0;
    for (let m = 0; m < months; m++) value = value * 1.0025 + 100 + ((x + m) % 7);
    return value;
  };
  let months = 1000;
  for (let i = 0; i < 2000; i++) project(months, i); // warm-up: calibrate the optimised code
  const t0 = performance.now();
  for (let i = 0; i < 2000; i++) project(months, i);
  months = Math.max(1, Math.round((months * micros) / (((performance.now() - t0) * 1000) / 2000)));
  return (inputs) => ({ y: inputs.x * 2, value: project(months, inputs.x) });
}
