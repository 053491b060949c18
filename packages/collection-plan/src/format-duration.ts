/**
 * A plan's wall time for people: seconds under a minute, minutes under an hour, then hours and minutes.
 * @example formatDuration(5_000) // '1 h 23 min'
 */
export function formatDuration(seconds: number): string {
  if (seconds < 60) return `${Math.round(seconds)} s`;
  const minutes = Math.round(seconds / 60);
  return minutes < 60 ? `${minutes} min` : `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
