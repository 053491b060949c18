/** Resolves when `signal` aborts (Ctrl-C / SIGTERM): long-running commands wait on it. */
export function untilAborted(signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    if (signal.aborted) return resolve();
    signal.addEventListener('abort', () => resolve(), { once: true });
  });
}
