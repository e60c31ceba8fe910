import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { BrowserRouter } from 'react-router-dom';
import { App } from './shell/app-shell';
import './shell/app.scss';

// govuk-frontend's components style their script-enhanced form (tabs, service navigation) under this class;
// the React components supply that behaviour themselves.
document.body.classList.add('govuk-frontend-supported');

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <BrowserRouter>
      <App />
    </BrowserRouter>
  </StrictMode>,
);
