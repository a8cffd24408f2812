// Import rules for src/, checked by `npm run lint`: no cycles, and every import runs down the layers
// (bluesky/ at the bottom, then i18n/, templates/, the controllers, the element). A rule here is the
// module map's promise kept by a tool rather than by review.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: 'no-circular',
      comment: 'An import cycle (type-only ones included) ties modules that should be readable alone.',
      severity: 'error',
      from: { path: '^src/' },
      to: { circular: true },
    },
    {
      name: 'bluesky-is-the-bottom',
      comment: 'The data layer knows no DOM, no element, no templates: nothing in src/bluesky/ imports from above it.',
      severity: 'error',
      from: { path: '^src/bluesky/' },
      to: { path: '^src/', pathNot: '^src/bluesky/' },
    },
    {
      name: 'i18n-below-the-view',
      comment: 'Strings and their formatting are read by templates, never the other way round.',
      severity: 'error',
      from: { path: '^src/i18n/' },
      to: { path: '^src/', pathNot: '^src/(i18n|bluesky)/' },
    },
    {
      name: 'templates-only-read',
      comment: 'Templates take data and return markup: they may know types of the state, not the element that holds it.',
      severity: 'error',
      from: { path: '^src/templates/' },
      to: { path: '^src/(element|index)\\.ts$' },
    },
    {
      name: 'the-element-is-the-top',
      comment: 'Only the entry registers the element; nothing else imports it.',
      severity: 'error',
      from: { path: '^src/', pathNot: '^src/(index|npm)\\.ts$' },
      to: { path: '^src/element\\.ts$' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    // (Whether every import resolves is the typecheck's to say.)
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
