/** A self-contained HTML page (no CDN, no network) that renders /openapi.json: paths, then schemas. */
export const DOCS_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>picon API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<style>
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#1b1b1b}
h1{margin-bottom:.2rem}code,pre{font-family:ui-monospace,monospace;font-size:13px}
.op{border:1px solid #ccd;border-radius:6px;margin:.6rem 0;padding:.5rem .8rem}
.m{display:inline-block;min-width:4rem;font-weight:700;text-transform:uppercase}
.get{color:#0a5}.post{color:#05a}pre{background:#f5f6f8;padding:.6rem;overflow:auto;max-height:24rem}
details summary{cursor:pointer}
</style></head><body>
<h1>picon API</h1><p id="desc">Loading <a href="/openapi.json">/openapi.json</a>…</p>
<h2>Paths</h2><div id="paths"></div><h2>Schemas</h2><div id="schemas"></div>
<script>
const esc = (s) => String(s).replace(/[&<>"]/g, (c) => ({'&':'&amp;','<':'&lt;','>':'&gt;','"':'&quot;'}[c]));
fetch('/openapi.json').then((r) => r.json()).then((doc) => {
  document.getElementById('desc').innerHTML = esc(doc.info.description) + ' Version ' + esc(doc.info.version) + '. Raw: <a href="/openapi.json">openapi.json</a>';
  const paths = document.getElementById('paths');
  for (const [path, ops] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      const el = document.createElement('div');
      el.className = 'op';
      const body = op.requestBody ? '<div>Body: <code>' + esc(JSON.stringify(Object.values(op.requestBody.content)[0].schema)) + '</code></div>' : '';
      const params = (op.parameters || []).map((p) => '<code>' + esc(p.in + ':' + p.name) + (p.required ? '*' : '') + '</code>').join(' ');
      const responses = Object.entries(op.responses).map(([s, r]) => '<code>' + esc(s) + '</code> ' + esc(r.description)).join(' · ');
      el.innerHTML = '<span class="m ' + method + '">' + esc(method) + '</span> <code>' + esc(path) + '</code> ' + (op.security ? '🔑' : '') +
        '<div>' + esc(op.summary || '') + '</div>' + (params ? '<div>Parameters: ' + params + '</div>' : '') + body + '<div>Responses: ' + responses + '</div>';
      paths.appendChild(el);
    }
  }
  const schemas = document.getElementById('schemas');
  for (const [name, schema] of Object.entries(doc.components.schemas)) {
    const d = document.createElement('details');
    d.id = name;
    d.innerHTML = '<summary><code>' + esc(name) + '</code></summary><pre>' + esc(JSON.stringify(schema, null, 2)) + '</pre>';
    schemas.appendChild(d);
  }
}).catch((e) => { document.getElementById('desc').textContent = 'Could not load /openapi.json: ' + e; });
</script></body></html>`;
