export { captureOutput } from './capture-output.js';
export {
  FAST_RETRY_JSON,
  firstCelebrities,
  HARNESS_CONTACT,
  HARNESS_EVENT_TIME,
  type HandlerRun,
  type Harness,
  runHandler,
  startHarness,
} from './scraper-harness.js';
