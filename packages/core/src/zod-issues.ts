import type { z } from 'zod';

/** Formats zod issues as `path: message` lines, e.g. ``celebrities[3].name: Too small``. */
export function formatZodIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => {
    const path = issue.path
      .map((segment, index) =>
        typeof segment === 'number' ? `[${segment}]` : `${index === 0 ? '' : '.'}${String(segment)}`,
      )
      .join('');
    return path ? `${path}: ${issue.message}` : issue.message;
  });
}
