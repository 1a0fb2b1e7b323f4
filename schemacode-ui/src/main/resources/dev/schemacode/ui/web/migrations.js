// The migrations view: the timeline as `schemacode status` sees it, a migration's SQL with its header
// marked, and drift as `schemacode diff` computes it, with the reconciling SQL.
import { get, el } from './api.js';
import { show } from './app.js';

export async function showMigrations(version) {
  const [timeline, drift] = await Promise.all([get('migrations'), get('drift')]);
  if (timeline.unavailable) {
    show(el('div', { class: 'toolbar' }, el('h2', {}, 'Migrations')),
      el('p', { class: 'error' }, timeline.unavailable), driftSection(drift));
    return;
  }
  const script = el('section', { class: 'script', id: 'script' },
    el('p', { class: 'muted' }, 'Choose a migration to read its SQL.'));
  show(
    el('div', { class: 'toolbar' }, el('h2', {}, 'Migrations'),
      el('span', { class: 'muted' }, timeline.location),
      el('span', {}, timeline.currentVersion ? 'at V' + timeline.currentVersion : 'nothing applied'),
      el('span', { class: timeline.pending ? 'badge pending' : 'badge applied' }, timeline.pending + ' pending'),
      el('span', { class: timeline.problems ? 'badge problem' : 'badge applied' }, timeline.problems + ' problems')),
    // the lines `schemacode status` prints above its table, in its words
    timeline.checkpoint ? el('p', { class: 'muted', id: 'checkpoint' }, timeline.checkpoint) : null,
    timeline.pushed ? el('p', { class: 'notice', id: 'pushed' }, timeline.pushed) : null,
    el('div', { class: 'split' },
      el('ol', { class: 'timeline', id: 'timeline' }, timeline.migrations.map((m) => entry(m, version))),
      script),
    driftSection(drift));
  if (version) await showScript(version, script);
}

function entry(migration, selected) {
  const when = migration.appliedAt
    ? new Date(migration.appliedAt).toISOString().replace('T', ' ').replace(/\.\d+Z$/, ' UTC')
      + ' · ' + migration.executionMs + ' ms' + (migration.kind && migration.kind !== 'migration' ? ' · ' + migration.kind : '')
    : '';
  return el('li', { class: 'state-' + migration.state + (migration.version === selected ? ' active' : ''), 'data-version': migration.version },
    el('span', { class: 'badge ' + (migration.problem ? 'problem' : migration.state) }, migration.state),
    migration.hasFile
      ? el('a', { href: '#/migrations/' + migration.version }, migration.label)
      : el('span', {}, migration.label),
    migration.transactional === false ? el('span', { class: 'muted' }, 'no transaction') : null,
    !migration.hasFile && migration.state !== 'missing'
      ? el('span', { class: 'muted archived' }, migration.kind === 'checkpoint'
        ? 'file archived (the checkpoint covers it)' : 'no script in this build')
      : null,
    el('span', { class: 'muted when' }, when),
    migration.explanation ? el('p', { class: 'explanation' }, migration.explanation) : null);
}

async function showScript(version, container) {
  const script = await get('migrations/' + encodeURIComponent(version));
  const lines = script.sql.replace(/\n$/, '').split('\n');
  let risky = false;
  const code = el('pre', { class: 'sql' }, lines.map((line, i) => {
    const header = i < script.headerLines;
    if (header && /^--\s*(Risky steps|Data loss)/i.test(line)) risky = true;
    else if (header && /^--\s*\S.*:$/.test(line)) risky = false;
    return el('span', { class: header ? (risky && /^--\s{2,}/.test(line) ? 'header risky' : 'header') : 'statement' }, line + '\n');
  }));
  container.replaceChildren(el('h3', {}, script.label, ' ', el('span', { class: 'badge ' + script.state }, script.state)), code);
}

function driftSection(drift) {
  const title = el('h3', {}, 'Drift ', el('span', { class: 'muted' }, '(what `schemacode diff` reports)'));
  if (!drift.available) {
    return el('section', { class: 'drift', id: 'drift' }, title, el('p', { class: 'muted' }, drift.reason));
  }
  return el('section', { class: 'drift', id: 'drift' }, title,
    drift.pending.length ? el('p', { class: 'notice' }, drift.pending.length + ' pending (' + drift.pending.join(', ')
      + '): the recorded schema is the one after them, so their changes show below too; deploy, then look again.') : null,
    drift.changes.length
      ? [el('ul', { class: 'changes' }, drift.changes.map((c) => el('li', {}, c.change))),
        el('p', { class: 'muted' }, 'SQL that would make the database match the recorded schema (review before running):'),
        el('pre', { class: 'sql' }, drift.sql)]
      : el('p', { class: 'ok' }, 'The database matches the schema the migrations record.'));
}
