/**
 * An exercise session for the TUI and the line mode: the pack's exercises as views, a check by id,
 * and a folder watcher (fs.watch) that reports changes, debounced, so each save re-checks once.
 */
import { existsSync, type FSWatcher, watch } from 'node:fs';
import { join } from 'node:path';
import { MAX_TEXT_BYTES, readFileCapped } from '../pki/file-limits.js';
import { checkExercise } from './check.js';
import { type ExercisePack, loadExercisePack } from './pack.js';
import type { ExerciseResult, ExerciseView } from './types.js';

export interface ExerciseSession {
  workspace: string;
  views: ExerciseView[];
  check(id: string, now: Date): Promise<ExerciseResult>;
  /**
   * Calls `onChange` after files in the exercise's folder change (50 ms after the last event);
   * returns a function that stops watching, or null when the folder cannot be watched.
   */
  watch(id: string, onChange: () => void): (() => void) | null;
}

/** How long a burst of file events (an editor's save, openssl writing a file) is waited out. */
export const WATCH_DEBOUNCE_MS = 50;

/** A session over `workspace` with the pack in `pack` (already checked for problems). */
export function exerciseSession(workspace: string, pack: ExercisePack = loadExercisePack()): ExerciseSession {
  const views: ExerciseView[] = pack.exercises.map((e) => ({
    id: e.id,
    title: e.title,
    lesson: e.lesson,
    produce: e.produce,
    hints: e.hints,
    ...(e.question ? { question: e.question } : {}),
    solution: readFileCapped(join(e.dir, 'solution.sh'), MAX_TEXT_BYTES).toString('utf8'),
    folder: join(workspace, e.id),
  }));
  return {
    workspace,
    views,
    check: (id, now) => {
      const e = pack.exercises.find((x) => x.id === id);
      if (!e) return Promise.reject(new Error(`no exercise '${id}'`));
      return checkExercise(e, join(workspace, id), now);
    },
    watch: (id, onChange) => {
      const folder = join(workspace, id);
      if (!existsSync(folder)) return null;
      let timer: NodeJS.Timeout | undefined;
      let w: FSWatcher;
      try {
        w = watch(folder, { persistent: false }, () => {
          clearTimeout(timer);
          timer = setTimeout(onChange, WATCH_DEBOUNCE_MS);
        });
        w.on('error', () => w.close());
      } catch {
        return null;
      }
      return () => {
        clearTimeout(timer);
        w.close();
      };
    },
  };
}
