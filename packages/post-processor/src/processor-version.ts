import { WEIGHT_FORMULA_VERSION } from '@celebrity-pipeline/core';
import packageJson from '../package.json' with { type: 'json' };

/**
 * The `processor_version` stored with an enrichment: the post-processor's release plus the weight formula's
 * version. Changing either makes already-enriched items eligible for a new enrichment (the writer's condition).
 * @example processorVersion('0.2.0', 1) // 'post-processor@0.2.0+weight@1'
 */
export function processorVersion(packageVersion: string, weightFormulaVersion: number): string {
  return `post-processor@${packageVersion}+weight@${weightFormulaVersion}`;
}

/** {@link processorVersion} of this build: derived from `package.json` and core's `WEIGHT_FORMULA_VERSION`. */
export const PROCESSOR_VERSION: string = processorVersion(packageJson.version, WEIGHT_FORMULA_VERSION);
