import type { Celebrity } from '@celebrity-pipeline/core';

/** A celebrity with an id derived from its name. */
export function celebrity(name: string, aliases: string[] = []): Celebrity {
  return {
    id: name.toLowerCase().replaceAll(/[^a-z0-9]+/g, '-'),
    name,
    aliases,
    wikipediaTitle: name,
    hashtags: [],
  };
}
