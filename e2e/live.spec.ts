// The live panel in a real browser: TensorFlow.js in a worker, on this machine's backends (WASM;
// WebGL is SwiftShader here, so it is used only where WebGL itself is tested, on a tiny network).
// The panel is tested on its harness page, e2e/harness/live.html.
import { expect, test, type Page } from '@playwright/test';
import { DURATION_PATTERN } from '../src/ui/live/live-format';
import { warmWorkerDependencies } from './warm-worker';

/** Small networks for the tests that need many builds; one test runs the full-size GoogLeNet. */
const SMALL = 'stem=cifar&input=32&width=0.25&classes=10';
const TINY = 'stem=cifar&input=16&width=0.0625&classes=10&modules=3a';
const harness = (query = '') => `/e2e/harness/live.html${query ? `?${query}` : ''}`;

const inference = (page: Page) => page.getByRole('region', { name: 'Inference' });
const built = (page: Page, backend: string) => page.getByRole('status').filter({ hasText: new RegExp(`^Built .* on (?:${backend}) in`) });
const runInference = async (page: Page) => {
  await page.getByRole('button', { name: 'Run inference' }).click();
  await expect(inference(page).getByText('Warm median')).toBeVisible({ timeout: 60_000 });
};
/** Tensors held by the worker (its tfjs memory). */
const tensorsInWorker = (page: Page) =>
  page.evaluate(async () => (await window.liveClient!.call('memory', {})).numTensors);

let problems: string[];

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  await warmWorkerDependencies(request, '/src/runtime/worker/live.worker.ts');
});

test.beforeEach(async ({ page, baseURL }) => {
  problems = [];
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  // Nothing may be fetched from elsewhere (no CDN for tfjs or its WASM binaries); the page's and
  // the workers' requests are all reported here.
  const origin = new URL(baseURL!).origin;
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    if (url.protocol !== 'blob:' && url.protocol !== 'data:' && url.origin !== origin) {
      problems.push(`request to another origin: ${request.url()}`);
    }
  });
});

test.afterEach(() => {
  expect(problems).toEqual([]);
});

test('loads no TensorFlow.js until the panel is opened', async ({ page }) => {
  const urls: string[] = [];
  page.context().on('request', (request) => urls.push(request.url()));
  const tfjs = (url: string) => /tensorflow|tfjs|\.wasm/i.test(url);

  await page.goto('/');
  await page.goto(harness(`lazy&${SMALL}`));
  await expect(page.getByRole('button', { name: 'Open the live panel' })).toBeVisible();
  // goto waited for the load event, and so for every module the page imports statically: what
  // comes after it is a dynamic import, and the panel's is made only by the click below.
  expect(urls.filter(tfjs)).toEqual([]);

  await page.getByRole('button', { name: 'Open the live panel' }).click();
  await expect(built(page, 'WASM|WebGL|CPU')).toBeVisible({ timeout: 60_000 });
  expect(urls.some(tfjs)).toBe(true);
});

test('full-size GoogLeNet on WASM: latency, time per module, inception_3a\'s feature maps, tfjs only in the worker', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const w = window as unknown as { longTasks: { start: number; duration: number }[] };
    w.longTasks = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) w.longTasks.push({ start: entry.startTime, duration: entry.duration });
    }).observe({ type: 'longtask' });
  });
  await page.goto(harness('client=shared'));
  const backend = page.getByLabel('Backend');
  await expect(backend).toBeEnabled({ timeout: 60_000 });
  await backend.selectOption('wasm');
  await expect(built(page, 'WASM')).toContainText('6,998,552 params', { timeout: 60_000 });
  await expect(page.getByText(/WebGL renderer/)).toBeVisible();

  // Feature maps of the default module (the first with branches) come after the build.
  const maps = page.getByRole('figure', { name: 'Feature maps of inception_3a', exact: true });
  await expect(maps).toContainText('28×28×256 · strongest 32 of 256 channels', { timeout: 60_000 });
  await expect(maps.getByRole('img')).toHaveAttribute('data-channels', '32');
  await expect(page.getByRole('figure', { name: /^Feature maps of inception_3a\// })).toHaveCount(4);
  const colours = await maps.locator('canvas').evaluate((canvas: HTMLCanvasElement) => {
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    return new Set(Array.from(data.filter((_, i) => i % 4 === 0))).size;
  });
  expect(colours).toBeGreaterThan(10);

  // TensorFlow.js works in the worker, never on the page's thread: tfjs keeps its engine in a
  // global (_tfengine), which the worker has and the page has not, after the worker ran the full
  // network (5 inferences, then 3 passes module by module). The page's long tasks meanwhile are
  // reported, not asserted: how long a task takes depends on how busy the machine is.
  const longTasks = await page.evaluate(async () => {
    const start = performance.now();
    const input = { kind: 'random', seed: 1 } as const;
    await window.liveClient!.call('run', { input, runs: 5 });
    await window.liveClient!.call('profile', { input, runs: 3 });
    const tasks = (window as unknown as { longTasks: { start: number; duration: number }[] }).longTasks.filter((t) => t.start >= start);
    return tasks.map((t) => Math.round(t.duration));
  });
  test.info().annotations.push({ type: 'long tasks on the page while the worker ran (ms)', description: JSON.stringify(longTasks) });
  const hasTfjs = () => '_tfengine' in globalThis;
  expect(await page.evaluate(hasTfjs), 'tfjs on the page\'s thread').toBe(false);
  expect(await Promise.all(page.workers().map((worker) => worker.evaluate(hasTfjs)))).toContain(true);

  await runInference(page);
  await expect(inference(page)).toContainText('WASM');
  await expect(inference(page).getByText(new RegExp(`^${DURATION_PATTERN}$`))).toHaveCount(2); // first run, warm median

  await page.getByRole('button', { name: 'Time each module' }).click();
  const chart = page.getByRole('group', { name: 'MAC share and time share per module' });
  await expect(chart.getByRole('button')).toHaveCount(17, { timeout: 60_000 });
  await expect(chart.getByRole('button', { name: /^inception_3a: 8\.1% of MACs, [\d.]+% of time/ })).toBeVisible();
});

test('a variant switch rebuilds and leaks no tensors; selecting a module in the chart shows its maps', async ({ page }) => {
  await page.goto(harness(`client=shared&${SMALL}`));
  await expect(built(page, 'WASM')).toBeVisible({ timeout: 60_000 });
  await runInference(page);
  const before = await tensorsInWorker(page);

  const variant = page.getByLabel('Variant');
  for (const [value, params] of [
    ['no-reduce', '1,521,062 params'],
    ['bottleneck', '377,126 params'],
  ] as const) {
    await variant.selectOption(value);
    await expect(built(page, 'WASM')).toContainText(params, { timeout: 60_000 });
    await runInference(page);
  }
  expect(await tensorsInWorker(page)).toBe(before);

  await page.getByRole('button', { name: 'Time each module' }).click();
  await page.getByRole('button', { name: /^inception_3b: / }).click();
  await expect(page.getByLabel('Selected')).toHaveText('inception_3b');
  await expect(page.getByRole('figure', { name: 'Feature maps of inception_3b', exact: true })).toBeVisible({ timeout: 30_000 });
});

test('a failed build says why and leaves the panel usable', async ({ page }) => {
  await page.goto(harness(`client=shared&${SMALL}&inception=huge`));
  await expect(page.getByRole('alert')).toContainText(
    'Cannot build this configuration: invalid value "huge" for option "inception"',
  );
  await page.getByLabel('Variant').selectOption('bottleneck');
  await expect(built(page, 'WASM')).toBeVisible({ timeout: 60_000 });

  // The worker checks too: a bad configuration sent to it fails with the reason, and the built model stays.
  const failure = await page.evaluate(() =>
    window
      .liveClient!.call('build', { config: { network: 'googlenet', text: { bn: 'maybe' } } })
      .then(() => undefined, (error: Error) => `${error.name}: ${error.message}`),
  );
  expect(failure).toBe('OptionError: invalid value "maybe" for option "bn"; valid values: off, on');
  await runInference(page);
});

test('survives a lost WebGL context: rebuilds and runs again', async ({ page }) => {
  await page.goto(harness(`client=shared&${TINY}`));
  const backend = page.getByLabel('Backend');
  await expect(backend).toBeEnabled({ timeout: 60_000 });
  await backend.selectOption('webgl');
  await expect(built(page, 'WebGL')).toBeVisible({ timeout: 60_000 });
  await expect(page.getByRole('note')).toContainText('software rasterizer');

  expect(await page.evaluate(async () => (await window.liveClient!.call('loseContext', {})).lost)).toBe(true);
  await expect(page.getByText(/^The WebGL context was lost; /)).toBeVisible({ timeout: 30_000 });
  await expect(built(page, 'WebGL|WASM')).toBeVisible();
  await runInference(page);
  await expect(inference(page)).toContainText(/WebGL|WASM/);
});

test('a network too large for the device is not built: the panel says what it needs and why', async ({ page }) => {
  // A device that reports 512 MB (navigator.deviceMemory): VGG-16's 553 MB of weights cannot fit.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, 'deviceMemory', { get: () => 0.5 }));
  await page.goto('/?net=vgg');
  await page.getByRole('tab', { name: 'Live' }).click();
  const refusal = page.getByRole('alert').filter({ hasText: 'VGG' });
  await expect(refusal).toContainText('Not built: it needs about 579 MB (553 MB of float32 weights');
  await expect(refusal).toContainText("more than half of this device's 0.5 GB of memory");
  await expect(page.getByText(/^Building /)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Run inference' })).toBeDisabled();
  // The rest of the page goes on working.
  await page.getByRole('tab', { name: 'Graph' }).click();
  await expect(page.getByRole('region', { name: 'Graph' }).getByRole('button', { name: /^block1/ })).toBeVisible();
});
