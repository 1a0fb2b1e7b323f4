// The JSON API, relative to the page's own URL (/TOKEN/), so every request carries the token.

export async function get(path, params = {}) {
  const query = new URLSearchParams(params).toString();
  return answer(await fetch('api/' + path + (query ? '?' + query : ''), { headers: { Accept: 'application/json' } }));
}

// Changes are JSON: a content type no cross-site form can send; the browser adds the Origin the server checks.
export async function change(method, body) {
  return answer(await fetch('api/rows', {
    method,
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  }));
}

async function answer(response) {
  const body = await response.json().catch(() => ({ error: response.statusText }));
  if (!response.ok) {
    throw new Error(body.error || 'HTTP ' + response.status);
  }
  return body;
}

// A small element builder: el('td', {class: 'x'}, 'text', child…). Text is always text, never HTML.
export function el(tag, attributes = {}, ...children) {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === null || value === false) continue;
    if (name.startsWith('on')) element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children.flat()) {
    if (child === null || child === undefined || child === false) continue;
    element.append(child instanceof Node ? child : String(child));
  }
  return element;
}

export function number(n) {
  return Number(n).toLocaleString('en-US');
}
