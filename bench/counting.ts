// Benchmark: how long counting all modules of a configuration takes (target: under 5 ms).
// Times analyze() (shape inference + every layer's and module's counts and formulas) for each
// network and a few variants, median of many runs after a warm-up; also builder + analyze together;
// and the graph layout of each configuration with every module expanded (layoutGraph, pure).
// The configurations are bench/cases/counting.json. Writes bench/results/counting.json.
// Run: npm run bench:counting

import { mkdirSync, writeFileSync } from 'node:fs';
import { analyze } from '../src/analysis/counts';
import { configure } from '../src/model/networks';
import { layoutGraph } from '../src/ui/graph/layout';
import { caseConfigAt, listAt, readCases } from './cases';

const { json, at } = readCases('counting.json');
const CASES = listAt(json, at).map((entry, i) => caseConfigAt(entry, `${at}[${i}]`));
const WARMUP = 50;
const RUNS = 500;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const results = CASES.map(({ network, options: overrides, preset }) => {
  const { model } = configure(network, overrides, preset);
  for (let i = 0; i < WARMUP; i++) analyze(configure(network, overrides, preset).model);
  const times: number[] = [];
  const withBuild: number[] = [];
  let layers = 0;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    layers = analyze(model).layers.length;
    times.push(performance.now() - start);
    const again = performance.now();
    analyze(configure(network, overrides, preset).model);
    withBuild.push(performance.now() - again);
  }
  const label = [network, preset, ...Object.entries(overrides).map(([k, v]) => `${k}=${v}`)].filter(Boolean).join(' ');
  const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(RUNS * 0.95)];
  const analysis = analyze(model);
  const expanded = new Set(analysis.modules.map((m) => m.path));
  const layoutTimes: number[] = [];
  let nodes = 0;
  for (let i = 0; i < WARMUP + RUNS; i++) {
    const start = performance.now();
    nodes = layoutGraph(analysis, expanded).nodes.length;
    if (i >= WARMUP) layoutTimes.push(performance.now() - start);
  }
  return {
    config: label,
    layers,
    medianMs: median(times),
    p95Ms: p95(times),
    buildAndCountMedianMs: median(withBuild),
    layoutExpanded: { nodes, medianMs: median(layoutTimes), p95Ms: p95(layoutTimes) },
  };
});

mkdirSync('bench/results', { recursive: true });
const out = { date: new Date().toISOString(), node: process.version, runs: RUNS, targetMs: 5, results };
writeFileSync('bench/results/counting.json', JSON.stringify(out, null, 2) + '\n');

console.log('| configuration | layers | count: median ms | count: p95 ms | build + count: median ms |');
console.log('| --- | ---: | ---: | ---: | ---: |');
for (const r of results) {
  const ms = [r.medianMs, r.p95Ms, r.buildAndCountMedianMs].map((x) => x.toFixed(3)).join(' | ');
  console.log(`| ${r.config} | ${r.layers} | ${ms} |`);
}

console.log('\n| configuration, every module expanded | graph nodes | layout: median ms | layout: p95 ms |');
console.log('| --- | ---: | ---: | ---: |');
for (const r of results) {
  const { nodes, medianMs, p95Ms } = r.layoutExpanded;
  console.log(`| ${r.config} | ${nodes} | ${medianMs.toFixed(3)} | ${p95Ms.toFixed(3)} |`);
}
