// The timing harness of the benchmarks that compare contenders per input
// shape (bench.js for /completions, chat-bench.js for /chat/completions): each
// contender in a loop of its own, batches sized by a warm-up, rounds in a
// rotating order, medians, and the CPU other processes used meanwhile. The
// method is written at the top of bench.js.
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

/**
 * The command line of a shape benchmark: --quick, --strict, --out FILE,
 * --core FILE (the module to time, js/dist/index.js by default). A full run
 * writes tests/bench/<results> unless --out says where.
 */
export function parseArgs(argv, results) {
  const opts = { quick: false, strict: false, out: null, core: path.resolve(here, '../../js/dist/index.js') };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--quick') opts.quick = true;
    else if (argv[i] === '--strict') opts.strict = true;
    else if (argv[i] === '--out') opts.out = path.resolve(argv[++i]);
    else if (argv[i] === '--core') opts.core = path.resolve(argv[++i]);
    else throw new Error(`unknown argument: ${argv[i]}`);
  }
  if (!opts.quick && !opts.out) opts.out = path.join(here, results);
  return opts;
}

/** Where every loop's last result goes, so that nothing is optimised away. */
export let sink;

/**
 * A loop of its own for each contender (fresh code from new Function), so the
 * fn() call site in it only ever sees one target and stays monomorphic.
 */
export function makeLoop(fn) {
  const loop = new Function('fn', 'return function loop(n) { let r; for (let i = 0; i < n; i++) r = fn(); return r; };')(fn);
  return (n) => {
    const t0 = process.hrtime.bigint();
    sink = loop(n);
    return Number(process.hrtime.bigint() - t0);
  };
}

/** Runs the loop for about `ms` and returns the batch size that takes about `batchMs`. */
function warmUp(timed, ms, batchMs) {
  let calls = 0;
  let spent = 0;
  let n = 1;
  while (spent < ms * 1e6) {
    spent += timed(n);
    calls += n;
    n = Math.min(n * 2, 1 << 16);
  }
  const perCall = spent / calls;
  return Math.max(1, Math.round((batchMs * 1e6) / perCall));
}

export function quantile(sorted, q) {
  const pos = (sorted.length - 1) * q;
  const lo = Math.floor(pos);
  const hi = Math.ceil(pos);
  return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
}

/** { key: { label, medianNs, p25Ns, p75Ns, samples, batch } } for one shape; `list` is [label, key, (shape) => () => result]. */
export function benchShape(shape, list, config) {
  const runs = list.map(([label, key, make]) => ({ label, key, timed: makeLoop(make(shape)), samples: [] }));
  for (const r of runs) r.batch = warmUp(r.timed, config.warmupMs, config.batchMs);
  for (let round = 0; round < config.rounds; round++) {
    for (let j = 0; j < runs.length; j++) {
      const r = runs[(round + j) % runs.length];
      r.samples.push(r.timed(r.batch) / r.batch);
    }
  }
  const stats = {};
  for (const r of runs) {
    const s = r.samples.sort((a, b) => a - b);
    stats[r.key] = {
      label: r.label,
      medianNs: quantile(s, 0.5),
      p25Ns: quantile(s, 0.25),
      p75Ns: quantile(s, 0.75),
      samples: s.length,
      batch: r.batch,
    };
  }
  return stats;
}

export function fmtNs(ns) {
  if (ns < 1e3) return `${ns.toFixed(0)} ns`;
  if (ns < 1e6) return `${(ns / 1e3).toPrecision(3)} µs`;
  return `${(ns / 1e6).toPrecision(3)} ms`;
}

export function fmtBytes(b) {
  return b < 1024 ? `${b} B` : `${(b / 1024).toFixed(1)} KiB`;
}

export function fmtRatio(t) {
  return `${t.ratio.toFixed(2)}× ${t.met ? '✓' : '✗'}`;
}

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model ?? 'unknown',
    cores: cpus.length,
    node: process.version,
    v8: process.versions.v8,
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
  };
}

/** CPU time (ms) used by everything on the machine so far, summed over cores. */
function machineBusyMs() {
  let busy = 0;
  for (const { times } of os.cpus()) busy += times.user + times.nice + times.sys + times.irq;
  return busy;
}

/**
 * Measures how much CPU *other* processes used while `fn` ran, as a share of
 * one core: machine busy time minus this process's own CPU time, over the
 * wall time. Other work on a 2-core machine skews every number, so the run
 * says so rather than hiding it.
 */
export function withNeighbours(fn) {
  const wall0 = performance.now();
  const busy0 = machineBusyMs();
  const own0 = process.cpuUsage();
  const value = fn();
  const own = process.cpuUsage(own0);
  const wall = performance.now() - wall0;
  const others = machineBusyMs() - busy0 - (own.user + own.system) / 1000;
  return { value, otherCoreShare: Math.max(0, others / wall) };
}
