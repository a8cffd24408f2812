// custom-elements.json, generated from the element's JSDoc at build time. Paths point at the
// published modules (dist/npm/…js), not at the TypeScript sources, which do not ship.
const published = (path) => path.replace(/^src\/(.*)\.ts$/, 'dist/npm/$1.js');

function rewritePaths(node) {
  if (Array.isArray(node)) return node.forEach(rewritePaths);
  if (!node || typeof node !== 'object') return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = published(value);
    else rewritePaths(value);
  }
}

export default {
  globs: ['src/element.ts'],
  outdir: '.',
  litelement: true,
  plugins: [{ name: 'published-paths', packageLinkPhase: ({ customElementsManifest }) => rewritePaths(customElementsManifest) }],
};
