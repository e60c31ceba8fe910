// Display-only components. Text is a small, safe Markdown subset (headings, lists, paragraphs, **bold**)
// with form-js templating (feelers: {{ name }}, {{#if …}}, {{#loop …}}, or one "=…" expression):
// React escapes everything, so a form author cannot inject HTML into a practitioner's page.
import type { ReactNode } from 'react';
import { renderTemplate, type FeelScope, type FormComponent } from '../../../../../server/src/forms-core';

function inline(text: string): ReactNode[] {
  return text.split(/(\*\*[^*]+\*\*)/g).map((part, i) => (part.startsWith('**') && part.endsWith('**') ? <strong key={i}>{part.slice(2, -2)}</strong> : part));
}

export function TextView({ component, scope = {} }: { component: FormComponent; scope?: FeelScope }) {
  const raw = String(component.text ?? '');
  // The same templating as labels (form-templates.ts); a text that is one FEEL expression is evaluated whole.
  const text = renderTemplate(raw, scope);
  const blocks = text.split(/\n{2,}/);
  return (
    <div className="form-text">
      {blocks.map((block, i) => {
        const heading = /^(#{1,6})\s+(.*)$/.exec(block.trim());
        if (heading) {
          const level = Math.min(6, heading[1].length + 1);
          const Tag = `h${level}` as 'h2';
          return <Tag key={i}>{inline(heading[2])}</Tag>;
        }
        const lines = block.split('\n');
        if (lines.every((l) => /^\s*[-*]\s+/.test(l))) return <ul key={i}>{lines.map((l, j) => <li key={j}>{inline(l.replace(/^\s*[-*]\s+/, ''))}</li>)}</ul>;
        return <p key={i}>{inline(block)}</p>;
      })}
    </div>
  );
}

export function SeparatorView() {
  return <hr className="form-separator" />;
}

/** form-js's spacer: empty vertical space, 60 px unless the form says otherwise (capped so a typo cannot blank a page). */
export function SpacerView({ height }: { height?: number }) {
  const px = typeof height === 'number' && height >= 0 ? Math.min(height, 400) : 60;
  return <div className="form-spacer" aria-hidden="true" style={{ height: `${px}px` }} />;
}
