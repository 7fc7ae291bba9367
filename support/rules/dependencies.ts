/** Rules about a service's Python requirements and the Debian packages that must carry them. */
import type { Requirement } from '../configuration/requirements-txt';

/** PEP 503: names compare lowercased, with runs of -_. as one -. */
export function normalizePyPIName(name: string): string {
  return name.toLowerCase().replace(/[-_.]+/g, '-');
}

/**
 * The Debian package of a PyPI project: the manifest's mapping where it names one (PyYAML is
 * python3-yaml), else Debian's Python policy name python3-<name> (python-dateutil: python3-dateutil).
 */
export function debianPackageFor(name: string, names: Record<string, string>): string {
  const normalized = normalizePyPIName(name);
  const mapped = Object.entries(names).find(([pypi]) => normalizePyPIName(pypi) === normalized)?.[1];
  return mapped ?? `python3-${normalized.replace(/^python-/, '')}`;
}

/**
 * The upstream part of a Debian version, as a pin would write it: no epoch, no Debian revision,
 * no repack suffix (1:2.28.1+dfsg-1+b2 -> 2.28.1).
 */
export function upstreamVersion(debianVersion: string): string {
  return debianVersion
    .replace(/^\d+:/, '')
    .replace(/-[^-]*$/, '')
    .replace(/[+~](dfsg|ds|repack)[0-9.]*$/, '');
}

export interface PinMismatch {
  package: string;
  pinned: string;
  debian: string;
}

/** Every requirement whose pin is not exactly the upstream version Debian stable carries. */
export function pinMismatches(requirements: Requirement[], names: Record<string, string>, candidates: Map<string, string | undefined>): PinMismatch[] {
  return requirements.flatMap((r) => {
    const debianPackage = debianPackageFor(r.name, names);
    const candidate = candidates.get(debianPackage);
    const debian = candidate ? `${upstreamVersion(candidate)} (${debianPackage} ${candidate})` : `nothing (no ${debianPackage} in Debian stable)`;
    const pinned = r.pinned ?? `not pinned ("${r.line}")`;
    return r.pinned !== undefined && candidate !== undefined && upstreamVersion(candidate) === r.pinned ? [] : [{ package: r.name, pinned, debian }];
  });
}

/** A plain-text table: one row per mismatch, columns aligned. */
export function mismatchTable(rows: PinMismatch[]): string {
  const table = [['package', 'pinned', 'Debian has'], ...rows.map((r) => [r.package, r.pinned, r.debian])];
  const widths = table[0].map((_, i) => Math.max(...table.map((row) => row[i].length)));
  return table.map((row) => row.map((cell, i) => cell.padEnd(widths[i])).join('  ').trimEnd()).join('\n');
}
