// Decoding through an <img> element, for the two cases createImageBitmap cannot handle in
// Chromium: SVG (no decoder behind createImageBitmap) and truncated JPEG/PNG files (rejected
// outright, while <img> shows the part that arrived).
//
// The <img> is fed a data: URL, not a blob: URL: both stay inside the page, but Chromium reports
// a blob: URL load as a request (Playwright's page.on('request') sees it), and this page promises
// that looking at a photo makes no request at all.

/** A decoded <img> of these bytes, or undefined if the browser cannot decode them. */
export async function loadImageElement(blob: Blob, mime: string): Promise<HTMLImageElement | undefined> {
  const image = new Image();
  image.decoding = 'async';
  image.src = await dataUrl(new Blob([blob], { type: mime }));
  try {
    await image.decode();
  } catch {
    return undefined;
  }
  return image.naturalWidth > 0 && image.naturalHeight > 0 ? image : undefined;
}

function dataUrl(blob: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result as string);
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(blob);
  });
}
