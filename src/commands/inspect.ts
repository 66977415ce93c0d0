import { UsageError } from '../cli-args.js';
import { escapeControls, escapeDeep } from '../escape.js';
// Engine modules are imported one by one (not through src/pki/index.ts) so that a certificate file
// never evaluates the container code (PKCS#12, PKCS#7): it loads on first use.
import { buildChains } from '../pki/chain.js';
import { noteRevokedAcrossFiles } from '../pki/crl-report.js';
import * as engine from '../pki/inspect-file.js';
import type { ChainReport, FileReport } from '../pki/types.js';
import { parseAtOption } from './at-option.js';
import { INSPECT } from './index.js';
import { renderChain, renderFileReport } from './inspect-render.js';
import { fetchLive, isLiveUrl, pemOf } from './live-source.js';
import { canPrompt, PromptCancelled, passwordOption, promptPassword } from './password-prompt.js';
import { parseCommand } from './spec.js';
import type { CommandContext } from './types.js';

/** Reads stdin up to the file size limit (memory stays bounded for a huge pipe). */
async function readStdin(stdin: NodeJS.ReadableStream): Promise<Uint8Array | 'too-large'> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of stdin) {
    const b = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    size += b.length;
    if (size > engine.MAX_FILE_BYTES) return 'too-large';
    chunks.push(b);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/**
 * `cert-tutor inspect FILE... [--json] [--at DATE] [--password P | --password-file F]` (- = stdin).
 * A password-protected file with no password given is asked for on a terminal (never echoed).
 */
export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values, positionals } = parseCommand(argv, INSPECT);
  if (positionals.length === 0) throw new UsageError('inspect needs at least one FILE (or - to read stdin)');
  const now = parseAtOption(values.at, ctx.now);
  const pw = await passwordOption(values.password, values['password-file']);
  const opts = { now, ...(pw !== undefined ? { password: pw } : {}) };
  const reports: FileReport[] = [];
  for (const path of positionals) {
    if (isLiveUrl(path)) {
      const live = await fetchLive(path, { servername: values.servername, timeout: values.timeout });
      reports.push(await engine.inspectBytes(pemOf(live.certs), { ...opts, path }));
    } else if (path === '-') {
      const bytes = await readStdin(ctx.stdin);
      reports.push(
        bytes === 'too-large'
          ? engine.errorReport('(stdin)', engine.tooLarge(null))
          : await engine.inspectBytes(bytes, { ...opts, path: '(stdin)' }),
      );
    } else {
      let r = await engine.inspectFile(path, opts);
      if (r.errorCode === 'password-required' && pw === undefined && canPrompt(ctx.stdin)) {
        try {
          const typed = await promptPassword(`Password for ${path}: `, ctx);
          r = await engine.inspectFile(path, { ...opts, password: typed });
        } catch (e) {
          if (!(e instanceof PromptCancelled)) throw e;
        }
      }
      reports.push(r);
    }
  }
  if (reports.some((r) => r.privateKeys.length > 0)) {
    const { noteKeyMatchesAcrossFiles } = await import('../pki/containers/index.js');
    noteKeyMatchesAcrossFiles(reports, engine.certificateDers);
  }
  if (reports.some((r) => r.crl)) noteRevokedAcrossFiles(reports);
  // Chains across the files (text and JSON alike): indexes refer to `certificates`, in file order.
  const across = reports.length > 1 ? await chainsAcrossFiles(reports, now) : null;
  if (values.json) {
    ctx.stdout.write(
      `${JSON.stringify({ files: reports, ...(across ? { acrossFiles: across } : {}) }, null, 2)}\n`,
    );
  } else {
    // Text goes to a terminal: every string from the files is escaped first (src/escape.ts).
    const shown = escapeDeep(reports);
    ctx.stdout.write(shown.map((r) => renderFileReport(r, { color: ctx.color })).join('\n'));
    if (across && across.certificates.length > 1 && across.chains.length > 0) {
      const all = escapeDeep(across.certificates);
      const label = (i: number) => `${all[i]?.file}[${(all[i]?.index ?? 0) + 1}] ${all[i]?.subject ?? ''}`;
      ctx.stdout.write(
        `\nAcross all files:\n${across.chains.map((c) => renderChain(c, label, { color: ctx.color })).join('\n')}\n`,
      );
    }
  }
  for (const r of reports) if (r.error) ctx.stderr.write(`${escapeControls(`${r.path}: ${r.error}`)}\n`);
  return reports.some((r) => r.error) ? 1 : 0;
}

/** Every certificate of every file, and the chains they make together (leaf first). */
async function chainsAcrossFiles(reports: FileReport[], now: Date) {
  const certificates: { file: string; index: number; subject: string }[] = [];
  for (const r of reports)
    for (const c of r.certificates)
      certificates.push({ file: r.path, index: c.index, subject: c.subject.commonName ?? c.subject.text });
  const chains: ChainReport[] = await buildChains(reports.flatMap(engine.certificateDers), now);
  return { certificates, chains };
}
