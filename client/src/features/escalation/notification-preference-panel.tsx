// Each person chooses: one email per reminder/escalation, or one daily digest listing them all.
import { useState } from 'react';
import { type PreferenceDto, escalationApi } from './escalation-api';
import { useLoad } from './use-load';

export function NotificationPreferencePanel() {
  const [pref, reload] = useLoad(() => escalationApi.preference(), 'preference');
  const [message, setMessage] = useState('');
  const choose = async (mode: PreferenceDto['mode']) => {
    try {
      await escalationApi.setPreference(mode);
      setMessage(mode === 'digest' ? 'You will get one email a day.' : 'You will get each email as it happens.');
      reload();
    } catch (e) {
      setMessage((e as Error).message);
    }
  };
  if (pref.state !== 'ready') return <p role="status">{pref.state === 'error' ? pref.message : 'Loading your email preference…'}</p>;
  return (
    <fieldset className="govuk-fieldset notification-preference">
      <legend className="govuk-fieldset__legend govuk-fieldset__legend--m">How should we email you about your tasks?</legend>
      <div className="govuk-radios govuk-radios--small">
        {(['immediate', 'digest'] as const).map((mode) => (
          <div className="govuk-radios__item" key={mode}>
            <input className="govuk-radios__input" type="radio" id={`pref-${mode}`} name="notification-mode" checked={pref.data.mode === mode} onChange={() => void choose(mode)} />
            <label className="govuk-label govuk-radios__label" htmlFor={`pref-${mode}`}>{mode === 'immediate' ? 'One email per reminder or escalation' : 'A daily digest (one email each morning)'}</label>
          </div>
        ))}
      </div>
      {message ? <p role="status">{message}</p> : null}
    </fieldset>
  );
}
