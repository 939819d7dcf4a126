// `npm run data -- [--from DIR|cifar-10-binary.tar.gz] [--out public/data/cifar10]`: turns CIFAR-10 in
// its official binary layout into the image-set form the training panel loads (manifest.json,
// train.bin, test.bin). Without --from it downloads the official archive, when there is a network.

import { existsSync, mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { x as extractTar } from 'tar';
import { encodeImageSet, type ImageSetManifest } from '../data/image-set';
import { readCifarFolder } from '../node/cifar-folder';

const OFFICIAL_URL = 'https://www.cs.toronto.edu/~kriz/cifar-10-binary.tar.gz';
const USAGE = `Usage: npm run data -- [--from DIR | --from cifar-10-binary.tar.gz] [--out DIR]

Converts CIFAR-10 (the official binary version: data_batch_N.bin and test_batch.bin) for the
training panel. --from takes a folder of those files or the archive itself; without it the
archive is downloaded from ${OFFICIAL_URL}. --out defaults to public/data/cifar10.`;

class DataError extends Error {}

/** The folder holding data_batch_N.bin: `from` itself, or the archive extracted to a temporary folder. */
async function cifarFolder(from: string, scratch: () => string): Promise<string> {
  if (!existsSync(from)) throw new DataError(`${from}: no such file or folder.`);
  if (statSync(from).isDirectory()) return from;
  const target = scratch();
  try {
    await extractTar({ file: from, cwd: target, filter: (path) => /\.(bin|txt)$/.test(path) });
  } catch (error) {
    throw new DataError(`${from} is not a readable .tar.gz archive (${(error as Error).message}).`);
  }
  const inner = join(target, 'cifar-10-batches-bin');
  return existsSync(inner) ? inner : target;
}

async function download(scratch: () => string): Promise<string> {
  const file = join(scratch(), 'cifar-10-binary.tar.gz');
  console.log(`Downloading ${OFFICIAL_URL} (about 170 MB)…`);
  let response: Response;
  try {
    response = await fetch(OFFICIAL_URL, { signal: AbortSignal.timeout(30_000) });
  } catch (error) {
    const reason = (error as Error & { cause?: Error }).cause?.message ?? (error as Error).message;
    throw new DataError(
      `could not download CIFAR-10 (${reason}). This machine seems to be offline: fetch cifar-10-binary.tar.gz elsewhere and run\n  npm run data -- --from path/to/cifar-10-binary.tar.gz`,
    );
  }
  if (!response.ok) throw new DataError(`could not download CIFAR-10: ${OFFICIAL_URL} answered ${response.status} ${response.statusText}.`);
  writeFileSync(file, new Uint8Array(await response.arrayBuffer()));
  return file;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      from: { type: 'string' },
      out: { type: 'string', default: 'public/data/cifar10' },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return;
  }
  const scratchDirs: string[] = [];
  const scratch = () => {
    const dir = mkdtempSync(join(tmpdir(), 'cifar10-'));
    scratchDirs.push(dir);
    return dir;
  };
  try {
    const source = values.from ?? (await download(scratch));
    const folder = await cifarFolder(source, scratch);
    const train = readCifarFolder(folder, 'train');
    const test = readCifarFolder(folder, 'test');
    const out = values.out!;
    mkdirSync(out, { recursive: true });
    const manifest: ImageSetManifest = {
      name: 'CIFAR-10',
      height: train.height,
      width: train.width,
      channels: train.channels,
      classNames: train.classNames,
      splits: { train: { file: 'train.bin', count: train.count }, test: { file: 'test.bin', count: test.count } },
      source: `CIFAR-10 binary version (Krizhevsky, 2009), converted from ${values.from ?? OFFICIAL_URL}`,
    };
    writeFileSync(join(out, 'train.bin'), encodeImageSet(train));
    writeFileSync(join(out, 'test.bin'), encodeImageSet(test));
    writeFileSync(join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
    console.log(`Wrote ${train.count.toLocaleString('en-US')} training and ${test.count.toLocaleString('en-US')} test images to ${out}/ (train.bin, test.bin, manifest.json).`);
  } finally {
    for (const dir of scratchDirs) rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  const known = error instanceof DataError || (error instanceof Error && /FolderError|FormatError|ERR_PARSE_ARGS/.test(`${error.name} ${(error as NodeJS.ErrnoException).code}`));
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n${known ? `\n${USAGE}\n` : ''}`);
  process.exitCode = known ? 2 : 1;
});
