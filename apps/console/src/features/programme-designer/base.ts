import { useLocation } from 'react-router';

/** The page's place in the console: /regulator/programme-designs or /negotiator/programme-designs. */
export function useDesignsBase(): string {
  const section = useLocation().pathname.split('/')[1] || 'regulator';
  return `/${section}/programme-designs`;
}
