/** Polls `check` every 5 ms for up to a second; fails naming `what` if it never gives a truthy value. */
export async function waitFor<T>(check: () => T | null | undefined | false, what: string): Promise<T> {
  for (let i = 0; i < 200; i++) {
    const value = check();
    if (value) return value;
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
  throw new Error(`timed out waiting for ${what}`);
}
