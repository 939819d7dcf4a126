// The compare view's accuracy chart, on the harness of e2e/harness/lab-compare.html and on the page:
// what a person sees (the published figures with their sources, the strip of the unpublished), that
// a click, a tap or the keyboard makes a point the configuration explored, and a phone's width.
import { expect, test, type Page } from '@playwright/test';
import { collectConsoleErrors } from './console-errors';

const chart = (page: Page) => page.getByRole('region', { name: 'Accuracy against cost' });
const point = (page: Page, label: string) => chart(page).getByRole('button', { name: new RegExp(`^Explore ${label}:`) });

let consoleErrors: string[];

test.beforeEach(async ({ page }) => {
  consoleErrors = collectConsoleErrors(page);
  await page.goto('/e2e/harness/lab-compare.html');
});

test.afterEach(() => {
  expect(consoleErrors).toEqual([]);
});

test('shows published top-1 against MACs, ResNet-152 at 78.312% with its source, the rest on the strip', async ({ page }) => {
  await chart(page).scrollIntoViewIfNeeded();
  await expect(chart(page).getByRole('heading', { name: 'Accuracy against cost' })).toBeVisible();
  const resnet152 = point(page, 'ResNet-152');
  await expect(resnet152).toBeVisible();
  await expect(resnet152).toHaveAccessibleName(
    'Explore ResNet-152: 78.312% ImageNet top-1 (torchvision, ResNet152_Weights.IMAGENET1K_V1, acc@1, ' +
      'https://pytorch.org/vision/stable/models.html); 11,513,626,624 MACs, 60,344,232 params',
  );
  await expect(resnet152).toContainText('ResNet-152'); // its name beside the point
  await expect(point(page, 'Xception Keras')).toHaveAccessibleName(/79\.0% ImageNet top-1 \(Keras Applications, Xception/);
  // No made-up height: the paper's GoogLeNet has no published top-1, so it is on the strip.
  await expect(point(page, 'GoogLeNet paper')).toHaveAccessibleName(/^Explore GoogLeNet paper: no published ImageNet accuracy; 1,582,671,872 MACs/);
  await expect(chart(page)).toContainText('No published accuracy');
  await expect(chart(page)).toContainText('ImageNet top-1 accuracy (%)');
  await expect(chart(page)).toContainText('MACs per image (log scale)');
  const legend = chart(page).getByRole('list', { name: 'Networks' });
  for (const name of ['GoogLeNet', 'Xception', 'VGG', 'ResNet']) await expect(legend).toContainText(name);
  await expect(chart(page).getByRole('list', { name: 'Mark area: parameters' })).toContainText('150M');
  // The figures and their sources as a table.
  await chart(page).getByText('The numbers and their sources').click();
  const row = chart(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'ResNet-152', exact: true }) });
  await expect(row).toContainText('78.312%');
  await expect(row).toContainText('https://pytorch.org/vision/stable/models.html');
  const vgg16 = chart(page).getByRole('row').filter({ has: page.getByRole('rowheader', { name: 'VGG-16 (D)', exact: true }) });
  await expect(vgg16).toContainText('71.592%');
  await expect(vgg16).toContainText('Keras Applications lists its VGG16, the same network with other weights, at 71.3%.');
});

test('clicking a point makes it the configuration explored (A)', async ({ page }) => {
  await point(page, 'ResNet-152').click();
  await expect(page.getByTestId('config-a')).toContainText('A: resnet');
  await expect(page.getByTestId('config-a')).toContainText('"depth":"152"');
  await expect(page.getByRole('region', { name: 'Compare' }).getByRole('table', { name: 'Totals' })).toContainText('60,344,232');
  await expect(point(page, 'ResNet-152')).toHaveAccessibleName(/; now A$/);
  await expect(point(page, 'ResNet-152')).toContainText('A · ResNet-152');
});

test('a point is explored from the keyboard, with Enter or Space, and keeps the focus', async ({ page }) => {
  const xception = point(page, 'Xception Keras');
  await xception.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('config-a')).toContainText('A: xception');
  await expect(xception).toBeFocused();
  await page.keyboard.press('Tab'); // the next point to the right
  await expect(point(page, 'VGG-13 \\(B\\)')).toBeFocused();
  await page.keyboard.press('Space');
  await expect(page.getByTestId('config-a')).toContainText('"config":"B"');
  // A point of the strip, too.
  await point(page, 'Xception regular convs').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('config-a')).toContainText('"conv":"regular"');
});

test.describe('on a phone', () => {
  test.use({ viewport: { width: 375, height: 812 }, hasTouch: true });

  test('at 375 px the chart fits the screen and a tap explores a point', async ({ page }) => {
    const svg = chart(page).getByRole('group', { name: /^Published ImageNet top-1 accuracy against MACs/ });
    await svg.scrollIntoViewIfNeeded();
    const box = await svg.boundingBox();
    expect(box && box.x >= 0 && box.x + box.width <= 375, 'the chart within the screen').toBe(true);
    const sideways = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    expect(sideways, 'pixels the page scrolls sideways').toBeLessThanOrEqual(0);
    const resnet152 = point(page, 'ResNet-152');
    await expect(resnet152).toBeVisible();
    await resnet152.tap();
    await expect(page.getByTestId('config-a')).toContainText('"depth":"152"');
  });
});

test('on the page, a click on the chart explores the configuration: the switches, the URL and the comparison follow', async ({ page }) => {
  await page.goto('/?view=compare');
  await point(page, 'ResNet-152').click();
  await expect(page.getByLabel('Network', { exact: true })).toHaveValue('resnet');
  await expect(page.getByLabel('depth', { exact: true })).toHaveValue('152');
  await expect(page).toHaveURL(/net=resnet/);
  await expect(page.getByRole('tab', { name: 'Compare' })).toHaveAttribute('aria-selected', 'true');
  await expect(point(page, 'ResNet-152')).toHaveAccessibleName(/; now A$/);
});
