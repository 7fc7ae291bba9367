import { relative, sep } from 'node:path';

/** A file of the report's directory as a link from the report: relative, with '/', so it works wherever the directory is copied. */
export function pathInReport(file: string, reportDir: string): string {
  return relative(reportDir, file).split(sep).join('/');
}
