import { UsageError } from './args';

export async function runBuild(_argv: string[]): Promise<number> {
  throw new UsageError('build is not implemented yet');
}
