import { collectedWeekAt, type IsoWeek, isSource, parseIsoWeek, SOURCES, type Source } from '@celebrity-pipeline/core';
import { type FaultRule, faults, REPLAY_ROUTES, type ReplayRoute } from '@celebrity-pipeline/fixtures';
import { UsageError } from './errors.js';

/**
 * `--week YYYY-Www`, default the week the scheduled run would collect now (core's `collectedWeekAt`: the last
 * ISO week that has fully ended), so `run`, `report` and `status` default to the same week as the schedule.
 */
export function parseWeekOption(value: string | undefined, now: Date): IsoWeek {
  if (value === undefined) return collectedWeekAt(now);
  try {
    return parseIsoWeek(value);
  } catch (error) {
    throw new UsageError(`--week: ${(error as Error).message}`, { cause: error });
  }
}

/** `--sources tmdb,news` → the sources in core's order; every name checked. */
export function parseSourcesOption(value: string | undefined): Source[] {
  if (value === undefined) return [...SOURCES];
  const names = value
    .split(',')
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
  const unknown = names.filter((name) => !isSource(name));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(
      `--sources: ${names.length === 0 ? 'no source given' : `unknown source ${unknown.map((name) => `\`${name}\``).join(', ')}`}; expected a comma-separated list of ${SOURCES.join(', ')}`,
    );
  }
  return SOURCES.filter((source) => names.includes(source));
}

/** `--port N`: an integer in 1–65535. */
export function parsePortOption(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65_535) {
    throw new UsageError(`--port: expected an integer between 1 and 65535, got \`${value}\``);
  }
  return port;
}

/** `--endpoint URL`: an http(s) URL. */
export function parseEndpointOption(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new UsageError(`--endpoint: \`${value}\` is not a URL (e.g. http://localhost:8000)`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new UsageError(`--endpoint: expected an http(s) URL, got \`${value}\``);
  }
  return value.replace(/\/$/, '');
}

/** `--time-scale F`: a number in (0, 1], as a decimal or a fraction (`1/60`). */
export function parseTimeScaleOption(value: string): number {
  const fraction = /^(\d+(?:\.\d+)?)\/(\d+(?:\.\d+)?)$/.exec(value.trim());
  const scale = fraction ? Number(fraction[1]) / Number(fraction[2]) : Number(value);
  if (!(scale > 0 && scale <= 1)) throw new UsageError(`--time-scale: expected a number in (0, 1], got \`${value}\``);
  return scale;
}

/**
 * `--fault ROUTE=KIND[@CELEBRITY][/TIMES]` (repeatable): a replay-server fault switch, e.g.
 * `tmdb.person=500`, `gdelt.doc=throttle`, `*=reset@taylor-swift`, `wikipedia.summary=malformed/2` (the first 2 requests only).
 * Kinds: an HTTP status, `throttle` (GDELT's text), `reset`, `malformed`, `expired-token`, `delay:MS`.
 */
export function parseFaultOption(value: string, previous: FaultRule[] = []): FaultRule[] {
  const match = /^([a-zA-Z.*]+)=([a-z0-9:-]+?)(?:@([a-z0-9-]+))?(?:\/(\d+))?$/.exec(value);
  if (!match) throw new UsageError(`--fault: expected ROUTE=KIND[@CELEBRITY][/TIMES], got \`${value}\``);
  const [, route = '', kind = '', celebrityId, times] = match;
  if (route !== '*' && !(REPLAY_ROUTES as readonly string[]).includes(route)) {
    throw new UsageError(`--fault: unknown route \`${route}\`; routes: *, ${REPLAY_ROUTES.join(', ')}`);
  }
  const rule: FaultRule = { route: route as ReplayRoute | '*', fault: faultOf(kind, value) };
  if (celebrityId) rule.celebrityId = celebrityId;
  if (times) rule.times = Number(times);
  return [...previous, rule];
}

function faultOf(kind: string, value: string): FaultRule['fault'] {
  if (/^\d{3}$/.test(kind)) return faults.status(Number(kind));
  if (kind === 'throttle') return faults.gdeltThrottle();
  if (kind === 'reset') return faults.reset();
  if (kind === 'malformed') return faults.malformed();
  if (kind === 'expired-token') return { kind: 'expired-token' };
  const delay = /^delay:(\d+)$/.exec(kind);
  if (delay) return faults.delay(Number(delay[1]));
  throw new UsageError(
    `--fault: unknown kind \`${kind}\` in \`${value}\`; kinds: an HTTP status, throttle, reset, malformed, expired-token, delay:MS`,
  );
}
