// The documents the repository cites must be in it: a fresh clone has nothing else. Checks every
// `.md` file a comment in the code names, and every relative link (and #heading) in the Markdown.

import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CODE_DIRS = ['src', 'e2e', 'bench', 'scripts', 'vite-plugins', 'wasm-kernels'];
const SKIPPED_DIRS = new Set(['node_modules', 'results', 'dist']);

/** Files under a folder of the repository whose names match, as paths relative to the root. */
function filesUnder(dir: string, name: RegExp): string[] {
  const full = join(ROOT, dir);
  if (!existsSync(full)) return [];
  return readdirSync(full).flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(join(ROOT, path)).isDirectory()) return SKIPPED_DIRS.has(entry) ? [] : filesUnder(path, name);
    return name.test(entry) ? [path] : [];
  });
}

interface Comment {
  readonly text: string;
  readonly pos: number;
}

/** Every comment of a source file (line, block, JSX), found by TypeScript's parser, so strings never count. */
export function comments(fileName: string, text: string): Comment[] {
  const kind = /\.[jt]sx$/.test(fileName) ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  const source = ts.createSourceFile(fileName, text, ts.ScriptTarget.Latest, false, kind);
  const found = new Map<number, Comment>();
  const collect = (ranges: readonly ts.CommentRange[] | undefined) => {
    for (const r of ranges ?? []) found.set(r.pos, { text: text.slice(r.pos, r.end), pos: r.pos });
  };
  const visit = (node: ts.Node) => {
    // JSX text has no trivia: a `//` in it is text.
    if (node.kind !== ts.SyntaxKind.JsxText) collect(ts.getLeadingCommentRanges(text, node.getFullStart()));
    collect(ts.getTrailingCommentRanges(text, node.getEnd()));
    for (const child of node.getChildren(source)) visit(child);
  };
  visit(source);
  return [...found.values()].sort((a, b) => a.pos - b.pos);
}

/** The `.md` documents a comment names (`docs/CONVENTIONS.md`, `README.md#tests`); URLs are not citations. */
export function citations(comment: string): { readonly target: string; readonly index: number }[] {
  return [...comment.matchAll(/[\w./-]*\w\.md(?:#[\w-]+)?\b/g)]
    .filter((m) => !/:\/\/\S*$/.test(comment.slice(0, m.index + m[0].length)))
    .map((m) => ({ target: m[0], index: m.index }));
}

/** Relative link targets of a Markdown text (inline, reference and HTML), outside code. */
export function markdownLinks(markdown: string): string[] {
  const prose = markdown.replace(/^(```|~~~)[^]*?^\1/gm, '').replace(/(`+)[^`]+?\1/g, '');
  const targets = [
    ...[...prose.matchAll(/\]\(\s*<?([^)\s>]+)>?(?:\s+"[^"]*")?\s*\)/g)].map((m) => m[1]),
    ...[...prose.matchAll(/^\s{0,3}\[[^\]]+\]:\s*<?([^\s>]+)/gm)].map((m) => m[1]),
    ...[...prose.matchAll(/<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"/g)].map((m) => m[1]),
  ];
  return targets.filter((t) => !/^([a-z][\w+.-]*:|\/\/)/i.test(t));
}

/** GitHub's anchors for the headings of a Markdown text. */
export function headingAnchors(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const prose = markdown.replace(/^(```|~~~)[^]*?^\1/gm, '');
  for (const [, heading] of prose.matchAll(/^#{1,6}\s+(.+?)\s*#*\s*$/gm)) {
    const slug = heading.toLowerCase().replace(/[^\p{L}\p{M}\p{N}_\- ]/gu, '').replace(/ /g, '-');
    let anchor = slug;
    for (let n = 1; anchors.has(anchor); n++) anchor = `${slug}-${n}`;
    anchors.add(anchor);
  }
  return anchors;
}

/**
 * Why a target cited from `from` (a path relative to the root) is broken, or undefined. A path is
 * tried relative to the citing file, then to the root (`/x` is always the root's).
 */
export function brokenTarget(target: string, from: string, root = ROOT): string | undefined {
  const [rawPath, anchor] = decodeURI(target.split('?')[0]).split('#');
  const candidates = rawPath === '' ? [join(root, from)] : rawPath.startsWith('/') ? [join(root, rawPath)] : [join(root, dirname(from), rawPath), join(root, rawPath)];
  const file = candidates.find((path) => existsSync(path));
  if (file === undefined) return `${target}: no such file in the repository`;
  if (anchor && file.endsWith('.md') && !headingAnchors(readFileSync(file, 'utf8')).has(anchor)) {
    return `${target}: ${relative(root, file)} has no heading #${anchor}`;
  }
  return undefined;
}

const lineAt = (text: string, pos: number) => text.slice(0, pos).split('\n').length;

describe('documents cited by the code', () => {
  it('every .md file a comment in the code names is in the repository', () => {
    const files = CODE_DIRS.flatMap((dir) => filesUnder(dir, /\.(ts|tsx|js|mjs)$/));
    expect(files.length).toBeGreaterThan(100);
    const broken: string[] = [];
    for (const file of files) {
      const text = readFileSync(join(ROOT, file), 'utf8');
      for (const comment of comments(file, text)) {
        for (const { target, index } of citations(comment.text)) {
          const why = brokenTarget(target, file);
          if (why) broken.push(`${file}:${lineAt(text, comment.pos + index)}: ${why}`);
        }
      }
    }
    expect(broken).toEqual([]);
  });

  it('every relative link in README.md and docs/*.md leads to a file (and a heading) in the repository', () => {
    const docs = ['README.md', ...filesUnder('docs', /\.md$/)];
    expect(docs).toContain('docs/CONVENTIONS.md');
    const broken = docs.flatMap((doc) =>
      markdownLinks(readFileSync(join(ROOT, doc), 'utf8')).flatMap((target) => {
        const why = brokenTarget(target, doc);
        return why ? [`${doc}: ${why}`] : [];
      }),
    );
    expect(broken).toEqual([]);
  });
});

describe('the checks themselves', () => {
  const source = [
    '// the counting conventions (docs/NOWHERE.md).',
    "const a = '// not a comment: STRING.md';",
    '/* block: OLD_DESIGN.md#counting, https://example.com/REMOTE.md */',
    'const b = <p>{/* jsx: JSX.md */}text // TEXT.md</p>;',
  ].join('\n');

  it('comments + citations: line, block and JSX comments; never strings, JSX text or URLs', () => {
    const cited = comments('x.tsx', source).flatMap((c) => citations(c.text).map((x) => x.target));
    expect(cited).toEqual(['docs/NOWHERE.md', 'OLD_DESIGN.md#counting', 'JSX.md']);
  });

  it('brokenTarget: a missing file, a missing heading, and files that are there', () => {
    expect(brokenTarget('docs/NOWHERE.md', 'src/x.ts')).toBe('docs/NOWHERE.md: no such file in the repository');
    expect(brokenTarget('README.md#no-such-heading', 'src/x.ts')).toMatch(/has no heading #no-such-heading/);
    expect(brokenTarget('README.md#tests', 'src/x.ts')).toBeUndefined();
    expect(brokenTarget('CONVENTIONS.md#counting', 'docs/STYLE.md')).toBeUndefined();
    expect(brokenTarget('graph.png', 'docs/CONVENTIONS.md')).toBeUndefined();
  });

  it('markdownLinks: relative targets outside code; headingAnchors as GitHub makes them', () => {
    const md = '[a](docs/A.md) ![b](b.png "t") [web](https://x.org) [c][1] `[d](D.md)`\n\n```\n[e](E.md)\n```\n[1]: ./C.md\n';
    expect(markdownLinks(md)).toEqual(['docs/A.md', 'b.png', './C.md']);
    expect([...headingAnchors('# Networks, options and presets\n## Tests\n## Tests\n')]).toEqual([
      'networks-options-and-presets',
      'tests',
      'tests-1',
    ]);
  });
});
