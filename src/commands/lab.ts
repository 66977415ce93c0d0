/**
 * `cert-tutor lab`: lists the labs; `lab NAME` runs one in line mode (numbered choices from stdin,
 * piped input works); `lab NAME --scenario ID`, `lab mtls --present FILE`, `lab server-identity
 * --server FILE --name HOST` and `lab dual-use --present FILE` run one handshake. Exit 0 when the
 * handshake ran (whatever its outcome), 1 when it could not run, 2 for usage errors.
 */
import { UsageError } from '../cli-args.js';
import { escapeControls } from '../escape.js';
import {
  closeAllLabServers,
  type DualUseResult,
  findLab,
  isDualUseResult,
  isLabId,
  LABS,
  LabError,
  type LabId,
  type LabResult,
  loadCredential,
  loadTrust,
  runDualUse,
  runLabScenario,
  runMtls,
  runServerIdentity,
} from '../labs/index.js';
import { labOutcome } from '../labs/outcome.js';
import { runPlainLab } from '../plain/lab.js';
import { createPlainIO } from '../plain/line-io.js';
import { plainWidth } from '../plain/wrap.js';
import { LAB } from './index.js';
import { renderDualUse, renderLabList, renderLabResult } from './lab-render.js';
import { canPrompt, PromptCancelled, passwordOption, promptPassword } from './password-prompt.js';
import { parseCommand, type Values as SpecValues } from './spec.js';
import type { CommandContext } from './types.js';

type Values = SpecValues<typeof LAB>;

/** Runs one scenario of a lab on the teaching fixtures; an unknown id is a usage error. */
export function runScenario(lab: LabId, id: string, now: Date): Promise<LabResult | DualUseResult> {
  if (!findLab(lab)?.scenarios.some((s) => s.id === id)) {
    const ids = findLab(lab)
      ?.scenarios.map((s) => s.id)
      .join(', ');
    throw new UsageError(`the ${lab} lab has no scenario '${id}' (choose one of: ${ids})`);
  }
  return runLabScenario(lab, id, { now });
}

/** Renders a result as text. */
export const renderResult = (r: LabResult | DualUseResult) =>
  isDualUseResult(r) ? renderDualUse(r) : renderLabResult(r);

function checkOptions(lab: LabId, v: Values): void {
  const given = (k: keyof Values) => v[k] !== undefined;
  const allowed: Record<LabId, (keyof Values)[]> = {
    mtls: ['present', 'key', 'password', 'password-file', 'ca'],
    'server-identity': ['server', 'key', 'password', 'password-file', 'ca', 'name'],
    'dual-use': ['present', 'key', 'password', 'password-file'],
  };
  for (const k of ['present', 'server', 'key', 'password', 'password-file', 'ca', 'name'] as const) {
    if (given(k) && !allowed[lab].includes(k))
      throw new UsageError(`--${k} does not apply to the ${lab} lab`);
  }
  if (given('scenario') && (given('present') || given('server')))
    throw new UsageError('give either --scenario or your own file, not both');
  if (lab === 'server-identity' && given('server') !== given('name'))
    throw new UsageError('server-identity needs both --server FILE and --name HOST');
  if ((given('key') || given('password') || given('password-file')) && !given('present') && !given('server'))
    throw new UsageError(
      `--key, --password and --password-file go with ${lab === 'server-identity' ? '--server' : '--present'} FILE`,
    );
}

async function runOwnFile(
  lab: LabId,
  v: Values,
  now: Date,
  password: string | undefined,
): Promise<LabResult | DualUseResult> {
  const file = (lab === 'server-identity' ? v.server : v.present) as string;
  const cred = { keyPath: v.key, password };
  if (lab === 'mtls')
    return runMtls({
      now,
      presented: await loadCredential(file, cred),
      source: file,
      trust: v.ca ? loadTrust(v.ca) : undefined,
    });
  if (lab === 'server-identity')
    return runServerIdentity({
      now,
      server: await loadCredential(file, cred),
      source: file,
      name: v.name as string,
      trust: v.ca ? loadTrust(v.ca) : undefined,
    });
  return runDualUse(file, v.key as string, { now, source: file, password });
}

/**
 * Runs a lab on the learner's own files. A key or PFX that needs a password nobody gave is asked
 * for on a terminal, without echo (as `inspect` does), and the lab runs again once with it.
 */
async function ownFileAsking(lab: LabId, v: Values, ctx: CommandContext): Promise<LabResult | DualUseResult> {
  const given = await passwordOption(v.password, v['password-file']);
  try {
    return await runOwnFile(lab, v, ctx.now, given);
  } catch (err) {
    if (
      !(err instanceof LabError && err.code === 'wrong-password') ||
      given !== undefined ||
      !canPrompt(ctx.stdin)
    )
      throw err;
    const file = v.key ?? (lab === 'server-identity' ? v.server : v.present);
    let typed: string;
    try {
      typed = await promptPassword(`Password for ${file}: `, ctx);
    } catch (e) {
      if (e instanceof PromptCancelled) throw err;
      throw e;
    }
    return runOwnFile(lab, v, ctx.now, typed);
  }
}

/** `cert-tutor lab [NAME] [...]`. */
export async function run(argv: string[], ctx: CommandContext): Promise<number> {
  const { values: v, positionals } = parseCommand(argv, LAB);
  if (positionals.length > 1) throw new UsageError(`unexpected argument ${positionals[1]}`);
  const name = positionals[0];
  if (name === undefined) {
    if (Object.values(v).some((x) => x !== undefined && x !== false) && !v.json && !v.plain)
      throw new UsageError('name a lab first: cert-tutor lab mtls|server-identity|dual-use ...');
    ctx.stdout.write(v.json ? `${JSON.stringify(LABS, null, 2)}\n` : renderLabList(LABS));
    return 0;
  }
  if (!isLabId(name))
    throw new UsageError(`unknown lab '${name}' (labs: ${LABS.map((l) => l.id).join(', ')})`);
  checkOptions(name, v);
  if (
    name === 'dual-use' &&
    v.present !== undefined &&
    v.key === undefined &&
    !/\.(pfx|p12)$/i.test(v.present)
  )
    throw new UsageError(
      'dual-use --present FILE needs --key FILE (or a .pfx/.p12 with --password-file or --password)',
    );
  // Ctrl+C during a handshake: close the lab's server and sockets before leaving.
  const onSigint = () => {
    void closeAllLabServers().then(() => process.exit(130));
  };
  process.once('SIGINT', onSigint);
  try {
    const oneRun = v.scenario ?? v.present ?? v.server;
    if (oneRun === undefined) {
      if (v.json) {
        ctx.stdout.write(`${JSON.stringify(findLab(name), null, 2)}\n`);
        return 0;
      }
      // No SIGINT handler of its own: Ctrl+C goes to onSigint above (servers closed, exit 130).
      const isTty = (ctx.stdin as { isTTY?: boolean }).isTTY === true;
      const io = createPlainIO(ctx.stdin, ctx.stdout, { width: plainWidth(ctx.env), echo: !isTty });
      try {
        await runPlainLab({
          io,
          lab: name,
          run: (id) => runScenario(name, id, ctx.now),
          render: renderResult,
          outcome: labOutcome,
        });
      } finally {
        io.close();
      }
      return 0;
    }
    const result = v.scenario
      ? await runScenario(name, v.scenario, ctx.now)
      : await ownFileAsking(name, v, ctx);
    // The result quotes the learner's own certificate (its names): escaped for the terminal (src/escape.ts).
    ctx.stdout.write(
      v.json ? `${JSON.stringify(result, null, 2)}\n` : escapeControls(renderResult(result), true),
    );
    return 0;
  } finally {
    process.removeListener('SIGINT', onSigint);
  }
}
