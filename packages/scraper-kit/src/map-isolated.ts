/** The result of one isolated task: its value or the error it threw. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

/**
 * Runs `task` for every input with at most `concurrency` at once. A failing task never stops the others;
 * results keep the input order.
 */
export async function mapIsolated<I, T>(
  inputs: readonly I[],
  concurrency: number,
  task: (input: I, index: number) => Promise<T>,
): Promise<Settled<T>[]> {
  const results: Settled<T>[] = new Array(inputs.length);
  let next = 0;
  const worker = async () => {
    while (next < inputs.length) {
      const index = next++;
      try {
        results[index] = { ok: true, value: await task(inputs[index] as I, index) };
      } catch (error) {
        results[index] = { ok: false, error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, inputs.length)) }, worker));
  return results;
}
