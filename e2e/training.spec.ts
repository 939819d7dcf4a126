// The Train tab in a real browser: a short run of the small GoogLeNet on the built-in digits on
// the WASM backend (tfjs in the training worker), its curves, its confusion matrix and images,
// then a reload that brings the run and its weights back from IndexedDB; a run whose loss
// explodes at the largest learning rate.
import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';
import { warmWorkerDependencies } from './warm-worker';

const panel = (page: Page) => page.getByRole('region', { name: 'Training' });
const runRow = (page: Page) => panel(page).getByRole('table').filter({ hasText: 'Runs' }).locator('tbody tr');
const percent = (text: string | null) => Number(/([\d.]+)%/.exec(text ?? '')?.[1] ?? NaN);

let errors: string[];

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  await warmWorkerDependencies(request, '/src/runtime/training/training.worker.ts');
});

test.beforeEach(({ page }) => {
  errors = collectConsoleErrors(page);
});

test.afterEach(() => {
  expect(errors).toEqual([]);
});

test('bad values get a message each and disable Start training', async ({ page }) => {
  await page.goto('/?view=train');
  const training = panel(page);
  const start = training.getByRole('button', { name: 'Start training' });
  await expect(start).toBeEnabled();
  await training.getByRole('textbox', { name: 'Epochs', exact: true }).fill('0');
  await training.getByRole('textbox', { name: 'Learning rate', exact: true }).fill('-0.1');
  await expect(training.getByText('Epochs must be between 1 and 200.')).toBeVisible();
  await expect(training.getByText('Learning rate must be greater than 0.')).toBeVisible();
  await expect(start).toBeDisabled();
  await training.getByRole('textbox', { name: 'Epochs', exact: true }).fill('2');
  await training.getByRole('textbox', { name: 'Learning rate', exact: true }).fill('0.05');
  await expect(start).toBeEnabled();
});

test('CIFAR-10 is offered once `npm run data` wrote it, and otherwise says how', async ({ page }) => {
  // As a fresh clone's dev server answers for a missing file: its index page.
  await page.route('**/data/cifar10/manifest.json', (route) => route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html>' }));
  await page.goto('/?view=train');
  const training = panel(page);
  const cifar = training.getByRole('option', { name: /CIFAR-10/ });
  await expect(cifar).toBeDisabled();
  await expect(cifar).toHaveText('CIFAR-10 (32×32 colour): run npm run data -- --from DIR');
  await expect(training.getByText('CIFAR-10 is not available: run npm run data -- --from DIR.')).toBeVisible();

  await page.unroute('**/data/cifar10/manifest.json');
  await page.route('**/data/cifar10/manifest.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify({ name: 'CIFAR-10', splits: { train: { file: 'train.bin', count: 1 } } }) }),
  );
  await page.reload();
  await expect(cifar).toBeEnabled();
  await expect(cifar).toHaveText('CIFAR-10 (32×32 colour)');
});

test('a short run on the digits learns, draws its curves and confusion matrix, and survives a reload', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('/?view=train');
  const training = panel(page);
  await training.getByRole('textbox', { name: 'Epochs', exact: true }).fill('1');
  await training.getByRole('textbox', { name: 'Batch size', exact: true }).fill('32');
  await training.getByRole('textbox', { name: 'Learning rate', exact: true }).fill('0.05');
  await training.getByRole('textbox', { name: 'Limit training images', exact: true }).fill('1280');
  await training.getByRole('textbox', { name: 'Limit validation images', exact: true }).fill('500');
  await training.getByLabel('Backend').selectOption('wasm');
  // 40 steps: the panel says before and after that such a run is too short to compare.
  await expect(training.getByRole('note')).toContainText('This run will make 40 steps at most. Under 100 steps the seed alone');
  const started = Date.now();
  await training.getByRole('button', { name: 'Start training' }).click();

  // Pause as soon as the run exists, so that it cannot have finished first however fast the
  // machine is; Pause holds the run between steps.
  const pause = training.getByRole('button', { name: 'Pause' });
  await expect(pause).toBeEnabled({ timeout: 120_000 });
  await pause.click();
  await expect(training.getByRole('button', { name: 'Resume' })).toBeVisible();
  await expect(training.getByRole('status').first()).toContainText('paused', { timeout: 60_000 });
  await expect(training.getByRole('progressbar', { name: 'Training progress' })).toHaveAttribute('aria-valuemax', '40');
  // The runs table says so too.
  const row = runRow(page).first();
  await expect(row.getByRole('button', { name: 'googlenet small · Digits' })).toBeVisible();
  await expect(row.locator('.train-status')).toHaveText('paused');
  // Switching the network while the run is held asks first; cancelling keeps the run and the network.
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.dismiss();
  });
  await training.getByLabel('Network').selectOption('xception');
  await expect(training.getByLabel('Network')).toHaveValue('googlenet');
  // A variant switch asks too, and says the truth: the run keeps training, the switch is for the next run.
  page.once('dialog', (dialog) => {
    questions.push(dialog.message());
    void dialog.accept();
  });
  await training.getByLabel('inception', { exact: true }).selectOption('no-reduce');
  await expect(training.getByLabel('inception', { exact: true })).toHaveValue('no-reduce');
  expect(questions).toEqual([
    'A run is training. Stop it (it is kept with what it reached) and switch the network to Xception?',
    '"googlenet small · Digits" keeps training as it started. Set inception=no-reduce for the next run?',
  ]);
  await expect(row.locator('.train-status')).toHaveText('paused');
  // Resume goes on.
  await training.getByRole('button', { name: 'Resume' }).click();
  await expect(training.getByRole('status').first()).not.toContainText('paused', { timeout: 60_000 });
  await expect(row.locator('.train-status')).not.toHaveText('paused');
  await expect(row.getByText('completed')).toBeVisible({ timeout: 480_000 });
  const seconds = (Date.now() - started) / 1000;
  await expect(training.getByRole('note').filter({ hasText: 'Short run:' })).toContainText('Short run: googlenet small · Digits (40 steps).');

  // Curves: a training path per chart, and the validation point.
  for (const chart of ['Loss against epochs', 'Accuracy against epochs']) {
    const svg = training.getByRole('img', { name: chart });
    await expect(svg.locator('.train-training path')).toHaveAttribute('d', /^M[\d.]+,[\d.]+L/);
    await expect(svg.locator('.train-validation circle')).toHaveCount(1);
  }
  const accuracy = percent(await row.locator('.train-accuracy').textContent());
  console.log(`digits, googlenet small, 40 steps of 32 on WASM: validation accuracy ${accuracy}% after ${seconds.toFixed(0)} s`);
  expect(accuracy).toBeGreaterThan(30); // chance is 10%

  // A confusion cell shows its images, drawn on canvases.
  const matrix = training.getByRole('table', { name: /Confusion matrix/ });
  const cells = matrix.locator('td:not(.train-diagonal) button:enabled');
  const cell = cells.first();
  const count = Number(await cell.textContent());
  await cell.click();
  await expect(training.getByRole('region', { name: 'Misclassified images' }).locator('canvas')).toHaveCount(Math.min(count, 48));

  // After a reload the run is back from IndexedDB, and its stored weights give the same accuracy.
  await page.reload();
  const again = runRow(page).first();
  await expect(again.getByRole('button', { name: 'googlenet small · Digits' })).toBeVisible({ timeout: 60_000 });
  await expect(again.locator('.train-accuracy')).toHaveText(`${accuracy.toFixed(1)}%`);
  await expect(training.getByRole('img', { name: 'Loss against epochs' }).locator('.train-training path')).toHaveCount(1);
  await training.getByLabel('Backend').selectOption('wasm');
  await again.getByRole('button', { name: 'Evaluate' }).click();
  // The page is cross-origin isolated, so tfjs runs its threaded build: the SIMD kernels run on its shared memory.
  await expect(again.getByRole('status')).toHaveText(`Evaluated: ${accuracy.toFixed(1)}% on 500 images (wasm + SIMD kernels)`, { timeout: 120_000 });
  await expect(again.locator('.train-backend')).toHaveText(/^\s*on wasm \+ SIMD kernels$/);

  // Downloaded as model.json + weights.bin and uploaded again: a new run with the same accuracy.
  const downloads: { name: string; buffer: Buffer }[] = [];
  page.on('download', (download) => {
    void download.path().then(async (path) => downloads.push({ name: download.suggestedFilename(), buffer: await readFile(path) }));
  });
  await again.getByRole('button', { name: 'Download' }).click();
  await expect.poll(() => downloads.map((d) => d.name).sort()).toEqual(['model.json', 'weights.bin']);
  await training.getByLabel('Upload model.json + weights.bin').setInputFiles(
    downloads.map((d) => ({ name: d.name, mimeType: 'application/octet-stream', buffer: d.buffer })),
  );
  const uploaded = runRow(page).filter({ hasText: 'googlenet small · Digits (uploaded)' });
  await expect(uploaded.locator('.train-accuracy')).toHaveText(`${accuracy.toFixed(1)}%`, { timeout: 120_000 });
  await expect(uploaded.getByText('uploaded', { exact: true })).toBeVisible();
});

test('a run at the largest learning rate stops when its loss explodes, and says to lower the rate', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/?view=train');
  const training = panel(page);
  await training.getByRole('textbox', { name: 'Learning rate', exact: true }).fill('10');
  await training.getByRole('textbox', { name: 'Limit training images', exact: true }).fill('1280');
  await training.getByRole('textbox', { name: 'Limit validation images', exact: true }).fill('100');
  await training.getByLabel('Backend').selectOption('wasm');
  await training.getByRole('button', { name: 'Start training' }).click();
  // Measured in Node with these settings: the loss is 13–16 from step 3, so the run stops at about step 12.
  const row = runRow(page).first();
  await expect(row.getByRole('button', { name: 'googlenet small lr 10 · Digits' })).toBeVisible({ timeout: 120_000 });
  await expect(row.locator('.train-status')).toHaveText('failed', { timeout: 240_000 });
  await expect(row.locator('.train-run-error')).toHaveText(/^The loss exploded: .* at learning rate 10\. Try a lower learning rate, e\.g\. 3\.3\.$/);
  await expect(training.getByRole('alert')).toContainText('The loss exploded');
  await expect(training.getByRole('button', { name: 'Start training' })).toBeEnabled();
});

test('an upload of wrong files says what is wrong with them', async ({ page }) => {
  await page.goto('/?view=train');
  const training = panel(page);
  const upload = training.getByLabel('Upload model.json + weights.bin');
  await upload.setInputFiles([{ name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{"modelTopology": {}, "weightsManifest": [{"paths": ["weights.bin"], "weights": [{"name": "k", "shape": [3, 3], "dtype": "float32"}]}]}') }]);
  await expect(training.getByRole('alert')).toHaveText(/Choose two files together: model\.json and weights\.bin \(got model\.json\)/);
  await upload.setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('{"modelTopology": {}, "weightsManifest": [{"paths": ["weights.bin"], "weights": [{"name": "k", "shape": [3, 3], "dtype": "float32"}]}]}') },
    { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(10) },
  ]);
  await expect(training.getByRole('alert')).toContainText('weights.bin has 10 bytes, but model.json describes 36: the two files belong to different models.');
  await upload.setInputFiles([
    { name: 'model.json', mimeType: 'application/json', buffer: Buffer.from('not json') },
    { name: 'weights.bin', mimeType: 'application/octet-stream', buffer: Buffer.alloc(10) },
  ]);
  await expect(training.getByRole('alert')).toContainText('model.json is not JSON');
});

test('ResNet-20 of the CIFAR-10 paper trains here too: option-A shortcuts, a few steps on the digits, evaluated from its stored weights', async ({ page }) => {
  test.setTimeout(600_000);
  await page.goto('/?view=train');
  const training = panel(page);
  await training.getByLabel('Network').selectOption('resnet');
  await expect(training.getByLabel('shortcut', { exact: true })).toHaveValue('A');
  await expect(training.getByLabel('depth', { exact: true })).toHaveValue('20');
  await training.getByRole('textbox', { name: 'Epochs', exact: true }).fill('1');
  await training.getByRole('textbox', { name: 'Batch size', exact: true }).fill('32');
  await training.getByRole('textbox', { name: 'Limit training images', exact: true }).fill('128');
  await training.getByRole('textbox', { name: 'Limit validation images', exact: true }).fill('64');
  await training.getByLabel('Backend').selectOption('wasm');
  await training.getByRole('button', { name: 'Start training' }).click();
  const row = runRow(page).first();
  await expect(row.getByRole('button', { name: 'resnet cifar · Digits' })).toBeVisible({ timeout: 120_000 });
  await expect(row.getByText('completed')).toBeVisible({ timeout: 480_000 });
  const accuracy = percent(await row.locator('.train-accuracy').textContent());
  expect(accuracy).toBeGreaterThanOrEqual(0);
  await row.getByRole('button', { name: 'Evaluate' }).click();
  await expect(row.getByRole('status')).toHaveText(new RegExp(`^Evaluated: ${accuracy.toFixed(1)}% on 64 images`), { timeout: 120_000 });
});
