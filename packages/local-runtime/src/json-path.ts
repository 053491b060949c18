/**
 * The JSONPath subset the collection definition uses: `$`, `$.a.b`, `$.a.b[0]` (dotted names, each optionally
 * followed by array indexes). Anything else is refused when the definition is checked, not when it runs.
 */

/** One step of a path: a property name or an array index. */
export type PathSegment = string | number;

const NAME = /^[A-Za-z_][A-Za-z0-9_-]*/;

/**
 * Parses a reference path of the subset, or returns `undefined` for one outside it (`$..a`, `$.a[*]`, `$['a']`).
 * @example parsePath('$.plan.shards.tmdb[1]') // ['plan', 'shards', 'tmdb', 1]
 */
export function parsePath(path: string): PathSegment[] | undefined {
  if (!path.startsWith('$')) return undefined;
  const segments: PathSegment[] = [];
  let rest = path.slice(1);
  while (rest.length > 0) {
    if (rest.startsWith('.')) {
      const name = NAME.exec(rest.slice(1))?.[0];
      if (!name) return undefined;
      segments.push(name);
      rest = rest.slice(1 + name.length);
    } else {
      const index = /^\[(\d+)\]/.exec(rest);
      if (!index?.[1] || segments.length === 0) return undefined;
      segments.push(Number(index[1]));
      rest = rest.slice(index[0].length);
    }
  }
  return segments;
}

function segmentsOf(path: string): PathSegment[] {
  const segments = parsePath(path);
  if (!segments) throw new TypeError(`JSONPath outside the supported subset: ${path}`);
  return segments;
}

/** The value at `path` in `document`, and whether it is there at all (`IsPresent`). */
export function readPath(document: unknown, path: string): { isPresent: boolean; value: unknown } {
  let current: unknown = document;
  for (const segment of segmentsOf(path)) {
    const isArrayStep = typeof segment === 'number';
    if (isArrayStep ? !Array.isArray(current) : typeof current !== 'object' || current === null) {
      return { isPresent: false, value: undefined };
    }
    const container = current as Record<string | number, unknown>;
    if (!Object.hasOwn(container, segment)) return { isPresent: false, value: undefined };
    current = container[segment];
  }
  return { isPresent: true, value: current };
}

/**
 * `document` with `value` placed at `path` (`ResultPath`): `$` replaces the document, `$.a.b` sets `b` in a copy of
 * `a` (created when absent). Only property names may be written, as in Step Functions.
 */
export function writePath(document: unknown, path: string, value: unknown): unknown {
  const segments = segmentsOf(path);
  if (segments.length === 0) return value;
  const [head, ...tail] = segments;
  if (typeof head !== 'string') throw new TypeError(`ResultPath cannot write into an array: ${path}`);
  const base = typeof document === 'object' && document !== null && !Array.isArray(document) ? document : {};
  const child = (base as Record<string, unknown>)[head];
  const rest = `$${tail.map((segment) => (typeof segment === 'number' ? `[${segment}]` : `.${segment}`)).join('')}`;
  return { ...base, [head]: tail.length === 0 ? value : writePath(child, rest, value) };
}
