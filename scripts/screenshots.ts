// Takes the README's screenshots (docs/*.png) of the running dev server in Debian's Chromium.
// Run: npm start (in another terminal), then npm run screenshots [-- http://localhost:5173]

import { chromium } from '@playwright/test';

const base = process.argv[2] ?? 'http://localhost:5173';
const SHOTS: readonly [name: string, query: string][] = [
  ['graph', '/?sel=inception_3a&open=inception_3a'],
  ['table', '/?view=table&open=inception_3a,inception_3a/3x3&sel=inception_3a/3x3/inception_3a_3x3'],
  ['xception', '/?net=xception&open=block2,block5&sel=block5'],
  ['compare', '/?view=compare'],
  ['lab', '/?view=lab'],
  ['live', '/?view=live&sel=inception_3a'],
  ['train', '/?view=train'],
];

/** Two short runs on the built-in digits, the second with another variant, overlaid. */
async function trainTwoRuns(page: import('@playwright/test').Page): Promise<void> {
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
for (const [name, query] of SHOTS) {
  await page.goto(base + query);
  await page.getByRole('tab', { selected: true }).waitFor();
  if (name === 'live') {
    await page.getByLabel('Backend').selectOption('wasm');
    await page.getByRole('button', { name: 'Run inference' }).click({ timeout: 60_000 });
    await page.getByText('Warm median').waitFor({ timeout: 60_000 });
  }
  if (name === 'train') await trainTwoRuns(page);
  await page.waitForTimeout(1500); // the graph's fit transition and fonts
  await page.screenshot({ path: `docs/${name}.png` });
  console.log(`docs/${name}.png`);
}
await browser.close();
