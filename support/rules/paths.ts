// A path predicate the backup and purge rules share (not an item of its own).

/** A path equals an allowed one, or lies under an allowed directory (written with a trailing /). */
export function isUnder(path: string, allowed: string): boolean {
  return allowed.endsWith('/') ? path.startsWith(allowed) || `${path}/` === allowed : path === allowed;
}
