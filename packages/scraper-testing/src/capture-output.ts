import { vi } from 'vitest';

/** Runs `action` with process.stdout/stderr captured (Powertools logs and EMF metrics), returning both. */
export async function captureOutput<T>(
  action: () => Promise<T>,
): Promise<{ value?: T; error?: unknown; output: string }> {
  const chunks: string[] = [];
  const record = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(record);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(record);
  try {
    return { value: await action(), output: chunks.join('') };
  } catch (error) {
    return { error, output: chunks.join('') };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}
