export { CELEBRITY_LIST_VERSION, defaultCelebrityList } from './default-list.js';
export { CelebrityListError, CelebrityListReadError } from './errors.js';
export { loadCelebrities } from './load-celebrities.js';
