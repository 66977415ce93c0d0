// Bundles the CLI into one ESM file with no runtime dependencies (docs/decisions.md, "Bundling").
import {
  chmodSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { unicodeFastPaths } from './unicode-fast-paths.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));

/** Ink's devtools module pulls in react-devtools-core; replace it with an empty module. */
const emptyDevtools = {
  name: 'empty-ink-devtools',
  setup(b) {
    b.onResolve({ filter: /devtools(\.js)?$/ }, (args) =>
      args.importer.includes(`${'node_modules'}/ink/`)
        ? { path: 'ink-devtools', namespace: 'empty' }
        : undefined,
    );
    b.onResolve({ filter: /^react-devtools-core$/ }, () => ({ path: 'rdc', namespace: 'empty' }));
    b.onLoad({ filter: /.*/, namespace: 'empty' }, () => ({ contents: 'export default {}', loader: 'js' }));
  },
};

/**
 * yoga-layout (Ink's layout engine) carries its wasm as a base64 data: URL and, when `fetch` exists,
 * fetches that URL; on Node 20 the first `fetch` loads undici (~30-40 ms before the first frame). Its
 * own fallback decodes the same bytes without fetch: take that path always, decoding with Buffer
 * rather than atob and a byte loop (same bytes, ~2 ms less).
 */
const yogaNoFetch = {
  name: 'yoga-no-fetch',
  setup(b) {
    b.onLoad({ filter: /yoga-layout[\\/]dist[\\/]binaries[\\/]yoga-wasm-base64-esm\.js$/ }, (args) => {
      const from = 'function ya(){return w||"function"!=typeof fetch?';
      const text = readFileSync(args.path, 'utf8');
      if (!text.includes(from))
        throw new Error(`yoga-no-fetch: '${from}' not found: yoga-layout changed, review this patch`);
      const decode =
        'var b=xa(a.slice(37)),c=new Uint8Array(b.length);for(a=0;a<b.length;++a)c[a]=b.charCodeAt(a);var d=c';
      if (!text.includes(decode))
        throw new Error(`yoga-no-fetch: '${decode}' not found: yoga-layout changed, review this patch`);
      return {
        contents: text
          .replace(from, 'function ya(){return w||!0?')
          .replace(decode, 'var d=new Uint8Array(Buffer.from(a.slice(37),"base64"))'),
        loader: 'js',
      };
    });
  },
};

/**
 * With DEV=true in the environment, Ink's reconciler reads its package.json next to itself
 * (`new URL('../package.json', import.meta.url)`): in the bundle that is dist/package.json, which
 * does not exist, so the course died with an internal error. Give it Ink's own package.json instead.
 */
const inkDevPackageJson = {
  name: 'ink-dev-package-json',
  setup(b) {
    b.onLoad({ filter: /[\\/]ink[\\/]build[\\/]reconciler\.js$/ }, (args) => {
      const from = "fs.readFileSync(new URL('../package.json', import.meta.url), 'utf8')";
      const text = readFileSync(args.path, 'utf8');
      if (text.split(from).length !== 2)
        throw new Error(`ink-dev-package-json: ${args.path} changed; review this patch`);
      const pkgText = readFileSync(join(dirname(args.path), '..', 'package.json'), 'utf8');
      return { contents: text.replace(from, JSON.stringify(pkgText)), loader: 'js' };
    });
  },
};

/**
 * The built-in course's outline (src/commands/learn-outline.ts), made with the course parsers now so
 * that the first frame of the TUI needs neither yaml nor zod; it is used only while lessons/ is unchanged.
 */
async function outlineSnapshot() {
  const tmp = join(root, 'dist', `.outline-${process.pid}.mjs`);
  try {
    await build({
      entryPoints: [join(root, 'src/commands/learn-outline.ts')],
      outfile: tmp,
      bundle: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      banner: {
        js: "import { createRequire } from 'node:module'; const require = createRequire(import.meta.url);",
      },
      logLevel: 'warning',
    });
    const { makeOutlineSnapshot } = await import(pathToFileURL(tmp).href);
    const json = await makeOutlineSnapshot().catch((e) => {
      console.warn(`build: ${e?.message ?? e}`);
      return null;
    });
    // The bundle still works without it: the TUI then parses lessons/ before its first frame.
    if (json === null) console.warn('build: no course outline snapshot; the TUI starts slower');
    return json;
  } finally {
    rmSync(tmp, { force: true });
  }
}

mkdirSync(join(root, 'dist'), { recursive: true });
const outline = await outlineSnapshot();
const result = await build({
  entryPoints: { 'cert-tutor': join(root, 'src/cli.ts') },
  outdir: join(root, 'dist'),
  // Code splitting: each command loads only its own code, so `--version` parses almost nothing and
  // the course TUI paints its first frame before the certificate engine is even read.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  metafile: true,
  define: {
    'process.env.NODE_ENV': '"production"',
    __CERT_TUTOR_VERSION__: JSON.stringify(pkg.version),
    ...(outline ? { __CERT_TUTOR_OUTLINE__: JSON.stringify(outline) } : {}),
  },
  banner: {
    js: "import { createRequire as __ctCreateRequire } from 'node:module'; const require = __ctCreateRequire(import.meta.url);",
  },
  plugins: [emptyDevtools, yogaNoFetch, inkDevPackageJson, unicodeFastPaths],
  logLevel: 'warning',
});
chmodSync(join(root, 'dist/cert-tutor.js'), 0o755);
// Chunks of earlier builds (their names carry a content hash) would only bloat the package. Only
// old ones go: a build running at the same moment (or a binary starting) may still need recent ones.
const outputs = new Set(Object.keys(result.metafile.outputs).map((o) => join(root, o)));
const chunkDir = join(root, 'dist', 'chunks');
for (const f of existsSync(chunkDir) ? readdirSync(chunkDir) : []) {
  const path = join(chunkDir, f);
  if (!outputs.has(path) && statSync(path).mtimeMs < Date.now() - 10 * 60_000) rmSync(path, { force: true });
}

// Keep the licence texts of everything bundled (they ship in the package).
const seen = new Set();
const parts = [];
for (const input of Object.keys(result.metafile.inputs)) {
  const m = input.match(/node_modules\/((?:@[^/]+\/)?[^/]+)\//);
  if (!m || seen.has(m[1])) continue;
  seen.add(m[1]);
  const dir = join(root, 'node_modules', m[1]);
  const lic = existsSync(dir) ? readdirSync(dir).find((f) => /^(licen[cs]e|copying)/i.test(f)) : undefined;
  const ver = existsSync(join(dir, 'package.json'))
    ? JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')).version
    : '';
  parts.push(
    `## ${m[1]} ${ver}\n\n${lic ? readFileSync(join(dir, lic), 'utf8').trim() : '(licence file not found; see the package)'}\n`,
  );
}
writeFileSync(
  join(root, 'THIRD_PARTY_LICENSES.txt'),
  `Third-party software bundled in dist/cert-tutor.js\n\n${parts.sort().join('\n')}`,
);
