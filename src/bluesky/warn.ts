// Console warnings for the site owner, each said once: a value that cannot be read, a labeler that
// did not answer, a filter that threw. The one place that writes the `<discuss-thread>:` prefix.

/** Says `message` on the console, unless `said` holds it already. */
function once(said: Set<string>, message: string): void {
  if (said.has(message)) return;
  said.add(message);
  console.warn(`<discuss-thread>: ${message}`);
}

/** What the data layer said this page session: a warning about the page's rules is said once, however many loads read them. */
const page = new Set<string>();

/** A warning said once a page session. */
export const warnOnce = (message: string): void => once(page, message);

/** A value that cannot be read: the attribute, what it held, and what is used instead. */
export type Warn = (attribute: string, value: unknown, fallback: string) => void;

/**
 * Warnings about bad values, each said once by this warner: an element has its own, so that each
 * widget on a page reports its own attributes; the rules and standard.site code one each.
 */
export function warner(): Warn {
  const said = new Set<string>();
  return (attribute, value, fallback) => once(said, `ignoring ${attribute}="${value}"; using ${fallback}.`);
}
