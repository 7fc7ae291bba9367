// A manifest that leaves pidFile out takes it from the unit the package ships, as an
// administrator reading the unit would: its PIDFile= after the packaged drop-ins.
import { displayPath } from '../display-path';
import { HarnessError } from '../errors';
import type { ServiceManifest } from './manifest';
import type { PackagedUnit } from './package-contents';
import { expandPathSpecifiers, unitSetting } from './unit-file';

/** The manifest with pidFile taken from the unit, when the manifest leaves it to the unit; unchanged otherwise. */
export function withPidFileFromUnit(manifest: ServiceManifest, unit: PackagedUnit): ServiceManifest {
  if (!manifest.pidFileFromUnit) return manifest;
  const setting = unitSetting(unit.files, 'Service', 'PIDFile');
  const resolved = setting === undefined ? undefined : expandPathSpecifiers(setting);
  if (resolved && 'unresolved' in resolved) {
    throw new HarnessError(
      'configuration',
      `${displayPath(manifest.source)}: pidFile is left to the unit, but ${unit.unitPath} sets PIDFile=${setting}, whose ${resolved.unresolved} only systemd can resolve`,
      `set pidFile in the manifest to the path the daemon writes`,
    );
  }
  return { ...manifest, pidFile: resolved?.path, pidFileFromUnit: { read: true, unitPath: unit.unitPath } };
}

/** How a report says where the PID file came from, when the unit gave it. */
export function pidFileOrigin(manifest: ServiceManifest): string | undefined {
  const from = manifest.pidFileFromUnit;
  return from?.read && from.unitPath && manifest.pidFile ? `pidFile is left to the unit: PIDFile=${manifest.pidFile} of ${from.unitPath} in the package` : undefined;
}
