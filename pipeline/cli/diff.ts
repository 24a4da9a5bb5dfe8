import { UsageError } from './args';

export async function runDiff(_argv: string[]): Promise<number> {
  throw new UsageError('diff is not implemented yet');
}
