// URI arithmetic without Node's path module, for any scheme the editor opens (file:,
// vscode-vfs:, untitled: …). Only the path part changes; query and fragment are dropped.

function pathStart(uri: string): number {
  const scheme = uri.indexOf(':');
  if (uri.startsWith('//', scheme + 1)) {
    const slash = uri.indexOf('/', scheme + 3);
    return slash === -1 ? uri.length : slash;
  }
  return scheme + 1;
}

function withoutQuery(uri: string): string {
  const cut = uri.search(/[?#]/);
  return cut === -1 ? uri : uri.slice(0, cut);
}

/** The folder holding `uri` (`file:///a/b/c.plan.yaml` → `file:///a/b`); the root is its own parent. */
export function parentUri(uri: string): string {
  const clean = withoutQuery(uri);
  const start = pathStart(clean);
  const root = `${clean.slice(0, start)}/`;
  const path = clean.slice(start).replace(/\/+$/, '');
  const slash = path.lastIndexOf('/');
  return slash <= 0 ? root : clean.slice(0, start) + path.slice(0, slash);
}

/** `name` inside the folder `folderUri` (`name` may hold `/`, not `..`). */
export function childUri(folderUri: string, name: string): string {
  const folder = withoutQuery(folderUri);
  return `${folder.endsWith('/') ? folder : `${folder}/`}${name.split('/').map(encodeURIComponent).join('/')}`;
}

/** The last path segment, decoded. */
export function uriBasename(uri: string): string {
  const clean = withoutQuery(uri).replace(/\/+$/, '');
  const segment = clean.slice(Math.max(clean.lastIndexOf('/') + 1, pathStart(clean)));
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** True when `uri` lies inside the folder `folderUri` (or is it). */
export function isInsideFolder(uri: string, folderUri: string): boolean {
  const folder = withoutQuery(folderUri).replace(/\/+$/, '');
  return uri === folder || uri.startsWith(`${folder}/`);
}

/** How a user reads a URI in a message: a `file:` URI as its decoded path, any other as it is. */
export function displayUri(uri: string): string {
  if (!uri.startsWith('file://')) return uri;
  const path = withoutQuery(uri).slice('file://'.length);
  try {
    const decoded = decodeURIComponent(path);
    return /^\/[A-Za-z]:\//.test(decoded) ? decoded.slice(1) : decoded;
  } catch {
    return path;
  }
}
