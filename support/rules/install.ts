// What dpkg's status of an installed package must say.

/**
 * Installed and configured: dpkg's "<want> ok installed", where the selection (want) is
 * install, or hold when the package is held. A hold is judged by the packaging check (no held
 * package), not taken as a failed install.
 */
export function isInstalled(status: string | undefined): boolean {
  return status === 'install ok installed' || status === 'hold ok installed';
}
