import { describe, expect, it } from 'vitest';
import { committedKernelsModule, compileWasmKernels, kernelsModuleText } from './compile-wasm-kernels';

describe('the WASM SIMD training kernels', { timeout: 60_000 }, () => {
  it('are committed as what wasm-kernels/ compiles to (run `npm run build:wasm-kernels` after editing it)', async () => {
    expect(await committedKernelsModule()).toBe(await kernelsModuleText());
  });

  it.each(['plain', 'shared'] as const)("import only a %s memory, and have no data segment or start function that would write into tfjs' heap", async (memory) => {
    const binary = await compileWasmKernels(memory);
    const module = await WebAssembly.compile(binary as BufferSource);
    expect(WebAssembly.Module.imports(module)).toEqual([{ module: 'env', name: 'memory', kind: 'memory' }]);
    const sections = sectionIds(binary);
    expect(sections).toContain(CODE_SECTION);
    expect(sections).not.toContain(DATA_SECTION);
    expect(sections).not.toContain(START_SECTION);
  });
});

const START_SECTION = 8;
const CODE_SECTION = 10;
const DATA_SECTION = 11;

/** The ids of a WebAssembly binary's sections, in order (each: id byte, LEB128 size, contents). */
function sectionIds(binary: Uint8Array): number[] {
  const ids: number[] = [];
  for (let at = 8; at < binary.length; ) {
    ids.push(binary[at++]);
    let size = 0;
    for (let shift = 0; ; shift += 7) {
      const byte = binary[at++];
      size |= (byte & 0x7f) << shift;
      if (byte < 0x80) break;
    }
    at += size;
  }
  return ids;
}
