import http from 'node:http';

/**
 * A load generator in its own process, so its CPU is not the server's: keeps `connections`
 * keep-alive connections busy with GETs of one URL for `seconds`, and answers with the count of
 * 200s, other answers and errors. Started with `fork`; the order comes as the first IPC message.
 */
process.once('message', (order: { url: string; connections: number; seconds: number; headers?: Record<string, string> }) => {
  const agent = new http.Agent({ keepAlive: true, maxSockets: order.connections });
  const until = Date.now() + order.seconds * 1000;
  let ok = 0;
  let other = 0;
  let errors = 0;
  let bytes = 0;
  const one = (): Promise<void> =>
    new Promise((resolve) => {
      const request = http.get(order.url, { agent, headers: order.headers ?? {} }, (response) => {
        response.on('data', (chunk: Buffer) => (bytes += chunk.length));
        response.on('end', () => {
          if (response.statusCode === 200) ok += 1;
          else other += 1;
          resolve();
        });
      });
      request.on('error', () => {
        errors += 1;
        resolve();
      });
    });
  const worker = async () => {
    while (Date.now() < until) await one();
  };
  const started = performance.now();
  void Promise.all(Array.from({ length: order.connections }, worker)).then(() => {
    const seconds = (performance.now() - started) / 1000;
    agent.destroy();
    process.send?.({ ok, other, errors, seconds, bytes }, () => process.exit(0));
  });
});
