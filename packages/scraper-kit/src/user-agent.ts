/**
 * Contact in the User-Agent in replay (fixtures) mode, where `SCRAPER_CONTACT` is optional. Live mode refuses to
 * start without `SCRAPER_CONTACT`: Wikimedia's policy wants a contact that reaches someone.
 */
export const REPLAY_CONTACT = 'https://github.com/celebrity-pipeline/celebrity-pipeline';

/** Version sent in the User-Agent (the scraper kit's own). */
export const SCRAPER_KIT_VERSION = '0.1.0';

/**
 * A descriptive User-Agent with contact, as Wikimedia requires:
 * `<client>/<version> (<contact>) <library>/<version>` (`research/source-apis.md` §2.1).
 * @example buildUserAgent('ops@example.org') // 'celebrity-pipeline-bot/0.1.0 (ops@example.org) axios/1.21.1'
 */
export function buildUserAgent(contact: string = REPLAY_CONTACT): string {
  return `celebrity-pipeline-bot/${SCRAPER_KIT_VERSION} (${contact}) axios/1.21.1`;
}
