import { vi } from 'vitest';

/** Captures everything written to stdout/stderr (Powertools Logger and Metrics write there) until `restore()`. */
export function captureOutput(): { text: () => string; restore: () => void } {
  const chunks: string[] = [];
  const record = (chunk: unknown) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk as Uint8Array).toString('utf8'));
    return true;
  };
  const stdout = vi.spyOn(process.stdout, 'write').mockImplementation(record);
  const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(record);
  return {
    text: () => chunks.join(''),
    restore: () => {
      stdout.mockRestore();
      stderr.mockRestore();
    },
  };
}
