/**
 * Secrets the harness reads from hosts (the consul master token) are registered here the
 * moment they are read; every text that leaves the harness (failure messages, notes,
 * attachments, the reporter's output) passes through `redact`, so a secret that ends up
 * in a daemon's log or an error message is masked too, not only where we expected it.
 */
const secrets = new Map<string, string>();

/** Secrets shorter than this would mask ordinary words; the consul token is a 36-char uuid. */
const MIN_LENGTH = 8;

export function registerSecret(value: string, label: string): void {
  const secret = value.trim();
  if (secret.length < MIN_LENGTH) throw new Error(`refusing to register a ${secret.length}-character ${label} as a secret: too short to mask safely`);
  secrets.set(secret, label);
}

export function redact(text: string): string {
  let result = text;
  for (const [secret, label] of secrets) result = result.split(secret).join(`<${label}: redacted>`);
  return result;
}

/** For tests: forget every registered secret. */
export function forgetSecrets(): void {
  secrets.clear();
}
