export { captureOutput } from './capture-output.js';
export {
  FAST_RETRY_JSON,
  firstCelebrities,
  type HandlerRun,
  type Harness,
  runHandler,
  startHarness,
} from './scraper-harness.js';
