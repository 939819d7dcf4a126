// The image layer in Chromium: every bad file gets its message and leaves the page working, huge
// images decode reduced, EXIF orientation is honoured, an SVG's script never runs, and the crop
// and resize give the expected pixels. Nothing may be fetched while decoding. The page is
// e2e/harness/image-decode.html; the test files come from e2e/image-files.ts.
import { expect, test, type Page } from '@playwright/test';
import config from '../playwright.config';
import type { DecodeOptions } from '../src/image/decode';
import { collectConsoleErrors } from './console-errors';
import { afterNextPaint, MARKER_PATH, requestsReported } from './settled';
import {
  animatedGifBytes,
  badImageFiles,
  jpegInPage,
  notedImageFiles,
  OVERSIZED_FILE,
  pngBytes,
  SVG_EXTERNAL_PROBE,
  SVG_SCRIPT_PROBE,
  svgBytes,
  withExifOrientation,
  type Rgb,
} from './image-files';

const RED = [255, 0, 0, 255];
const GREY = [128, 128, 128, 255];

const decode = (page: Page, bytes: Uint8Array, name: string, options?: DecodeOptions) =>
  page.evaluate(([base64, name, options]) => window.imageHarness.decode(base64, name, options), [Buffer.from(bytes).toString('base64'), name, options] as const);

/** Each channel within `tolerance` (JPEG and resampling shift colours a little). */
const near = (actual: readonly number[], expected: readonly number[], tolerance = 6) =>
  expect(actual.map((v, i) => Math.abs(v - expected[i]) <= tolerance), `${actual} ≈ ${expected}`).toEqual(expected.map(() => true));

const goodPng = pngBytes(20, 10, () => [0, 128, 255]);

// Chromium's fake camera (a moving test pattern), granted without a prompt, for the webcam tests.
const { launchOptions = {} } = config.projects?.[0]?.use ?? {};
test.use({ launchOptions: { ...launchOptions, args: [...(launchOptions.args ?? []), '--use-fake-device-for-media-stream', '--use-fake-ui-for-media-stream'] } });

declare global {
  interface Window {
    cameraTrack?: MediaStreamTrack;
  }
}

let errors: string[];
let requests: string[];
/** Every request, the allowed ones too: for requestsReported. */
let seenRequests: string[];
/** Requests a test expects (the SVG probe's own test); none anywhere else. */
let allowedRequest: (url: string) => boolean;

test.beforeEach(async ({ page, baseURL }) => {
  errors = collectConsoleErrors(page);
  await page.goto('/e2e/harness/image-decode.html');
  await page.waitForFunction(() => window.imageHarness !== undefined);
  // From here on the page has loaded its code: a request now is one that decoding made. The only
  // kind allowed is more of the page's own code (the script of the worker for huge images).
  requests = [];
  seenRequests = [];
  allowedRequest = () => false;
  page.context().on('request', (request) => {
    const url = new URL(request.url());
    seenRequests.push(request.url());
    const ownCode = request.resourceType() === 'script' && url.origin === new URL(baseURL!).origin;
    if (!ownCode && url.pathname !== MARKER_PATH && !allowedRequest(request.url())) requests.push(request.url());
  });
});

test.afterEach(() => {
  expect(errors).toEqual([]);
  expect(requests, 'decoding must make no request, not even to a blob: URL').toEqual([]);
});

test('each bad file is refused with a message naming it, and a good image decodes after it', async ({ page }) => {
  const jpeg = await jpegInPage(page, 640, 480);
  for (const { what, name, bytes, message } of badImageFiles(jpeg)) {
    const result = await decode(page, bytes, name);
    expect(result.ok, what).toBe(false);
    if (result.ok) continue;
    expect(result.isImageInputError, what).toBe(true);
    for (const fragment of message) expect(result.error, what).toContain(fragment);
    expect((await decode(page, goodPng, 'good.png')).ok, `a good PNG after ${what}`).toBe(true);
  }
});

test('a file over the size limit is refused before it is read', async ({ page }) => {
  const { result, reads } = await page.evaluate(async ({ name, size }) => {
    // Every way to read a Blob, each noting that it was called.
    const blob = new Blob([new ArrayBuffer(size)]);
    const reads: string[] = [];
    for (const method of ['arrayBuffer', 'bytes', 'slice', 'stream', 'text'] as const) {
      const original = (blob as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>)[method];
      if (!original) continue;
      Object.defineProperty(blob, method, { value: (...args: unknown[]) => (reads.push(method), original.apply(blob, args)) });
    }
    return { result: await window.imageHarness.decodeBlob(blob, name), reads };
  }, OVERSIZED_FILE);
  expect(result.ok).toBe(false);
  if (!result.ok) for (const fragment of OVERSIZED_FILE.message) expect(result.error).toContain(fragment);
  expect(reads, 'the file was read').toEqual([]);
});

test('truncated, tiny, animated and SVG files decode with a note', async ({ page }) => {
  const jpeg = await jpegInPage(page, 640, 480);
  for (const { what, name, bytes, message, size } of notedImageFiles(jpeg)) {
    const result = await decode(page, bytes, name);
    expect(result.ok, what).toBe(true);
    if (!result.ok) continue;
    expect([result.width, result.height], what).toEqual(size);
    for (const fragment of message) expect(result.notes.join(' '), what).toContain(fragment);
  }
});

test('a truncated JPEG keeps the part that arrived; the missing part is grey', async ({ page }) => {
  const jpeg = await jpegInPage(page, 640, 480);
  const result = await decode(page, jpeg.subarray(0, Math.floor(jpeg.length * 0.6)), 'half.jpg');
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  near(result.top, RED);
  near(result.bottom, GREY);
});

test('a 12000×9000 PNG decodes at 1/3 size, in a worker: the tab neither crashes nor freezes', async ({ page }) => {
  const workers: string[] = [];
  page.on('worker', (worker) => workers.push(worker.url()));
  const huge = Buffer.from(pngBytes(12000, 9000)).toString('base64');
  const { result, resizedHere, longestTask } = await page.evaluate(async (base64) => {
    const blob = new Blob([Uint8Array.from(atob(base64), (c) => c.charCodeAt(0))]);
    // What froze the tab: the page's own createImageBitmap asked for a resize. Noted if it happens.
    const resizedHere: string[] = [];
    const pageCreateImageBitmap = window.createImageBitmap;
    window.createImageBitmap = ((...args: Parameters<typeof createImageBitmap>) => {
      const options = args.find((arg): arg is ImageBitmapOptions => typeof arg === 'object' && arg !== null && 'resizeWidth' in arg);
      if (options) resizedHere.push(`${options.resizeWidth}×${options.resizeHeight}`);
      return pageCreateImageBitmap(...args);
    }) as typeof createImageBitmap;
    const tasks: number[] = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((entry) => entry.duration)));
    observer.observe({ type: 'longtask', buffered: true });
    try {
      const result = await window.imageHarness.decodeBlob(blob, 'panorama.png');
      tasks.push(...observer.takeRecords().map((entry) => entry.duration));
      return { result, resizedHere, longestTask: Math.max(0, ...tasks) };
    } finally {
      observer.disconnect();
      window.createImageBitmap = pageCreateImageBitmap;
    }
  }, huge);
  // Reported, not asserted: a task's length depends on how busy the machine is.
  test.info().annotations.push({ type: 'decode', description: `12000×9000 PNG: ${result.ms} ms; longest main-thread task ${Math.round(longestTask)} ms` });
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect([result.width, result.height, ...result.bitmap]).toEqual([12000, 9000, 4000, 3000]);
  expect(result.scale).toBeCloseTo(1 / 3);
  expect(result.notes).toEqual(['12000×9000 image decoded at 1/3 size (4000×3000).']);
  near(result.centre, GREY, 1);
  // On the page's thread, Chromium's resize alone blocked it for 1.8 s on this machine: it must
  // happen in the image-resize worker.
  expect(resizedHere, 'resized on the page\'s thread').toEqual([]);
  expect(workers.some((url) => url.includes('resize.worker'))).toBe(true);
  expect((await decode(page, goodPng, 'good.png')).ok, 'the page still decodes').toBe(true);
});

test('EXIF orientation 6 turns the photo a quarter clockwise: width and height swap', async ({ page }) => {
  const jpeg = await jpegInPage(page, 64, 48); // left half red, right half blue
  const plain = await decode(page, jpeg, 'plain.jpg');
  const turned = await decode(page, withExifOrientation(jpeg, 6), 'turned.jpg');
  expect(plain.ok && turned.ok).toBe(true);
  if (!plain.ok || !turned.ok) return;
  expect([plain.width, plain.height]).toEqual([64, 48]);
  expect([turned.width, turned.height, ...turned.bitmap]).toEqual([48, 64, 48, 64]);
  near(turned.top, RED); // the left edge is now on top
  near(turned.bottom, [0, 0, 255, 255]);
});

test('EXIF orientation is honoured in a reduced decode too', async ({ page }) => {
  const jpeg = await jpegInPage(page, 640, 480);
  const result = await decode(page, withExifOrientation(jpeg, 6), 'turned.jpg', { pixelBudget: 10_000 });
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect([result.width, result.height, ...result.bitmap]).toEqual([480, 640, 80, 107]);
  expect(result.notes).toEqual(['480×640 image decoded at 1/6 size (80×107).']);
  near(result.top, RED, 10);
});

test('an SVG renders as a picture; its script, event handlers and links do nothing', async ({ page, baseURL }) => {
  const result = await decode(page, svgBytes({ script: true, origin: baseURL }), 'attack.svg');
  expect(result.ok).toBe(true);
  if (!result.ok) return;
  expect([result.format, result.width, result.height, ...result.bitmap]).toEqual(['SVG', 40, 30, 1024, 768]);
  near(result.centre, RED, 0);
  // The image has been drawn, and any request made until then has reached `requests`.
  await afterNextPaint(page);
  await requestsReported(page, () => seenRequests);
  expect(await page.evaluate(() => window.svgScriptRan)).toBeUndefined();
  // afterEach: no request, so neither the probe nor the linked image was fetched.
});

test('the SVG probe works: opened as a document, the same SVG does run its script', async ({ page, baseURL }) => {
  // Expected here, unlike everywhere else: the frame itself and the probes. They are answered
  // here, so no 404 is logged, however late a probe's request comes.
  allowedRequest = (url) => url.startsWith('blob:') || url.includes(SVG_SCRIPT_PROBE) || url.includes(SVG_EXTERNAL_PROBE);
  await page.route(
    (url) => url.pathname.includes(SVG_SCRIPT_PROBE) || url.pathname.includes(SVG_EXTERNAL_PROBE),
    (route) => route.fulfill({ status: 204 }),
  );
  await page.evaluate((svg) => {
    const frame = document.createElement('iframe');
    frame.src = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml' }));
    document.body.append(frame);
  }, Buffer.from(svgBytes({ script: true, origin: baseURL })).toString('latin1'));
  await expect.poll(() => page.evaluate(() => window.svgScriptRan)).toBe(true);
  await expect.poll(() => seenRequests.filter((url) => url.includes(SVG_SCRIPT_PROBE)).length).toBeGreaterThan(0);
  await expect.poll(() => seenRequests.some((url) => url.includes(SVG_EXTERNAL_PROBE))).toBe(true);
});

test('an animated GIF gives its first frame (red), not a later one (blue)', async ({ page }) => {
  const result = await decode(page, animatedGifBytes([[255, 0, 0], [0, 0, 255]]), 'spinner.gif');
  expect(result.ok).toBe(true);
  if (result.ok) near(result.centre, RED, 0);
  const reversed = await decode(page, animatedGifBytes([[0, 0, 255], [255, 0, 0]]), 'reversed.gif');
  if (reversed.ok) near(reversed.centre, [0, 0, 255, 255], 0);
});

test('networkPixels: the centre square, resized, as RGB; squareCanvas shows the same square', async ({ page }) => {
  // 64×32: black margins 16 px wide either side of a 32×32 square of four coloured quadrants.
  const quadrant = (x: number, y: number): Rgb =>
    x < 16 || x >= 48 ? [0, 0, 0] : y < 16 ? (x < 32 ? [255, 0, 0] : [0, 255, 0]) : x < 32 ? [0, 0, 255] : [255, 255, 0];
  expect((await decode(page, pngBytes(64, 32, quadrant), 'quadrants.png')).ok).toBe(true);
  const { rgb, preview } = await page.evaluate(() => window.imageHarness.pixels(2));
  expect(preview).toEqual([2, 2]);
  near(rgb, [255, 0, 0, 0, 255, 0, 0, 0, 255, 255, 255, 0], 2);
  const square = await page.evaluate(() => window.imageHarness.square(100));
  expect(square.size).toEqual([100, 100]);
  square.quadrants.forEach((colour, i) => near(colour, [RED, [0, 255, 0, 255], [0, 0, 255, 255], [255, 255, 0, 255]][i], 2));
});

test('networkPixels: 1-pixel stripes on a 4000×3000 photo average to grey at 32×32, not black or white', async ({ page }) => {
  const stripes = pngBytes(4000, 3000, (x) => (x % 2 ? [255, 255, 255] : [0, 0, 0]));
  expect((await decode(page, stripes, 'stripes.png')).ok).toBe(true);
  const { rgb } = await page.evaluate(() => window.imageHarness.pixels(32));
  expect(rgb.length).toBe(32 * 32 * 3);
  const far = rgb.filter((v) => Math.abs(v - 128) > 12);
  expect(far.length, `values far from grey, e.g. ${far.slice(0, 6)}`).toBe(0);
});

test.describe('image input', () => {
  const received = (page: Page) => page.getByRole('list', { name: 'Received' }).getByRole('listitem');

  test('"Upload image" passes the chosen file on, whatever it is', async ({ page }) => {
    const upload = page.getByLabel('Upload image', { exact: true });
    await upload.setInputFiles({ name: 'photo.png', mimeType: 'image/png', buffer: Buffer.from(goodPng) });
    await upload.setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('hello') });
    await expect(received(page)).toHaveText([`photo.png: ${goodPng.length} bytes, image/png`, 'notes.txt: 5 bytes, text/plain']);
  });

  test('a file dropped anywhere: a cue while dragging, the file on drop, no navigation', async ({ page }) => {
    const drag = (type: string, name = 'dropped.gif') =>
      page.evaluate(
        ([type, name]) => {
          const data = new DataTransfer();
          data.items.add(new File([new Uint8Array([71, 73, 70])], name, { type: name.endsWith('.gif') ? 'image/gif' : '' }));
          const event = new DragEvent(type, { dataTransfer: data, bubbles: true, cancelable: true });
          document.querySelector('main')!.dispatchEvent(event);
          return event.defaultPrevented;
        },
        [type, name] as const,
      );
    await drag('dragenter');
    await expect(page.locator('body')).toHaveClass(/image-dragging/);
    expect(await drag('dragover'), 'dragover must be cancelled to allow the drop').toBe(true);
    expect(await drag('drop'), 'drop must be cancelled, or the browser opens the file').toBe(true);
    await expect(page.locator('body')).not.toHaveClass(/image-dragging/);
    await drag('drop', 'report.docx');
    await expect(received(page)).toHaveText(['dropped.gif: 3 bytes, image/gif', 'report.docx: 3 bytes']);
    await page.getByLabel('Take drops and pastes').uncheck();
    expect(await drag('drop', 'ignored.gif')).toBe(false);
    await expect(received(page)).toHaveCount(2);
  });

  test('a pasted image is named "pasted image"; pasted text is left to the text field', async ({ page }) => {
    const paste = (file: boolean) =>
      page.evaluate((file) => {
        const data = new DataTransfer();
        if (file) data.items.add(new File([new Uint8Array(10)], 'image.png', { type: 'image/png' }));
        else data.setData('text/plain', 'just words');
        const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true });
        document.querySelector('input[type=text]')!.dispatchEvent(event);
        return event.defaultPrevented;
      }, file);
    expect(await paste(false)).toBe(false);
    expect(await paste(true)).toBe(true);
    await expect(received(page)).toHaveText(['pasted image: 10 bytes, image/png']);
  });
});

test.describe('webcam', () => {
  const received = (page: Page) => page.getByRole('list', { name: 'Received' }).getByRole('listitem');

  test('"Use webcam" shows the camera; "Take photo" passes a PNG on and turns the camera off', async ({ page }) => {
    await page.getByRole('button', { name: 'Use webcam' }).click();
    const video = page.getByLabel('Webcam');
    await expect(video).toBeVisible();
    await expect.poll(() => video.evaluate((v: HTMLVideoElement) => v.videoWidth)).toBeGreaterThan(0);
    await page.evaluate(() => {
      // Keeps the track to look at after the video element is gone.
      window.cameraTrack = (document.querySelector('video')!.srcObject as MediaStream).getVideoTracks()[0];
    });
    await page.getByRole('button', { name: 'Take photo' }).click();
    await expect(received(page)).toHaveText([/^webcam photo: \d+ bytes, image\/png$/]);
    await expect(video).toHaveCount(0);
    await expect.poll(() => page.evaluate(() => window.cameraTrack!.readyState), { message: 'the camera is turned off' }).toBe('ended');
    await expect(page.getByRole('button', { name: 'Use webcam' })).toBeVisible();
  });

  test('a refused camera gives a message saying what to do', async ({ page }) => {
    await page.evaluate(() => {
      navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('Permission denied', 'NotAllowedError'));
    });
    await page.getByRole('button', { name: 'Use webcam' }).click();
    await expect(page.getByRole('alert')).toHaveText(/^Camera access was denied\. Allow the camera for this page/);
    await expect(page.getByLabel('Webcam')).toHaveCount(0);
  });
});
