import type { Celebrity, CelebrityList } from '@celebrity-pipeline/core';

/** A valid list of `count` invented celebrities, the same for the same count. */
export function inventedList(count: number, nameLength = 12): CelebrityList {
  const celebrities: Celebrity[] = Array.from({ length: count }, (_, index) => {
    const name = `Person ${String(index).padStart(nameLength - 7, '0')}`;
    return { id: `person-${index}`, name, aliases: [], wikipediaTitle: name, hashtags: [] };
  });
  return { version: 1, celebrities };
}
