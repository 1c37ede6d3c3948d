/**
 * The office's part of its region's section exactly as the compiled report prints it, redrawn a
 * moment after typing pauses. The HTML is the server's own renderer's, escaped there; it is shown
 * in a sandboxed frame (no scripts, no same origin), so even a mistake there cannot reach the page.
 */
import { useEffect, useState } from 'react';
import { api } from '../api.ts';
import { directionOf, useI18n, type Language } from '../i18n.tsx';
import { contributionPath, type ContributionContent } from './model.ts';

const PREVIEW_AFTER_MS = 600;

/** A page around the fragment, in the content's language and direction, set as the report sets it. */
function framed(fragment: string, language: Language): string {
  return `<!doctype html><html lang="${language}" dir="${directionOf(language)}"><head><meta charset="utf-8"><style>body{font-family:'Times New Roman','Noto Serif','Noto Naskh Arabic',serif;font-size:12pt;line-height:1.4;margin:1rem;color:#000}ol{padding-inline-start:1.5rem}li{margin:0.3rem 0}</style></head><body>${fragment}</body></html>`;
}

export function ContributionPreview({ code, office, content }: { code: string; office: string; content: ContributionContent }) {
  const { t, language } = useI18n();
  const [html, setHtml] = useState<string | null>(null);
  const [failed, setFailed] = useState(false);

  // Redrawn when the text changes, not when the same text arrives again in a new object.
  const body = JSON.stringify({ content });
  useEffect(() => {
    let current = true;
    const timer = setTimeout(() => {
      api<string>('POST', `${contributionPath(code, office)}/preview?lang=${language}`, { body: JSON.parse(body) as unknown }).then(
        (fragment) => {
          if (!current) return;
          setHtml(typeof fragment === 'string' ? fragment : '');
          setFailed(false);
        },
        () => current && setFailed(true),
      );
    }, PREVIEW_AFTER_MS);
    return () => {
      current = false;
      clearTimeout(timer);
    };
  }, [code, office, body, language]);

  return (
    <section aria-labelledby="preview-title" className="contribution-preview">
      <h2 id="preview-title">{t('rounds.editor.preview')}</h2>
      {failed ? <p className="warning">{t('rounds.editor.previewFailed')}</p> : null}
      {html === null ? failed ? null : <p role="status">{t('app.loading')}</p> : <iframe className="preview" title={t('rounds.editor.preview')} sandbox="" srcDoc={framed(html, content.language)} />}
    </section>
  );
}
