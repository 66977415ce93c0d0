import { basename } from 'node:path';
import { useMemo } from 'react';
import { fileEvidence } from '../../course/present-question.js';
import { certCard, certDetails, chainLines } from '../components/cert-card.js';
import { bodyMetrics, Frame } from '../components/frame.js';
import { wrapHanging, wrapLines } from '../components/wrap.js';
import { useKeys } from '../input/use-keys.js';
import { contentWidth, type ScreenProps, toAction } from './screen-props.js';

/** The full inspect view of one fixture: card with every field, details, chain, keys, notes. */
export function InspectScreen({ state, dispatch, theme: t, size, certs, now, isActive }: ScreenProps) {
  const s = state.screen;
  if (s.kind !== 'inspect') throw new Error('InspectScreen needs an inspect screen');
  const { path, index, highlight } = s.target;
  const hidden = s.target.isVerdictHidden === true;
  const width = contentWidth(size.columns);
  const data = certs[path];
  const lines = useMemo(() => {
    if (!data) return [t.paint('muted', `${t.sym.info} loading the certificate...`)];
    if ('error' in data) return wrapLines(t.paint('danger', `${t.sym.cross} ${data.error}`), width);
    const { file } = data;
    const out: string[] = [];
    const cert = file.certificates[index];
    if (file.error) out.push(...wrapLines(t.paint('danger', `${t.sym.cross} ${file.error}`), width));
    // Before a quiz answer: every field, but not the engine's summary, purposes or findings.
    if (cert)
      out.push(
        ...certCard(cert, highlight, width, t, true, hidden),
        ...(hidden ? [] : ['', ...certDetails(cert, width, t)]),
      );
    if (!hidden && (file.certificates.length > 1 || file.chains.some((c) => c.length > 1)))
      out.push('', ...chainLines(file, file.chainReports, width, t));
    if (hidden) {
      out.push('', t.paint('heading', 'The file'));
      for (const l of fileEvidence(file, true)) out.push(...wrapHanging(l, width, `${t.sym.bullet} `));
      return out;
    }
    if (file.privateKeys.length) {
      out.push('', t.paint('heading', 'Private keys (described, never shown)'));
      for (const k of file.privateKeys) {
        const bits = [
          k.algorithm,
          k.size ? `${k.size} bits` : '',
          k.curve ?? '',
          k.format,
          k.keySpec ? `KeySpec ${k.keySpec}` : '',
        ];
        out.push(...wrapHanging(bits.filter(Boolean).join(', '), width, `${t.sym.bullet} `));
      }
    }
    for (const n of file.notes) out.push(...wrapHanging(n, width, `${t.sym.info} `));
    return out;
  }, [data, index, highlight, width, t, hidden]);
  const { maxScroll, height: pageLines } = bodyMetrics(lines.length, size);
  useKeys('inspect', (intent, n) => dispatch(toAction(intent, n, { maxScroll, pageLines, now })), isActive);
  return (
    <Frame
      title={`Inspect: ${s.target.label ?? basename(path)}${index > 0 ? ` #${index}` : ''}`}
      lines={lines}
      scroll={s.scroll}
      scope="inspect"
      size={size}
      theme={t}
      status={state.notice}
    />
  );
}
