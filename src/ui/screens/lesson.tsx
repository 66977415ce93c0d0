import { useEffect, useMemo } from 'react';
import { bodyMetrics, Frame } from '../components/frame.js';
import { renderMarkdown } from '../components/markdown.js';
import { wrapLines } from '../components/wrap.js';
import { keyName } from '../input/key-map.js';
import { useKeys } from '../input/use-keys.js';
import { lessonById } from '../state/course-nav.js';
import { COMPACT_CARD_ROWS, cardLines } from './cert-lines.js';
import { labOfferLines } from './lab-lines.js';
import { contentWidth, type ScreenProps, toAction } from './screen-props.js';

/** The lesson reader: one page, Markdown and certificate cards, wrapped to the terminal. */
export function LessonScreen(props: ScreenProps) {
  const { state, dispatch, theme: t, size, certs, now, isActive, isMarkdownReady } = props;
  if (state.screen.kind !== 'lesson') throw new Error('LessonScreen needs a lesson screen');
  const { lessonId, page, scroll } = state.screen;
  const lesson = lessonById(state.course, lessonId);
  const width = contentWidth(size.columns);
  const blocks = lesson.pages[page]?.blocks ?? [];
  // Which of this page's reports have arrived: one string, so the dependency list keeps its length.
  const certKey = blocks.map((b) => (b.type === 'cert' ? (certs[b.path] ? 'y' : 'n') : '-')).join('');
  // biome-ignore lint/correctness/useExhaustiveDependencies: certKey stands for the reports this page shows
  const lines = useMemo(() => {
    const out: string[] = [];
    for (const b of blocks) {
      if (out.length) out.push('');
      out.push(
        ...(b.type === 'markdown'
          ? renderMarkdown(b.text, width, t)
          : b.type === 'lab'
            ? labOfferLines(b, width, t)
            : b.type === 'exercise'
              ? wrapLines(
                  t.paint(
                    'accent',
                    `${t.sym.arrowRight} Hands-on exercise ${b.id}: make it with openssl or PowerShell; it is checked as you save. Press x to open it.`,
                  ),
                  width,
                )
              : cardLines(
                  certs,
                  b.path,
                  b.index,
                  b.highlight,
                  width,
                  t,
                  false,
                  size.rows < COMPACT_CARD_ROWS,
                )),
      );
    }
    if (page === lesson.pages.length - 1) {
      out.push(
        '',
        t.paint(
          'accent',
          state.isCourseReady
            ? `${t.sym.arrowRight} Next: the quiz (${lesson.quiz.length} questions). Press Enter.`
            : `${t.sym.arrowRight} Next: the quiz. Press Enter.`,
        ),
      );
    }
    return out;
  }, [blocks, width, t, page, lesson, certKey, isMarkdownReady, size.rows]);
  // Render the neighbouring pages once this frame is out, so the next page turn finds them ready.
  // biome-ignore lint/correctness/useExhaustiveDependencies: once marked is loaded, render them again with it
  useEffect(() => {
    const id = setTimeout(() => {
      for (const p of [page + 1, page - 1])
        for (const b of lesson.pages[p]?.blocks ?? [])
          if (b.type === 'markdown') renderMarkdown(b.text, width, t);
    }, 0);
    return () => clearTimeout(id);
  }, [lesson, page, width, t, isMarkdownReady]);
  const { maxScroll, height: pageLines } = bodyMetrics(lines.length, size);
  useKeys('lesson', (intent, n) => dispatch(toAction(intent, n, { maxScroll, pageLines, now })), isActive);
  const hasCard = blocks.some((b) => b.type === 'cert');
  const hasLab = blocks.some((b) => b.type === 'lab');
  const hasExercise = blocks.some((b) => b.type === 'exercise');
  const keysNote = [hasCard ? 'i: inspect' : '', hasLab ? 't: TLS lab' : '', hasExercise ? 'x: exercise' : '']
    .filter(Boolean)
    .join(', ');
  return (
    <Frame
      title={`Lesson ${lesson.number}: ${lesson.title}  ${t.sym.vLine} page ${page + 1}/${lesson.pages.length}${keysNote ? `  (${keysNote})` : ''}`}
      lines={lines}
      scroll={scroll}
      scope="lesson"
      unavailable={hasCard ? [] : ['inspect']}
      size={size}
      theme={t}
      status={
        state.notice ??
        (scroll < maxScroll
          ? `more below: ${keyName({ special: 'rightArrow' }, t.unicode)} or Space reads on`
          : null)
      }
    />
  );
}
