// Benchmark of live inference in Chromium (not a timed test): for GoogLeNet 224 and Xception 299
// and their main variants, on the WASM and WebGL backends, the fast path (src/runtime/fast)
// against the plain tf.LayersModel of the same network, side by side with a 1024×1024 matMul in
// the same page: build time, first inference, warm median latency, GMAC/s, and the fast path's
// agreement with the LayersModel on that backend.
// Targets on WASM: fast ≥ 1.5× the LayersModel, and ≥ 70% of the matMul's GMAC/s.
// Writes bench/results/inference.json (inference-partial.json for a run with any option) and
// prints markdown tables, the summary last.
// Run: npm run bench [-- --backend wasm|webgl] [--case TEXT] [--runs N] [--wasm-threads N] [--quick]

import { mkdirSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { dirname, resolve } from 'node:path';
import type { Browser, Page } from '@playwright/test';
import { errorLine, fixed, launchChromium, markdown, ms, openBenchPage, startPageServer } from './browser';
import type { BackendName, BenchCase, BenchEnv, CaseOutcome } from './inference-page/protocol';
import { booleanAt, caseConfigAt, listAt, numberAt, objectAt, readCases } from './cases';

const PORT = 5186;
const ROOT = resolve(import.meta.dirname, 'inference-page');

const args = process.argv.slice(2);
const only = args.includes('--backend') ? (args[args.indexOf('--backend') + 1] as BackendName) : undefined;
const quick = args.includes('--quick');
/** Only the cases whose label contains this text, e.g. --case torchvision. */
const caseFilter = args.includes('--case') ? args[args.indexOf('--case') + 1] : undefined;
/** XNNPACK threads on WASM; by default tfjs' own choice (half the logical cores: 1 here). */
const wasmThreads = args.includes('--wasm-threads') ? Number(args[args.indexOf('--wasm-threads') + 1]) : undefined;
/** Exactly this many warm rounds per case (each round runs fast, layers and matMul once). */
const fixedRuns = args.includes('--runs') ? Number(args[args.indexOf('--runs') + 1]) : undefined;
/** A partial or altered run never overwrites the full run's results. */
const partial = Boolean(only || quick || caseFilter || wasmThreads || fixedRuns);
const RESULTS = resolve(import.meta.dirname, 'results', partial ? 'inference-partial.json' : 'inference.json');

const caseLabel = (spec: BenchCase) =>
  [spec.network, spec.preset, ...Object.entries(spec.options).map(([k, v]) => `${k}=${v}`)].filter(Boolean).join(' ');

const wasmRun = { budgetMs: quick ? 3_000 : 40_000, minRuns: quick ? 2 : 7, maxRuns: quick ? 3 : 25, check: true, profile: true };
// SwiftShader renders on the CPU: about 10 s per Xception inference, so few rounds.
const webglRun = { budgetMs: quick ? 5_000 : 60_000, minRuns: quick ? 1 : 4, maxRuns: quick ? 2 : 9, check: true, profile: false };

type RunSettings = Pick<BenchCase, 'budgetMs' | 'minRuns' | 'maxRuns' | 'check' | 'profile'>;
const RUNS: Record<BackendName, RunSettings> = { wasm: wasmRun, webgl: webglRun };

/**
 * The cases of each backend: bench/cases/inference.json, each case on its backend's run settings
 * above, changed by its own "run" if it has one.
 *  - wasm: xception conv=regular (68.8 GMAC) is the only case whose weights are large (0.7 GB,
 *    twice with the folded copies): 3 rounds, no check, no profile.
 *  - webgl: xception conv=regular is left out: 8x the MACs of Xception, minutes per inference
 *    on SwiftShader. order/intermediate variants cost what the default costs: one Xception is enough.
 */
function readInferenceCases(): Record<BackendName, BenchCase[]> {
  const { json, at } = readCases('inference.json');
  const backends = objectAt(json, at, Object.keys(RUNS));
  const cases = (backend: BackendName): BenchCase[] =>
    listAt(backends[backend], `${at}.${backend}`).map((entry, i) => {
      const where = `${at}.${backend}[${i}]`;
      const config = caseConfigAt(entry, where, ['run']);
      const given = objectAt(objectAt(entry, where).run ?? {}, `${where}.run`, Object.keys(RUNS[backend]));
      const base = RUNS[backend];
      const number = (key: 'budgetMs' | 'minRuns' | 'maxRuns') => (key in given ? numberAt(given[key], `${where}.run.${key}`) : base[key]);
      const flag = (key: 'check' | 'profile') => (key in given ? booleanAt(given[key], `${where}.run.${key}`) : base[key]);
      return { ...config, budgetMs: number('budgetMs'), minRuns: number('minRuns'), maxRuns: number('maxRuns'), check: flag('check'), profile: flag('profile') };
    });
  return { wasm: cases('wasm'), webgl: cases('webgl') };
}

const CASES = readInferenceCases();

async function openPage(browser: Browser, backend: BackendName): Promise<{ page: Page; env: BenchEnv }> {
  const query = backend === 'wasm' && wasmThreads ? `?threads=${wasmThreads}` : '';
  const page = await openBenchPage(browser, `http://localhost:${PORT}/${query}`, 'inferenceBench', backend);
  const env = await page.evaluate((b) => window.inferenceBench.init(b), backend);
  return { page, env };
}

const trio = (a: number, b: number, c: number, f: (n: number) => string) => `${f(a)} / ${f(b)} / ${f(c)}`;

function describeEnv(env: BenchEnv): string {
  if (env.backend === 'webgl') return `webgl${env.webglVersion}: renderer "${env.renderer}"`;
  const threads = env.threads ? `on, XNNPACK pool of ${env.threadsCount}` : 'off';
  return `wasm: SIMD ${env.simd ? 'on' : 'off'}, threads ${threads}, crossOriginIsolated ${env.crossOriginIsolated}`;
}

const SUMMARY_HEAD = [
  'backend',
  'network',
  'GMAC',
  'build ms',
  'compile ms',
  'first ms fast / layers',
  'median ms fast / layers / matMul',
  'GMAC/s fast / layers / matMul',
  'fast ÷ layers (median; min)',
  'fast ÷ matMul',
  'max rel err',
  'runs',
  'load',
];

function summaryRow(r: CaseOutcome): string[] {
  const load = r.loadAverage.map((l) => fixed(l, 1)).join('→');
  if ('error' in r) return [r.backend, r.label, `failed: ${r.error.replaceAll('|', '/').slice(0, 120)}`, ...Array(9).fill(''), load];
  return [
    r.backend,
    r.label,
    fixed(r.macs / 1e9, 2),
    ms(r.buildMs),
    ms(r.compileMs),
    `${ms(r.firstMs.fast)} / ${ms(r.firstMs.layers)}`,
    trio(r.medianMs.fast, r.medianMs.layers, r.medianMs.matMul, ms),
    trio(r.gmacs.fast, r.gmacs.layers, r.gmacs.matMul, (n) => fixed(n, 2)),
    `${fixed(r.speedup, 2)}×; ${fixed(r.minMs.layers / r.minMs.fast, 2)}×`,
    `${fixed(100 * r.matMulShare, 0)}%`,
    r.maxRelativeError === undefined ? '—' : r.maxRelativeError.toExponential(1),
    String(r.warm.fast.length),
    load,
  ];
}

/** Where the time goes (WASM): ms per kernel for one profiled run of each, the largest first. */
function profileTable(results: readonly CaseOutcome[]): string {
  const rows: string[][] = [];
  for (const r of results) {
    if ('error' in r || !r.profile) continue;
    const { fast, layers } = r.profile;
    const total = (k: string) => (fast[k] ?? 0) + (layers[k] ?? 0);
    const kernels = [...new Set([...Object.keys(fast), ...Object.keys(layers)])].sort((p, q) => total(q) - total(p));
    rows.push([r.backend, r.label, kernels.map((k) => `${k} ${ms(fast[k] ?? 0)} / ${ms(layers[k] ?? 0)}`).join(', ')]);
  }
  return rows.length ? markdown(['backend', 'network', 'kernel: ms fast / layers'], rows, 3) : '';
}

/** Runs every selected case of one backend in a fresh page; a failed case gets a fresh page too. */
async function runBackend(browser: Browser, backend: BackendName): Promise<{ env: BenchEnv; outcomes: CaseOutcome[] }> {
  const opened = await openPage(browser, backend);
  let page = opened.page;
  console.log(describeEnv(opened.env));
  const outcomes: CaseOutcome[] = [];
  for (const spec of CASES[backend].filter((c) => !caseFilter || caseLabel(c).includes(caseFilter))) {
    const before = loadavg()[0];
    try {
      const run = fixedRuns ? { ...spec, minRuns: fixedRuns, maxRuns: fixedRuns } : spec;
      const r = await page.evaluate((s) => window.inferenceBench.runCase(s), run);
      outcomes.push({ ...r, loadAverage: [before, loadavg()[0]] });
      console.log(
        `  ${backend} ${r.label}: fast ${ms(r.medianMs.fast)} ms, layers ${ms(r.medianMs.layers)} ms (${fixed(r.speedup, 2)}×), ` +
          `${fixed(r.gmacs.fast, 2)} GMAC/s = ${fixed(100 * r.matMulShare, 0)}% of matMul's ${fixed(r.gmacs.matMul, 2)}`,
      );
    } catch (error) {
      const message = errorLine(error);
      console.error(`  ${backend} ${caseLabel(spec)}: failed: ${message}`);
      outcomes.push({ label: caseLabel(spec), backend, error: message, loadAverage: [before, loadavg()[0]] });
      // A failed case (e.g. out of WASM memory) can leave the backend unusable.
      await page.close();
      page = (await openPage(browser, backend)).page;
    }
  }
  await page.close();
  return { env: opened.env, outcomes };
}

async function main(): Promise<void> {
  const server = await startPageServer({ root: ROOT, name: 'inference', port: PORT });
  const browser = await launchChromium();
  const environments: BenchEnv[] = [];
  const results: CaseOutcome[] = [];
  try {
    for (const backend of (['wasm', 'webgl'] as const).filter((b) => !only || b === only)) {
      const { env, outcomes } = await runBackend(browser, backend);
      environments.push(env);
      results.push(...outcomes);
    }
  } finally {
    await browser.close();
    await server.close();
  }
  mkdirSync(dirname(RESULTS), { recursive: true });
  const json = { date: new Date().toISOString(), node: process.version, environments, results };
  writeFileSync(RESULTS, `${JSON.stringify(json, null, 2)}\n`);
  console.log(`\nwrote ${RESULTS}\n`);
  const profile = profileTable(results);
  if (profile) console.log(`Where the time goes on WASM (one profiled run of each; noisy):\n\n${profile}\n`);
  for (const env of environments) console.log(`- ${describeEnv(env)}`);
  console.log(`\n${markdown(SUMMARY_HEAD, results.map(summaryRow))}`);
}

await main();
