/**
 * Writes docs/cost.md from the code (`pnpm --filter @celebrity-pipeline/infra cost-doc`), or with `--check` exits 1
 * when the committed file differs from what the code renders.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { COST_DOCUMENT_PATH, costDocumentLists, renderCostDocument, synthesizeCostTemplate } from '../src/index.js';

const { values } = parseArgs({ options: { check: { type: 'boolean', default: false } } });
const rendered = renderCostDocument({ template: synthesizeCostTemplate(), lists: costDocumentLists() });
if (values.check) {
  const committed = readFileSync(COST_DOCUMENT_PATH, 'utf8');
  if (committed !== rendered) {
    process.stderr.write(`${COST_DOCUMENT_PATH} is stale: run pnpm --filter @celebrity-pipeline/infra cost-doc\n`);
    process.exit(1);
  }
  process.stdout.write(`${COST_DOCUMENT_PATH} is current\n`);
} else {
  writeFileSync(`${COST_DOCUMENT_PATH}.tmp`, rendered);
  renameSync(`${COST_DOCUMENT_PATH}.tmp`, COST_DOCUMENT_PATH);
  process.stdout.write(`wrote ${COST_DOCUMENT_PATH}\n`);
}
