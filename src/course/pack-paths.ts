import { lstatSync, readdirSync, realpathSync } from 'node:fs';
import { isAbsolute, join, relative, sep } from 'node:path';

/** A symbolic link on the way to a file that a pack may not use: it leaves the folder, or it loops. */
export interface BadLink {
  /** The link, relative to the folder (`fixtures`, `fixtures/ca/root.pem`), with `/` separators. */
  link: string;
  kind: 'leaves' | 'loop';
}

const inside = (root: string, path: string) => {
  const rel = relative(root, path);
  return rel === '' || !(rel === '..' || rel.startsWith(`..${sep}`) || isAbsolute(rel));
};

const codeOf = (e: unknown) => (e as { code?: string }).code;

/**
 * Walks from `root` to `path` (inside it) one name at a time, without following any link itself:
 * each name that is a symbolic link is resolved (realpath) and must stay inside `root`'s real path.
 * Returns the first link that leaves `root` or loops, or undefined when the way is clean. The walk
 * stops at the first name that does not exist, so the answer never depends on whether a path
 * outside the folder exists (opening the missing file reports it).
 */
export function badLinkOnWay(root: string, path: string): BadLink | undefined {
  let realRoot: string;
  try {
    realRoot = realpathSync(root);
  } catch {
    return undefined; // no folder: reported elsewhere
  }
  const names = relative(root, path)
    .split(sep)
    .filter((n) => n !== '' && n !== '.');
  let at = root;
  for (let i = 0; i < names.length; i++) {
    at = join(at, names[i]!);
    const link = names.slice(0, i + 1).join('/');
    let isLink: boolean;
    try {
      isLink = lstatSync(at).isSymbolicLink();
    } catch {
      return undefined;
    }
    if (!isLink) continue;
    try {
      if (!inside(realRoot, realpathSync(at))) return { link, kind: 'leaves' };
    } catch (e) {
      if (codeOf(e) === 'ELOOP') return { link, kind: 'loop' };
      return { link, kind: 'leaves' }; // a dangling link: it points nowhere inside the folder
    }
  }
  return undefined;
}

/** One line for a bad link, naming it: what is wrong and what to do. */
export function badLinkMessage(b: BadLink, where: string): string {
  return b.kind === 'loop'
    ? `'${b.link}' is a symbolic link loop; replace it with the file or folder itself`
    : `'${b.link}' is a symbolic link that leaves ${where}; copy the file into ${where} instead`;
}

/**
 * The files under `dir` (relative, `/`-separated, sorted), found without following any symbolic
 * link: links, devices and FIFOs are skipped, so a walk never leaves the folder and never loops.
 * Unreadable sub-folders are skipped.
 */
export function listRegularFiles(dir: string, keep: (name: string) => boolean): string[] {
  const out: string[] = [];
  const walk = (d: string) => {
    let entries: import('node:fs').Dirent[];
    try {
      entries = readdirSync(d, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    for (const e of entries) {
      const p = join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.isFile() && keep(e.name)) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out;
}
