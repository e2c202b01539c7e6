/**
 * A local update feed for the browser tests: answers from a table of routes that a test changes as it goes, and
 * records every request it receives, so a test can assert that the extension asked for nothing.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';

export interface Route {
  status?: number;
  body?: string;
  contentType?: string;
  /** Answers with a redirect to this address instead. */
  redirect?: string;
}

export interface FeedServer {
  origin: string;
  /** Paths requested, in order (e.g. "/feed.json"). */
  requests: string[];
  routes: Map<string, Route>;
  close(): Promise<void>;
}

export function startFeedServer(): Promise<FeedServer> {
  const requests: string[] = [];
  const routes = new Map<string, Route>();
  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname;
    requests.push(path);
    const route = routes.get(path);
    if (!route) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('not found');
    if (route.redirect) return void response.writeHead(302, { location: route.redirect }).end();
    response.writeHead(route.status ?? 200, { 'content-type': route.contentType ?? 'application/json', 'cache-control': 'no-store' }).end(route.body ?? '');
  });
  return new Promise((resolve) => {
    server.listen(0, '127.0.0.1', () => {
      const address = server.address() as { port: number };
      resolve({
        origin: `http://127.0.0.1:${address.port}`,
        requests,
        routes,
        close: () =>
          new Promise<void>((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      });
    });
  });
}
