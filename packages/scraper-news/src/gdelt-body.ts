/** A GDELT DOC answer body, read leniently. */
export type GdeltBody =
  /** JSON (`repaired` when invalid `\` escapes had to be dropped first). */
  | { kind: 'json'; value: unknown; repaired: boolean }
  /** Plain text where JSON was expected: GDELT's query errors ("too short or too long", …), even when typed JSON. */
  | { kind: 'message'; text: string }
  /** Neither JSON (after repair) nor a message: a truncated or broken body. */
  | { kind: 'invalid'; problem: string };

const VALID_ESCAPE = /^(["\\/bfnrt]|u[0-9a-fA-F]{4})$/;

/**
 * Drops the backslash of every escape JSON does not allow (GDELT sometimes sends `\'` or `\x` inside titles),
 * keeping valid escapes (`\\`, `\"`, `\n`, `\u00e9`, …) untouched. Pure.
 * @example repairInvalidEscapes(String.raw`{"title":"Rock \'n\' roll"}`) // '{"title":"Rock \'n\' roll"}' without the backslashes
 */
export function repairInvalidEscapes(text: string): string {
  return text.replace(/\\(u[0-9a-fA-F]{4}|[\s\S])/g, (sequence, body: string) =>
    VALID_ESCAPE.test(body) ? sequence : body,
  );
}

const tryJson = (text: string): { ok: true; value: unknown } | { ok: false; problem: string } => {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: (error as Error).message };
  }
};

/** Reads a GDELT body: JSON, JSON with invalid escapes repaired, a text message, or invalid. Pure. */
export function parseGdeltBody(text: string): GdeltBody {
  const trimmed = text.trim();
  if (trimmed === '') return { kind: 'invalid', problem: 'empty body' };
  if (!/^[[{]/.test(trimmed)) return { kind: 'message', text: trimmed };
  const strict = tryJson(trimmed);
  if (strict.ok) return { kind: 'json', value: strict.value, repaired: false };
  const repaired = tryJson(repairInvalidEscapes(trimmed));
  if (repaired.ok) return { kind: 'json', value: repaired.value, repaired: true };
  return { kind: 'invalid', problem: strict.problem };
}

/** True for GDELT's "no results" answer (`{}`), which under load is sometimes spurious. */
export function isEmptyAnswer(value: unknown): boolean {
  return value !== null && typeof value === 'object' && !Array.isArray(value) && Object.keys(value).length === 0;
}
