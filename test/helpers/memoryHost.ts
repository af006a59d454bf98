import { decodeTextFile, isInsideFolder, isPlanFileName, uriBasename, type PlanSearch, type WorkspaceHost } from '../../server/src/core/index.js';

/**
 * A host over an in-memory file map (URI → text or bytes): the seam works without Node's file
 * system, as a web host must. Counts reads so tests can see what was read again.
 */
export class MemoryHost implements WorkspaceHost {
  readonly reads: string[] = [];
  readonly ruleDocs = { baseUri: 'https://example.test/rules/', page: () => undefined };

  constructor(readonly files: Map<string, string | Uint8Array> = new Map()) {}

  async readTextFile(uri: string) {
    this.reads.push(uri);
    const content = this.files.get(uri);
    if (content === undefined) return { problem: 'cannot read: no such file or directory', kind: 'missing' as const };
    return decodeTextFile(typeof content === 'string' ? new TextEncoder().encode(content) : content);
  }

  async isFile(uri: string) {
    return this.files.has(uri);
  }

  async findPlans(folderUri: string): Promise<PlanSearch> {
    const uris = [...this.files.keys()].filter((uri) => isInsideFolder(uri, folderUri) && isPlanFileName(uriBasename(uri))).sort();
    return { uris, unreadable: [], truncated: false };
  }

  today() {
    return '2026-06-15';
  }
}
