// The sign-in page: name and password, and at a first sign-in the new password that replaces the one-time one.
(function () {
  'use strict';
  const { api, describe } = window.Lanyard;

  const form = document.getElementById('signin-form');
  const nameInput = document.getElementById('signin-name');
  const passwordInput = document.getElementById('signin-password');
  const newPasswordStep = document.getElementById('new-password-step');
  const newPasswordInput = document.getElementById('signin-new-password');
  const submitButton = document.getElementById('signin-submit');
  const errorBox = document.getElementById('signin-error');

  /** Where to go once signed in: `next` only when it is a path on this station (never another site). */
  function destination() {
    const next = new URLSearchParams(location.search).get('next') || '';
    return next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/\\') ? next : '/';
  }

  function showError(text) {
    errorBox.textContent = text;
  }

  function setBusy(busy) {
    submitButton.disabled = busy;
    submitButton.textContent = busy ? 'Signing in…' : newPasswordStep.hidden ? 'Sign in' : 'Save password and sign in';
  }

  /** The server asks for a new password: show the field and say why. */
  function askForNewPassword(error) {
    newPasswordStep.hidden = false;
    newPasswordInput.required = true;
    if (error && error.message) {
      document.getElementById('new-password-note').textContent = describe(error);
    }
    showError('');
    newPasswordInput.focus();
  }

  /** Checks what can be checked here, so that a mistake is named before the server counts a failed attempt. */
  function problemWithInput(body) {
    if (!body.name) return { field: nameInput, text: 'Enter your name.' };
    if (!body.password) return { field: passwordInput, text: 'Enter your password.' };
    if (!newPasswordStep.hidden) {
      if ((body.newPassword || '').length < 10) {
        return { field: newPasswordInput, text: 'The new password needs at least 10 characters.' };
      }
      if (body.newPassword === body.password) {
        return { field: newPasswordInput, text: 'The new password must differ from the one-time password.' };
      }
    }
    return null;
  }

  async function signIn(event) {
    event.preventDefault();
    const body = { name: nameInput.value.trim(), password: passwordInput.value };
    if (!newPasswordStep.hidden) body.newPassword = newPasswordInput.value;
    const problem = problemWithInput(body);
    if (problem) {
      showError(problem.text);
      problem.field.focus();
      return;
    }
    setBusy(true);
    showError('');
    try {
      await api.post('/session', body, { signInOn401: false });
      location.assign(destination());
      return; // stay busy while the browser leaves
    } catch (error) {
      if (error.status === 409 && error.code === 'attention-required') {
        askForNewPassword(error);
      } else {
        showError(describe(error));
        if (error.status === 401) {
          passwordInput.select();
          passwordInput.focus();
        }
      }
    }
    setBusy(false);
  }

  form.addEventListener('submit', signIn);
  // autofocus is not honoured after some navigations; focus the name field ourselves.
  if (document.activeElement !== nameInput) nameInput.focus();
})();
