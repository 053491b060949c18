import { z } from 'zod';

/** The part of vitest's JSON reporter output the report reads. */
export const VitestResultsSchema = z.object({
  numTotalTests: z.number().int(),
  numPassedTests: z.number().int(),
  numFailedTests: z.number().int(),
  startTime: z.number(),
  testResults: z.array(
    z.object({
      name: z.string(),
      assertionResults: z.array(
        z.object({
          fullName: z.string(),
          status: z.string(),
          duration: z.number().nullable().optional(),
        }),
      ),
    }),
  ),
});
export type VitestResults = z.infer<typeof VitestResultsSchema>;

/** `fullName` → status (`passed`, `failed`, `skipped`…) over every file of a run. */
export function testStatuses(results: VitestResults): Map<string, string> {
  return new Map(
    results.testResults.flatMap((file) => file.assertionResults.map((test) => [test.fullName, test.status] as const)),
  );
}
