import { z } from 'zod';

/** What `pnpm audit --prod --json` answered, as the report needs it. */
export interface AuditOutcome {
  command: string;
  exitCode: number | null;
  /** Vulnerability counts per severity when the registry answered. */
  severities?: Record<string, number>;
  /** Advisories at high or critical severity: package, title, URL. */
  serious: Array<{ packageName: string; severity: string; title: string; url: string }>;
  /** Why there are no counts (registry unreachable, unreadable answer), quoted from the tool. */
  problem?: string;
}

const AuditJsonSchema = z.object({
  advisories: z
    .record(
      z.string(),
      z.object({ module_name: z.string(), severity: z.string(), title: z.string(), url: z.string().optional() }),
    )
    .optional(),
  metadata: z.object({ vulnerabilities: z.record(z.string(), z.number()) }),
});

/**
 * Reads the output of `pnpm audit --prod --json`. Pure: the script runs the command.
 * @example auditOutcome('pnpm audit --prod --json', 0, '{"metadata":{"vulnerabilities":{"high":0}}}', '')
 */
export function auditOutcome(command: string, exitCode: number | null, stdout: string, stderr: string): AuditOutcome {
  let json: unknown;
  try {
    json = JSON.parse(stdout);
  } catch {
    const text = `${stderr}\n${stdout}`.trim().split('\n').slice(0, 6).join(' ').slice(0, 600);
    return { command, exitCode, serious: [], problem: text || 'no output' };
  }
  const parsed = AuditJsonSchema.safeParse(json);
  if (!parsed.success) {
    return { command, exitCode, serious: [], problem: JSON.stringify(json).slice(0, 600) };
  }
  const serious = Object.values(parsed.data.advisories ?? {})
    .filter((advisory) => advisory.severity === 'high' || advisory.severity === 'critical')
    .map((advisory) => ({
      packageName: advisory.module_name,
      severity: advisory.severity,
      title: advisory.title,
      url: advisory.url ?? '',
    }));
  return { command, exitCode, severities: parsed.data.metadata.vulnerabilities, serious };
}
