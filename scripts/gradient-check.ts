// `npm run --silent gradient-check`: the measured relative errors of the WASM gradient kernels
// (src/runtime/training/wasm-gradients.ts: convolutions and max pooling) against the CPU backend,
// as a markdown table.

import { startNodeBackend } from '../src/node/tf-node';
import {
  GRADIENT_CASES,
  POOL_CASES,
  checkGradients,
  checkPoolGradient,
  describeCase,
  describePoolCase,
} from '../src/runtime/training/gradient-check';

await startNodeBackend('wasm');
const rows: string[] = [];
let worst = 0;
for (const c of GRADIENT_CASES) {
  const { input, filter } = await checkGradients(c);
  worst = Math.max(worst, input, filter);
  rows.push(`| ${describeCase(c)} | ${input.toExponential(1)} | ${filter.toExponential(1)} |`);
}
for (const c of POOL_CASES) {
  const input = await checkPoolGradient(c);
  worst = Math.max(worst, input);
  rows.push(`| ${describePoolCase(c)} | ${input.toExponential(1)} | – |`);
}
console.log(['| case | dx rel. error | dfilter rel. error |', '| --- | ---: | ---: |', ...rows].join('\n'));
const cases = GRADIENT_CASES.length + POOL_CASES.length;
console.log(`\n${cases} cases; largest relative error ${worst.toExponential(1)} (limit 1e-4).`);
