// What the browser benchmarks (bench/inference.ts, bench/training.ts) share: Chromium's flags,
// building and serving a benchmark page, opening it, and the markdown tables they print.

import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from '@playwright/test';
import { build, preview, type PreviewServer } from 'vite';

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  // No GPU here: WebGL runs on SwiftShader, which Chromium now enables only when asked.
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
];

/** Debian's Chromium unless CHROMIUM_PATH says otherwise, with CHROMIUM_ARGS. */
export const launchChromium = (): Promise<Browser> =>
  chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

export interface PageServerOptions {
  /** The page's folder (index.html and its script). */
  readonly root: string;
  /** Names the temporary build folder and Vite cache, e.g. "inference". */
  readonly name: string;
  readonly port: number;
}

/**
 * Builds the page (a production build, as users get it) into a temporary folder and serves it
 * with the cross-origin isolation headers: SharedArrayBuffer, so WASM threads. A built page, not
 * the dev server: its dependency optimizer may reload the page in the middle of a run.
 */
export async function startPageServer({ root, name, port }: PageServerOptions): Promise<PreviewServer> {
  const outDir = join(tmpdir(), `inception-explorer-${name}-bench`);
  const isolation = { 'Cross-Origin-Opener-Policy': 'same-origin', 'Cross-Origin-Embedder-Policy': 'require-corp' };
  await build({
    configFile: false,
    root,
    logLevel: 'warn',
    cacheDir: join(tmpdir(), `inception-explorer-${name}-bench-vite`),
    // Not minified: the WASM backend starts its threads from the source text of a function
    // (Function.prototype.toString), which minification breaks ("e is not defined" in workers).
    build: { outDir, emptyOutDir: true, minify: false, chunkSizeWarningLimit: 10_000 },
  });
  return preview({
    configFile: false,
    root,
    logLevel: 'warn',
    build: { outDir },
    preview: { port, strictPort: true, headers: isolation },
  });
}

/**
 * Opens `url` in a new page, echoing the page's errors under `label`, and waits until the page
 * has defined `window[global]` (its API for the benchmark).
 */
export async function openBenchPage(browser: Browser, url: string, global: string, label: string): Promise<Page> {
  const page = await browser.newPage();
  page.on('console', (message) => {
    if (message.type() === 'error') console.error(`[page ${label}] ${message.text()}`);
  });
  page.on('pageerror', (error) => console.error(`[page ${label}] ${error.message}`));
  await page.goto(url);
  await page.waitForFunction((name) => name in window, global, { timeout: 120_000 });
  return page;
}

/** The first line of an error's message. */
export const errorLine = (error: unknown): string => (error instanceof Error ? error.message.split('\n')[0] : String(error));

export const fixed = (n: number, digits = 1): string => n.toFixed(digits);
/** Milliseconds: whole from 100 on, one decimal below. */
export const ms = (n: number): string => (n >= 100 ? n.toFixed(0) : n.toFixed(1));

/** A markdown table; columns from `numericFrom` on are right-aligned. */
export const markdown = (head: string[], rows: string[][], numericFrom = 2): string =>
  [head, head.map((_, i) => (i < numericFrom ? '---' : '---:')), ...rows].map((cells) => `| ${cells.join(' | ')} |`).join('\n');
