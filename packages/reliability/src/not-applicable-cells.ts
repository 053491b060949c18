/** A (source, fault) position of the source × fault grid that has no meaning: drawn `—`, with its reason. */
export interface NotApplicableCell {
  subject: string;
  fault: string;
  reason: string;
}

/**
 * The only grid positions drawn `—`. Every other position without a recorded cell is drawn MISSING: a fault that
 * has meaning for a source and was not observed is a gap, never a blank.
 */
export const NOT_APPLICABLE_CELLS: readonly NotApplicableCell[] = [
  { subject: 'wikipedia', fault: 'credentials missing (live mode)', reason: 'the Wikimedia APIs need no credentials' },
  ...['tmdb', 'news', 'social'].map((subject) => ({
    subject,
    fault: '302 redirect',
    reason: 'only Wikipedia answers a renamed title with a redirect',
  })),
  ...['tmdb', 'wikipedia', 'social'].map((subject) => ({
    subject,
    fault: 'GDELT plain-text throttle with status 200',
    reason: 'a GDELT (news) answer',
  })),
  ...['tmdb', 'wikipedia', 'news'].map((subject) => ({
    subject,
    fault: 'Bluesky ExpiredToken',
    reason: 'a Bluesky (social) session answer',
  })),
];

/** The declared reason a grid position is not applicable, or undefined when it is. */
export function notApplicableReason(subject: string, fault: string): string | undefined {
  return NOT_APPLICABLE_CELLS.find((cell) => cell.subject === subject && cell.fault === fault)?.reason;
}
