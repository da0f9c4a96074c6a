import express, { type Router } from 'express';
import getAbsoluteFSPath from 'swagger-ui-dist/absolute-path.js';

/** Swagger UI's own files, served from the swagger-ui-dist package: nothing is fetched from elsewhere. */
const ASSETS = [
  'swagger-ui.css',
  'swagger-ui-bundle.js',
  'swagger-ui-standalone-preset.js',
  'favicon-32x32.png',
];

const PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>picon API</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="icon" type="image/png" href="/docs/favicon-32x32.png">
<link rel="stylesheet" href="/docs/swagger-ui.css">
</head><body>
<noscript>The interactive documentation needs JavaScript; the description itself is <a href="/openapi.json">/openapi.json</a>.</noscript>
<div id="swagger-ui"></div>
<script src="/docs/swagger-ui-bundle.js"></script>
<script src="/docs/init.js"></script>
</body></html>`;

// "Try it out" is on from the start; the key given under Authorize is kept in this tab only (not persisted).
const INIT = `window.ui = SwaggerUIBundle({
  url: '/openapi.json',
  dom_id: '#swagger-ui',
  deepLinking: true,
  tryItOutEnabled: true,
  persistAuthorization: false,
  displayOperationId: true,
  defaultModelsExpandDepth: 0,
});
`;

/** Scripts and styles from this server only; Swagger UI sets inline styles and loads its icons as data: URLs. */
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'";

/**
 * /docs: Swagger UI (self-hosted from swagger-ui-dist) rendering /openapi.json, where a user gives a key under
 * "Authorize" and tries any request. No CDN, no network beyond this server.
 */
export function docsRouter(): Router {
  const router = express.Router();
  const root = getAbsoluteFSPath();
  router.get('/docs', (_req, res) => {
    res.set('Content-Security-Policy', CSP).type('html').send(PAGE);
  });
  router.get('/docs/init.js', (_req, res) => {
    res.set('Content-Security-Policy', CSP).type('application/javascript').send(INIT);
  });
  for (const name of ASSETS)
    router.get(`/docs/${name}`, (_req, res) => {
      res.set('Cache-Control', 'public, max-age=86400').sendFile(name, { root });
    });
  return router;
}
