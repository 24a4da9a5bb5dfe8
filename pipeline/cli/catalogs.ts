/** Shared by build and check: which catalogs a command compiles, from its options. */
import { compileCatalog, type CompiledCatalog } from '../compile';
import { prepareReaders } from '../read';
import { discoverCatalogs, explicitCatalog, type CatalogSpec } from '../sources';
import { UsageError } from './args';

export interface CatalogOptions {
  sources?: string;
  source?: string[];
  catalog?: string;
  config?: string;
  'csv-bom'?: boolean;
}

export const catalogOptionSpec = {
  sources: { type: 'string' },
  source: { type: 'string', multiple: true },
  catalog: { type: 'string' },
  config: { type: 'string' },
  'csv-bom': { type: 'boolean' },
} as const;

export const catalogOptionHelp = `  --sources DIR       the sources folder (default: sources)
  --source LANG=PATH  compile these pages as one catalog instead (repeat per language;
                      one language alone is a catalog too)
  --catalog NAME      the catalog's name with --source (default: the pages' folder name)
  --config FILE       settings for a --source catalog, as in sources/<catalog>/catalog.json
  --csv-bom           start catalog.csv with a UTF-8 BOM, for Excel`;

export function catalogSpecs(options: CatalogOptions): { specs: CatalogSpec[]; explicit: boolean } {
  if (options.source && options.source.length > 0) {
    if (options.sources) throw new UsageError('use either --sources or --source, not both');
    const spec = explicitCatalog(options.source, options.catalog);
    if (options.config) {
      spec.configPath = options.config;
      spec.configRequired = true;
    }
    return { specs: [spec], explicit: true };
  }
  if (options.catalog || options.config) {
    throw new UsageError('--catalog and --config go with --source; sources/<catalog>/ folders name and configure themselves');
  }
  return { specs: discoverCatalogs(options.sources ?? 'sources'), explicit: false };
}

export async function compileAll(specs: CatalogSpec[], options: CatalogOptions): Promise<CompiledCatalog[]> {
  await prepareReaders(specs.flatMap((s) => s.pages.map((p) => p.bytes ?? p.file)));
  return specs.map((spec) => compileCatalog(spec, { csvBom: options['csv-bom'] }));
}
