import { join } from 'node:path';
import { Then } from '@cucumber/cucumber';
import { check } from '../support/checks/check';
import { displayPath } from '../support/display-path';
import { backupListing, nearestEntries, undocumentedBackup } from '../support/rules/backup';
import { serviceDocumentation } from '../support/rules/documentation';
import { BACKUP_PAGE, readDocsPage, readDocsSite, type PageLine } from '../support/docs/docs-site';
import { harnessLinesEvidence, type Evidence } from '../support/probes/evidence';
import type { HarnessWorld } from '../support/runtime/world';

/** The --docs directory; the scenarios are selected only with it (support/cli/options.ts tagExpression). */
function docsRoot(world: HarnessWorld): string {
  const root = world.parameters.docs;
  if (!root) throw new Error('harness bug: a @docs scenario ran without --docs');
  return root;
}

/** The pages' lines as evidence, one entry per page. */
function linesEvidence(root: string, lines: PageLine[]): Evidence[] {
  const pages = [...new Set(lines.map((l) => l.page))];
  return pages.map((page) => harnessLinesEvidence(displayPath(join(root, page)), lines.filter((l) => l.page === page)));
}

Then('a page of the documentation site names the service in a heading and describes its API', function (this: HarnessWorld) {
  const root = docsRoot(this);
  const { name, api } = this.manifest;
  const described = api && { port: api.port, path: `/api/${api.shortName}` };
  const verdict = serviceDocumentation(readDocsSite(root), { name, api: described });
  const nearest = verdict.documented ? undefined : verdict.nearest;
  check(verdict.documented, {
    expected: `a page of ${displayPath(root)} whose heading names ${name}${described ? ` and that describes its API ("API", port ${described.port} or ${described.path})` : ' (api is none: no API to describe)'}`,
    found: !nearest
      ? `no page names ${name}`
      : nearest.heading
        ? `nearest: ${nearest.heading.page}:${nearest.heading.line} names ${name} in a heading but says nothing of its API`
        : `no heading names ${name}; nearest: ${nearest.mentions[0].page} names it on line(s) ${nearest.mentions.map((m) => m.line).join(', ')}`,
    evidence: verdict.documented ? [] : linesEvidence(root, nearest ? [...(nearest.heading ? [nearest.heading] : []), ...nearest.mentions] : []),
  });
  if (verdict.documented) this.log(`documented: ${verdict.heading.page}:${verdict.heading.line}${verdict.api ? ` (API: line ${verdict.api.line})` : ''}`);
});

Then('the backup page of the documentation site lists every config file of the service', function (this: HarnessWorld) {
  const root = docsRoot(this);
  const page = readDocsPage(root, BACKUP_PAGE);
  const entries = backupListing(page, this.manifest.backup);
  const missing = undocumentedBackup(entries);
  const describe = (e: (typeof entries)[number]) =>
    e.excludedBy ? `${e.path}: excluded by ${e.excludedBy.entry} (line ${e.excludedBy.line})` : `${e.path}: no entry lists it or a directory above it`;
  check(page !== undefined && missing.length === 0, {
    expected: `${BACKUP_PAGE} to list ${this.manifest.backup.join(', ')} (the manifest's backup), or a directory holding each, outside its exclusions`,
    found: page === undefined ? `no page ${BACKUP_PAGE} in ${displayPath(root)}` : missing.map(describe).join('; '),
    // The entries nearest to each missing path: where the page would list it.
    evidence: page ? linesEvidence(root, missing.flatMap((e) => (e.excludedBy ? [e.excludedBy] : nearestEntries(page, e.path)))) : [],
  });
  this.log(`listed: ${entries.map((e) => `${e.path} by ${e.listedBy?.entry} (${BACKUP_PAGE}:${e.listedBy?.line})`).join(', ')}`);
});
