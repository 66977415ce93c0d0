import { computeAnswer, defaultChoices } from './answer-from.js';
import { type InspectFixture, openFixture } from './fixture-open.js';
import { resolveFixtureRef } from './fixture-ref.js';
import type { RawItem } from './quiz-yaml.js';
import type { QuizFixture, QuizItem, QuizKind } from './types.js';
import type { LineProblem } from './yaml-source.js';

/** The property each computed kind reads when the item does not say `answerFrom`. */
const DEFAULT_ANSWER_FROM: Partial<Record<QuizKind, string>> = {
  classify: 'kind',
  'has-private-key': 'hasPrivateKey',
  keyspec: 'keySpec',
};

/** Kinds whose answer is computed from a fixture: a typed answer alone is not enough. */
const COMPUTED_KINDS: readonly QuizKind[] = ['classify', 'has-private-key', 'keyspec'];

/**
 * Turns a quiz item as written into a ready QuizItem: opens its fixture through the engine,
 * computes `answerFrom`, compares a typed `answer` with the computed one, fills default choices,
 * and checks that answers and `wrong:` keys are among the choices. Problems name the item's lines.
 */
export async function resolveItem(
  raw: RawItem,
  lessonId: string,
  packDir: string,
  inspect: InspectFixture,
): Promise<{ item?: QuizItem; problems: LineProblem[] }> {
  const problems: LineProblem[] = [];
  const fail = (key: string, message: string) => {
    problems.push({ line: raw.lineOf(key), message: `item '${raw.id}': ${message}` });
    return { problems };
  };
  const answerFrom = raw.answerFrom ?? DEFAULT_ANSWER_FROM[raw.kind];
  let fixture: QuizFixture | undefined;
  let computed: string | undefined;
  if (raw.fixture !== undefined) {
    const ref = resolveFixtureRef(raw.fixture, packDir);
    if ('error' in ref) return fail('fixture', ref.error);
    fixture = { ...ref, ...(raw.password !== undefined ? { password: raw.password } : {}) };
    const needsCert = answerFrom !== undefined && !answerFrom.startsWith('has') && answerFrom !== 'keySpec';
    const opened = await openFixture(ref, raw.password, inspect, needsCert || raw.kind === 'classify');
    if ('error' in opened) return fail('fixture', opened.error);
    if (answerFrom !== undefined) {
      const c = computeAnswer(answerFrom, opened.report, ref.index);
      if ('error' in c) return fail(raw.answerFrom ? 'answerFrom' : 'kind', c.error);
      computed = c.value;
    }
  } else if (COMPUTED_KINDS.includes(raw.kind) || raw.answerFrom !== undefined) {
    return fail('kind', `a ${raw.kind} item computes its answer from a certificate; add 'fixture:'`);
  }
  if (COMPUTED_KINDS.includes(raw.kind) && raw.answerFrom !== undefined && raw.answerFrom !== answerFrom) {
    return fail('answerFrom', `a ${raw.kind} item reads answerFrom: ${answerFrom}; change it or the kind`);
  }

  let answer: string[];
  if (computed !== undefined) {
    if (raw.answer && (raw.answer.length !== 1 || raw.answer[0] !== computed)) {
      return fail(
        'answer',
        `answer '${raw.answer.join(', ')}' disagrees with the certificate: the engine computes '${computed}' (answerFrom: ${answerFrom}) from ${raw.fixture}; fix the answer or choose another fixture`,
      );
    }
    answer = [computed];
  } else if (raw.answer) {
    answer = raw.answer;
  } else {
    return fail('kind', "the item has no answer; add 'answer:' (or 'answerFrom:' and a fixture)");
  }

  let choices: string[];
  let authoredChoices = true;
  if (raw.choices) choices = raw.choices;
  else if (answerFrom !== undefined && computed !== undefined) {
    choices = defaultChoices(answerFrom, computed);
    authoredChoices = false;
  } else if (answer.every((a) => a === 'yes' || a === 'no')) {
    // A typed yes/no question needs no list of choices.
    choices = ['yes', 'no'];
    authoredChoices = false;
  } else return fail('kind', "the item has no choices; add 'choices:', the texts the learner picks from");

  const dup = choices.find((c, i) => choices.indexOf(c) !== i);
  if (dup !== undefined) return fail('choices', `choice '${dup}' appears twice; remove one`);
  if (raw.kind !== 'multi-choice' && answer.length !== 1) {
    return fail(
      'answer',
      `a ${raw.kind} item has exactly one right answer; give one text, or make it multi-choice`,
    );
  }
  const missing = answer.find((a) => !choices.includes(a));
  if (missing !== undefined) {
    const key = computed !== undefined && !raw.answer ? 'choices' : 'answer';
    return fail(
      key,
      `the right answer '${missing}' is not one of the choices; add it to choices or fix the answer`,
    );
  }
  for (const key of Object.keys(raw.wrong)) {
    if (answer.includes(key)) return fail('wrong', `wrong: '${key}' is a right answer; remove it from wrong`);
    if (authoredChoices && !choices.includes(key)) {
      return fail('wrong', `wrong: '${key}' is not one of the choices; use a choice's exact text`);
    }
  }
  return {
    problems,
    item: {
      id: raw.id,
      lessonId,
      kind: raw.kind,
      prompt: raw.prompt,
      ...(fixture ? { fixture } : {}),
      choices,
      answer,
      hint: raw.hint,
      explanation: raw.explanation,
      wrong: raw.wrong,
      source: 'authored',
      ...(raw.order ? { order: raw.order } : {}),
    },
  };
}
