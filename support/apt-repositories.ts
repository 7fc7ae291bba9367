// How apt is told which key signs a repository, shared by the places that configure one (the
// @dependencies view, `npm run fetch-package`, a package's dependency layer).

/** An armored key (`-----BEGIN PGP PUBLIC KEY BLOCK-----`) must be named .asc for apt, a binary one .gpg. */
export function keyFileName(key: Buffer): string {
  return key.subarray(0, 40).toString('latin1').startsWith('-----BEGIN PGP') ? 'repositories.asc' : 'repositories.gpg';
}

/**
 * A repository line that apt verifies with this keyring only (`signed-by`, added to its options
 * or as its options), as the manifest's `signedBy` says its repositories are signed.
 */
export function signedBy(line: string, keyring: string): string {
  const options = /^deb\s+\[([^\]]*)\]\s+/.exec(line);
  if (options) return line.replace(options[0], `deb [${[options[1].trim(), `signed-by=${keyring}`].filter(Boolean).join(' ')}] `);
  return line.replace(/^deb\s+/, `deb [signed-by=${keyring}] `);
}
