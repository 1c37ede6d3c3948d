/** A round as the API gives it, loaded for a screen and replaced by what a change answers. */
import { useCallback, useEffect, useState } from 'react';
import { api } from '../api.ts';
import { roundPath, type Round } from './model.ts';

export function useRound(code: string): { round: Round | null; setRound(round: Round): void; error: unknown; reload(): void } {
  const [round, setRound] = useState<Round | null>(null);
  const [error, setError] = useState<unknown>(null);
  const reload = useCallback(() => {
    api<Round>('GET', roundPath(code)).then(setRound, setError);
  }, [code]);
  useEffect(reload, [reload]);
  return { round, setRound, error, reload };
}
