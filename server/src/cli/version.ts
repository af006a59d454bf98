import packageJson from '../../../package.json';

export const version: string = packageJson.version;

/** The project's home, for SARIF's `tool.driver.informationUri`. */
export const INFORMATION_URI = 'https://github.com/throughline-plans/throughline';
