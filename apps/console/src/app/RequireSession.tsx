// The signed-in part of the console. Without a session it sends the person to the sign-in page,
// saying why (`reason=expired`: the API stopped accepting the token; `signed-out`) and, for an ended
// session or a link opened without one, where they were going (`next`), so that signing in brings
// them there.
import { Navigate, Outlet, useLocation } from 'react-router';
import { useSessionState } from '../auth/session';

export function RequireSession() {
  const { session, ended } = useSessionState();
  const location = useLocation();
  if (session) return <Outlet />;
  const search = new URLSearchParams();
  if (ended) search.set('reason', ended);
  const here = `${location.pathname}${location.search}${location.hash}`;
  // After signing out, the next person starts from their own home page.
  if (ended !== 'signed-out' && here !== '/') search.set('next', here);
  const query = search.toString();
  return <Navigate to={`/sign-in${query ? `?${query}` : ''}`} replace />;
}
