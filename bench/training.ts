// Benchmark of training speed (not a timed test): images/s of the app's own trainer
// (src/runtime/training/trainer.ts) for GoogLeNet small and Xception small (32×32, 10 classes) on
// synthetic data, on the WASM, CPU and WebGL backends in one Chromium run, each next to a
// 1024×1024 matMul timed between the steps in the same page and backend; then WASM in Node.
// The bound of a case: matMul GMAC/s × 1e9 / (3 × forward MACs per image) images/s (a training
// step is about three forward passes of MACs: forward, input gradient, weight gradient).
// Targets: WASM ≥ 5× the CPU backend's images/s, and WASM ≥ 40% of its bound.
// Writes bench/results/training.json (training-partial.json for a run with any option) and prints
// markdown tables, the summary last.
// A full run takes about a quarter of an hour on this 2-core machine under load (the CPU backend and
// SwiftShader take tens of seconds a step).
// Run: npm run bench:training [-- --backend wasm|cpu|webgl] [--case TEXT] [--steps N] [--warmup N]
//      [--batch N] [--wasm-threads N] [--no-node]

import { mkdirSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Browser, Page } from '@playwright/test';
import { errorLine, fixed, launchChromium, markdown, ms, openBenchPage, startPageServer } from './browser';
import type { BackendName, CaseOutcome, Runtime, TrainingCase, TrainingEnv, TrainingResult } from './training-page/protocol';
import { trainableCases } from './cases';

const PORT = 5187;
const ROOT = resolve(import.meta.dirname, 'training-page');
const BACKENDS: readonly BackendName[] = ['wasm', 'cpu', 'webgl'];
/** Timed steps per backend: the CPU backend and SwiftShader's WebGL take seconds to minutes a step. */
const DEFAULT_STEPS: Record<BackendName, number> = { wasm: 10, cpu: 2, webgl: 2 };
const TARGET_WASM_OVER_CPU = 5;
const TARGET_BOUND_SHARE = 0.4;

const USAGE = `Usage: npm run bench:training [-- --backend wasm|cpu|webgl] [--case TEXT] [--steps N] [--warmup N]
                                  [--batch N] [--wasm-threads N] [--no-node]`;

function positive(value: string | undefined, name: string, zeroOk = false): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < (zeroOk ? 0 : 1)) {
    console.error(`--${name} takes a ${zeroOk ? 'non-negative' : 'positive'} integer, got "${value}"\n${USAGE}`);
    process.exit(2);
  }
  return n;
}

const { values: opts } = parseArgs({
  options: {
    backend: { type: 'string' },
    case: { type: 'string' },
    steps: { type: 'string' },
    warmup: { type: 'string' },
    batch: { type: 'string' },
    'wasm-threads': { type: 'string' },
    'no-node': { type: 'boolean', default: false },
  },
});
const only = opts.backend as BackendName | undefined;
if (only && !BACKENDS.includes(only)) {
  console.error(`--backend takes ${BACKENDS.join(', ')}, got "${only}"\n${USAGE}`);
  process.exit(2);
}
/** Only the networks whose label ("googlenet small", "xception small") contains this text. */
const caseFilter = opts.case;
const steps = positive(opts.steps, 'steps');
const warmupSteps = positive(opts.warmup, 'warmup', true) ?? 2;
const batchSize = positive(opts.batch, 'batch') ?? 32;
/** XNNPACK threads on WASM in Chromium; by default tfjs' own choice (half the logical cores: 1 here). */
const wasmThreads = positive(opts['wasm-threads'], 'wasm-threads');
const withNode = !opts['no-node'] && (!only || only === 'wasm');
/** A partial or altered run never overwrites the full run's results. */
const partial = process.argv.length > 2;
const RESULTS = resolve(import.meta.dirname, 'results', partial ? 'training-partial.json' : 'training.json');

function casesFor(backend: BackendName): TrainingCase[] {
  const n = steps ?? DEFAULT_STEPS[backend];
  // Every network that can be trained here, on its trainablePreset.
  return trainableCases().map(({ network, preset }) => ({
    network,
    preset,
    batchSize,
    warmupSteps,
    steps: n,
    images: Math.max(256, batchSize * (warmupSteps + n)),
    seed: 1,
    // Random labels: a small rate keeps the loss near ln 10, far from the trainer's divergence check.
    learningRate: 0.01,
    minMatMulRuns: 3,
  })).filter((c) => !caseFilter || `${c.network} ${c.preset}`.includes(caseFilter));
}

const where = (runtime: Runtime, backend: BackendName) => (runtime === 'node' ? `${backend} (Node)` : backend);

function describeEnv(env: TrainingEnv): string {
  const at = where(env.runtime, env.backend);
  if (env.backend === 'webgl') return `${at}: webgl${env.webglVersion}, renderer "${env.renderer}"`;
  if (env.backend === 'cpu') return `${at}: tfjs' plain JavaScript backend`;
  const threads = env.threads ? `on, XNNPACK pool of ${env.threadsCount}` : `off (pool of ${env.threadsCount})`;
  const isolated = env.crossOriginIsolated === undefined ? '' : `, crossOriginIsolated ${env.crossOriginIsolated}`;
  const kernels = env.simdTrainingKernels ? 'the SIMD training kernels' : 'the composed training kernels (SIMD module not running)';
  return `${at}: SIMD ${env.simd ? 'on' : 'off'}, threads ${threads}${isolated}; ${kernels}`;
}

function report(r: TrainingResult): void {
  console.log(
    `  ${where(r.runtime, r.backend)} ${r.label}: ${ms(r.medianStepMs)} ms/step, ${fixed(r.imagesPerSecond, 1)} images/s ` +
      `= ${fixed(100 * r.boundShare, 0)}% of the bound ${fixed(r.boundImagesPerSecond, 1)} (matMul ${fixed(r.matMulGmacs, 2)} GMAC/s)`,
  );
}

async function openPage(browser: Browser, backend: BackendName): Promise<{ page: Page; env: TrainingEnv }> {
  const query = backend === 'wasm' && wasmThreads ? `?threads=${wasmThreads}` : '';
  const page = await openBenchPage(browser, `http://localhost:${PORT}/${query}`, 'trainingBench', backend);
  const env = await page.evaluate((b) => window.trainingBench.init(b), backend);
  return { page, env };
}

/** Runs both networks on one backend in a fresh page; a failed case gets a fresh page too. */
async function runBackend(browser: Browser, backend: BackendName): Promise<{ env: TrainingEnv; outcomes: CaseOutcome[] }> {
  const opened = await openPage(browser, backend);
  let page = opened.page;
  console.log(describeEnv(opened.env));
  const outcomes: CaseOutcome[] = [];
  for (const spec of casesFor(backend)) {
    const before = loadavg()[0];
    try {
      const r = await page.evaluate((s) => window.trainingBench.runCase(s), spec);
      outcomes.push({ ...r, loadAverage: [before, loadavg()[0]] });
      report(r);
    } catch (error) {
      const message = errorLine(error);
      const label = `${spec.network} ${spec.preset}`;
      console.error(`  ${backend} ${label}: failed: ${message}`);
      outcomes.push({ label, backend, runtime: 'chromium', error: message, loadAverage: [before, loadavg()[0]] });
      await page.close();
      page = (await openPage(browser, backend)).page;
    }
  }
  await page.close();
  return { env: opened.env, outcomes };
}

/** The WASM backend in this Node process (src/node/tf-node.ts, as `npm run train` uses it). */
async function runNode(): Promise<{ env: TrainingEnv; outcomes: CaseOutcome[] }> {
  const { startNodeBackend } = await import('../src/node/tf-node');
  const { backendEnv, runTrainingCase } = await import('./training-page/run-case');
  await startNodeBackend('wasm');
  const env = await backendEnv('node', `Node ${process.version}`, availableParallelism());
  console.log(describeEnv(env));
  const outcomes: CaseOutcome[] = [];
  for (const spec of casesFor('wasm')) {
    const before = loadavg()[0];
    try {
      const r = await runTrainingCase(spec, 'node');
      outcomes.push({ ...r, loadAverage: [before, loadavg()[0]] });
      report(r);
    } catch (error) {
      const message = errorLine(error);
      console.error(`  wasm (Node) ${spec.network} ${spec.preset}: failed: ${message}`);
      outcomes.push({ label: `${spec.network} ${spec.preset}`, backend: 'wasm', runtime: 'node', error: message, loadAverage: [before, loadavg()[0]] });
    }
  }
  return { env, outcomes };
}

const CASE_HEAD = [
  'backend',
  'network',
  'fwd MMAC/img',
  'batch',
  'ms/step median (min)',
  'images/s',
  'training GMAC/s',
  'matMul GMAC/s',
  'bound images/s',
  'share of bound',
  'steps (+warm-up)',
  'leaked tensors',
  'load',
];

function caseRow(r: CaseOutcome): string[] {
  const load = r.loadAverage.map((l) => fixed(l, 1)).join('→');
  const at = where(r.runtime, r.backend);
  if ('error' in r) return [at, r.label, `failed: ${r.error.replaceAll('|', '/').slice(0, 120)}`, ...Array(9).fill(''), load];
  return [
    at,
    r.label,
    fixed(r.macs / 1e6, 1),
    String(r.batchSize),
    `${ms(r.medianStepMs)} (${ms(r.minStepMs)})`,
    fixed(r.imagesPerSecond, 1),
    fixed(r.trainingGmacs, 2),
    fixed(r.matMulGmacs, 2),
    fixed(r.boundImagesPerSecond, 1),
    `${fixed(100 * r.boundShare, 0)}%`,
    `${r.stepMs.length} (+${r.warmupMs.length})`,
    String(r.leakedTensors),
    load,
  ];
}

interface NetworkSummary {
  readonly network: string;
  readonly wasmImagesPerSecond?: number;
  readonly cpuImagesPerSecond?: number;
  /** WASM ÷ CPU images/s (Chromium), target ≥ 5. */
  readonly wasmOverCpu?: number;
  readonly wasmOverCpuMet?: boolean;
  /** WASM images/s ÷ its bound (Chromium), target ≥ 0.4. */
  readonly wasmBoundShare?: number;
  readonly wasmBoundShareMet?: boolean;
  readonly webglImagesPerSecond?: number;
  readonly nodeWasmImagesPerSecond?: number;
  readonly nodeWasmBoundShare?: number;
}

function summarize(results: readonly CaseOutcome[]): NetworkSummary[] {
  const find = (label: string, backend: BackendName, runtime: Runtime) =>
    results.find((r): r is TrainingResult & CaseOutcome => !('error' in r) && r.label === label && r.backend === backend && r.runtime === runtime);
  const labels = [...new Set(results.map((r) => r.label))];
  return labels.map((label) => {
    const wasm = find(label, 'wasm', 'chromium');
    const cpu = find(label, 'cpu', 'chromium');
    const webgl = find(label, 'webgl', 'chromium');
    const node = find(label, 'wasm', 'node');
    const ratio = wasm && cpu ? wasm.imagesPerSecond / cpu.imagesPerSecond : undefined;
    return {
      network: label,
      wasmImagesPerSecond: wasm?.imagesPerSecond,
      cpuImagesPerSecond: cpu?.imagesPerSecond,
      wasmOverCpu: ratio,
      wasmOverCpuMet: ratio === undefined ? undefined : ratio >= TARGET_WASM_OVER_CPU,
      wasmBoundShare: wasm?.boundShare,
      wasmBoundShareMet: wasm ? wasm.boundShare >= TARGET_BOUND_SHARE : undefined,
      webglImagesPerSecond: webgl?.imagesPerSecond,
      nodeWasmImagesPerSecond: node?.imagesPerSecond,
      nodeWasmBoundShare: node?.boundShare,
    };
  });
}

const verdict = (met: boolean | undefined) => (met === undefined ? '' : met ? ' met' : ' **not met**');
const maybe = (n: number | undefined, f: (n: number) => string) => (n === undefined ? '—' : f(n));

const SUMMARY_HEAD = [
  'network',
  'images/s WASM / CPU / WebGL',
  `WASM ÷ CPU (target ≥ ${TARGET_WASM_OVER_CPU}×)`,
  `WASM share of bound (target ≥ ${100 * TARGET_BOUND_SHARE}%)`,
  'Node WASM images/s (share of bound)',
];

const summaryRow = (s: NetworkSummary): string[] => [
  s.network,
  [s.wasmImagesPerSecond, s.cpuImagesPerSecond, s.webglImagesPerSecond].map((n) => maybe(n, (x) => fixed(x, 1))).join(' / '),
  `${maybe(s.wasmOverCpu, (x) => `${fixed(x, 1)}×`)}${verdict(s.wasmOverCpuMet)}`,
  `${maybe(s.wasmBoundShare, (x) => `${fixed(100 * x, 0)}%`)}${verdict(s.wasmBoundShareMet)}`,
  s.nodeWasmImagesPerSecond === undefined ? '—' : `${fixed(s.nodeWasmImagesPerSecond, 1)} (${fixed(100 * (s.nodeWasmBoundShare ?? 0), 0)}%)`,
];

async function main(): Promise<void> {
  const startLoad = loadavg();
  console.log(`load average at start: ${startLoad.map((l) => fixed(l, 2)).join(', ')} (${availableParallelism()} logical cores)`);
  const environments: TrainingEnv[] = [];
  const results: CaseOutcome[] = [];
  const selected = BACKENDS.filter((b) => !only || b === only);
  if (selected.length > 0) {
    const server = await startPageServer({ root: ROOT, name: 'training', port: PORT });
    const browser = await launchChromium();
    try {
      for (const backend of selected) {
        const { env, outcomes } = await runBackend(browser, backend);
        environments.push(env);
        results.push(...outcomes);
      }
    } finally {
      await browser.close();
      await server.close();
    }
  }
  if (withNode) {
    const { env, outcomes } = await runNode();
    environments.push(env);
    results.push(...outcomes);
  }
  const summary = summarize(results);
  mkdirSync(dirname(RESULTS), { recursive: true });
  const json = {
    date: new Date().toISOString(),
    node: process.version,
    args: process.argv.slice(2),
    settings: { batchSize, warmupSteps, steps: steps ?? DEFAULT_STEPS, wasmThreads: wasmThreads ?? 'default' },
    targets: { wasmOverCpu: TARGET_WASM_OVER_CPU, wasmBoundShare: TARGET_BOUND_SHARE },
    loadAverageAtStart: startLoad,
    environments,
    results,
    summary,
  };
  writeFileSync(RESULTS, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${RESULTS}\n`);
  for (const env of environments) console.log(`- ${describeEnv(env)}`);
  console.log(`\n${markdown(CASE_HEAD, results.map(caseRow))}`);
  console.log(`\nSummary (Chromium; the bound is matMul GMAC/s × 1e9 / (3 × forward MACs per image)):\n`);
  console.log(markdown(SUMMARY_HEAD, summary.map(summaryRow), 1));
}

await main();
