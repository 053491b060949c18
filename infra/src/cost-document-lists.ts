import { join } from 'node:path';
import { defaultCelebrityList, generateCelebrityList } from '@celebrity-pipeline/celebrities';
import type { CostDocumentInput } from './cost-document.js';
import { REPOSITORY_ROOT } from './repository-layout.js';

/** Where the rendered cost page lives. */
export const COST_DOCUMENT_PATH = join(REPOSITORY_ROOT, 'docs', 'cost.md');

/** The list sizes docs/cost.md plans: the bundled list, then generated lists of these sizes. */
export const COST_DOCUMENT_SIZES = Object.freeze([1_000, 10_000]);

/** The bundled 100, then a generated list of each of {@link COST_DOCUMENT_SIZES}. */
export function costDocumentLists(): CostDocumentInput['lists'] {
  const bundled = defaultCelebrityList();
  return [
    { label: `${bundled.celebrities.length} (bundled)`, list: bundled },
    ...COST_DOCUMENT_SIZES.map((size) => ({ label: size.toLocaleString('en-US'), list: generateCelebrityList(size) })),
  ];
}
