import { describe, expect, it } from 'vitest';
import { note, refusal } from './messages';

describe('messages name the file, the problem and what to do', () => {
  it('refusal.unsupported(HEIC) is the sentence the Classify tab shows', () => {
    expect(refusal.unsupported('IMG_0001.HEIC', 'HEIC')).toBe('“IMG_0001.HEIC” is a HEIC image, which this browser cannot decode. Convert it to JPEG or PNG.');
  });
  it('refusal.tooManyBytes in megabytes', () => {
    expect(refusal.tooManyBytes('scan.tif', 150e6, 100e6)).toBe('“scan.tif” is 150 MB, over this page\'s 100 MB limit. Save a smaller copy (for example as a JPEG) and try that.');
  });
  it('refusal.tooManyPixels in megapixels', () => {
    expect(refusal.tooManyPixels('bomb.png', { width: 100000, height: 100000 }, 200e6)).toContain('100000×100000 pixels (10000 megapixels), more than this page will decode (200 megapixels)');
  });
  it('note.reduced', () => {
    expect(note.reduced({ width: 12000, height: 9000 }, 3, { width: 4000, height: 3000 })).toBe('12000×9000 image decoded at 1/3 size (4000×3000).');
  });
  it('note.animated with and without a frame count', () => {
    expect(note.animated('a.gif', 'GIF', 2)).toBe('“a.gif” is an animated GIF (2 frames): only the first frame is classified.');
    expect(note.animated('a.webp', 'WebP', undefined)).toBe('“a.webp” is an animated WebP: only the first frame is classified.');
  });
  it('every refusal quotes the file name', () => {
    const size = { width: 2, height: 2 };
    const all = [
      refusal.empty('x.bin'), refusal.tooManyBytes('x.bin', 1, 1), refusal.tooManyPixels('x.bin', size, 1), refusal.text('x.bin'),
      refusal.pdf('x.bin'), refusal.unknown('x.bin'), refusal.unsupported('x.bin', 'TIFF'), refusal.truncated('x.bin', 'JPEG'),
      refusal.corrupt('x.bin', 'PNG'), refusal.svg('x.bin'),
    ];
    expect(all.length).toBe(Object.keys(refusal).length);
    for (const message of all) expect(message).toContain('“x.bin”');
  });
});
