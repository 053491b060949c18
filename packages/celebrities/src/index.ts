export { CELEBRITY_LIST_VERSION, defaultCelebrityList } from './default-list.js';
export { CelebrityListError, CelebrityListReadError } from './errors.js';
export { CELEBRITY_LIST_SEED, type CelebrityListGeneratorOptions, generateCelebrityList } from './generate-list.js';
export { loadCelebrities } from './load-celebrities.js';
