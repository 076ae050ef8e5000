// Consent Gateway demo page: signs in through the sandbox's demo identity provider, starts flows, and shows
// consents, accounts, transactions and income reports through the gateway's REST API. Plain JavaScript, no build.
'use strict';

const TOKEN_KEY = 'cg.demo.token';
const USER_KEY = 'cg.demo.user';
const $ = (id) => document.getElementById(id);
const KIND_LABELS = { ONGOING_ACCESS: 'Ongoing access', ONE_TIME_ACCESS: 'One-time access', INCOME_REPORT: 'Income report' };
const OUTCOME_TEXT = {
  COMPLETED: ['ok', 'Connected. Your new consent is listed below.'],
  CANCELLED: ['info', 'You cancelled in the widget. Nothing was connected; you can try again any time.'],
  FAILED: ['bad', 'The connection failed. Please try again.'],
  EXPIRED: ['bad', 'The connection took too long and expired. Please start again.'],
  IN_PROGRESS: ['info', 'The connection is still being completed. Refresh in a moment.'],
};
// A flow that completes by confirmation comes back with outcome=CONFIRMATION_REQUIRED and a confirmation code; the page
// then confirms it with the signed-in user's token (POST /api/v1/flows/{id}/completion). Kept here until signed in.
const PENDING_KEY = 'cg.demo.pending-confirmation';

let currentConsent = null;
let nextCursor = null;
let eventsTimer = null;
let eventsSeen = 0;

function token() { return sessionStorage.getItem(TOKEN_KEY); }

async function api(method, path, body) {
  const headers = { Accept: 'application/json', Authorization: 'Bearer ' + token() };
  if (body !== undefined) headers['Content-Type'] = 'application/json';
  const response = await fetch(path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  if (response.status === 401) { signOut(); throw new Error('Your session has ended. Please sign in again.'); }
  if (response.status === 204) return null;
  const data = await response.json().catch(() => null);
  if (!response.ok) throw new Error(problemText(data, response.status));
  return data;
}

function problemText(problem, status) {
  if (!problem) return 'Request failed (' + status + ').';
  const fields = (problem.errors || []).map((e) => e.field + ': ' + e.message).join('; ');
  return (problem.detail || problem.title || 'Request failed') + (fields ? ' ' + fields : '');
}

function text(tag, content, className) {
  const element = document.createElement(tag);
  element.textContent = content == null ? '' : String(content);
  if (className) element.className = className;
  return element;
}

function money(m) {
  if (!m) return '';
  return new Intl.NumberFormat(undefined, { style: 'currency', currency: m.currency }).format(Number(m.amount));
}

function date(iso) { return iso ? new Date(iso).toLocaleString(undefined, { dateStyle: 'medium', timeStyle: 'short' }) : ''; }

function showBanner(kind, message) {
  const banner = $('banner');
  banner.className = 'banner ' + kind;
  banner.textContent = message;
  banner.hidden = false;
}

async function signIn(event) {
  event.preventDefault();
  const user = $('user').value.trim();
  const response = await fetch('/sandbox/idp/token', {
    method: 'POST', headers: { 'Content-Type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ user }),
  });
  if (!response.ok) { showBanner('bad', 'Sign-in failed: use letters, digits and . _ @ - only.'); return; }
  const data = await response.json();
  sessionStorage.setItem(TOKEN_KEY, data.access_token);
  sessionStorage.setItem(USER_KEY, user);
  enterApp();
}

function signOut() {
  if (eventsTimer) { clearInterval(eventsTimer); eventsTimer = null; }
  eventsSeen = 0;
  sessionStorage.removeItem(TOKEN_KEY);
  sessionStorage.removeItem(USER_KEY);
  $('app').hidden = true; $('signin').hidden = false; $('who').hidden = true; $('sign-out').hidden = true;
}

function enterApp() {
  $('signin').hidden = true; $('app').hidden = false;
  $('who').textContent = 'Signed in as ' + sessionStorage.getItem(USER_KEY);
  $('who').hidden = false; $('sign-out').hidden = false;
  loadProviders();
  loadEvents();
  if (!eventsTimer) eventsTimer = setInterval(loadEvents, 2000);
  const pending = sessionStorage.getItem(PENDING_KEY);
  if (pending) {
    sessionStorage.removeItem(PENDING_KEY);
    const { flow, confirmation } = JSON.parse(pending);
    confirmFlow(flow, confirmation);
  } else {
    loadConsents();
  }
}

/** Confirms a flow after its callback; only the user who started it can, with the code handed to this browser. */
async function confirmFlow(flowId, confirmation) {
  showBanner('info', 'Confirming the connection…');
  $('banner').dataset.outcome = 'CONFIRMING';
  try {
    const flow = await api('POST', '/api/v1/flows/' + encodeURIComponent(flowId) + '/completion', { confirmation });
    const [kind, message] = OUTCOME_TEXT[flow.status] || ['info', 'Flow ' + flow.status.toLowerCase() + '.'];
    showBanner(kind, flow.status === 'COMPLETED' ? 'Confirmed. ' + message : message);
    $('banner').dataset.outcome = flow.status;
  } catch (error) {
    showBanner('bad', 'The connection could not be confirmed: ' + error.message);
    $('banner').dataset.outcome = 'CONFIRMATION_REFUSED';
  }
  loadConsents();
}

/** The completion the page asks for (empty: the gateway's setting). */
function completionChoice() {
  return $('completion').value || undefined;
}

async function startFlow(kind) {
  $('start-error').hidden = true;
  const body = { kind, language: $('language').value, completion: completionChoice() };
  if ($('provider').value) body.provider = $('provider').value;
  const iban = $('iban').value.trim();
  if (iban) body.accounts = [iban];
  try {
    const flow = await api('POST', '/api/v1/flows', body);
    window.location.assign(flow.widgetUrl);
  } catch (error) {
    $('start-error').textContent = error.message;
    $('start-error').hidden = false;
  }
}

/** Fills the provider choice from GET /api/v1/providers; a kind the chosen provider does not offer cannot be started. */
async function loadProviders() {
  try {
    const providers = await api('GET', '/api/v1/providers');
    const select = $('provider');
    select.replaceChildren();
    providers.forEach((p) => {
      const option = document.createElement('option');
      option.value = p.id;
      option.textContent = p.id + (p.isDefault ? ' (default)' : '');
      option.dataset.kinds = p.kinds.join(' ');
      select.append(option);
    });
    select.addEventListener('change', offeredKinds);
    offeredKinds();
  } catch (error) {
    // keep "(the default)": the flow then goes to the default provider
  }
}

function offeredKinds() {
  const option = $('provider').selectedOptions[0];
  const kinds = option && option.dataset.kinds ? option.dataset.kinds.split(' ') : null;
  document.querySelectorAll('button.kind').forEach((b) => { b.disabled = kinds !== null && !kinds.includes(b.dataset.kind); });
}

async function loadConsents() {
  const tbody = $('consents').querySelector('tbody');
  try {
    const consents = await api('GET', '/api/v1/consents');
    tbody.replaceChildren(...consents.map(consentRow));
    $('no-consents').hidden = consents.length > 0;
  } catch (error) {
    showBanner('bad', error.message);
  }
}

function consentRow(consent) {
  const row = document.createElement('tr');
  row.dataset.consentId = consent.id;
  row.append(text('td', KIND_LABELS[consent.kind] || consent.kind));
  const status = document.createElement('td');
  status.append(text('span', consent.status.replace('_', ' ').toLowerCase(), 'badge ' + consent.status));
  row.append(status, text('td', date(consent.grantedAt)), text('td', date(consent.expiresAt)), syncedCell(consent.data));
  const actions = document.createElement('td');
  actions.className = 'actions';
  // A one-time consent past the provider's hour stays readable from the gateway's snapshot until its retention ends.
  const snapshot = consent.data && consent.data.syncedAt && consent.data.retainedUntil
    && new Date(consent.data.retainedUntil) > new Date();
  const readable = consent.status === 'ACTIVE' || consent.status === 'EXPIRING_SOON' || (snapshot && consent.kind !== 'ONGOING_ACCESS');
  if (readable && consent.kind !== 'INCOME_REPORT') actions.append(button('Accounts', 'show-accounts', () => showData(consent)));
  if (readable && consent.kind === 'INCOME_REPORT') actions.append(button('Report', 'show-report', () => showReport(consent)));
  if (consent.kind === 'ONGOING_ACCESS' && consent.nextAction === 'RENEW') actions.append(button('Renew', 'renew', () => renew(consent)));
  if (consent.status !== 'REVOKED') actions.append(button('Revoke', 'revoke danger', () => revoke(consent)));
  row.append(actions);
  return row;
}

// When the gateway last read the consent's data from the provider, and until when it keeps it (one-time snapshots).
function syncedCell(data) {
  const cell = text('td', data && data.syncedAt ? date(data.syncedAt) : 'not yet', 'synced');
  if (data && data.retainedUntil) cell.append(text('small', ' kept until ' + date(data.retainedUntil)));
  return cell;
}

function button(label, className, onClick) {
  const b = text('button', label, 'small ' + className);
  b.addEventListener('click', onClick);
  return b;
}

function openDetail(consent, title) {
  currentConsent = consent;
  $('detail').hidden = false;
  $('detail-title').textContent = title;
  $('detail-error').hidden = true;
  $('accounts-block').hidden = true; $('transactions-block').hidden = true; $('income-block').hidden = true;
}

function detailError(error) {
  $('detail-error').textContent = error.message;
  $('detail-error').hidden = false;
  loadConsents();
}

async function showData(consent) {
  openDetail(consent, KIND_LABELS[consent.kind]);
  try {
    const accounts = await api('GET', '/api/v1/consents/' + consent.id + '/accounts');
    $('accounts').querySelector('tbody').replaceChildren(...accounts.map((a) => {
      const row = document.createElement('tr');
      row.append(text('td', a.name || a.id), text('td', a.iban || a.accountNumber || ''), text('td', a.bankName || ''),
        text('td', a.balance ? money(a.balance.amount) : '', 'num'));
      return row;
    }));
    $('accounts-block').hidden = false;
    $('transactions').querySelector('tbody').replaceChildren();
    nextCursor = null;
    await loadTransactions();
    $('transactions-block').hidden = false;
    loadConsents(); // the read may have synced: show the new "Last synced"
  } catch (error) {
    detailError(error);
  }
}

async function loadTransactions() {
  const query = new URLSearchParams({ limit: '25' });
  if (nextCursor) query.set('cursor', nextCursor);
  const page = await api('GET', '/api/v1/consents/' + currentConsent.id + '/transactions?' + query);
  const tbody = $('transactions').querySelector('tbody');
  page.transactions.forEach((t) => {
    const row = document.createElement('tr');
    const amount = t.amount ? Number(t.amount.amount) : 0;
    row.append(text('td', t.bookingDate || t.valueDate || ''), text('td', t.counterpartyName || ''), text('td', t.purpose || ''),
      text('td', money(t.amount), 'num ' + (amount < 0 ? 'neg' : 'pos')));
    tbody.append(row);
  });
  nextCursor = page.nextCursor || null;
  $('more-transactions').hidden = !nextCursor;
}

async function showReport(consent) {
  openDetail(consent, 'Income report');
  try {
    const report = await api('GET', '/api/v1/consents/' + consent.id + '/income-report');
    const currency = report.currency || 'EUR';
    const figure = (label, value) => {
      const box = text('div', '', 'figure');
      box.append(text('div', label, 'label'),
        text('div', value == null ? '–' : money({ amount: value, currency }), 'value'));
      return box;
    };
    const ratio = text('div', '', 'figure');
    ratio.append(text('div', 'Disposable ratio', 'label'),
      text('div', report.disposableIncomeRatio == null ? '–' : Math.round(report.disposableIncomeRatio * 100) + ' %', 'value'));
    $('income-report').replaceChildren(
      figure('Average monthly income', report.income && report.income.average),
      figure('Regular expenses / month', report.regularExpenses && report.regularExpenses.average),
      figure('Disposable income / month', report.disposableIncome && report.disposableIncome.average),
      ratio);
    $('income-block').hidden = false;
  } catch (error) {
    detailError(error);
  }
}

async function renew(consent) {
  try {
    const flow = await api('POST', '/api/v1/consents/' + consent.id + '/renewal',
      { language: $('language').value, completion: completionChoice() });
    window.location.assign(flow.widgetUrl);
  } catch (error) {
    showBanner('bad', error.message);
  }
}

async function revoke(consent) {
  if (!window.confirm('Revoke this consent? The gateway destroys its tokens.')) return;
  try {
    await api('DELETE', '/api/v1/consents/' + consent.id);
    if (currentConsent && currentConsent.id === consent.id) $('detail').hidden = true;
    showBanner('info', 'Consent revoked.');
    loadConsents();
  } catch (error) {
    showBanner('bad', error.message);
  }
}

/**
 * The webhooks the gateway sent about the signed-in user, newest first: in the demo they go to the sandbox's receiver,
 * which stands in for the fintech's backend. A new consent event refreshes the list of consents: the backend heard of
 * the change before anybody asked.
 */
async function loadEvents() {
  const user = sessionStorage.getItem(USER_KEY);
  if (!user) return;
  const response = await fetch('/sandbox/webhooks?userId=' + encodeURIComponent(user), { headers: { Accept: 'application/json' } })
    .catch(() => null);
  if (!response || !response.ok) return;
  const deliveries = await response.json().catch(() => []);
  const byId = new Map();
  deliveries.forEach((d) => byId.set(d.headers['webhook-id'], d)); // a retry is the same event
  const events = [...byId.values()].reverse();
  const body = document.querySelector('#events tbody');
  body.replaceChildren(...events.slice(0, 20).map((d) => {
    const row = document.createElement('tr');
    const data = (d.body && d.body.data) || {};
    row.append(text('td', date(d.receivedAt)), text('td', d.body.type, 'event-type'), text('td', data.status || ''),
      text('td', data.consentId ? data.consentId.slice(0, 8) + '…' : ''));
    return row;
  }));
  $('no-events').hidden = events.length > 0;
  const fresh = events.length > eventsSeen && eventsSeen > 0
    && events.slice(0, events.length - eventsSeen).some((d) => d.body.type.startsWith('consent.'));
  eventsSeen = events.length;
  if (fresh) loadConsents();
}

function showOutcomeOfCallback() {
  const params = new URLSearchParams(window.location.search);
  const outcome = params.get('outcome');
  if (!outcome) return;
  if (outcome === 'CONFIRMATION_REQUIRED') {
    // Confirmed once signed in (enterApp); the code leaves the address bar at once.
    sessionStorage.setItem(PENDING_KEY, JSON.stringify({ flow: params.get('flow'), confirmation: params.get('confirmation') }));
    window.history.replaceState(null, '', '/');
    if (!token()) showBanner('info', 'Sign in as the user who started the connection to confirm it.');
    return;
  }
  const [kind, message] = OUTCOME_TEXT[outcome] || ['info', 'Flow ' + outcome.toLowerCase() + '.'];
  showBanner(kind, message);
  $('banner').dataset.outcome = outcome;
  window.history.replaceState(null, '', '/');
}

document.addEventListener('DOMContentLoaded', () => {
  $('signin-form').addEventListener('submit', signIn);
  $('sign-out').addEventListener('click', signOut);
  $('refresh').addEventListener('click', loadConsents);
  $('close-detail').addEventListener('click', () => { $('detail').hidden = true; });
  $('more-transactions').addEventListener('click', () => loadTransactions().catch(detailError));
  document.querySelectorAll('button.kind').forEach((b) => b.addEventListener('click', () => startFlow(b.dataset.kind)));
  showOutcomeOfCallback();
  if (token()) enterApp();
});
