// Runtime settings for the ZHSZ web app, read before the app starts. Deployments may replace this file
// (or set window.__ZHSZ_CONFIG__ before the app script runs); unset keys fall back to the build-time
// VITE_* values and then to the local defaults. Keys:
//   keycloakUrl  e.g. "https://id.example.edu.cn"   (default http://127.0.0.1:8180)
//   realm        default "zhsz"
//   clientId     default "zhsz-web"
//   apiBase      default "" (same origin as the web app)
window.__ZHSZ_CONFIG__ = window.__ZHSZ_CONFIG__ || {};
