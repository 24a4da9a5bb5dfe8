#!/usr/bin/env node
// Regenerates pipeline/generated/ from schema/: TypeScript types (json-schema-to-typescript); and
// from pipeline/: the catalog runtime as text, the HTML pages' style and script with their hashes.
// The schemas are the one definition of errcat's data shapes; nothing in generated/ is edited by hand.
// `--check` compares instead of writing and exits 1 on drift (used by the test suite).
import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import Ajv2020 from 'ajv/dist/2020.js';
import standaloneCode from 'ajv/dist/standalone/index.js';
import { compile } from 'json-schema-to-typescript';
import ts from 'typescript';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const schemaDir = join(root, 'schema');
const outDir = join(root, 'pipeline', 'generated');
// Schemas whose declarations errcat also writes into each dist/<catalog>/catalog.ts, as a string
// constant, so no code generator is loaded at run time.
const EMIT_AS_SOURCE = { catalog: 'CATALOG_TYPES_SOURCE' };
// Schemas whose validator is compiled ahead of time by ajv (strict), so a build does not spend
// ~70 ms compiling the schema and its meta-schema at every start.
const STANDALONE_VALIDATORS = { catalog: 'validate-catalog.js' };

export async function generatedFiles() {
  const files = new Map();
  for (const name of readdirSync(schemaDir).filter((f) => f.endsWith('.schema.json')).sort()) {
    const schema = JSON.parse(readFileSync(join(schemaDir, name), 'utf8'));
    const base = name.replace(/\.schema\.json$/, '');
    const ts = await compile(schema, schema.title, {
      bannerComment: `/* Generated from schema/${name} by pipeline/tools/generate.js. Do not edit. */`,
      additionalProperties: false,
      unreachableDefinitions: true,
      strictIndexSignatures: true,
      cwd: schemaDir,
      style: { singleQuote: true, printWidth: 120 },
    });
    files.set(`${base}.ts`, ts);
    if (EMIT_AS_SOURCE[base]) {
      // The same declarations as a string, for errcat to write into dist/<catalog>/catalog.ts without
      // loading a code generator at run time.
      files.set(`${base}-source.ts`, `/* Generated from schema/${name} by pipeline/tools/generate.js. Do not edit. */\nexport const ${EMIT_AS_SOURCE[base]} = ${JSON.stringify(ts)};\n`);
    }
    if (STANDALONE_VALIDATORS[base]) {
      const ajv = new Ajv2020.default({ strict: true, allErrors: true, code: { source: true, esm: true } });
      const code = standaloneCode.default(ajv, ajv.compile(schema));
      // ajv's runtime helpers as imports, so the bundle carries them (no module lookup at start-up).
      const imports = new Map();
      // A CommonJS module's default import is its exports object under Node and esbuild, and its
      // `default` export under Vite's interop: `.default` below must find the function either way.
      const body = code.replace(/^"use strict";\n?/, '').replace(/require\("(ajv\/dist\/runtime\/([a-z0-9]+))"\)\.default/g, (_, path, helper) => {
        const id = `ajvRuntime_${helper}`;
        imports.set(id, `${path}.js`);
        return `(typeof ${id} === 'function' ? ${id} : ${id}.default)`;
      });
      if (/\brequire\(/.test(body)) throw new Error(`generate: the ${base} validator requires more than ajv's runtime helpers`);
      files.set(
        STANDALONE_VALIDATORS[base],
        `// Generated from schema/${name} by pipeline/tools/generate.js (ajv standalone, strict). Do not edit.\n` +
          [...imports].map(([id, path]) => `import ${id} from '${path}';\n`).join('') +
          `${body}\n`,
      );
    }
  }
  files.set('catalog-runtime.ts', runtimeSources());
  files.set('page-assets.ts', pageAssets());
  return files;
}

/**
 * The style and script every errcat HTML page inlines (pipeline/emit/html/page.css, page-script.js),
 * with the Content-Security-Policy source of each: the page allows exactly these two, by hash.
 * Hashed here, once, because hashing them at every build costs milliseconds of a start.
 */
function pageAssets() {
  const read = (name) => readFileSync(join(root, 'pipeline', 'emit', 'html', name), 'utf8');
  const style = read('page.css');
  const script = read('page-script.js');
  const source = (text) => `'sha256-${createHash('sha256').update(text).digest('base64')}'`;
  return (
    '/* Generated from pipeline/emit/html/page.css and page-script.js by pipeline/tools/generate.js. Do not edit. */\n' +
    `export const STYLE = ${JSON.stringify(style)};\n` +
    `export const SCRIPT = ${JSON.stringify(script)};\n` +
    `/** Content-Security-Policy sources allowing exactly STYLE and SCRIPT. */\n` +
    `export const STYLE_SOURCE = ${JSON.stringify(source(style))};\n` +
    `export const SCRIPT_SOURCE = ${JSON.stringify(source(script))};\n`
  );
}

/**
 * pipeline/emit/catalog-runtime.ts below its `// @runtime` marker, as the TypeScript written into
 * catalog.ts and, transpiled here once, the JavaScript and declarations of the npm package.
 */
function runtimeSources() {
  const source = readFileSync(join(root, 'pipeline', 'emit', 'catalog-runtime.ts'), 'utf8');
  const marker = source.indexOf('// @runtime\n');
  if (marker < 0) throw new Error('pipeline/emit/catalog-runtime.ts: no // @runtime marker');
  const runtime = source.slice(marker + '// @runtime\n'.length);
  const js = ts.transpileModule(runtime, { compilerOptions: { target: ts.ScriptTarget.ES2018, module: ts.ModuleKind.ESNext, removeComments: false } }).outputText;
  const dts = ts.transpileDeclaration(runtime, { compilerOptions: { declaration: true, removeComments: false } }).outputText;
  const strip = (text) => text.replace(/^export \{\};\n?/m, '');
  return (
    '/* Generated from pipeline/emit/catalog-runtime.ts by pipeline/tools/generate.js. Do not edit. */\n' +
    `export const RUNTIME_TS = ${JSON.stringify(runtime)};\n` +
    `export const RUNTIME_JS = ${JSON.stringify(strip(js))};\n` +
    `export const RUNTIME_DTS = ${JSON.stringify(strip(dts))};\n`
  );
}

async function main() {
  const check = process.argv.includes('--check');
  const files = await generatedFiles();
  const drift = [];
  for (const [name, text] of files) {
    const path = join(outDir, name);
    const current = existsSync(path) ? readFileSync(path, 'utf8') : null;
    if (current === text) continue;
    if (check) drift.push(name);
    else writeFileSync(path, text);
  }
  if (drift.length) {
    console.error(`pipeline/generated is out of date with its sources: ${drift.join(', ')}; run npm run generate`);
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await main();
