// The Classify tab in a real browser: an image the test draws, classified by the shipped weights
// in the classify worker (WASM here), its top-5, Grad-CAM, switching weights, dropping and pasting
// anywhere, that nothing is sent anywhere, and ImageNet weights from a model made in the test.
import { expect, test, type Locator, type Page } from '@playwright/test';
import { DURATION_PATTERN } from '../src/ui/live/live-format';
import { collectConsoleErrors } from './console-errors';
import { badImageFiles, jpegInPage, notedImageFiles, pngBytes, type Rgb } from './image-files';
import { xceptionFiles } from './model-fixtures';
import { warmWorkerDependencies } from './warm-worker';

const panel = (page: Page) => page.getByRole('region', { name: 'Classify' });
const predictions = (page: Page) => panel(page).getByRole('list', { name: 'Predictions' }).getByRole('listitem');
const camCanvas = (page: Page) => panel(page).getByLabel('Grad-CAM', { exact: true });

/** A sky-blue picture with a brown blob low in the middle: something an animal photo might be. */
const drawn = () =>
  Buffer.from(
    pngBytes(96, 64, (x, y): Rgb => ((x - 48) ** 2 + (y - 40) ** 2 < 300 ? [120, 80, 40] : y > 50 ? [60, 120, 50] : [150, 190, 230])),
  );

async function upload(page: Page, name = 'drawn.png', buffer = drawn(), mimeType = 'image/png') {
  await panel(page).getByLabel('Upload image').setInputFiles({ name, mimeType, buffer });
}

/** The weights shown in the Weights field once loaded. */
async function weightsReady(page: Page, label: RegExp) {
  const field = panel(page).getByLabel('Weights', { exact: true });
  await expect(field).toBeEnabled({ timeout: 60_000 });
  await expect(field.locator('option:checked')).toHaveText(label);
}

/** Whether a canvas has any non-transparent pixel. */
const painted = (canvas: Locator) =>
  canvas.evaluate((c: HTMLCanvasElement) => c.getContext('2d')!.getImageData(0, 0, c.width, c.height).data.some((v, i) => i % 4 === 3 && v > 0));

let errors: string[];

test.beforeAll(async ({ request }) => {
  test.setTimeout(180_000);
  await warmWorkerDependencies(request, '/src/runtime/classify/classify.worker.ts');
});

test.beforeEach(({ page }) => {
  errors = collectConsoleErrors(page);
});

test.afterEach(() => {
  expect(errors).toEqual([]);
});

test('an uploaded picture gets a top-5 with bars, latency and backend, the 32×32 input, and Grad-CAM', async ({ page }) => {
  await page.goto('/?view=classify');
  await weightsReady(page, /GoogLeNet small · CIFAR-10 \(shipped/);
  await upload(page);

  await expect(predictions(page)).toHaveCount(5, { timeout: 30_000 });
  const first = await predictions(page).first().innerText();
  expect(first).toMatch(/^(airplane|automobile|bird|cat|deer|dog|frog|horse|ship|truck)\s+\d+(\.\d+)?%$/);
  const percents = (await predictions(page).allInnerTexts()).map((t) => Number(/([\d.]+)%/.exec(t)?.[1]));
  expect([...percents].sort((a, b) => b - a)).toEqual(percents);
  expect(percents.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(100.5);
  await expect(panel(page).getByText(new RegExp(`^${DURATION_PATTERN} on WASM$`))).toBeVisible();

  const input = panel(page).getByLabel('Network input');
  await expect(input).toHaveAttribute('width', '32');
  await expect(panel(page).getByText('drawn.png · PNG · 96×64')).toBeVisible();

  // Grad-CAM of the top class at the last inception module, then of the second class.
  await expect(camCanvas(page)).toHaveAttribute('data-module', 'inception_5a', { timeout: 30_000 });
  expect(await painted(camCanvas(page))).toBe(true);
  const top = await camCanvas(page).getAttribute('data-class');
  await predictions(page).nth(1).getByRole('button').click();
  await expect(predictions(page).nth(1).getByRole('button')).toHaveAttribute('aria-pressed', 'true');
  await expect(camCanvas(page)).not.toHaveAttribute('data-class', top ?? '');

  // Another module, and the opacity slider.
  await panel(page).getByLabel('Grad-CAM module').selectOption('inception_3a');
  await expect(camCanvas(page)).toHaveAttribute('data-module', 'inception_3a');
  await expect(panel(page).getByText(/16×16 map/)).toBeVisible();
  await panel(page).getByLabel('Overlay opacity').fill('0.8');
  await expect(camCanvas(page)).toHaveCSS('opacity', '0.8');
});

test('switching the weights classifies the same image again', async ({ page }) => {
  await page.goto('/?view=classify');
  await weightsReady(page, /GoogLeNet small/);
  await upload(page);
  await expect(camCanvas(page)).toHaveAttribute('data-module', 'inception_5a', { timeout: 30_000 });
  await panel(page).getByLabel('Weights', { exact: true }).selectOption({ label: (await xceptionLabel(page)) ?? '' });
  await weightsReady(page, /Xception small · CIFAR-10/);
  await expect(camCanvas(page)).toHaveAttribute('data-module', 'block8', { timeout: 30_000 });
  await expect(predictions(page)).toHaveCount(5);
});

const xceptionLabel = (page: Page) =>
  panel(page).getByLabel('Weights', { exact: true }).locator('option', { hasText: 'Xception small' }).textContent();

test('the image never leaves the browser: no request at all while classifying, none to another origin', async ({ page, baseURL }) => {
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto('/?view=classify');
  await weightsReady(page, /GoogLeNet small/); // the app, the worker and the weights are loaded
  const before = requests.length;
  await upload(page);
  await expect(camCanvas(page)).toHaveAttribute('data-module', 'inception_5a', { timeout: 30_000 });
  await panel(page).getByLabel('Grad-CAM module').selectOption('conv2');
  await expect(camCanvas(page)).toHaveAttribute('data-module', 'conv2');
  expect(requests.slice(before)).toEqual([]);
  const origin = new URL(baseURL ?? '').origin;
  expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'))).toEqual([]);
});

test('an image dropped on another tab, or pasted, is classified in the Classify tab', async ({ page }) => {
  await page.goto('/?view=graph');
  const bytes = [...drawn()];
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'dropped.png', { type: 'image/png' }));
    document.body.dispatchEvent(new DragEvent('dragover', { dataTransfer: transfer, bubbles: true, cancelable: true }));
    document.body.dispatchEvent(new DragEvent('drop', { dataTransfer: transfer, bubbles: true, cancelable: true }));
  }, bytes);
  await expect(page.getByRole('tab', { name: 'Classify' })).toHaveAttribute('aria-selected', 'true');
  await expect(panel(page).getByText('dropped.png · PNG · 96×64')).toBeVisible();
  await expect(predictions(page)).toHaveCount(5, { timeout: 60_000 });

  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.items.add(new File([new Uint8Array(data)], 'image.png', { type: 'image/png' }));
    document.dispatchEvent(new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }));
  }, bytes);
  await expect(panel(page).getByText(/pasted image · PNG · 96×64/)).toBeVisible();
});

test('a run trained in this browser classifies too, with its own classes', async ({ page }) => {
  test.setTimeout(300_000);
  await page.goto('/?view=train');
  const training = page.getByRole('region', { name: 'Training' });
  for (const [field, value] of [['Epochs', '1'], ['Batch size', '32'], ['Limit training images', '64'], ['Limit validation images', '32']]) {
    await training.getByRole('textbox', { name: field, exact: true }).fill(value);
  }
  await training.getByLabel('Backend').selectOption('wasm');
  await training.getByRole('button', { name: 'Start training' }).click();
  await expect(training.getByRole('table').filter({ hasText: 'Runs' }).getByText('completed')).toBeVisible({ timeout: 240_000 });

  await page.getByRole('tab', { name: 'Classify' }).click();
  await weightsReady(page, /GoogLeNet small/);
  const weights = panel(page).getByLabel('Weights', { exact: true });
  await weights.focus(); // the list is read again: the new run is in it
  await weights.selectOption({ label: 'googlenet small · Digits (trained here)' });
  await weightsReady(page, /Digits \(trained here\)/);
  await expect(panel(page).getByText('These weights know 10 classes: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9.')).toBeVisible();
  await upload(page);
  await expect(predictions(page)).toHaveCount(5, { timeout: 30_000 });
  await expect(predictions(page).first().locator('.prediction-name')).toHaveText(/^\d$/);
});

test('every bad file gets its message and the page keeps the last good image', async ({ page }) => {
  await page.goto('/?view=classify');
  await weightsReady(page, /GoogLeNet small/);
  await upload(page);
  await expect(predictions(page)).toHaveCount(5, { timeout: 30_000 });
  const alert = panel(page).getByRole('alert');
  for (const bad of badImageFiles(await jpegInPage(page, 64, 48))) {
    await upload(page, bad.name, Buffer.from(bad.bytes), 'application/octet-stream');
    for (const fragment of bad.message) await expect(alert, bad.what).toContainText(fragment);
    await expect(panel(page).getByText('drawn.png · PNG · 96×64'), bad.what).toBeVisible();
    await expect(predictions(page), bad.what).toHaveCount(5);
  }
});

test('odd but decodable files are classified with a note: truncated, 1×1, animated GIF, SVG, 12,000×9,000', async ({ page }) => {
  test.setTimeout(180_000);
  await page.goto('/?view=classify');
  await weightsReady(page, /GoogLeNet small/);
  const huge = { what: 'a 12000×9000 PNG', name: 'huge.png', bytes: pngBytes(12_000, 9_000), size: [12_000, 9_000], message: ['12000×9000 image decoded at 1/'] };
  for (const odd of [...notedImageFiles(await jpegInPage(page, 640, 480)), huge]) {
    await upload(page, odd.name, Buffer.from(odd.bytes), 'application/octet-stream');
    await expect(panel(page).getByText(new RegExp(`^${odd.name.replace('.', '\\.')} · `)), odd.what).toBeVisible({ timeout: 30_000 });
    const notes = panel(page).getByRole('list', { name: 'About this image' });
    for (const fragment of odd.message) await expect(notes, odd.what).toContainText(fragment);
    await expect(predictions(page), odd.what).toHaveCount(5, { timeout: 30_000 });
    await expect(panel(page).getByRole('alert'), odd.what).toHaveCount(0);
  }
});

test.describe('ImageNet weights', () => {
  // The sidebar's Xception, small enough for a test: its files are made here with the same layer names as Keras'.
  const sidebar = '/?view=classify&net=xception&width=0.125&middle=1&input=71';

  test('load by layer name from local files and classify with ImageNet class names', async ({ page }) => {
    const files = await xceptionFiles({ width: '0.125', middle: '1', input: '71' });
    await page.goto(sidebar);
    await weightsReady(page, /GoogLeNet small/);
    await panel(page).getByRole('button', { name: 'Load ImageNet weights' }).click();
    await panel(page).getByLabel('Or choose model.json and all its .bin shards').setInputFiles(files);
    await expect(panel(page).getByText('ImageNet weights loaded')).toBeVisible({ timeout: 60_000 });
    await weightsReady(page, /Xception · ImageNet \(loaded\)/);
    await upload(page);
    await expect(predictions(page)).toHaveCount(5, { timeout: 60_000 });
    await expect(panel(page).getByLabel('Network input')).toHaveAttribute('width', '71');
    await expect(camCanvas(page)).toHaveAttribute('data-module', 'block7', { timeout: 60_000 });
  });

  test('a model that does not fit names the first mismatch, and the page keeps working', async ({ page }) => {
    const wider = await xceptionFiles({ width: '0.25', middle: '1', input: '71' });
    await page.goto(sidebar);
    await weightsReady(page, /GoogLeNet small/);
    await panel(page).getByRole('button', { name: 'Load ImageNet weights' }).click();
    await panel(page).getByLabel('Or choose model.json and all its .bin shards').setInputFiles(wider);
    await expect(panel(page).getByRole('alert')).toContainText('block1_conv1/kernel', { timeout: 60_000 });
    await panel(page).getByLabel('Or choose model.json and all its .bin shards').setInputFiles([wider[0]]);
    await expect(panel(page).getByRole('alert')).toContainText('group1-shard1of1.bin');
    // A URL that is not a model: the dev server answers with its HTML page.
    await panel(page).getByLabel('model.json URL').fill('/no-such-model/model.json');
    await panel(page).getByRole('button', { name: 'Load from URL' }).click();
    await expect(panel(page).getByRole('alert')).toContainText('It looks like an HTML page: check the address.');
    await upload(page);
    await expect(predictions(page)).toHaveCount(5, { timeout: 60_000 });
  });
});
