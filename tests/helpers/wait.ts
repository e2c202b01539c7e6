/** Polls `check` every 5 ms for up to `ms` (a second by default); fails naming `what` if it never gives a truthy value. */
export async function waitFor<T>(check: () => T | null | undefined | false, what: string, ms = 1000): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const value = check();
    if (value) return value;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}
