// Benchmark of the page in Chromium (not a timed test): the built site served by `vite preview`.
//  - initial JS: the scripts index.html loads (entry + modulepreloads), gzipped; target < 300 KB,
//    and no TensorFlow.js among them;
//  - navigation → interactive graph: time from navigation start until the first graph node can be
//    clicked (median of runs); target 1.5 s;
//  - variant switch with everything expanded: a change event on a switch until the next frame has
//    been painted, measured inside the page (median of runs); target 100 ms.
// Writes bench/results/page.json and prints a markdown table. Run: npm run bench:page

import { spawn } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type Page } from '@playwright/test';
import { getNetwork, type OptionText } from '../src/model/networks';
import type { NetworkName } from '../src/model/types';
import { caseConfigAt, checkConfig, listAt, objectAt, readCases, textAt } from './cases';

const PORT = 5181;
const RUNS = 7;
const SWITCHES = 12;
const DIST = 'dist';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/**
 * The switches flipped, one per page: bench/cases/page-switches.json, each a network, the options
 * the page opens with (on its default preset; `{}` for the default), and an option with the two
 * values it alternates between. Each value is checked on that configuration.
 */
function readSwitches(): { network: NetworkName; options: OptionText; key: string; values: [string, string] }[] {
  const { json, at } = readCases('page-switches.json');
  return listAt(json, at).map((value, i) => {
    const where = `${at}[${i}]`;
    const entry = objectAt(value, where, ['network', 'options', 'option', 'values']);
    const { network, options } = caseConfigAt({ network: entry.network, options: entry.options ?? {} }, where);
    const key = textAt(entry.option, `${where}.option`);
    const values = listAt(entry.values, `${where}.values`).map((v, j) => textAt(v, `${where}.values[${j}]`));
    if (values.length !== 2) throw new Error(`${where}.values: expected the two values to switch between, got ${values.length}`);
    for (const v of values) checkConfig({ network, preset: getNetwork(network).defaultPreset, options: { ...options, [key]: v } }, where);
    return { network, options, key, values: [values[0], values[1]] };
  });
}

function initialScripts(): { files: string[]; gzipBytes: number; rawBytes: number; hasTfjs: boolean } {
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const files = [...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]);
  let gzipBytes = 0;
  let rawBytes = 0;
  let hasTfjs = false;
  for (const file of files) {
    const code = readFileSync(join(DIST, file));
    rawBytes += code.length;
    gzipBytes += gzipSync(code, { level: 9 }).length;
    hasTfjs ||= code.includes('tfjs-core') || code.includes('WebGL backend');
  }
  return { files, gzipBytes, rawBytes, hasTfjs };
}

async function startPreview(): Promise<() => void> {
  // vite itself, not through npx: killing npx would leave the server running on the port.
  const server = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'preview', '--port', String(PORT), '--strictPort'], { stdio: 'pipe' });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('vite preview did not start in 30 s')), 30_000);
    server.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(String(PORT))) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  return () => server.kill();
}

/** ms from navigation start until the first graph node is there to click. */
async function timeToGraph(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('region', { name: 'Graph' }).getByRole('button').first().waitFor();
  return page.evaluate(() => performance.now());
}

/** ms from a switch's change event to the next painted frame, with every module expanded. */
async function timeSwitch(page: Page, key: string, values: [string, string]): Promise<number[]> {
  await page.getByRole('button', { name: 'Expand all' }).click();
  const times: number[] = [];
  for (let i = 0; i < SWITCHES; i++) {
    const value = values[i % 2];
    times.push(
      await page.evaluate(
        async ([k, v]) => {
          const select = document.getElementById(`option-${k}`) as HTMLSelectElement;
          const start = performance.now();
          select.value = v;
          select.dispatchEvent(new Event('change', { bubbles: true }));
          // React renders a discrete event synchronously; wait for the frame that paints it.
          await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
          return performance.now() - start;
        },
        [key, value] as const,
      ),
    );
  }
  return times.slice(2); // the first switches warm up the JIT
}

async function main() {
  const switchCases = readSwitches();
  const scripts = initialScripts();
  const stop = await startPreview();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  const results = [];
  try {
    for (const { network, options, key, values } of switchCases) {
      const url = `http://localhost:${PORT}/?${new URLSearchParams({ net: network, ...options })}`;
      const loads: number[] = [];
      for (let i = 0; i < RUNS; i++) {
        const context = await browser.newContext();
        const page = await context.newPage();
        loads.push(await timeToGraph(page, url));
        await context.close();
      }
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      await timeToGraph(page, url);
      const switches = await timeSwitch(page, key, values);
      const nodes = await page.getByRole('region', { name: 'Graph' }).getByRole('button').count();
      await page.close();
      results.push({
        network,
        options,
        switch: `${key}: ${values.join(' ⇄ ')}`,
        graphButtonsExpanded: nodes,
        interactiveMs: median(loads),
        interactiveRunsMs: loads,
        switchMedianMs: median(switches),
        switchMaxMs: Math.max(...switches),
      });
    }
  } finally {
    await browser.close();
    stop();
  }
  const out = {
    date: new Date().toISOString(),
    chromium: browser.version(),
    targets: { interactiveMs: 1500, switchMs: 100, initialJsGzipKB: 300 },
    initialJs: { ...scripts, gzipKB: scripts.gzipBytes / 1024 },
    results,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync('bench/results/page.json', JSON.stringify(out, null, 2) + '\n');
  console.log(`Initial JS: ${(scripts.gzipBytes / 1024).toFixed(1)} KB gzipped (${(scripts.rawBytes / 1024).toFixed(0)} KB raw) in ${scripts.files.length} file(s); TensorFlow.js included: ${scripts.hasTfjs ? 'yes' : 'no'}`);
  console.log('\n| network | navigation → interactive graph (median ms) | switch, all expanded | graph nodes | switch median ms | switch max ms |');
  console.log('| --- | ---: | --- | ---: | ---: | ---: |');
  for (const r of results) {
    const opened = Object.entries(r.options).map(([k, v]) => ` ${k}=${v}`).join('');
    console.log(`| ${r.network}${opened} | ${r.interactiveMs.toFixed(0)} | ${r.switch} | ${r.graphButtonsExpanded} | ${r.switchMedianMs.toFixed(1)} | ${r.switchMaxMs.toFixed(1)} |`);
  }
}

await main();
