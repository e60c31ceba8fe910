// Which errors the person has been told about (GOV.UK validation pattern): errors are reported when they
// submit, never when they leave a field. Showing an error on blur inserts a message above the buttons while
// the mouse is pressed on one, so the button moves away before the mouseup and the click is lost.
// A reported field shows its current error, so it clears as soon as it is corrected; a field that becomes
// wrong afterwards waits for the next submit.
import { useFormikContext } from 'formik';
import { createContext, useContext, useState, type ReactNode } from 'react';

const Reported = createContext<ReadonlySet<string>>(new Set());

/** Value paths ("contacts[0].name") whose errors were reported at the last submit (client's or server's). */
export const useReportedPaths = (): ReadonlySet<string> => useContext(Reported);

export function ReportedErrors({ children }: { children: ReactNode }) {
  const { errors, submitCount, isSubmitting } = useFormikContext<Record<string, unknown>>();
  const [reported, setReported] = useState<{ count: number; paths: ReadonlySet<string> }>({ count: 0, paths: new Set() });
  // Taken during render (React's "state from props" pattern), not in an effect, so the errors and the
  // summary appear in the same paint as the end of the submit. While submitting, errors are not final yet.
  // A reset (reinitialised values, a reset button) starts the count again, with nothing reported.
  if (submitCount !== reported.count && !isSubmitting) {
    setReported({ count: submitCount, paths: new Set(submitCount ? flattenErrors(errors).map(([path]) => path) : []) });
  }
  return <Reported.Provider value={reported.paths}>{children}</Reported.Provider>;
}

/** Formik's nested errors as [value path, message] pairs, in the order of the form. */
export function flattenErrors(errors: unknown, base = ''): [string, string][] {
  if (typeof errors === 'string') return [[base, errors]];
  if (Array.isArray(errors)) return errors.flatMap((e, i) => (e ? flattenErrors(e, `${base}[${i}]`) : []));
  if (errors && typeof errors === 'object') return Object.entries(errors).flatMap(([k, v]) => flattenErrors(v, base ? `${base}.${k}` : k));
  return [];
}
