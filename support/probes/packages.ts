import { fact, type Fact, type Shell } from './evidence';

export interface PackageStatus {
  /** dpkg's status, e.g. "install ok installed"; undefined when dpkg does not know the package. */
  status?: string;
  version?: string;
}

export async function packageStatus(shell: Shell, name: string): Promise<Fact<PackageStatus>> {
  const evidence = await shell.run(['dpkg-query', '--show', '--showformat=${Status}\\t${Version}\\n', name]);
  if (evidence.exitCode !== 0) return fact({}, evidence);
  const [status, version] = evidence.stdout.trim().split('\t');
  return fact({ status, version }, evidence);
}
