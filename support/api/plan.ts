// What a run would check, decided before any engine: the manifests, the scenarios the filters
// select, and `--list`'s printout of them. Bad input is answered here, with or without an engine.
import { resolve } from 'node:path';
import type { ServiceManifest } from '../configuration/manifest';
import { loadManifest } from '../configuration/manifest-loader';
import { ServiceCatalog } from '../configuration/service-catalog';
import { assertDocsSite } from '../docs/docs-site';
import { PATHS } from '../paths';
import { shardOf, type AcceptanceOptions } from './acceptance-options';
import { assertTagExpression, plannedScenarios, type PlannedScenario } from './feature-plan';
import { listPlan } from './list-plan';

export interface ServicePlan {
  manifest: ServiceManifest;
  planned: PlannedScenario[];
}

function selectManifest(options: AcceptanceOptions): ServiceManifest {
  const file = options.manifest ? resolve(options.manifest) : new ServiceCatalog(PATHS.services).manifestFile(options.service!);
  const manifest = loadManifest(file);
  // An explicit package replaces the manifest's current one.
  if (options.package) manifest.package = { ...manifest.package, file: resolve(options.package) };
  return manifest;
}

/** A --docs directory is checked first: it decides two items of whichever service. */
function assertDocs(options: AcceptanceOptions): void {
  if (options.docs !== undefined) assertDocsSite(options.docs);
}

/** One service (--service or --manifest): its manifest and the scenarios its filters select. */
export function planService(options: AcceptanceOptions): ServicePlan {
  assertDocs(options);
  const manifest = selectManifest(options);
  return { manifest, planned: plannedScenarios(PATHS.root, { service: manifest.name, tags: options.tags, names: options.name, docs: options.docs !== undefined }) };
}

/** --all: every service of the shard, their manifests validated, and the filters. */
export function planAllServices(options: AcceptanceOptions): ServiceManifest[] {
  assertDocs(options);
  if (options.tags !== undefined) assertTagExpression(options.tags);
  const catalog = new ServiceCatalog(PATHS.services);
  return shardOf(catalog.names(), options.shard).map((name) => loadManifest(catalog.manifestFile(name)));
}

/** `--list`: the checks one service's run would start, each with the checklist item it decides. */
export function listChecks(options: AcceptanceOptions): string {
  const { manifest, planned } = planService(options);
  return listPlan(manifest, planned, PATHS.guidelines);
}
