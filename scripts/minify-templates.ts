// A build plugin that strips the indentation inside Lit's html``, svg`` and css`` templates. The
// JavaScript minifier leaves template text alone, and in this widget that text (markup and the
// stylesheet) is a tenth of the CDN file. Only whitespace changes, and only where the browser
// ignores it: whitespace with a line break between two tags goes, other runs become one space,
// and in css`` the spaces around punctuation go.

import type { Plugin } from 'vite';

interface Node {
  type: string;
  start: number;
  end: number;
  [key: string]: unknown;
}

const TAGS = new Set(['html', 'svg', 'css']);

function minifyHtml(text: string): string {
  return text.replace(/\s+/g, (run, offset: number) => {
    if (!run.includes('\n')) return ' ';
    const before = text[offset - 1];
    const after = text[offset + run.length];
    return (before === '>' || before === undefined) && (after === '<' || after === undefined) ? '' : ' ';
  });
}

const minifyCss = (text: string) =>
  text
    .replace(/\/\*[\s\S]*?\*\//g, '') // comments are for the source's readers
    .replace(/\s+/g, ' ')
    .replace(/ ?([{};,>]) ?/g, '$1')
    .replace(/([^\s(]): /g, '$1:')
    .replace(/;}/g, '}')
    .replace(/([\s:(,-])0\.(\d)/g, '$1.$2')
    .trim();

function walk(node: unknown, visit: (node: Node) => void): void {
  if (Array.isArray(node)) return node.forEach((child) => walk(child, visit));
  if (!node || typeof node !== 'object') return;
  if (typeof (node as Node).type === 'string') visit(node as Node);
  for (const value of Object.values(node)) if (value && typeof value === 'object') walk(value, visit);
}

export function minifyTemplates(): Plugin {
  return {
    name: 'discuss-thread-minify-templates',
    apply: 'build',
    enforce: 'post',
    transform(code, id) {
      if (!/\/src\/.*\.ts$/.test(id)) return null;
      const edits: Array<[number, number, string]> = [];
      walk(this.parse(code), (node) => {
        if (node.type !== 'TaggedTemplateExpression') return;
        const tag = node.tag as Node & { name?: string };
        if (tag.type !== 'Identifier' || !TAGS.has(tag.name!)) return;
        for (const quasi of (node.quasi as { quasis: Node[] }).quasis) {
          const raw = code.slice(quasi.start, quasi.end);
          const next = tag.name === 'css' ? minifyCss(raw) : minifyHtml(raw);
          if (next !== raw) edits.push([quasi.start, quasi.end, next]);
        }
      });
      let out = code;
      for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
      return { code: out, map: null };
    },
  };
}
