const REASONS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOTDIR: 'a part of the path is not a directory',
  EISDIR: 'is a directory',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'path too long',
  EMFILE: 'too many open files',
};

/** A file-system error as a few words, never a stack trace. */
export function describeFsError(error: unknown): string {
  const { code, message } = error as { code?: string; message?: string };
  if (code && REASONS[code]) return REASONS[code]!;
  return code ?? (message ?? String(error)).split('\n')[0]!;
}
