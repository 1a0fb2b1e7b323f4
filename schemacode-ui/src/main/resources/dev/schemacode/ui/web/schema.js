// The schema view: the ER diagram of every table, and one table's structure.
import { el, number } from './api.js';
import { show, appState, reloadSchema } from './app.js';
import { Diagram } from './diagram.js';

export async function showSchema() {
  await reloadSchema();
  const { schema } = appState();
  const search = el('input', { type: 'search', id: 'diagram-search', placeholder: 'Find in the diagram', autocomplete: 'off' });
  const canvas = el('div', { class: 'diagram', id: 'diagram' });
  const toolbar = el('div', { class: 'toolbar' },
    el('h2', {}, 'Schema'),
    el('span', { class: 'muted' }, schema.tables.length + ' tables · ' + schema.enums.length + ' enum types'),
    search,
    el('button', { type: 'button', id: 'zoom-in', title: 'Zoom in' }, '+'),
    el('button', { type: 'button', id: 'zoom-out', title: 'Zoom out' }, '−'),
    el('button', { type: 'button', id: 'zoom-fit', title: 'Fit the whole diagram' }, 'Fit'));
  const enums = schema.enums.length ? el('section', { class: 'enums' }, el('h3', {}, 'Enum types'),
    el('table', { class: 'grid compact' }, el('tbody', {}, schema.enums.map((type) =>
      el('tr', {}, el('th', {}, type.name), el('td', {}, type.labels.join(', ')))))) ) : null;
  show(toolbar, canvas, enums);
  const diagram = new Diagram(canvas, schema.tables, (name) => { location.hash = '#/schema/' + encodeURIComponent(name); });
  search.addEventListener('input', () => diagram.search(search.value));
  document.getElementById('zoom-in').addEventListener('click', () => diagram.zoomBy(1.25));
  document.getElementById('zoom-out').addEventListener('click', () => diagram.zoomBy(0.8));
  document.getElementById('zoom-fit').addEventListener('click', () => diagram.fit());
}

export async function showTable(name) {
  const { schema } = appState();
  const table = schema.tables.find((t) => t.name === name);
  if (!table) throw new Error('no table ' + name);
  const referencedBy = schema.tables.flatMap((other) => other.foreignKeys
    .filter((key) => key.target === table.name).map((key) => ({ table: other.name, key })));
  const fkOf = (column) => table.foreignKeys.find((key) => key.columns.includes(column));
  show(
    el('div', { class: 'toolbar' },
      el('h2', {}, table.name),
      table.declaredBy ? el('span', { class: 'entity', title: 'the entity class that declares it (from the ledger)' }, table.declaredBy) : el('span', { class: 'muted' }, 'no entity declares it'),
      table.rowEstimate !== null && table.rowEstimate >= 0 ? el('span', { class: 'muted' }, '≈ ' + number(table.rowEstimate) + ' rows') : null,
      el('a', { class: 'button', href: '#/data/' + encodeURIComponent(table.name) }, 'Data')),
    table.comment ? el('p', { class: 'comment' }, table.comment) : null,
    el('table', { class: 'grid structure' },
      el('thead', {}, el('tr', {}, ['column', 'type', 'nullable', 'default', 'key', 'comment'].map((h) => el('th', {}, h)))),
      el('tbody', {}, table.columns.map((column) => {
        const key = fkOf(column.name);
        return el('tr', {},
          el('td', { class: 'name' }, column.name),
          el('td', { class: 'type' }, column.type),
          el('td', {}, column.nullable ? 'null' : 'not null'),
          el('td', { class: 'code' }, column.identity ? 'identity' : column.defaultExpression || ''),
          el('td', {}, column.primaryKey ? el('span', { class: 'badge pk' }, 'PK') : null,
            key ? el('a', { class: 'badge fk', href: '#/schema/' + encodeURIComponent(key.target) }, 'FK → ' + key.target) : null),
          el('td', { class: 'muted' }, column.comment || ''));
      }))),
    section('Keys and constraints', [
      table.primaryKey ? ['primary key', table.primaryKey.name, table.primaryKey.columns.join(', ')] : null,
      ...table.uniques.map((u) => ['unique', u.name, u.columns.join(', ')]),
      ...table.foreignKeys.map((f) => ['foreign key', f.name, f.columns.join(', ') + ' → ' + f.target + ' (' + f.targetColumns.join(', ')
        + ') on delete ' + f.onDelete + ', on update ' + f.onUpdate]),
      ...table.checks.map((c) => ['check', c.name, c.expression]),
    ].filter(Boolean)),
    section('Indexes', table.indexes.map((i) => [(i.unique ? 'unique ' : '') + i.method, i.name,
      i.columns.join(', ') + (i.where ? ' WHERE ' + i.where : '')])),
    section('Referenced by', referencedBy.map(({ table: other, key }) => ['foreign key', key.name,
      other + ' (' + key.columns.join(', ') + ')'])));
}

function section(title, rows) {
  if (!rows.length) return null;
  return el('section', {}, el('h3', {}, title), el('table', { class: 'grid compact' }, el('tbody', {},
    rows.map(([kind, name, detail]) => el('tr', {}, el('td', { class: 'muted' }, kind), el('td', { class: 'name' }, name),
      el('td', { class: 'code' }, detail))))));
}
