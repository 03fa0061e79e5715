/**
 * The draft's flowchart, drawn by Mermaid (bundled, loaded with this view only) from the text the
 * server made of the draft: steps with who does them, SLAs and clocks, rung times, role-gated
 * outcomes. The last good drawing stays while a new one is made; the Mermaid text is beneath it.
 */
import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Mermaid } from 'mermaid';

let ready: Promise<Mermaid> | undefined;

function loadMermaid() {
  ready ??= import('mermaid').then(({ default: mermaid }) => {
    mermaid.initialize({
      startOnLoad: false,
      securityLevel: 'strict',
      theme: 'neutral',
      fontFamily: 'Vazirmatn, system-ui, sans-serif',
      flowchart: { htmlLabels: true, useMaxWidth: true },
    });
    return mermaid;
  });
  return ready;
}

export function MermaidView({ text }: { text: string | undefined }) {
  const { t } = useTranslation();
  const id = useId().replace(/[^a-zA-Z0-9]/g, '');
  const target = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);
  const round = useRef(0);

  useEffect(() => {
    if (!text) return;
    const mine = ++round.current;
    loadMermaid()
      .then((mermaid) => mermaid.render(`diagram-${id}-${mine}`, text))
      .then(({ svg }) => {
        if (mine !== round.current || !target.current) return;
        target.current.innerHTML = svg;
        setFailed(false);
      })
      .catch(() => mine === round.current && setFailed(true));
  }, [text, id]);

  return (
    <div className="diagram">
      <div
        ref={target}
        className="mermaid-drawing"
        dir="ltr"
        role="img"
        aria-label={t('design.diagram.label')}
        data-diagram
      />
      {failed ? <p className="alert">{t('design.diagram.failed')}</p> : null}
      {text ? (
        <details>
          <summary>{t('design.diagram.source')}</summary>
          <pre dir="ltr" lang="en">
            {text}
          </pre>
        </details>
      ) : null}
    </div>
  );
}
