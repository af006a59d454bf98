import { idIndexOf, occurrencesOf, type IdKind, type IdOccurrence } from '../model/idIndex.js';
import type { PlanModel } from '../model/planModel.js';
import type { PlanDocument } from '../planDocument.js';
import { quote } from '../text/quote.js';
import type { Location, Position, TextEdit } from '../types.js';
import { isLibraryFileName } from '../workspace/files.js';
import { uriBasename } from '../workspace/uris.js';
import { references } from './references.js';
import { invalidId, rename, type RenameResult } from './rename.js';

// Find references and rename of what a library defines, across every file that imports it.
// A library KPI or stage is one symbol wherever it is written: (defining library, kind, id).
// A plan's own KPI of the same id that no import defines is another symbol, and plan-local
// ids keep the one-file answers of references.ts and rename.ts.

/** The analysed plans and libraries a cross-file search may look in: the adapter's open documents and the files it read from disk. */
export interface WorkspaceDocuments {
  /** Every analysed file, one per URI (an open document's analysis, not its text on disk). */
  documents(): Iterable<PlanDocument>;
}

/** What a library defines, named the same in every file that imports it. */
export interface LibrarySymbol {
  /** The URI of the library that defines it. */
  library: string;
  kind: 'kpi' | 'stage';
  id: string;
}

/** The library KPI or stage named under the cursor, or undefined for a plan-local id (or no id). */
export function librarySymbolAt(doc: PlanDocument, position: Position): { symbol: LibrarySymbol; occurrence: IdOccurrence } | undefined {
  const occurrence = idIndexOf(doc.analysis.model).at(position);
  if (!occurrence || (occurrence.kind !== 'kpi' && occurrence.kind !== 'stage')) return undefined;
  const library = definingLibrary(doc.uri, doc.analysis.model, occurrence.kind, occurrence.id);
  return library ? { symbol: { library, kind: occurrence.kind, id: occurrence.id }, occurrence } : undefined;
}

/** Which library defines the KPI or stage for this file: the first import that does, else the file itself when it is a library defining it. */
function definingLibrary(uri: string, model: PlanModel, kind: 'kpi' | 'stage', id: string): string | undefined {
  const imported = kind === 'kpi' ? model.imported?.kpis.get(id) : model.imported?.stages.get(id);
  if (imported?.library) return imported.library;
  if (!isLibraryFileName(uri)) return undefined;
  const local = model.imported?.local ?? model;
  const defines = kind === 'kpi' ? local.kpis.has(id) : local.journey.some((stage) => stage.value === id);
  return defines ? uri : undefined;
}

/** A file of the search: the library itself, or a plan or library importing it. */
interface SearchedFile {
  uri: string;
  /** The file's model as analysed (merged with its imports when it is a document of the workspace). */
  model: PlanModel;
}

/** A file that writes the symbol, with where. */
interface Place extends SearchedFile {
  occurrences: readonly IdOccurrence[];
}

/**
 * The library and every file that imports it (`files`), and of those the ones that write the
 * symbol (`places`: the library first, then the others by URI). A file that does not import
 * the library is skipped on one lookup; the occurrences are cached per model.
 */
function search(symbol: LibrarySymbol, asked: PlanDocument, workspace: WorkspaceDocuments): { files: SearchedFile[]; places: Place[] } {
  const files: SearchedFile[] = [];
  const places: Place[] = [];
  let fallbackLibrary: PlanModel | undefined;
  let libraryModel: PlanModel | undefined = asked.uri === symbol.library ? asked.analysis.model : undefined;
  const seen = new Set<string>([asked.uri]);
  const consider = (uri: string, model: PlanModel) => {
    if (uri === symbol.library) {
      libraryModel ??= model;
      return;
    }
    const library = model.imported?.libraries.get(symbol.library);
    if (!library) return;
    files.push({ uri, model });
    // The library as an importer read it: for a library no editor or scan has analysed.
    fallbackLibrary ??= library;
    if (definingLibrary(uri, model, symbol.kind, symbol.id) !== symbol.library) return;
    const occurrences = occurrencesOf(model, symbol.kind, symbol.id);
    if (occurrences.length > 0) places.push({ uri, model, occurrences });
  };
  consider(asked.uri, asked.analysis.model);
  for (const doc of workspace.documents()) {
    if (seen.has(doc.uri)) continue;
    seen.add(doc.uri);
    consider(doc.uri, doc.analysis.model);
  }
  places.sort((a, b) => (a.uri < b.uri ? -1 : a.uri > b.uri ? 1 : 0));
  const library = libraryModel ?? fallbackLibrary;
  if (library) {
    files.unshift({ uri: symbol.library, model: library });
    const occurrences =
      definingLibrary(symbol.library, library, symbol.kind, symbol.id) === symbol.library ? occurrencesOf(library, symbol.kind, symbol.id) : [];
    if (occurrences.length > 0) places.unshift({ uri: symbol.library, model: library, occurrences });
  }
  return { files, places };
}

/**
 * References of the id under the cursor: for a library KPI or stage, in the library and in every
 * file that imports it, open or not; for a plan-local id, in the file. The declaration is the
 * library's definition (a plan's refinement of the KPI is listed as a reference).
 */
export function workspaceReferences(doc: PlanDocument, position: Position, includeDeclaration: boolean, workspace: WorkspaceDocuments): Location[] {
  const found = librarySymbolAt(doc, position);
  if (!found) return references(doc, position, includeDeclaration);
  return search(found.symbol, doc, workspace).places.flatMap((place) =>
    place.occurrences
      .filter((occurrence) => includeDeclaration || !(occurrence.definition && place.uri === found.symbol.library))
      .map((occurrence) => ({ uri: place.uri, range: occurrence.range })),
  );
}

/**
 * Renames a library KPI or stage in the library and in every file that imports it, in one
 * edit; a plan-local id is renamed in its file. Refused when the new id is already taken in
 * the library, a library it imports or that imports it, or any file importing it (named).
 */
export function workspaceRename(doc: PlanDocument, position: Position, newName: string, workspace: WorkspaceDocuments): RenameResult {
  const found = librarySymbolAt(doc, position);
  if (!found) return rename(doc, position, newName);
  const problem = invalidId(newName);
  if (problem) return { error: problem };
  const { symbol } = found;
  const { files, places } = search(symbol, doc, workspace);
  if (newName !== symbol.id) {
    // Every importer counts, whether it uses the symbol or not: its own id of the new name would become a refinement of the renamed one.
    for (const file of files) {
      const taken = takenIn(file.uri, file.model, symbol.kind, newName);
      if (taken) return { error: `\`${newName}\` is already the id of ${taken}; pick another id.` };
    }
  }
  const changes: Record<string, TextEdit[]> = {};
  for (const place of places) changes[place.uri] = place.occurrences.map((occurrence) => ({ range: occurrence.range, newText: newName }));
  return { edit: { changes } };
}

/** What already has the name in the file's view (its own ids and what its imports define), and in which file. */
function takenIn(uri: string, model: PlanModel, kind: IdKind, name: string): string | undefined {
  const local = model.imported?.local ?? model;
  const file = (where: string) => quote(uriBasename(where));
  if (kind === 'stage') {
    const imported = model.imported?.stages.get(name)?.library;
    if (imported) return `a journey stage in ${file(imported)}`;
    return local.journey.some((stage) => stage.value === name) ? `a journey stage in ${file(uri)}` : undefined;
  }
  const imported = model.imported?.kpis.get(name)?.library;
  if (imported) return `a KPI in ${file(imported)}`;
  if (local.kpis.has(name)) return `a KPI in ${file(uri)}`;
  if (local.objectives.some((objective) => objective.id?.value === name)) return `the objective of ${file(uri)}`;
  return undefined;
}
