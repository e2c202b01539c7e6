/**
 * The few extension APIs the content script uses, straight from the browser. The content script runs on every
 * page, so it does without webextension-polyfill (about 3 KB gzip); the background and extension pages use the
 * polyfill through WXT. Replies go through `sendResponse`, which Chrome and Firefox both support.
 */

type Listener = (message: unknown, sender: { tab?: { id?: number } }) => Promise<unknown> | undefined;
type RawListener = (message: unknown, sender: { tab?: { id?: number } }, sendResponse: (reply: unknown) => void) => boolean;

interface RawArea {
  get(keys: string | string[] | null): Promise<Record<string, unknown>>;
  set(items: Record<string, unknown>): Promise<void>;
  remove(keys: string | string[]): Promise<void>;
}

interface RawApi {
  runtime: {
    sendMessage(message: unknown): Promise<unknown>;
    onMessage: { addListener(fn: RawListener): void; removeListener(fn: RawListener): void };
  };
  storage: {
    sync: RawArea;
    local: RawArea;
    onChanged: { addListener(fn: (changes: Record<string, unknown>) => void): void; removeListener(fn: (changes: Record<string, unknown>) => void): void };
  };
}

/** Firefox's `browser`, else Chrome's `chrome` (content scripts always have one of them). */
export function extensionApi(): RawApi {
  const scope = globalThis as unknown as { browser?: RawApi; chrome: RawApi };
  return scope.browser?.runtime ? scope.browser : scope.chrome;
}

/** Adapts a promise-returning listener (our message protocol) to the sendResponse style. */
export function addMessageListener(api: RawApi, listener: Listener, signal: AbortSignal): void {
  const raw: RawListener = (message, sender, sendResponse) => {
    const reply = listener(message, sender);
    if (!reply) return false;
    reply.then(sendResponse, (error: unknown) => {
      console.error('Negotiation Lens: a message handler failed', error);
      sendResponse(undefined);
    });
    return true;
  };
  api.runtime.onMessage.addListener(raw);
  signal.addEventListener('abort', () => api.runtime.onMessage.removeListener(raw));
}
