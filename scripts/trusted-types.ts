// A build plugin that lets two copies of our file share a page that enforces Trusted Types. Lit
// creates its `lit-html` policy when its module loads; a second copy (the CDN file loaded twice
// under two addresses) would ask for the same name again, which a CSP without 'allow-duplicates'
// refuses, with an exception and a violation report. So the first copy keeps its policy under a
// global symbol and a later copy reuses it without asking. Should another Lit own the name, our
// copy gets no policy but still loads (and the violation is reported, as the site's CSP wants).

import type { Plugin } from 'vite';

/** `x.createPolicy("lit-html", {…})` in Lit's production and development builds. */
const POLICY = /(\w+)\.createPolicy\((["'])lit-html\2\s*,\s*(\{[^{}]*\})\s*\)/;

export function quietTrustedTypes(): Plugin {
  return {
    name: 'discuss-thread-quiet-trusted-types',
    transform(code, id) {
      if (!/\/lit-html\/(development\/)?lit-html\.js$/.test(id.split('?')[0])) return undefined;
      if (!POLICY.test(code)) this.error('lit-html no longer creates its policy the way this plugin expects');
      const shared = '((p,k)=>{try{return globalThis[k]??=p.createPolicy("lit-html",$3)}catch{}})($1,Symbol.for("discuss-thread.lit-html"))';
      return { code: code.replace(POLICY, shared), map: null };
    },
  };
}
