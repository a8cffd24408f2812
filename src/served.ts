// A discussion the server rendered (discuss-thread/server): the data it left beside the markup,
// read once when the element connects. Checked no further here than the entry needs; the
// discussion itself is checked with the rest of the discussion code, like a cached one.

/** The attribute that marks the data's `<script type="application/json">`, a child of the element. */
export const DATA_ATTRIBUTE = 'data-discussion';

export interface ServerData {
  /** When it was rendered (ms since the epoch, the server's clock). */
  at: number;
  /** Seconds it counts as fresh: younger, the element asks nothing. */
  ttl: number;
  /** The inputs it was rendered for (`Inputs.key`): other inputs, and it is not used. */
  key: string;
  discussion: unknown;
}

/** The data the server left in `host`: undefined when there is none, `{}` when it cannot be read. */
export function served(host: Element): Partial<ServerData> | undefined {
  const text = host.querySelector(`:scope>script[${DATA_ATTRIBUTE}]`)?.textContent;
  try {
    return text == null ? undefined : (JSON.parse(text) ?? {});
  } catch {
    return {};
  }
}
