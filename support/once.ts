/** `make`'s value, made on the first call only: for work a module would otherwise do at load, in every process that loads it, needed or not. */
export function once<T>(make: () => T): () => T {
  let made: { value: T } | undefined;
  return () => (made ??= { value: make() }).value;
}
