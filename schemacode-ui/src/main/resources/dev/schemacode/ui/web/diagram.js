// The entity-relationship diagram: tables as boxes, foreign keys as curves from the referencing column
// to the referenced table. Layered layout (referenced tables left of the tables that reference them),
// tall layers wrapped, tables without any foreign key in a grid below; zoom with the wheel, pan by dragging.
const SVG = 'http://www.w3.org/2000/svg';
const WIDTH = 230;
const HEAD = 26;
const ROW = 17;
const MAX_ROWS = 12;
const GAP_X = 110;
const GAP_Y = 30;
const MAX_LAYER_HEIGHT = 1500;

function svg(tag, attributes = {}, text) {
  const element = document.createElementNS(SVG, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (text !== undefined) element.textContent = text;
  return element;
}

function height(table) {
  return HEAD + Math.min(table.columns.length, MAX_ROWS + 1) * ROW + 6;
}

// Positions of every table: {name: {x, y, w, h}}.
export function layout(tables) {
  const byName = new Map(tables.map((t) => [t.name, t]));
  const parents = (t) => [...new Set(t.foreignKeys.map((k) => k.target))].filter((n) => n !== t.name && byName.has(n));
  const referenced = new Set(tables.flatMap((t) => parents(t)));
  const rank = new Map();
  const visiting = new Set();
  const rankOf = (t) => {
    if (rank.has(t.name)) return rank.get(t.name);
    if (visiting.has(t.name)) return 0; // a cycle: the back edge does not push the table right
    visiting.add(t.name);
    const r = parents(t).reduce((max, p) => Math.max(max, rankOf(byName.get(p)) + 1), 0);
    visiting.delete(t.name);
    rank.set(t.name, r);
    return r;
  };
  const connected = tables.filter((t) => parents(t).length || referenced.has(t.name));
  const isolated = tables.filter((t) => !connected.includes(t));
  const layers = [];
  for (const t of connected) (layers[rankOf(t)] ||= []).push(t);
  const positions = {};
  let x = 0;
  let bottom = 0;
  for (const layer of layers.filter(Boolean)) {
    // order by the mean height of the tables referenced, so that curves run mostly straight
    const centre = (t) => {
      const ys = parents(t).map((p) => positions[p]).filter(Boolean).map((p) => p.y + p.h / 2);
      return ys.length ? ys.reduce((a, b) => a + b, 0) / ys.length : Number.MAX_SAFE_INTEGER;
    };
    layer.sort((a, b) => centre(a) - centre(b) || a.name.localeCompare(b.name));
    let y = 0;
    for (const t of layer) {
      if (y > 0 && y + height(t) > MAX_LAYER_HEIGHT) { // wrap a tall layer into another column
        x += WIDTH + GAP_X / 2;
        y = 0;
      }
      positions[t.name] = { x, y, w: WIDTH, h: height(t) };
      y += height(t) + GAP_Y;
      bottom = Math.max(bottom, y);
    }
    x += WIDTH + GAP_X;
  }
  const across = Math.max(4, Math.floor(Math.max(x, 1200) / (WIDTH + GAP_Y)));
  let rowTop = connected.length ? bottom + GAP_X : 0;
  for (let i = 0; i < isolated.length; i += across) {
    const row = isolated.slice(i, i + across);
    row.forEach((t, j) => { positions[t.name] = { x: j * (WIDTH + GAP_Y), y: rowTop, w: WIDTH, h: height(t) }; });
    rowTop += Math.max(...row.map(height)) + GAP_Y;
  }
  return positions;
}

export class Diagram {
  constructor(container, tables, onOpen) {
    this.container = container;
    this.tables = tables;
    this.positions = layout(tables);
    this.scale = 1;
    this.tx = 20;
    this.ty = 20;
    this.root = svg('svg', { class: 'er', width: '100%', height: '100%' });
    this.viewport = svg('g');
    this.root.append(this.viewport);
    container.replaceChildren(this.root);
    this.draw(onOpen);
    this.interact();
    this.fit();
  }

  draw(onOpen) {
    const edges = svg('g', { class: 'edges' });
    const boxes = svg('g', { class: 'boxes' });
    for (const table of this.tables) {
      const from = this.positions[table.name];
      for (const key of table.foreignKeys) {
        const to = this.positions[key.target];
        if (!to) continue;
        const row = Math.min(table.columns.findIndex((c) => c.name === key.columns[0]), MAX_ROWS);
        const y1 = from.y + HEAD + row * ROW + ROW / 2 + 2;
        const y2 = to.y + HEAD / 2;
        let x1, x2, bend;
        if (from.x > to.x) { x1 = from.x; x2 = to.x + to.w; bend = Math.max(40, (x1 - x2) / 2); bend = -bend; }
        else if (from.x < to.x) { x1 = from.x + from.w; x2 = to.x; bend = Math.max(40, (x2 - x1) / 2); }
        else { x1 = from.x + from.w; x2 = to.x + to.w; bend = 60; }
        const c2 = from.x === to.x ? x2 + bend : x2 - bend;
        const path = svg('path', { d: `M${x1},${y1} C${x1 + bend},${y1} ${c2},${y2} ${x2},${y2}`,
          'data-from': table.name, 'data-to': key.target });
        path.append(svg('title', {}, key.name + ': ' + table.name + ' (' + key.columns.join(', ') + ') → ' + key.target));
        edges.append(path);
      }
      boxes.append(this.box(table, from, onOpen));
    }
    this.viewport.append(edges, boxes);
  }

  box(table, at, onOpen) {
    const group = svg('g', { class: 'table', transform: `translate(${at.x},${at.y})`, 'data-table': table.name });
    group.append(svg('title', {}, table.name + (table.declaredBy ? '\ndeclared by ' + table.declaredBy : '')));
    group.append(svg('rect', { class: 'frame', width: at.w, height: at.h, rx: 4 }));
    group.append(svg('rect', { class: 'head', width: at.w, height: HEAD, rx: 4 }));
    group.append(svg('text', { class: 'title', x: 8, y: 17 }, table.name));
    const keys = new Set(table.foreignKeys.flatMap((k) => k.columns));
    table.columns.slice(0, MAX_ROWS).forEach((column, i) => {
      const y = HEAD + i * ROW + 13;
      group.append(svg('text', { class: 'column' + (column.primaryKey ? ' pk' : ''), x: 8, y }, column.name));
      group.append(svg('text', { class: 'type', x: at.w - 8, y, 'text-anchor': 'end' },
        (column.primaryKey ? 'PK ' : keys.has(column.name) ? 'FK ' : '') + column.type.slice(0, 16)));
    });
    if (table.columns.length > MAX_ROWS) {
      group.append(svg('text', { class: 'more', x: 8, y: HEAD + MAX_ROWS * ROW + 13 }, '+ ' + (table.columns.length - MAX_ROWS) + ' more'));
    }
    group.addEventListener('click', () => { if (!this.dragged) onOpen(table.name); });
    return group;
  }

  interact() {
    this.root.addEventListener('wheel', (event) => {
      event.preventDefault();
      const bounds = this.root.getBoundingClientRect();
      this.zoomBy(Math.exp(-event.deltaY * 0.0015), event.clientX - bounds.left, event.clientY - bounds.top);
    }, { passive: false });
    let start = null;
    this.root.addEventListener('pointerdown', (event) => {
      start = { x: event.clientX, y: event.clientY, tx: this.tx, ty: this.ty };
      this.dragged = false;
    });
    window.addEventListener('pointermove', (event) => {
      if (!start) return;
      const dx = event.clientX - start.x;
      const dy = event.clientY - start.y;
      if (Math.abs(dx) + Math.abs(dy) > 4) this.dragged = true;
      this.tx = start.tx + dx;
      this.ty = start.ty + dy;
      this.apply();
    });
    window.addEventListener('pointerup', () => { start = null; });
  }

  apply() {
    this.viewport.setAttribute('transform', `translate(${this.tx},${this.ty}) scale(${this.scale})`);
    this.root.dataset.scale = this.scale.toFixed(3);
  }

  zoomBy(factor, cx, cy) {
    const bounds = this.root.getBoundingClientRect();
    const x = cx ?? bounds.width / 2;
    const y = cy ?? bounds.height / 2;
    const next = Math.min(3, Math.max(0.1, this.scale * factor));
    this.tx = x - (x - this.tx) * (next / this.scale);
    this.ty = y - (y - this.ty) * (next / this.scale);
    this.scale = next;
    this.apply();
  }

  fit() {
    const all = Object.values(this.positions);
    if (!all.length) return;
    const width = Math.max(...all.map((p) => p.x + p.w));
    const height = Math.max(...all.map((p) => p.y + p.h));
    const bounds = this.root.getBoundingClientRect();
    this.scale = Math.min(1.2, Math.max(0.1, Math.min((bounds.width - 40) / width, (bounds.height - 40) / height)));
    this.tx = 20;
    this.ty = 20;
    this.apply();
  }

  // Marks the tables whose name contains the text, and brings the first one to the middle.
  search(text) {
    const query = text.trim().toLowerCase();
    let first = null;
    for (const group of this.viewport.querySelectorAll('g.table')) {
      const match = query && group.dataset.table.toLowerCase().includes(query);
      group.classList.toggle('match', Boolean(match));
      group.classList.toggle('dim', Boolean(query) && !match);
      if (match && !first) first = group.dataset.table;
    }
    for (const path of this.viewport.querySelectorAll('.edges path')) {
      path.classList.toggle('dim', Boolean(query) && !(path.dataset.from.toLowerCase().includes(query) || path.dataset.to.toLowerCase().includes(query)));
    }
    if (first) {
      const at = this.positions[first];
      const bounds = this.root.getBoundingClientRect();
      this.scale = Math.max(this.scale, 0.9);
      this.tx = bounds.width / 2 - (at.x + at.w / 2) * this.scale;
      this.ty = bounds.height / 2 - (at.y + at.h / 2) * this.scale;
      this.apply();
    }
  }
}
