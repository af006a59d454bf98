import { isAbsolute, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

/** The path relative to the working directory when it is inside it, else undefined. */
function insideCwd(cwd: string, path: string): string[] | undefined {
  const relativePath = relative(cwd, path);
  if (relativePath === '' || isAbsolute(relativePath)) return undefined;
  const segments = relativePath.split(sep);
  return segments[0] === '..' ? undefined : segments;
}

/** The path as the user reads it: relative to the working directory when inside it, with `/`. */
export function displayPath(cwd: string, path: string): string {
  return insideCwd(cwd, path)?.join('/') ?? path;
}

/** A SARIF artifact location: relative to `%SRCROOT%` (the working directory) when inside it. */
export function artifactLocation(cwd: string, path: string): { uri: string; uriBaseId?: string } {
  const segments = insideCwd(cwd, path);
  if (!segments) return { uri: pathToFileURL(path).href };
  return { uri: segments.map(encodeURIComponent).join('/'), uriBaseId: '%SRCROOT%' };
}
