/** The labels of one level of plan item ("T.2-1", "CIS3", "SP-2020:2"), with a title, for the register's filters. */
import { useEffect, useState } from 'react';
import { api, queryString } from '../api.ts';
import type { Page } from '../activities.ts';
import { useI18n } from '../i18n.tsx';
import type { PlanItem } from './model.ts';

export function usePlanLabels(level: 'output' | 'initiative' | 'goal'): Array<{ value: string; title: string }> {
  const { language } = useI18n();
  const [labels, setLabels] = useState<Array<{ value: string; title: string }>>([]);
  useEffect(() => {
    let current = true;
    api<Page<PlanItem>>('GET', `/api/plans/items${queryString({ level, limit: '200', lang: language })}`).then((page) => {
      if (!current) return;
      // Goals repeat their labels across strategic plans: they are offered with their plan.
      const value = (item: PlanItem) => (level === 'goal' ? `${item.plan}:${item.label}` : item.label);
      const seen = new Map<string, string>();
      for (const item of page.data) if (!seen.has(value(item))) seen.set(value(item), item.title);
      setLabels([...seen.entries()].map(([v, title]) => ({ value: v, title })));
    }, () => undefined);
    return () => {
      current = false;
    };
  }, [level, language]);
  return labels;
}
