// The data view: one table's rows, paged, sorted and filtered by the server; foreign keys link to the
// referenced row; rows can be inserted, edited and deleted only when the server says the environment allows it.
import { get, change, el, number } from './api.js';
import { show, appState } from './app.js';

const OPERATORS = [['eq', '='], ['ne', '≠'], ['lt', '<'], ['le', '≤'], ['gt', '>'], ['ge', '≥'],
  ['contains', 'contains'], ['null', 'is null'], ['notnull', 'is not null']];

let view = null; // {table, sort, dir, offset, limit, filters, page}

export async function showData(name, params) {
  const { schema } = appState();
  const table = name ? schema.tables.find((t) => t.name === name) : schema.tables[0];
  if (!table) {
    show(el('p', { class: 'muted' }, name ? 'no table ' + name : 'The database has no tables.'));
    return;
  }
  let filters = [];
  try { filters = JSON.parse(params.get('filter') || '[]'); } catch { filters = []; }
  view = { table, sort: '', dir: 'asc', offset: 0, limit: 50, filters, page: null };
  await load();
}

async function load() {
  const params = { table: view.table.name, offset: view.offset, limit: view.limit, sort: view.sort, dir: view.dir };
  if (view.filters.length) params.filter = JSON.stringify(view.filters);
  try {
    view.page = await get('rows', params);
    render();
  } catch (error) {
    render(error.message);
  }
}

function writable() {
  return appState().overview.writable && view.table.primaryKey;
}

function render(message) {
  const { table, page } = view;
  show(
    el('div', { class: 'toolbar' },
      el('h2', {}, table.name),
      el('a', { class: 'button', href: '#/schema/' + encodeURIComponent(table.name) }, 'Structure'),
      writable() ? el('button', { type: 'button', id: 'row-insert', onclick: () => editor(null) }, 'Insert row') : null,
      !appState().overview.writable ? el('span', { class: 'muted', title: appState().overview.readOnlyReason }, 'read-only')
        : !table.primaryKey ? el('span', { class: 'muted' }, 'read-only: no primary key') : null),
    filterBar(),
    el('div', { id: 'editor-slot' }),
    message ? el('p', { class: 'error', id: 'data-message' }, message) : el('p', { id: 'data-message', class: 'muted' }),
    page ? grid(page) : null,
    page ? pager(page) : null);
}

function filterBar() {
  const column = el('select', { id: 'filter-column' }, view.table.columns.map((c) => el('option', { value: c.name }, c.name)));
  const op = el('select', { id: 'filter-op' }, OPERATORS.map(([value, label]) => el('option', { value }, label)));
  const value = el('input', { id: 'filter-value', type: 'text', placeholder: 'value' });
  const add = () => {
    view.filters = [...view.filters, { column: column.value, op: op.value, value: value.value }];
    view.offset = 0;
    load();
  };
  value.addEventListener('keydown', (event) => { if (event.key === 'Enter') add(); });
  return el('div', { class: 'filters' }, column, op, value, el('button', { type: 'button', id: 'filter-add', onclick: add }, 'Filter'),
    view.filters.map((f, i) => el('span', { class: 'chip' }, f.column + ' ' + OPERATORS.find(([v]) => v === f.op)?.[1] + ' '
      + (['null', 'notnull'].includes(f.op) ? '' : f.value),
      el('button', { type: 'button', class: 'remove', title: 'remove this filter', onclick: () => {
        view.filters = view.filters.filter((_, j) => j !== i);
        view.offset = 0;
        load();
      } }, '×'))));
}

function grid(page) {
  const { table } = view;
  const keyOf = new Map(table.foreignKeys.map((key) => [key.columns[0], key]));
  const head = el('tr', {}, writable() ? el('th', {}) : null, page.columns.map((name) => {
    const sorted = view.sort === name;
    return el('th', { class: 'sortable', 'data-column': name, onclick: () => {
      view.dir = sorted && view.dir === 'asc' ? 'desc' : 'asc';
      view.sort = name;
      view.offset = 0;
      load();
    } }, name, sorted ? (view.dir === 'asc' ? ' ▲' : ' ▼') : '');
  }));
  const rows = page.rows.map((row) => {
    const record = Object.fromEntries(page.columns.map((c, i) => [c, row[i]]));
    return el('tr', { 'data-row': '' },
      writable() ? el('td', { class: 'actions' },
        el('button', { type: 'button', class: 'edit', onclick: () => editor(record) }, 'Edit'),
        el('button', { type: 'button', class: 'delete', onclick: (event) => remove(event.target, record) }, 'Delete')) : null,
      row.map((value, i) => cell(value, page.columns[i], record, keyOf.get(page.columns[i]))));
  });
  return el('div', { class: 'scroll' }, el('table', { class: 'grid data', id: 'grid' }, el('thead', {}, head), el('tbody', {}, rows)));
}

function cell(value, column, record, key) {
  if (value === null) return el('td', { class: 'null' }, 'NULL');
  if (key) {
    // the referenced row: the target table filtered on its key columns
    const filter = key.targetColumns.map((target, i) => ({ column: target, op: 'eq', value: record[key.columns[i]] }));
    return el('td', {}, el('a', { class: 'fk', href: '#/data/' + encodeURIComponent(key.target) + '?filter='
      + encodeURIComponent(JSON.stringify(filter)), title: 'open the ' + key.target + ' row' }, value));
  }
  return el('td', {}, value);
}

function pager(page) {
  const first = page.rows.length ? page.offset + 1 : 0;
  const last = page.offset + page.rows.length;
  const total = page.total.kind === 'exact' ? number(page.total.rows)
    : page.total.kind === 'estimate' ? '≈ ' + number(page.total.rows) : 'more than ' + number(page.total.rows);
  return el('div', { class: 'pager' },
    el('button', { type: 'button', id: 'page-prev', disabled: page.offset === 0, onclick: () => {
      view.offset = Math.max(0, view.offset - view.limit);
      load();
    } }, '← Previous'),
    el('span', { id: 'page-info' }, 'rows ' + number(first) + '–' + number(last) + ' of ' + total),
    el('button', { type: 'button', id: 'page-next', disabled: !page.more, onclick: () => {
      view.offset += view.limit;
      load();
    } }, 'Next →'));
}

function keyOf(record) {
  return Object.fromEntries(view.table.primaryKey.columns.map((c) => [c, record[c]]));
}

async function remove(button, record) {
  if (!button.classList.contains('confirm')) {
    button.classList.add('confirm');
    button.textContent = 'Delete?';
    return;
  }
  try {
    await change('DELETE', { table: view.table.name, key: keyOf(record) });
    await load();
  } catch (error) {
    render(error.message);
  }
}

// The row editor: insert (blank fields take their defaults) or edit (only changed fields are sent).
async function editor(record) {
  const { table } = view;
  let whole = null;
  if (record) {
    const filter = table.primaryKey.columns.map((c) => ({ column: c, op: 'eq', value: record[c] }));
    const page = await get('rows', { table: table.name, filter: JSON.stringify(filter), whole: 'true', limit: 1 });
    if (!page.rows.length) {
      render('That row is gone (changed or deleted meanwhile?).');
      return;
    }
    whole = Object.fromEntries(page.columns.map((c, i) => [c, page.rows[0][i]]));
  }
  const fields = table.columns.map((column) => {
    const value = whole ? whole[column.name] : null;
    const input = el('input', { type: 'text', name: column.name, value: value ?? '',
      placeholder: !whole && (column.identity || column.defaultExpression) ? 'default' : !whole && column.nullable ? 'NULL' : '' });
    const isNull = column.nullable ? el('input', { type: 'checkbox', name: column.name + '-null', checked: whole !== null && value === null }) : null;
    return { column, input, isNull, original: value };
  });
  const form = el('form', { class: 'editor', id: 'editor' },
    el('h3', {}, record ? 'Edit row' : 'Insert row'),
    el('div', { class: 'fields' }, fields.map(({ column, input, isNull }) => el('label', {},
      el('span', { class: 'name' }, column.name), el('span', { class: 'type' }, column.type), input,
      isNull ? el('span', { class: 'null-box' }, isNull, ' NULL') : null))),
    el('div', { class: 'buttons' },
      el('button', { type: 'submit', id: 'editor-save' }, record ? 'Save' : 'Insert'),
      el('button', { type: 'button', onclick: () => form.remove() }, 'Cancel')));
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const values = {};
    for (const { column, input, isNull, original } of fields) {
      const value = isNull && isNull.checked ? null : input.value;
      if (whole) {
        if (value !== original) values[column.name] = value;
      } else if (value !== '' && value !== null) {
        values[column.name] = value;
      } else if (value === null) {
        values[column.name] = null;
      }
    }
    try {
      if (whole) await change('PUT', { table: table.name, key: keyOf(whole), values });
      else await change('POST', { table: table.name, values });
      await load();
    } catch (error) {
      const message = document.getElementById('data-message');
      message.textContent = error.message;
      message.className = 'error';
    }
  });
  document.getElementById('editor-slot').replaceChildren(form);
  fields[0]?.input.focus();
}
