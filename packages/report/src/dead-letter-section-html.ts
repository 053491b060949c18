import { tableHtml } from './html-table.js';
import { formatTimestamp, plural } from './html-text.js';
import type { ReportDeadLetter } from './report-input.js';

/** The dead-letter section: the week's DLQ messages with their reasons. */
export function deadLetterSectionHtml(deadLetters: readonly ReportDeadLetter[]): string {
  const heading = '<h2 id="dead-letters-heading">Dead letters of the week</h2>';
  const body =
    deadLetters.length === 0
      ? '<p class="empty">No dead letter this week.</p>'
      : tableHtml({
          caption: `${plural(deadLetters.length, 'message')}, oldest first`,
          headers: ['failed at', 'source', 'kind', 'reason', 'payload', 'id'],
          rows: deadLetters.map((deadLetter) => [
            formatTimestamp(deadLetter.failedAt),
            deadLetter.source,
            deadLetter.kind,
            deadLetter.reason,
            deadLetter.payloadSummary,
            deadLetter.id,
          ]),
          name: 'dead-letters',
        });
  return `<section id="dead-letters" aria-labelledby="dead-letters-heading">${heading}${body}</section>`;
}
