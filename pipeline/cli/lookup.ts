import { UsageError } from './args';

export async function runLookup(_argv: string[]): Promise<number> {
  throw new UsageError('lookup is not implemented yet');
}
