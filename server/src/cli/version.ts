// A named import, so the bundles keep only the version and not the whole manifest.
import { version as packageVersion } from '../../../package.json';

export const version: string = packageVersion;

/** The project's home, for SARIF's `tool.driver.informationUri`. */
export const INFORMATION_URI = 'https://github.com/throughline-plans/throughline';
