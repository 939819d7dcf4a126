// A Python unpickler for the pickles torch.save writes (protocol 2, and the opcodes of 3–5 a
// re-saved file may use). It executes nothing: GLOBAL asks the caller's hooks for a name (an
// allow-list that refuses the rest by name), REDUCE and NEWOBJ hand what the hooks returned back
// to them. Values come out as JS values: int → number (bigint past 2^53), str → string,
// bytes → Uint8Array, list → array, tuple → frozen array, dict → Map.
//
// Why not the npm package pickleparser (0.2.1): its LONG1 reads at most 8 bytes, unsigned, so the
// 10-byte magic number that starts every legacy .pth throws; unknown globals become stand-in
// objects unless overridden; stack underflows give undefined rather than an error.

import { WeightFileError } from './weight-file-error.ts';

/** What the unpickler asks of its caller; each hook throws a WeightFileError to refuse. */
export interface PickleHooks {
  /** The object `module.name` stands for (GLOBAL, STACK_GLOBAL). */
  global(module: string, name: string): unknown;
  /** The object a persistent id stands for (BINPERSID). */
  persistentLoad(pid: unknown): unknown;
  /** The result of calling `callable(...args)` (REDUCE, NEWOBJ). */
  call(callable: unknown, args: readonly unknown[]): unknown;
  /** Apply BUILD's state to an object. */
  build(target: unknown, state: unknown): void;
}

/** A pickle's value and the byte just past its STOP. */
export interface Unpickled {
  value: unknown;
  end: number;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

// Opcodes a state dict never needs, named in the refusal (the rest are refused by number).
const REFUSED: Record<number, string> = {
  0x69: 'INST', 0x6f: 'OBJ', 0x50: 'PERSID', 0x82: 'EXT1', 0x83: 'EXT2', 0x84: 'EXT4', 0x92: 'NEWOBJ_EX',
  0x49: 'INT', 0x4c: 'LONG', 0x53: 'STRING', 0x56: 'UNICODE', 0x46: 'FLOAT', 0x67: 'GET', 0x70: 'PUT',
  0x8f: 'EMPTY_SET', 0x90: 'ADDITEMS', 0x91: 'FROZENSET', 0x96: 'BYTEARRAY8', 0x97: 'NEXT_BUFFER',
};

/** Reads one pickle starting at `start` in `bytes`, up to and including its STOP. */
export function unpickle(bytes: Uint8Array, start: number, hooks: PickleHooks): Unpickled {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let pos = start;
  let stack: unknown[] = [];
  const marks: unknown[][] = [];
  const memo = new Map<number, unknown>();
  let at = start; // where the current opcode starts, for messages

  const fail = (what: string): never => {
    throw new WeightFileError(`bad pickle at byte ${at.toLocaleString('en-US')}: ${what}`);
  };
  const need = (n: number): number => {
    if (n < 0 || pos + n > bytes.length) {
      throw new WeightFileError(
        `the file ends at byte ${bytes.length.toLocaleString('en-US')} inside a pickle (the opcode at byte ${at.toLocaleString('en-US')} needs ${n.toLocaleString('en-US')} more bytes): it is truncated`,
      );
    }
    const p = pos;
    pos += n;
    return p;
  };
  const u8 = () => bytes[need(1)];
  const u16 = () => view.getUint16(need(2), true);
  const u32 = () => view.getUint32(need(4), true);
  const u64 = () => {
    const p = need(8);
    const n = view.getBigUint64(p, true);
    if (n > BigInt(Number.MAX_SAFE_INTEGER)) fail(`length ${n} is too large`);
    return Number(n);
  };
  const raw = (n: number) => {
    const p = need(n);
    return bytes.subarray(p, p + n);
  };
  const text = (n: number) => {
    try {
      return utf8.decode(raw(n));
    } catch (e) {
      if (e instanceof WeightFileError) throw e;
      return fail('a string is not valid UTF-8');
    }
  };
  const line = () => {
    const end = bytes.indexOf(0x0a, pos);
    if (end < 0) need(bytes.length - pos + 1); // throws: truncated
    return text(end - pos + 1).slice(0, -1);
  };
  // Reads `stack` when called, after its argument: `stack.push(popMark())` would push onto the
  // stack popMark just left.
  const push = (v: unknown) => {
    stack.push(v);
  };
  const pop = (): unknown => (stack.length > 0 ? stack.pop() : fail('an opcode pops an empty stack'));
  const top = (): unknown => (stack.length > 0 ? stack[stack.length - 1] : fail('an opcode reads an empty stack'));
  const popMark = (): unknown[] => {
    const items = stack;
    const outer = marks.pop();
    if (outer === undefined) fail('an opcode needs a MARK and there is none');
    stack = outer ?? [];
    return items;
  };
  const get = (i: number) => (memo.has(i) ? memo.get(i) : fail(`memo ${i} is read but was never stored`));
  const list = (v: unknown): unknown[] => (Array.isArray(v) && !Object.isFrozen(v) ? v : fail('APPEND to something that is not a list'));
  const dict = (v: unknown): Map<unknown, unknown> => (v instanceof Map ? v : fail('SETITEM on something that is not a dict'));
  const setItems = (d: Map<unknown, unknown>, kv: unknown[]) => {
    if (kv.length % 2 !== 0) fail('SETITEMS with an odd number of items');
    for (let i = 0; i < kv.length; i += 2) d.set(kv[i], kv[i + 1]);
  };
  const tuple = (items: unknown[]) => Object.freeze(items);
  const long = (n: number): number | bigint => {
    const b = raw(n);
    let v = 0n;
    for (let i = n - 1; i >= 0; i--) v = (v << 8n) | BigInt(b[i]);
    if (n > 0 && b[n - 1] & 0x80) v -= 1n << BigInt(8 * n);
    return v >= BigInt(Number.MIN_SAFE_INTEGER) && v <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(v) : v;
  };
  const args = (v: unknown): unknown[] => (Array.isArray(v) ? v : fail('REDUCE or NEWOBJ with arguments that are not a tuple'));

  for (;;) {
    at = pos;
    const op = u8();
    switch (op) {
      case 0x80: { // PROTO
        const v = u8();
        if (v > 5) fail(`pickle protocol ${v} is newer than 5`);
        break;
      }
      case 0x95: need(8); break; // FRAME: a hint for buffered readers
      case 0x2e: return { value: pop(), end: pos }; // STOP
      case 0x28: marks.push(stack); stack = []; break; // MARK
      case 0x30: pop(); break; // POP
      case 0x31: popMark(); break; // POP_MARK
      case 0x32: push(top()); break; // DUP
      case 0x4e: push(null); break; // NONE
      case 0x88: push(true); break; // NEWTRUE
      case 0x89: push(false); break; // NEWFALSE
      case 0x4a: push(view.getInt32(need(4), true)); break; // BININT
      case 0x4b: push(u8()); break; // BININT1
      case 0x4d: push(u16()); break; // BININT2
      case 0x8a: push(long(u8())); break; // LONG1
      case 0x8b: push(long(u32())); break; // LONG4
      case 0x47: push(view.getFloat64(need(8), false)); break; // BINFLOAT (big-endian)
      case 0x58: case 0x54: push(text(u32())); break; // BINUNICODE, BINSTRING (Python 2 str)
      case 0x8c: case 0x55: push(text(u8())); break; // SHORT_BINUNICODE, SHORT_BINSTRING
      case 0x8d: push(text(u64())); break; // BINUNICODE8
      case 0x42: push(raw(u32()).slice()); break; // BINBYTES
      case 0x43: push(raw(u8()).slice()); break; // SHORT_BINBYTES
      case 0x8e: push(raw(u64()).slice()); break; // BINBYTES8
      case 0x5d: push([]); break; // EMPTY_LIST
      case 0x6c: push(popMark()); break; // LIST
      case 0x61: { const v = pop(); list(top()).push(v); break; } // APPEND
      case 0x65: { const items = popMark(); list(top()).push(...items); break; } // APPENDS
      case 0x29: push(tuple([])); break; // EMPTY_TUPLE
      case 0x74: push(tuple(popMark())); break; // TUPLE
      case 0x85: push(tuple([pop()])); break; // TUPLE1
      case 0x86: { const b = pop(); push(tuple([pop(), b])); break; } // TUPLE2
      case 0x87: { const c = pop(); const b = pop(); push(tuple([pop(), b, c])); break; } // TUPLE3
      case 0x7d: push(new Map()); break; // EMPTY_DICT
      case 0x64: { const d = new Map(); setItems(d, popMark()); push(d); break; } // DICT
      case 0x73: { const v = pop(); const k = pop(); dict(top()).set(k, v); break; } // SETITEM
      case 0x75: { const kv = popMark(); setItems(dict(top()), kv); break; } // SETITEMS
      case 0x71: memo.set(u8(), top()); break; // BINPUT
      case 0x72: memo.set(u32(), top()); break; // LONG_BINPUT
      case 0x94: memo.set(memo.size, top()); break; // MEMOIZE
      case 0x68: push(get(u8())); break; // BINGET
      case 0x6a: push(get(u32())); break; // LONG_BINGET
      case 0x63: { const module = line(); push(hooks.global(module, line())); break; } // GLOBAL
      case 0x93: { // STACK_GLOBAL
        const name = pop();
        const module = pop();
        if (typeof module !== 'string' || typeof name !== 'string') fail('STACK_GLOBAL of something that is not a name');
        push(hooks.global(module as string, name as string));
        break;
      }
      case 0x52: case 0x81: { const a = args(pop()); push(hooks.call(pop(), a)); break; } // REDUCE, NEWOBJ
      case 0x62: { const state = pop(); hooks.build(top(), state); break; } // BUILD
      case 0x51: push(hooks.persistentLoad(pop())); break; // BINPERSID
      default:
        fail(`opcode 0x${op.toString(16).padStart(2, '0')}${REFUSED[op] ? ` (${REFUSED[op]})` : ''} is not one a PyTorch state dict uses`);
    }
  }
}
