// Item 13 of the checklist, judged against the documentation site's pages (facts read by
// support/docs/docs-site.ts): pages in, verdict out. Item 15 (the backup page) is backup.ts's.
import type { DocPage, PageLine } from '../docs/docs-site';

/** What the documentation must say of a service: its name, and its API (the port or its URL) when it has one. */
export interface DocumentedService {
  name: string;
  /** Undefined for a service without a REST API (api: none): its name in a heading is enough. */
  api?: {
    port: number;
    /** The API's URL path behind nginx, /api/<shortName>. */
    path: string;
  };
}

export type ServiceDocumentation =
  /** api: the line describing the API (undefined for a service without one). */
  | { documented: true; heading: PageLine; api?: PageLine }
  /** The page that comes closest: one whose heading names the service, else the one naming it most. */
  | { documented: false; nearest?: { heading?: PageLine; mentions: PageLine[] } };

/** The service's name as a word: wazo-foo, not wazo-foobar. */
function namePattern(name: string): RegExp {
  return new RegExp(`(?<![\\w-])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\w-])`);
}

/**
 * A page documents the service when one of its headings names it (the site's service pages
 * are titled with a link to the service's repository) and it describes its API: the words
 * "API", its port or its URL path. A service without an API is documented by the heading alone.
 */
export function serviceDocumentation(pages: DocPage[], service: DocumentedService): ServiceDocumentation {
  const named = namePattern(service.name);
  const api = service.api && new RegExp(`\\bAPI\\b|(?<!\\d)${service.api.port}(?!\\d)|${service.api.path}(?![\\w-])`);
  const candidates = pages.map((page) => ({
    heading: page.headings.find((h) => named.test(h.text)),
    api: api && page.lines.find((l) => api.test(l.text)),
    mentions: page.lines.filter((l) => named.test(l.text)),
  }));
  const documenting = candidates.find((c) => c.heading && (c.api || !api));
  if (documenting?.heading) return { documented: true, heading: documenting.heading, api: documenting.api };
  const nearest = candidates.filter((c) => c.heading || c.mentions.length > 0).sort((a, b) => Number(!!b.heading) - Number(!!a.heading) || b.mentions.length - a.mentions.length)[0];
  return { documented: false, nearest: nearest && { heading: nearest.heading, mentions: nearest.mentions } };
}
