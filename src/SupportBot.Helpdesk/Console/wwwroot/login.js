// Signs in through the JSON API (sets the console cookie), then returns to the page that sent us here.
(function () {
  'use strict';
  const form = document.getElementById('login-form');
  const error = document.getElementById('login-error');

  function returnUrl() {
    const target = new URLSearchParams(location.search).get('ReturnUrl') || '/helpdesk';
    // Only local console paths: never an open redirect.
    return target.startsWith('/helpdesk') && !target.startsWith('//') ? target : '/helpdesk';
  }

  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    error.hidden = true;
    const response = await fetch('/api/helpdesk/login', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userName: form.userName.value, password: form.password.value }),
    });
    if (response.ok) {
      location.href = returnUrl();
      return;
    }
    const body = await response.json().catch(() => ({}));
    error.textContent = body.error || 'ログインできませんでした。';
    error.hidden = false;
  });
  document.getElementById('login-button').disabled = false; // ready: submitting now goes through the handler above
})();
