// npm run build:wasm-kernels: compiles wasm-kernels/ and writes src/runtime/training/wasm-simd-module.generated.ts.
import { writeFile } from 'node:fs/promises';
import { KERNELS_MODULE, kernelsModuleText } from '../src/node/compile-wasm-kernels';

await writeFile(KERNELS_MODULE, await kernelsModuleText());
console.log(`wrote ${KERNELS_MODULE}`);
