import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../helpers/reference';
import { builtSeedsProject } from '../helpers/seeds';

const work = mkdtempSync(join(tmpdir(), 'errcat-pkg-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
const tsc = join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
const npm = (args: string[], cwd: string) => spawnSync('npm', args, { cwd, encoding: 'utf8', env: { ...process.env, npm_config_offline: 'true', npm_config_audit: 'false', npm_config_fund: 'false' } });
const node = (file: string, cwd: string) => execFileSync(process.execPath, [file], { cwd, encoding: 'utf8' });

// dist/cci of the seeds (built fresh in a scratch project) packed with npm and installed from the
// tarball into another scratch project, the way a consumer gets it: no errcat, no network, real npm,
// node and tsc.
describe('dist/cci as an npm package, installed from its tarball', () => {
  const built = join(builtSeedsProject(), 'dist', 'cci');
  const pkg = JSON.parse(readFileSync(join(built, 'package.json'), 'utf8'));
  const consumer = join(work, 'consumer');
  let tarball = '';

  beforeAll(() => {
    // Pack a copy, so npm writes nothing into dist/.
    cpSync(built, join(work, 'cci'), { recursive: true });
    const packed = npm(['pack', '--json', '--pack-destination', work], join(work, 'cci'));
    expect(packed.status, packed.stderr).toBe(0);
    tarball = join(work, (JSON.parse(packed.stdout) as Array<{ filename: string }>)[0]!.filename);
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ name: 'consumer', private: true, type: 'module' }));
    const installed = npm(['install', '--no-save', '--ignore-scripts', tarball], consumer);
    expect(installed.status, installed.stderr).toBe(0);
  }, 120_000);

  it('is a small tarball with its files and no dependencies', () => {
    expect(statSync(tarball).size).toBeLessThan(300 * 1024);
    expect(pkg).toMatchObject({ name: '@errcat/cci-error-codes', type: 'module', sideEffects: false });
    expect(pkg.dependencies).toBeUndefined();
  });

  it('works from ESM, with the JSON subpath', () => {
    writeFileSync(join(consumer, 'esm.mjs'), `
      import { lookup, explain, isErrorCode, catalog } from '${pkg.name}';
      import data from '${pkg.name}/catalog.json' with { type: 'json' };
      const body = { kind: 'Status', code: 409, errorCode: 'CCI.02.409101', message: 'namespace name is already exist' };
      console.log(JSON.stringify([catalog.length, data.entries.length, isErrorCode('CCI.02.409101'), isErrorCode('CCI.99.999999'),
        lookup('CCI.02.409101').httpStatus, explain(body, 'en').measure,
        // CCI.01.403009 is documented in en only (en.rst line 84): asked for in zh, named as en; strict, nothing.
        [lookup('CCI.01.403009', 'zh').lang, lookup('CCI.01.403009', 'zh').fallback, lookup('CCI.01.403009', 'zh', { strict: true }).message]]));
    `);
    expect(JSON.parse(node('esm.mjs', consumer))).toEqual([112, 112, true, false, 409, 'Change the namespace name and try again.', ['en', true, null]]);
  });

  it('works from CommonJS', () => {
    writeFileSync(join(consumer, 'cjs.cjs'), `
      const { lookup, explain, isErrorCode, catalog } = require('${pkg.name}');
      console.log(JSON.stringify([catalog.length, isErrorCode('CCI.01.403009'), lookup('CCI.01.403009').texts.zh === undefined,
        explain('{"error_code":"CCI.02.409101"}', 'zh').measure]));
    `);
    expect(JSON.parse(node('cjs.cjs', consumer))).toEqual([112, true, true, '请修改namespace名称后重试']);
  });

  it('type-checks a strict nodenext consumer, and a misspelled code is a type error', () => {
    writeFileSync(join(consumer, 'tsconfig.json'), JSON.stringify({ compilerOptions: { strict: true, module: 'nodenext', moduleResolution: 'nodenext', target: 'es2022', noEmit: true, types: [] }, include: ['*.ts', '*.cts'] }));
    writeFileSync(join(consumer, 'ok.ts'), `
      import { explain, isErrorCode, lookup, type ErrorCode, type CatalogEntry } from '${pkg.name}';
      import data from '${pkg.name}/catalog.json' with { type: 'json' };
      const code: ErrorCode = 'CCI.02.409101';
      const entry: CatalogEntry | undefined = lookup(code);
      const status: number | null | undefined = explain({ errorCode: code }, 'en')?.httpStatus;
      const module: string | null | undefined = entry?.texts.en?.module;
      const inEn = lookup(code, 'en', { strict: true });
      const texts: [string | null, boolean, string | null] | undefined = inEn && [inEn.lang, inEn.fallback, inEn.module];
      const value: unknown = 'CCI.01.403009';
      if (isErrorCode(value)) { const narrowed: ErrorCode = value; void narrowed; }
      const count: number = data.entries.length;
      void entry; void status; void module; void texts; void count;
    `);
    writeFileSync(join(consumer, 'ok-cjs.cts'), `
      import catalogModule = require('${pkg.name}');
      const code: catalogModule.ErrorCode = 'CCI.01.403009';
      void catalogModule.lookup(code);
      void catalogModule.lookup(code, 'zh')?.fallback;
    `);
    const ok = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: consumer, encoding: 'utf8' });
    expect(ok.stdout + ok.stderr).toBe('');
    expect(ok.status).toBe(0);
    writeFileSync(join(consumer, 'bad.ts'), `import type { ErrorCode } from '${pkg.name}';\nconst code: ErrorCode = 'CCI.02.409110';\nvoid code;\n`);
    const bad = spawnSync(process.execPath, [tsc, '-p', '.'], { cwd: consumer, encoding: 'utf8' });
    expect(bad.status).not.toBe(0);
    expect(bad.stdout).toMatch(/bad\.ts\(2,7\): error TS\d+: Type '"CCI\.02\.409110"' is not assignable to type 'ErrorCode'/);
    rmSync(join(consumer, 'bad.ts'));
  });

  it('passes npm publish --dry-run', () => {
    const published = npm(['publish', '--dry-run', '--access', 'public'], join(work, 'cci'));
    expect(published.status, published.stderr).toBe(0);
    expect(published.stdout).toContain(`+ ${pkg.name}@${pkg.version}`);
  });
});
