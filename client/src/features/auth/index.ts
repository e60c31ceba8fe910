// Public surface of the auth feature for the app shell and every other feature.
export { apiFetch, ApiError, csrfHeaders, setCsrfToken, onUnauthenticated, type FieldErrors } from './api-fetch';
export { SessionProvider, useSectionName, useSession, type SessionApi, type SessionUser, type SessionView } from './session-context';
export { SignInPage } from './sign-in-page';
export { RequireSession, UserMenu } from './require-session';
export { ChangePasswordPage } from './change-password-page';
