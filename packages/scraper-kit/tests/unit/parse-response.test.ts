import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { anyOfQuery, errorContext, MalformedResponseError, parseResponse, quotedPhrase } from '../../src/index.js';

const BLUESKY = { source: 'social', provider: 'bluesky' } as const;
const Shape = z.looseObject({ posts: z.array(z.looseObject({ uri: z.string() })) });

describe('errorContext', () => {
  it('keeps the route of the URL (never its query) with the celebrity and status', () => {
    expect(
      errorContext(BLUESKY, {
        url: 'https://bsky.social/xrpc/app.bsky.feed.searchPosts?q=secret',
        celebrityId: 'drake',
        status: 400,
      }),
    ).toEqual({
      source: 'social',
      provider: 'bluesky',
      route: '/xrpc/app.bsky.feed.searchPosts',
      celebrityId: 'drake',
      status: 400,
    });
  });

  it('leaves out what is not known', () => {
    expect(errorContext(BLUESKY)).toEqual({ source: 'social', provider: 'bluesky' });
  });
});

describe('parseResponse', () => {
  it('returns the validated value', () => {
    expect(parseResponse(Shape, { posts: [{ uri: 'at://x' }], cursor: '1' }, errorContext(BLUESKY))).toEqual({
      posts: [{ uri: 'at://x' }],
      cursor: '1',
    });
  });

  it('throws MalformedResponseError naming the provider, the route and every problem, with the context', () => {
    const context = errorContext(BLUESKY, { url: 'https://bsky.social/xrpc/search', celebrityId: 'drake' });
    let thrown: unknown;
    try {
      parseResponse(Shape, { posts: [{ uri: 3 }] }, context);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(MalformedResponseError);
    const error = thrown as MalformedResponseError;
    expect(error.message).toMatch(/^bluesky \/xrpc\/search answered an unexpected shape: posts\[0\]\.uri: /);
    expect(error).toMatchObject({ provider: 'bluesky', source: 'social', celebrityId: 'drake', retryable: false });
  });
});

describe('search terms', () => {
  it('quotes a name as one phrase, dropping quotes inside it', () => {
    expect(quotedPhrase('Dwayne "The Rock" Johnson')).toBe('"Dwayne The Rock Johnson"');
  });

  it('ORs quoted phrases for providers that have OR', () => {
    expect(anyOfQuery(['Drake', 'Aubrey Graham'])).toBe('"Drake" OR "Aubrey Graham"');
  });
});
