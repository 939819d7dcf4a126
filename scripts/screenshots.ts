// Takes the README's screenshots (docs/*.png) of the running dev server in Debian's Chromium.
// Run: npm start (in another terminal), then npm run screenshots [-- http://localhost:5173 [name…]]
// (names: only those shots).

import { existsSync } from 'node:fs';
import { chromium, type Page } from '@playwright/test';
import { pngBytes } from '../e2e/image-files';
import { readCifarFolder } from '../src/node/cifar-folder';

const base = process.argv[2] ?? 'http://localhost:5173';
const only = process.argv.slice(3);
const SHOTS: readonly [name: string, query: string, viewport?: { width: number; height: number }][] = [
  ['graph', '/?sel=inception_3a&open=inception_3a'],
  ['phone', '/?sel=inception_3a', { width: 390, height: 844 }],
  ['table', '/?view=table&open=inception_3a,inception_3a/3x3&sel=inception_3a/3x3/inception_3a_3x3'],
  ['xception', '/?net=xception&open=block2,block5&sel=block5'],
  ['vgg', '/?net=vgg&open=block3&sel=block3'],
  ['resnet', '/?net=resnet&open=layer2.0,layer2.0/residual&sel=layer2.0'],
  ['compare', '/?view=compare'],
  ['accuracy', '/?view=compare&net=resnet'],
  ['lab', '/?view=lab'],
  ['live', '/?view=live&sel=inception_3a'],
  ['train', '/?view=train'],
  ['classify', '/?view=classify'],
];

/** A CIFAR-10 test image (a horse) enlarged 8× when ../shared has the data set; else a drawing. */
function samplePhoto(): { name: string; mimeType: string; buffer: Buffer } {
  const folder = '../shared/datasets/cifar10';
  if (!existsSync(folder)) {
    const drawing = pngBytes(256, 256, (x, y) => ((x - 128) ** 2 + (y - 150) ** 2 < 3000 ? [120, 80, 40] : [150, 190, 230]));
    return { name: 'drawing.png', mimeType: 'image/png', buffer: Buffer.from(drawing) };
  }
  const test = readCifarFolder(folder, 'test');
  const index = test.labels.indexOf(test.classNames.indexOf('horse'));
  const at = (x: number, y: number, c: number) => test.pixels[index * 32 * 32 * 3 + (y * 32 + x) * 3 + c];
  const photo = pngBytes(256, 256, (x, y) => [0, 1, 2].map((c) => at(x >> 3, y >> 3, c)) as [number, number, number]);
  return { name: 'cifar10-test-horse.png', mimeType: 'image/png', buffer: Buffer.from(photo) };
}

/** Classifies the sample photo and waits for Grad-CAM. */
async function classifyPhoto(page: Page): Promise<void> {
  const panel = page.getByRole('region', { name: 'Classify' });
  await panel.getByText('Running on').waitFor({ timeout: 60_000 }); // the weights are loaded
  await panel.getByLabel('Upload image').setInputFiles(samplePhoto());
  await panel.locator('canvas[aria-label="Grad-CAM"][data-module]').waitFor({ timeout: 60_000 });
  await panel.evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 16));
}

/** Two short runs on the built-in digits, the second with another variant, overlaid. */
async function trainTwoRuns(page: Page): Promise<void> {
  const training = page.getByRole('region', { name: 'Training' });
  const field = (name: string) => training.getByRole('textbox', { name, exact: true });
  await field('Epochs').fill('3');
  await field('Limit training images').fill('1280');
  await field('Limit validation images').fill('500');
  await training.getByLabel('Backend').selectOption('wasm');
  const completed = training.getByRole('table').filter({ hasText: 'Runs' }).locator('tbody tr', { hasText: 'completed' });
  for (const [i, inception] of ['bottleneck', 'no-reduce'].entries()) {
    await training.getByLabel('inception', { exact: true }).selectOption(inception);
    await training.getByRole('button', { name: 'Start training' }).click();
    await completed.nth(i).waitFor({ timeout: 600_000 });
  }
  for (const box of await training.getByRole('checkbox', { name: /Overlay/ }).all()) await box.check();
  await training.getByRole('table', { name: /Confusion matrix/ }).locator('td:not(.train-diagonal) button:enabled').first().click();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
});
const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
for (const [name, query, viewport] of SHOTS.filter(([name]) => only.length === 0 || only.includes(name))) {
  await page.setViewportSize(viewport ?? { width: 1440, height: 900 });
  await page.goto(base + query);
  await page.getByRole('tab', { selected: true }).waitFor();
  if (name === 'live') {
    await page.getByLabel('Backend').selectOption('wasm');
    await page.getByRole('button', { name: 'Run inference' }).click({ timeout: 60_000 });
    await page.getByText('Warm median').waitFor({ timeout: 60_000 });
  }
  if (name === 'train') await trainTwoRuns(page);
  if (name === 'classify') await classifyPhoto(page);
  if (name === 'accuracy') {
    const chart = page.getByRole('heading', { name: 'Accuracy against cost' });
    await chart.evaluate((element) => window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY - 16));
  }
  await page.waitForTimeout(1500); // the graph's fit transition and fonts
  await page.screenshot({ path: `docs/${name}.png` });
  console.log(`docs/${name}.png`);
}
await browser.close();
