import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics } from '@aws-lambda-powertools/metrics';

/** One JSON line a Powertools Logger or Metrics wrote. */
export type JsonLine = Record<string, unknown>;

/**
 * A Powertools Logger and Metrics whose output lands in `lines` instead of stdout (both write through their own
 * `console`; replacing it keeps the real formatting and EMF serialisation).
 */
export function capturedTelemetry(): { logger: Logger; metrics: Metrics; lines: JsonLine[] } {
  const lines: JsonLine[] = [];
  const sink = {
    log: (text: string) => lines.push(JSON.parse(text) as JsonLine),
    info: (text: string) => lines.push(JSON.parse(text) as JsonLine),
    warn: (text: string) => lines.push(JSON.parse(text) as JsonLine),
    error: (text: string) => lines.push(JSON.parse(text) as JsonLine),
    debug: (text: string) => lines.push(JSON.parse(text) as JsonLine),
    trace: (text: string) => lines.push(JSON.parse(text) as JsonLine),
  };
  const logger = new Logger({ serviceName: 'post-processor-test', logLevel: 'DEBUG' });
  const metrics = new Metrics({ namespace: 'CelebrityPipelineTest', serviceName: 'post-processor-test', logger: sink });
  Object.defineProperty(logger, 'console', { value: sink, configurable: true, writable: true });
  Object.defineProperty(metrics, 'console', { value: sink, configurable: true, writable: true });
  return { logger, metrics, lines };
}
