const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** Escapes text for HTML and SVG content and attribute values. */
export function escapeHtml(value: string | number): string {
  return String(value).replace(/[&<>"']/g, (character) => ESCAPES[character] ?? character);
}

const INTEGER_FORMAT = new Intl.NumberFormat('en-US');

/** `1234` → `1,234` (the same on every machine). */
export function formatCount(value: number): string {
  return INTEGER_FORMAT.format(value);
}

/** A weight or score with 3 decimals, or an em dash when there is none. */
export function formatDecimal(value: number | null, signed = false): string {
  if (value === null) return '—';
  const text = value.toFixed(3);
  return signed && value > 0 ? `+${text}` : text;
}

/** `850` → `850 ms`, `12_400` → `12.4 s`, `185_000` → `3 min 5 s`. */
export function formatDuration(durationMs: number | null): string {
  if (durationMs === null) return '—';
  if (durationMs < 1_000) return `${Math.round(durationMs)} ms`;
  if (durationMs < 60_000) return `${(durationMs / 1_000).toFixed(1)} s`;
  const seconds = Math.round(durationMs / 1_000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}

/** `0.25` → `25%` (of a total that may be 0). */
export function formatShare(part: number, total: number): string {
  return total === 0 ? '0%' : `${Math.round((part / total) * 100)}%`;
}

/** `1 message`, `2 messages`; irregular plurals are given: `plural(3, 'celebrity', 'celebrities')`. */
export function plural(count: number, word: string, pluralWord = `${word}s`): string {
  return `${formatCount(count)} ${count === 1 ? word : pluralWord}`;
}

/** `2026-11-29T02:15:00.000Z` → `2026-11-29 02:15:00 UTC`; anything unparseable is shown as given. */
export function formatTimestamp(isoTime: string): string {
  const time = new Date(isoTime);
  if (Number.isNaN(time.getTime())) return isoTime;
  return `${time.toISOString().slice(0, 19).replace('T', ' ')} UTC`;
}
