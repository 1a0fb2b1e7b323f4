// schemacode ui: a left rail of tables, one view at a time (schema, migrations, data), routed by the hash.
import { get, el } from './api.js';
import { showSchema, showTable } from './schema.js';
import { showMigrations } from './migrations.js';
import { showData } from './data.js';

const state = { overview: null, schema: null, view: 'schema', table: null };

async function start() {
  try {
    state.overview = await get('overview');
    document.getElementById('database').textContent = state.overview.database;
    const mode = document.getElementById('mode');
    mode.textContent = state.overview.writable ? 'editable · ' + state.overview.environment : 'read-only';
    mode.className = 'mode ' + (state.overview.writable ? 'editable' : 'read-only');
    if (!state.overview.writable) mode.title = state.overview.readOnlyReason;
    state.schema = await get('schema');
  } catch (error) {
    main().replaceChildren(el('p', { class: 'error' }, error.message));
    return;
  }
  document.getElementById('table-search').addEventListener('input', renderRail);
  window.addEventListener('hashchange', route);
  route();
}

export function main() {
  return document.getElementById('main');
}

// Replaces the main area with these nodes; absent parts (null, false) are left out, not printed.
export function show(...nodes) {
  main().replaceChildren(...nodes.flat().filter((node) => node !== null && node !== undefined && node !== false));
}

export function appState() {
  return state;
}

export async function reloadSchema() {
  state.schema = await get('schema');
  renderRail();
}

function renderRail() {
  const search = document.getElementById('table-search').value.trim().toLowerCase();
  const list = document.getElementById('tables');
  const target = state.view === 'schema' ? 'schema' : 'data';
  list.replaceChildren(...state.schema.tables
    .filter((table) => !search || table.name.toLowerCase().includes(search))
    .map((table) => el('li', { class: table.name === state.table ? 'active' : null },
      el('a', { href: '#/' + target + '/' + encodeURIComponent(table.name), 'data-table': table.name, title: table.declaredBy || '' },
        table.name),
      table.rowEstimate !== null && table.rowEstimate >= 0 ? el('span', { class: 'count' }, abbreviate(table.rowEstimate)) : null)));
}

function abbreviate(rows) {
  if (rows >= 1e6) return (rows / 1e6).toFixed(rows >= 1e7 ? 0 : 1) + 'M';
  if (rows >= 1e3) return (rows / 1e3).toFixed(rows >= 1e4 ? 0 : 1) + 'k';
  return String(rows);
}

// The route last shown: a hash that names the same view again (no hash, then '#/schema') keeps the page
// as it is, with whatever the user typed into it, instead of drawing it anew.
let shownRoute = null;

async function route() {
  const [path, query] = location.hash.replace(/^#\/?/, '').split('?');
  const [view, ...rest] = path.split('/');
  const routeKey = JSON.stringify([['schema', 'migrations', 'data'].includes(view) ? view : 'schema', rest, query || '']);
  if (routeKey === shownRoute) return;
  shownRoute = routeKey;
  state.view = ['schema', 'migrations', 'data'].includes(view) ? view : 'schema';
  state.table = rest.length ? decodeURIComponent(rest.join('/')) : null;
  for (const tab of document.querySelectorAll('.tabs a')) {
    tab.classList.toggle('active', tab.dataset.view === state.view);
  }
  renderRail();
  try {
    if (state.view === 'migrations') await showMigrations(state.table);
    else if (state.view === 'data') await showData(state.table, new URLSearchParams(query || ''));
    else if (state.table) await showTable(state.table);
    else await showSchema();
  } catch (error) {
    main().replaceChildren(el('p', { class: 'error' }, error.message));
  }
}

start();
