'use strict';
// The smallest web server ChannelServiceRoutes can register on (it expects restify/express-style
// get/post/put/delete with ':param' routes and res.status/send/end). No express: fewer parts we didn't choose.
const http = require('http');

function compile(pattern) {
  const names = [];
  const source = pattern.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:(\w+)/g, (_, name) => {
    names.push(name);
    return '([^/]+)';
  });
  return { regex: new RegExp(`^${source}$`), names };
}

function createServer() {
  const routes = [];
  const add = (method) => (pattern, handler) => routes.push({ method, handler, ...compile(pattern) });
  const server = http.createServer((req, res) => {
    const path = new URL(req.url, 'http://localhost').pathname;
    // Longest pattern first, so '/activities/history' wins over '/activities/:activityId'.
    const match = routes
      .filter((r) => r.method === req.method)
      .map((r) => ({ r, m: r.regex.exec(path) }))
      .filter((x) => x.m)
      .sort((a, b) => b.r.regex.source.length - a.r.regex.source.length)[0];
    if (!match) {
      res.writeHead(404).end();
      return;
    }
    req.params = {};
    match.r.names.forEach((name, i) => (req.params[name] = decodeURIComponent(match.m[i + 1])));
    let status = 200;
    res.status = (code) => (status = code);
    res.send = (body) => {
      const json = typeof body === 'string' ? body : JSON.stringify(body);
      res.writeHead(status, { 'Content-Type': typeof body === 'string' ? 'text/plain' : 'application/json' });
      res.write(json);
    };
    const end = res.end.bind(res);
    res.end = (...args) => {
      if (!res.headersSent) res.writeHead(status);
      return end(...args);
    };
    match.r.handler(req, res, () => {});
  });
  return { server, get: add('GET'), post: add('POST'), put: add('PUT'), delete: add('DELETE') };
}

module.exports = { createServer };
